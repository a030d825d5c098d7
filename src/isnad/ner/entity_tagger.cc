#include "isnad/ner/entity_tagger.h"

#include <algorithm>
#include <unordered_map>

#include "isnad/text/flat_string_map.h"

namespace isnad {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// How many bytes of `token`'s matching form come from text before `source_offset` (the
// proclitics an entity span starting there leaves out). to_source is non-decreasing.
size_t ProcliticBytesBefore(const Document& doc, const Token& token, uint32_t source_offset) {
  const auto begin = doc.normalized.to_source.begin() + token.norm_span.begin;
  const auto end = doc.normalized.to_source.begin() + token.norm_span.end;
  return static_cast<size_t>(std::lower_bound(begin, end, source_offset) - begin);
}

// The matches that start at token t, as [first, last) (FindAll orders them by begin_token).
std::pair<std::vector<GazetteerMatch>::const_iterator, std::vector<GazetteerMatch>::const_iterator> MatchesAt(
    const std::vector<GazetteerMatch>& matches, uint32_t t) {
  const auto first = std::lower_bound(matches.begin(), matches.end(), t,
                                      [](const GazetteerMatch& m, uint32_t token) { return m.begin_token < token; });
  auto last = first;
  while (last != matches.end() && last->begin_token == t) ++last;
  return {first, last};
}

}  // namespace

EntityTagger::EntityTagger(const CrfModel* crf, const Gazetteer* gazetteer, const CliticRules* clitics)
    : crf_(crf), gazetteer_(gazetteer), clitics_(clitics), features_(clitics, &crf->word_classes()) {
  known_word_category_ = gazetteer_->FindCategory("KNOWN.WORD");
  for (const std::string& category : gazetteer_->categories()) {
    listed_name_.push_back(category == "PER" || category == "GPE" || category == "LOC" || category == "FAC" ||
                           StartsWith(category, "ORG."));
    designator_like_.push_back(category == "TITLE" || category == "NATIONALITY" || category == "COMPASS" ||
                               category == "PORTFOLIO" || StartsWith(category, "DESIG."));
    name_head_.push_back(category == "TITLE"                                  ? kTitleHead
                         : category == "NATIONALITY" || category == "PORTFOLIO" ? kModifierHead
                         : StartsWith(category, "DESIG.")                    ? kDesignatorHead
                                                                              : 0);
  }
}

uint8_t EntityTagger::HeadKinds(std::string_view word) const {
  uint8_t kinds = 0;
  for (uint32_t c : gazetteer_->CategoriesOf(word)) kinds |= name_head_[c];
  return kinds;
}

bool EntityTagger::FollowsNameHead(const Document& doc, uint32_t token) const {
  auto head_kinds = [&](uint32_t t) { return HeadKinds(doc.tokens[t].norm); };
  if (token == 0) return false;
  if ((head_kinds(token - 1) & kDesignatorHead) && !clitics_->StartsWithArticle(doc.tokens[token - 1].norm)) return true;
  // A title, and then perhaps its portfolio and nationality (وزير الدفاع البريطاني).
  for (uint32_t t = token, modifiers = 0; t-- > 0 && modifiers <= 2; ++modifiers) {
    const uint8_t kinds = head_kinds(t);
    if (kinds & kTitleHead) return true;
    if (!(kinds & kModifierHead)) return false;
  }
  return false;
}

bool EntityTagger::IsKnownWord(const std::string& word) const {
  const std::vector<uint32_t>& set = gazetteer_->CategoriesOf(word);
  return known_word_category_ >= 0 &&
         std::binary_search(set.begin(), set.end(), static_cast<uint32_t>(known_word_category_));
}

bool EntityTagger::IsDesignatorLike(const std::string& word) const {
  for (uint32_t c : gazetteer_->CategoriesOf(word)) {
    if (c < designator_like_.size() && designator_like_[c]) return true;
  }
  return false;
}

bool EntityTagger::OnlyDesignators(const Document& doc, uint32_t begin, uint32_t end,
                                   const std::vector<GazetteerMatch>& matches) const {
  // A listed name (الاتحاد الاوروبي، الجزيره) among the matches starting at `begin`.
  const auto [first, last] = MatchesAt(matches, begin);
  for (auto m = first; m != last; ++m) {
    if (m->end_token == end && listed_name_[m->category]) return false;
  }
  for (uint32_t t = begin; t < end; ++t) {
    const Token& token = doc.tokens[t];
    bool designator = IsDesignatorLike(token.norm);
    for (size_t c = 1; c < token.analyses.size() && !designator; ++c) designator = IsDesignatorLike(token.analyses[c].stem);
    if (!designator) return false;
  }
  return true;
}

