#include "isnad/text/word_forms.h"

#include <algorithm>

#include "isnad/text/lexicon_tsv.h"

namespace isnad {
namespace {

// A space-separated affix list where "-" is the empty affix.
std::vector<std::string> Affixes(std::string_view column) {
  std::vector<std::string> out = SplitOn(column, ' ');
  for (std::string& a : out) {
    if (a == "-") a.clear();
  }
  return out;
}

int CodePoints(std::string_view s) {
  int n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Compares the last byte first, which rejects most non-matches without a call to memcmp.
bool EndsWith(std::string_view s, std::string_view suffix) {
  if (suffix.empty()) return true;
  return s.size() >= suffix.size() && s.back() == suffix.back() && s.substr(s.size() - suffix.size()) == suffix;
}

// Whether the token's original text ends in a ta marbuta (ة, possibly with harakat after it): the
// matching form folds it into ه, which must then not be read as the pronoun ه (إضافة is no اضاف+ه).
bool EndsInTaMarbuta(std::string_view text) {
  size_t end = text.size();
  // U+064B..U+0652 (tanween, harakat, shadda, sukun) are D9 8B..D9 92 in UTF-8.
  while (end >= 2 && static_cast<unsigned char>(text[end - 2]) == 0xD9 &&
         static_cast<unsigned char>(text[end - 1]) >= 0x8B && static_cast<unsigned char>(text[end - 1]) <= 0x92) {
    end -= 2;
  }
  return end >= 2 && text.substr(end - 2, 2) == "\xD8\xA9";  // U+0629 ARABIC LETTER TEH MARBUTA
}

}  // namespace

Status Inflections::Parse(std::string_view tsv, Inflections* out) {
  Inflections result;
  Status s = ForEachLexiconRow("inflection", tsv, &result.version_, [&](const LexiconRow& row) {
    if (row.columns.size() < 6) return InvalidArgument("expected paradigm, prefixes, suffixes, proclitics, pronouns, stem-final");
    Paradigm p;
    p.name = row.columns[0];
    p.prefixes = Affixes(row.columns[1]);
    p.suffixes = Affixes(row.columns[2]);
    if (p.name.empty() || p.prefixes.empty() || p.suffixes.empty()) {
      return InvalidArgument("a paradigm needs a name, a prefix and a suffix (\"-\" for none)");
    }
    if (row.columns[3] != "conj" && row.columns[3] != "any") return InvalidArgument("proclitics must be conj or any");
    p.any_proclitics = row.columns[3] == "any";
    // "yes" (every suffix pronoun of clitics.tsv), "no", or the list of those allowed.
    if (row.columns[4].empty()) return InvalidArgument("pronouns must be yes, no or a list of pronouns");
    p.pronouns = row.columns[4] != "no";
    if (row.columns[4] != "yes" && row.columns[4] != "no") p.only_pronouns = SplitOn(row.columns[4], ' ');
    if (row.columns[5] != "-") {
      const size_t arrow = row.columns[5].find('>');
      if (arrow == std::string::npos || arrow == 0 || arrow + 1 == row.columns[5].size()) {
        return InvalidArgument("stem-final must be - or A>B");
      }
      p.final_from = row.columns[5].substr(0, arrow);
      p.final_to = row.columns[5].substr(arrow + 1);
    }
    for (const std::string& suffix : p.suffixes) {
      if (!suffix.empty() && suffix[0] == '~' && p.final_from.empty()) {
        return InvalidArgument("a ~suffix needs a stem-final rule");
      }
    }
    if (result.Find(p.name)) return InvalidArgument("paradigm '" + p.name + "' defined twice");
    result.paradigms_.push_back(std::move(p));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  *out = std::move(result);
  return Status::Ok();
}

const Paradigm* Inflections::Find(std::string_view name) const {
  for (const Paradigm& p : paradigms_) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

std::vector<std::string> Inflections::Expand(const Paradigm& paradigm, std::string_view stem) {
  std::vector<std::string> forms;
  std::string scratch;
  ForEachForm(paradigm, stem, &scratch, [&](std::string_view form) {
    if (std::find(forms.begin(), forms.end(), form) == forms.end()) forms.emplace_back(form);
  });
  return forms;
}

Status ParseStemSpecs(std::string_view column, std::vector<StemSpec>* out) {
  out->clear();
  for (const std::string& item : SplitOn(column, ' ')) {
    const size_t colon = item.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == item.size()) {
      return InvalidArgument("stem '" + item + "' is not paradigm:stem[,stem...]");
    }
    std::string_view stems = std::string_view(item).substr(colon + 1);
    while (!stems.empty()) {
      const size_t comma = stems.find(',');
      const std::string_view stem = stems.substr(0, comma);
      if (stem.empty()) return InvalidArgument("empty stem in '" + item + "'");
      out->push_back({item.substr(0, colon), std::string(stem)});
      if (comma == std::string_view::npos) break;
      stems.remove_prefix(comma + 1);
    }
  }
  if (out->empty()) return InvalidArgument("no stems");
  return Status::Ok();
}

Status WordFormIndex::Add(const Inflections& inflections, const StemSpec& spec, const std::vector<std::string>& then,
                          uint32_t entry) {
  const Paradigm* found = inflections.Find(spec.paradigm);
  if (!found) return InvalidArgument("unknown paradigm '" + spec.paradigm + "'");
  uint32_t index = 0;
  while (index < paradigms_.size() && paradigms_[index].name != found->name) ++index;
  if (index == paradigms_.size()) paradigms_.push_back(*found);
  const Paradigm* paradigm = found;
  // Consecutive Adds of one lexicon row share its list.
  if (!then.empty() && thens_.back() != then) thens_.push_back(then);
  const uint32_t then_index = then.empty() ? 0 : static_cast<uint32_t>(thens_.size() - 1);
  auto add = [&](std::string_view form, bool pronoun_only) {
    TargetList& list = forms_.Insert(form);
    for (uint32_t i = list.first; i != kNoTarget; i = targets_[i].next) {
      const Target& t = targets_[i];
      if (t.entry == entry && t.paradigm == index && thens_[t.then] == then && t.pronoun_only == pronoun_only) return;
    }
    const uint32_t added = static_cast<uint32_t>(targets_.size());
    targets_.push_back({entry, index, then_index, kNoTarget, pronoun_only});
    if (list.last == kNoTarget) {
      list.first = added;
    } else {
      targets_[list.last].next = added;
    }
    list.last = added;
  };
  std::string scratch;
  Inflections::ForEachForm(*paradigm, spec.stem, &scratch, [&](std::string_view form) { add(form, false); });
  // Before a pronoun the stem-final letter is rewritten too (زياره → زيارته); that form of the
  // stem never stands alone.
  if (paradigm->pronouns && !paradigm->final_from.empty() && EndsWith(spec.stem, paradigm->final_from)) {
    const std::string_view base = std::string_view(spec.stem).substr(0, spec.stem.size() - paradigm->final_from.size());
    for (const std::string& prefix : paradigm->prefixes) {
      scratch.assign(prefix);
      scratch.append(base);
      scratch.append(paradigm->final_to);
      add(scratch, true);
    }
  }
  return Status::Ok();
}

bool WordFormIndex::FollowedBy(const Document& doc, uint32_t t, const std::vector<std::string>& then) const {
  for (size_t k = 0; k < then.size(); ++k) {
    const size_t next = t + 1 + k;
    if (next >= doc.tokens.size() || doc.tokens[next].sentence != doc.tokens[t].sentence) return false;
    const Token& token = doc.tokens[next];
    const bool same = std::any_of(token.analyses.begin(), token.analyses.end(),
                                  [&](const CliticCandidate& c) { return c.stem == then[k]; });
    if (!same && token.norm != then[k]) return false;
  }
  return true;
}

void WordFormIndex::Lookup(const Document& doc, uint32_t t, const CliticRules& clitics,
                           std::vector<WordFormMatch>* out) const {
  out->clear();
  const Token& token = doc.tokens[t];
  if (token.kind != TokenKind::kWord) return;
  auto consider = [&](const CliticCandidate& c, std::string_view form, std::string_view pronoun_text) {
    const bool pronoun = !pronoun_text.empty();
    const TargetList* targets = forms_.Find(form);
    if (!targets) return;
    for (uint32_t i = targets->first; i != kNoTarget; i = targets_[i].next) {
      const Target& target = targets_[i];
      const Paradigm& p = paradigms_[target.paradigm];
      if (pronoun && !p.pronouns) continue;
      if (pronoun && !p.only_pronouns.empty() &&
          std::find(p.only_pronouns.begin(), p.only_pronouns.end(), pronoun_text) == p.only_pronouns.end()) {
        continue;
      }
      if (!c.proclitics.empty() && !p.any_proclitics && (c.restored || !clitics.OnlyConjunctions(c.proclitics))) continue;
      if (target.pronoun_only && !pronoun) continue;
      const std::vector<std::string>& then = thens_[target.then];
      if (!FollowedBy(doc, t, then)) continue;
      // One match per entry: the analysis with the fewest proclitics wins.
      const bool seen = std::any_of(out->begin(), out->end(), [&](const WordFormMatch& m) { return m.entry == target.entry; });
      if (seen) continue;
      WordFormMatch m;
      m.entry = target.entry;
      m.first_token = t;
      m.end_token = t + 1 + static_cast<uint32_t>(then.size());
      m.strip_bytes = c.strip_bytes;
      m.paradigm = &p;
      m.pronoun = pronoun;
      out->push_back(m);
    }
  };
  const bool ta_marbuta = EndsInTaMarbuta(doc.SpanText(token.span));
  for (const CliticCandidate& c : token.analyses) {
    if (CodePoints(c.stem) < 2) continue;
    consider(c, c.stem, {});
    for (const std::string& suffix : clitics.suffixes()) {
      if (!EndsWith(c.stem, suffix)) continue;
      // A one-letter pronoun where the text wrote ة is the folded ta marbuta, not a pronoun.
      if (ta_marbuta && CodePoints(suffix) == 1) continue;
      const std::string_view base = std::string_view(c.stem).substr(0, c.stem.size() - suffix.size());
      if (CodePoints(base) >= 2) consider(c, base, suffix);
    }
  }
}

Span SpanAfterProclitics(const Document& doc, uint32_t t, uint32_t strip_bytes, uint32_t end_token) {
  const Token& first = doc.tokens[t];
  return {doc.normalized.to_source[first.norm_span.begin + strip_bytes], doc.tokens[end_token - 1].span.end};
}

}  // namespace isnad