uint32_t EntityTagger::NameAfterTitles(const Document& doc, uint32_t begin, uint32_t end,
                                       const std::vector<GazetteerMatch>& matches) const {
  // The end of the longest word or phrase at `t` whose categories give `kind`, or 0; `definite`
  // (when given): whether it is a phrase or a word with the article.
  auto head_end = [&](uint32_t t, uint8_t kind, bool* definite) {
    uint32_t found = 0;
    bool phrase_or_article = false;
    const auto [first, last] = MatchesAt(matches, t);
    for (auto m = first; m != last; ++m) {
      if ((name_head_[m->category] & kind) && m->end_token > found) {
        found = m->end_token;
        phrase_or_article = m->end_token > t + 1;
      }
    }
    for (const CliticCandidate& c : doc.tokens[t].analyses) {
      if (found > t + 1 || !(HeadKinds(c.stem) & kind)) continue;
      found = t + 1;
      phrase_or_article = phrase_or_article || clitics_->StartsWithArticle(c.stem);
    }
    if (definite) *definite = phrase_or_article;
    return found;
  };
  bool definite = false;
  uint32_t t = head_end(begin, kTitleHead, &definite);
  if (t == 0 || t >= end) return begin;
  // An indefinite title word right before the name is more often a given name (سيد قطب، رائد
  // صلاح) than a title; before a portfolio or nationality it is the title (وزير الخارجيه).
  bool modified = false;
  for (int modifiers = 0; modifiers < 2; ++modifiers) {
    const uint32_t next = head_end(t, kModifierHead, nullptr);
    if (next == 0) break;
    if (next >= end) return begin;
    t = next;
    modified = true;
  }
  return definite || modified ? t : begin;
}

void EntityTagger::Labels(const Document& doc, uint32_t begin, uint32_t end, const std::vector<GazetteerMatch>& matches,
                          std::vector<std::vector<uint64_t>>* features, std::vector<int>* labels) {
  // A sentence's features take some 400 bytes a token: a long one is scored in pieces, so that
  // the features of one piece stay in the cache and are never all in memory at once.
  constexpr uint32_t kPiece = 256;
  const TokenCategories categories = CategoriesOf(matches, begin, end);
  const size_t L = crf_->labels().size();
  const std::vector<float>& bias = crf_->label_bias();
  std::vector<float> scores((end - begin) * L);  // [T][L]
  for (uint32_t first = begin; first < end; first += kPiece) {
    const uint32_t last = std::min(end, first + kPiece);
    const std::vector<uint32_t>& rows = LocalWeightRows(doc, first, last, features);
    for (uint32_t t = first; t < last; ++t) {
      const float* local = local_weights_.data() + static_cast<size_t>(rows[t - first]) * L;
      float* out = scores.data() + (t - begin) * L;
      for (size_t l = 0; l < L; ++l) out[l] = bias[l] + local[l];
    }
    features_.Extract(doc, begin, end, first, last, categories, gazetteer_->categories(), features,
                      FeatureScope::kContext);
    crf_->AddFeatureWeights(*features, scores.data() + (first - begin) * L);
  }
  crf_->DecodeScores(scores.data(), static_cast<int>(end - begin), labels);
}

const std::vector<uint32_t>& EntityTagger::LocalWeightRows(const Document& doc, uint32_t first, uint32_t last,
                                                           std::vector<std::vector<uint64_t>>* features) {
  const size_t L = crf_->labels().size();
  if (local_rows_.size() + (last - first) > kLocalMemoLimit) {  // room for every token of the piece
    local_rows_ = FlatStringMap<uint32_t>();
    local_weights_.clear();
  }
  // Each token's row; a word new to the memo gets the next row, computed below with the others.
  const uint32_t first_new = static_cast<uint32_t>(local_rows_.size());
  new_tokens_.clear();
  rows_.resize(last - first);
  for (uint32_t t = first; t < last; ++t) {
    const Token& token = doc.tokens[t];
    local_key_.assign(1, static_cast<char>(token.kind));
    local_key_ += token.norm;
    if (const uint32_t* row = local_rows_.Find(local_key_)) {
      rows_[t - first] = *row;
      continue;
    }
    rows_[t - first] = static_cast<uint32_t>(local_rows_.size());
    local_rows_.Insert(local_key_) = rows_[t - first];
    new_tokens_.push_back(t);
  }
  if (!new_tokens_.empty()) {
    local_weights_.resize(local_rows_.size() * L, 0.0f);
    features_.ExtractLocal(doc, new_tokens_, features);
    crf_->AddFeatureWeights(*features, local_weights_.data() + static_cast<size_t>(first_new) * L);
  }
  return rows_;
}

uint32_t EntityTagger::ProcliticBytes(const std::vector<CliticCandidate>& candidates, uint32_t token,
                                      const std::vector<GazetteerMatch>& matches) const {
  uint32_t best_len = 0, strip = 0;
  bool from_gazetteer = false;
  const auto at = MatchesAt(matches, token);
  auto at_token = [&](auto&& visit) {
    for (auto m = at.first; m != at.second; ++m) visit(*m);
  };
  at_token([&](const GazetteerMatch& m) {
    if (m.end_token - m.begin_token >= best_len) {
      best_len = m.end_token - m.begin_token;
      strip = m.strip_bytes;
      from_gazetteer = true;
    }
  });
  if (from_gazetteer && known_word_category_ >= 0) {
    // "KNOWN.WORD" matches only say the word occurs in names; a real name match decides.
    bool real = false;
    at_token([&](const GazetteerMatch& m) { real |= static_cast<int>(m.category) != known_word_category_; });
    if (!real) from_gazetteer = false;
  }
  if (from_gazetteer) return strip;
  if (known_word_category_ >= 0) {
    for (size_t c = candidates.size(); c-- > 1;) {
      if (IsKnownWord(candidates[c].stem)) {
        return candidates[c].strip_bytes;
      }
    }
    if (IsKnownWord(candidates[0].stem)) return 0;
  }
  for (size_t c = candidates.size(); c-- > 1;) {
    if (clitics_->StartsWithArticle(candidates[c].stem)) return candidates[c].strip_bytes;
  }
  return 0;
}

std::string EntityTagger::Subtype(const std::vector<GazetteerMatch>& matches, uint32_t begin, uint32_t end) const {
  const auto& names = gazetteer_->categories();
  std::string from_designator;
  for (const GazetteerMatch& m : matches) {
    const std::string& category = names[m.category];
    if (m.begin_token == begin && m.end_token == end && StartsWith(category, "ORG.")) return category.substr(4);
    if (m.begin_token == begin && StartsWith(category, "DESIG.ORG.")) from_designator = category.substr(10);
  }
  return from_designator;
}

void EntityTagger::PropagateNames(const Document& doc, std::vector<bool>* taken, std::vector<Entity>* found) const {
  auto is_designator_like = [&](const std::string& word) { return IsDesignatorLike(word); };
  auto letters = [](const std::string& s) {
    int n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  };
  // The stem of a found entity's first token (its proclitics left out) and its other words.
  auto words_of = [&](const Entity& e) {
    const Token& first = doc.tokens[e.first_token];
    std::vector<std::string> words = {first.norm.substr(ProcliticBytesBefore(doc, first, e.span.begin))};
    for (uint32_t t = e.first_token + 1; t < e.last_token; ++t) words.push_back(doc.tokens[t].norm);
    return words;
  };
  // name (words joined by spaces) -> type; first found wins.
  std::unordered_map<std::string, std::string> names;
  for (const Entity& e : *found) {
    const std::vector<std::string> words = words_of(e);
    std::string key;
    if (e.type == "PER") {
      key = words.back();
      if ((words.size() == 1 && letters(key) < 4) || letters(key) < 3 || is_designator_like(key)) continue;
    } else {
      for (const std::string& w : words) key += (key.empty() ? "" : " ") + w;
      if (letters(key) < 3 || (words.size() == 1 && is_designator_like(key))) continue;
    }
    names.emplace(key, e.type);
  }
  if (names.empty()) return;
  size_t max_words = 1;
  for (const auto& [name, type] : names) max_words = std::max<size_t>(max_words, std::count(name.begin(), name.end(), ' ') + 1);
  // Every name and every proper word prefix of one ("a", "a b" of "a b c"): a prefix maps to "",
  // a name to its type. A run of words that is not in it starts no name, so the scan stops there.
  FlatStringMap<std::string> starts;
  for (const auto& [name, type] : names) starts.Insert(name) = type;
  for (const auto& [name, type] : names) {
    for (size_t space = name.find(' '); space != std::string::npos; space = name.find(' ', space + 1)) {
      starts.Insert(std::string_view(name).substr(0, space));  // "" unless it is a name too
    }
  }

  std::vector<Entity> added;
  std::string key;
  for (const Sentence& sentence : doc.sentences) {
    const uint32_t end = sentence.first_token + sentence.token_count;
    for (uint32_t t = sentence.first_token; t < end; ++t) {
      if ((*taken)[t]) continue;
      for (const CliticCandidate& c : doc.tokens[t].analyses) {
        key.assign(c.stem);
        uint32_t last = t + 1;
        const std::string* type = nullptr;
        uint32_t type_last = 0;
        while (true) {
          const std::string* found_type = starts.Find(key);
          if (!found_type) break;
          if (!found_type->empty()) {
            type = found_type;
            type_last = last;
          }
          if (last >= end || (*taken)[last] || static_cast<size_t>(last - t) >= max_words) break;
          key += ' ';
          key += doc.tokens[last].norm;
          ++last;
        }
        if (!type) continue;
        Entity e;
        e.type = *type;
        e.first_token = t;
        e.last_token = type_last;
        e.span = {doc.normalized.to_source[doc.tokens[t].norm_span.begin + c.strip_bytes], doc.tokens[type_last - 1].span.end};
        for (uint32_t k = t; k < type_last; ++k) (*taken)[k] = true;
        added.push_back(std::move(e));
        t = type_last - 1;
        break;
      }
    }
  }
  found->insert(found->end(), added.begin(), added.end());
}

void EntityTagger::Tag(Document* doc) {
  if (doc->tokens.empty()) return;
  const std::vector<GazetteerMatch> matches = gazetteer_->FindAll(doc->tokens, *clitics_);
  std::vector<bool> taken(doc->tokens.size(), false);
  for (const Entity& e : doc->entities) {
    for (uint32_t t = e.first_token; t < e.last_token; ++t) taken[t] = true;
  }
  const std::vector<std::string>& label_names = crf_->labels();
  std::vector<Entity> found;
  std::vector<int> labels;
  std::vector<std::vector<uint64_t>> features;  // reused by every sentence, to keep its rows' capacity
  size_t next_match = 0;  // matches are ordered by begin_token
  for (const Sentence& sentence : doc->sentences) {
    const uint32_t begin = sentence.first_token, end = begin + sentence.token_count;
    while (next_match < matches.size() && matches[next_match].begin_token < begin) ++next_match;
    if (begin == end) continue;
    std::vector<GazetteerMatch> local;
    for (size_t m = next_match; m < matches.size() && matches[m].begin_token < end; ++m) {
      local.push_back(matches[m]);
    }
    Labels(*doc, begin, end, local, &features, &labels);
    for (uint32_t t = begin; t < end;) {
      const std::string& label = label_names[labels[t - begin]];
      if (label[0] != 'B') {
        ++t;
        continue;
      }
      const std::string type = label.substr(2);
      uint32_t last = t + 1;
      while (last < end && label_names[labels[last - begin]] == "I-" + type) ++last;
      bool free = true;
      for (uint32_t k = t; k < last; ++k) free &= !taken[k];
      if (free && !OnlyDesignators(*doc, t, last, local)) {
        Entity e;
        e.type = type;
        e.first_token = type == "PER" ? NameAfterTitles(*doc, t, last, local) : t;
        e.last_token = last;
        const Token& first = doc->tokens[e.first_token];
        const uint32_t strip = FollowsNameHead(*doc, e.first_token)
                                   ? 0
                                   : ProcliticBytes(first.analyses, e.first_token, local);
        e.span = {doc->normalized.to_source[first.norm_span.begin + strip], doc->tokens[last - 1].span.end};
        if (e.span.begin >= e.span.end) e.span.begin = first.span.begin;
        if (type == "ORG") e.subtype = Subtype(local, t, last);
        found.push_back(std::move(e));
      }
      t = last;
    }
  }
  for (const Entity& e : found) {
    for (uint32_t t = e.first_token; t < e.last_token; ++t) taken[t] = true;
  }
  PropagateNames(*doc, &taken, &found);
  doc->entities.insert(doc->entities.end(), found.begin(), found.end());
  std::sort(doc->entities.begin(), doc->entities.end(),
            [](const Entity& a, const Entity& b) { return a.span.begin < b.span.begin; });
}

}  // namespace isnad
