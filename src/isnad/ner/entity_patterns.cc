#include "isnad/ner/entity_patterns.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "isnad/text/lexicon_tsv.h"
#include "isnad/text/utf8.h"

namespace isnad {
namespace {

using Alternative = EntityPatterns::Alternative;
using Atom = EntityPatterns::Atom;
using Pattern = EntityPatterns::Pattern;

constexpr uint32_t kMaxQuoteTokens = 6;  // tokens between the marks of a @QUOTE
constexpr size_t kMaxCandidates = 512;   // matches enumerated per pattern and token

bool IsEntityType(std::string_view t) {
  for (const char* type : {"PER", "ORG", "GPE", "LOC", "FAC", "MISC"}) {
    if (t == type) return true;
  }
  return false;
}

// Whether `text` is a Latin-script word: Latin letters and digits, at least one letter. An acronym
// also has 2-6 letters, all upper-case, and no digit.
bool IsLatinWord(std::string_view text, bool acronym) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  int letters = 0;
  for (int32_t i = 0, n = static_cast<int32_t>(text.size()); i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (LetterScript(c) == USCRIPT_LATIN) {
      if (acronym && !u_isupper(c)) return false;
      ++letters;
    } else if (acronym || !u_isdigit(c)) {
      return false;
    }
  }
  return acronym ? letters >= 2 && letters <= 6 : letters > 0;
}

bool IsCategoryName(std::string_view s) {
  if (s.empty() || s[0] < 'A' || s[0] > 'Z') return false;
  for (char c : s) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_')) return false;
  }
  return true;
}

Status ParseAlternative(std::string_view text, Alternative* out) {
  *out = Alternative();
  if (text.empty()) return InvalidArgument("empty alternative");
  std::string_view name = text, modifier;
  if (const size_t colon = text.find(':'); colon != std::string_view::npos) {
    name = text.substr(0, colon);
    modifier = text.substr(colon + 1);
  }
  if (name == "@QUOTE") {
    out->kind = Alternative::Kind::kQuote;
    if (!modifier.empty() || name.size() != text.size()) return InvalidArgument("@QUOTE takes no modifier");
    return Status::Ok();
  }
  if (text[0] == '\\') {  // an escaped literal: \USA is the word, not a category
    if (text.size() == 1) return InvalidArgument("empty escaped literal");
    out->kind = Alternative::Kind::kLiteral;
    out->value = std::string(text.substr(1));
    return Status::Ok();
  }
  if (name == "@LATIN" || name == "@ACRONYM") {
    out->kind = Alternative::Kind::kLatin;
    out->acronym = name == "@ACRONYM";
    if (name.size() != text.size()) return InvalidArgument(std::string(name) + " takes no modifier");
    return Status::Ok();
  }
  if (name[0] == '@') {
    out->kind = Alternative::Kind::kEntity;
    out->value = std::string(name.substr(1));
    if (!IsEntityType(out->value) && out->value != "ANY") return InvalidArgument("unknown entity type '" + std::string(name) + "'");
    if (modifier == "rest") out->rest = true;
    else if (name.size() != text.size()) return InvalidArgument("entity atoms take only :rest");
    return Status::Ok();
  }
  if (IsCategoryName(name)) {
    out->kind = Alternative::Kind::kCategory;
    out->value = std::string(name);
    if (modifier == "def") out->article = 1;
    else if (modifier == "indef") out->article = -1;
    else if (name.size() != text.size()) return InvalidArgument("category atoms take only :def or :indef");
    return Status::Ok();
  }
  if (name.size() != text.size() || text[0] == '@') return InvalidArgument("bad literal '" + std::string(text) + "'");
  out->kind = Alternative::Kind::kLiteral;
  out->value = std::string(text);
  return Status::Ok();
}

Status ParsePattern(std::string_view text, Pattern* out) {
  out->atoms.clear();
  int opened = 0, closed = 0;  // brackets seen
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t space = text.find(' ', pos);
    if (space == std::string_view::npos) space = text.size();
    std::string_view piece = text.substr(pos, space - pos);
    pos = space + 1;
    if (piece.empty()) return InvalidArgument("atoms are separated by single spaces");
    bool opens = false, closes = false;
    if (piece[0] == '[') opens = true, piece.remove_prefix(1);
    if (!piece.empty() && piece.back() == ']') closes = true, piece.remove_suffix(1);
    if (opens && (opened++ || closed)) return InvalidArgument("one [ ... ] per pattern");
    if (piece.empty()) {
      if (closes && (closed++ || !opened)) return InvalidArgument("] without [");
      continue;
    }
    Atom atom;
    if (piece.size() > 1 && (piece.back() == '+' || piece.back() == '?')) {
      (piece.back() == '+' ? atom.repeat : atom.optional) = true;
      piece.remove_suffix(1);
    }
    size_t begin = 0;
    while (begin <= piece.size()) {
      size_t bar = piece.find('|', begin);
      if (bar == std::string_view::npos) bar = piece.size();
      Alternative alt;
      Status s = ParseAlternative(piece.substr(begin, bar - begin), &alt);
      if (!s.ok()) return s;
      atom.alternatives.push_back(std::move(alt));
      begin = bar + 1;
    }
    atom.in_span = opened > 0 && closed == 0;  // all atoms, when there are no brackets (below)
    out->atoms.push_back(std::move(atom));
    if (closes && (closed++ || !opened)) return InvalidArgument("] without [");
  }
  if (out->atoms.empty()) return InvalidArgument("empty pattern");
  if (opened != closed) return InvalidArgument("[ without ]");
  if (!opened) {
    for (Atom& atom : out->atoms) atom.in_span = true;
  }
  bool required = false;
  for (const Atom& atom : out->atoms) required |= atom.in_span && !atom.optional;
  if (!required) return InvalidArgument("the span needs an atom that is not optional");
  return Status::Ok();
}

// One atom's stretch of a match: tokens [begin_token, end_token); bytes [begin, end) of
// Document::text without the first token's proclitics; `inner_*` between a quote's marks.
struct Piece {
  size_t atom = 0;
  uint32_t begin_token = 0, end_token = 0;
  uint32_t begin = 0, end = 0;
  uint32_t inner_begin = 0, inner_end = 0;
  bool quote = false;
};

class Matcher {
 public:
  Matcher(const Document& doc, const Gazetteer& gazetteer, const CliticRules& clitics)
      : doc_(doc), gazetteer_(gazetteer), clitics_(clitics), longest_(doc.tokens.size(), 0), covering_(doc.tokens.size(), -1),
        name_sets_begin_(doc.tokens.size(), -1), names_at_(doc.tokens.size(), 0), names_at_known_(doc.tokens.size(), 0) {
    // Each token's clitic analyses as the pipeline stored them (computed here only for a
    // Document that did not come through the pipeline).
    computed_.resize(doc.tokens.size());
    stems_.reserve(doc.tokens.size());
    for (size_t t = 0; t < doc.tokens.size(); ++t) {
      if (doc.tokens[t].analyses.empty()) computed_[t] = clitics.Candidates(doc.tokens[t].norm);
      stems_.push_back(doc.tokens[t].analyses.empty() ? &computed_[t] : &doc.tokens[t].analyses);
    }
    // No gazetteer name starting at a token is longer than FindAll's longest there, whatever its
    // category: this bounds (and mostly skips) the lookups of category atoms.
    for (const GazetteerMatch& m : gazetteer.FindAll(doc.tokens, clitics)) {
      longest_[m.begin_token] = std::max(longest_[m.begin_token], m.end_token - m.begin_token);
    }
    for (size_t i = 0; i < doc.entities.size(); ++i) {
      const Entity& e = doc.entities[i];
      for (uint32_t t = e.first_token; t < e.last_token && t < covering_.size(); ++t) {
        if (covering_[t] < 0) covering_[t] = static_cast<int>(i);
      }
    }
  }

  // Every match of `p` over tokens [t, end) that starts at t, as its pieces.
  void Matches(const Pattern& p, uint32_t t, uint32_t end, std::vector<std::vector<Piece>>* out) const {
    std::vector<Piece> stack;
    Walk(p, 0, t, end, &stack, out);
  }

  // Whether a first atom described by `first` can match at t; `literal`: one of the atom's
  // literals is among t's clitic stems.
  // `categories`: the atom's categories as a mask (CategoryMask).
  bool MayStart(const EntityPatterns::FirstAtom& first, bool literal, uint64_t categories, uint32_t t) const {
    return first.any || literal || (first.category && longest_[t] > 0 && (categories & NamesStartingAt(t))) ||
           (first.entity && covering_[t] >= 0) || (first.quote && doc_.tokens[t].kind == TokenKind::kQuoteOpen) ||
           (first.latin && doc_.tokens[t].kind == TokenKind::kWord);
  }

  // The categories of an atom's category alternatives as a mask: bit c for gazetteer category c,
  // every bit when one of them is past 63 (the mask then rules nothing out).
  uint64_t CategoryMask(const Atom& atom) const {
    uint64_t mask = 0;
    for (const Alternative& alt : atom.alternatives) {
      if (alt.kind != Alternative::Kind::kCategory) continue;
      const int id = CategoryId(alt);
      if (id >= 64) return ~uint64_t{0};
      if (id >= 0) mask |= uint64_t{1} << id;
    }
    return mask;
  }
  // The clitic analyses of token t.
  const std::vector<CliticCandidate>& analyses(uint32_t t) const { return *stems_[t]; }

  // Ok for a match over tokens [r0, r1) when it overlaps no TIME entity and cuts no entity.
  bool Fits(uint32_t r0, uint32_t r1) const {
    for (uint32_t t = r0; t < r1; ++t) {
      if (covering_[t] < 0) continue;
      const Entity& e = doc_.entities[covering_[t]];
      if (e.type == "TIME" || e.first_token < r0 || e.last_token > r1) return false;
    }
    return true;
  }

 private:
  void Walk(const Pattern& p, size_t atom, uint32_t t, uint32_t end, std::vector<Piece>* stack,
            std::vector<std::vector<Piece>>* out) const {
    if (out->size() >= kMaxCandidates) return;
    if (atom == p.atoms.size()) {
      if (!stack->empty()) out->push_back(*stack);
      return;
    }
    const Atom& a = p.atoms[atom];
    // A repeated atom that already matched once may stop; an optional one may be skipped.
    const bool again = !stack->empty() && stack->back().atom == atom;
    if (a.optional || again) Walk(p, atom + 1, t, end, stack, out);
    if (t >= end) return;
    std::vector<Piece> pieces;
    for (const Alternative& alt : a.alternatives) Pieces(alt, t, end, stack->empty(), &pieces);
    for (Piece& piece : pieces) {
      piece.atom = atom;
      stack->push_back(piece);
      Walk(p, a.repeat ? atom : atom + 1, piece.end_token, end, stack, out);
      stack->pop_back();
    }
  }

  uint32_t StemBegin(uint32_t t, uint32_t strip) const {
    return doc_.normalized.to_source[doc_.tokens[t].norm_span.begin + strip];
  }

  // The ways `alt` matches at token t (before `end`); `first`: the match's first atom, which may
  // carry proclitics. Longer pieces first.
  void Pieces(const Alternative& alt, uint32_t t, uint32_t end, bool first, std::vector<Piece>* out) const {
    const Token& token = doc_.tokens[t];
    const size_t analyses = first ? stems_[t]->size() : 1;  // the unsplit form comes first
    switch (alt.kind) {
      case Alternative::Kind::kLiteral:
        for (size_t c = 0; c < analyses; ++c) {
          const CliticCandidate& cand = (*stems_[t])[c];
          if (cand.stem == alt.value) out->push_back(Word(t, t + 1, cand.strip_bytes));
        }
        break;
      case Alternative::Kind::kCategory: {
        if (longest_[t] == 0) break;  // no name of any category starts here
        const int category = CategoryId(alt);
        if (category < 0) break;
        const uint32_t longest = std::min(longest_[t], end - t);
        for (size_t c = 0; c < analyses; ++c) {
          const CliticCandidate& cand = (*stems_[t])[c];
          if (alt.article != 0 && clitics_.StartsWithArticle(cand.stem) != (alt.article > 0)) continue;
          for (uint32_t n = longest; n >= 1; --n) {  // longer pieces first
            const std::vector<uint32_t>& set = NameCategories(t, c, n);
            if (std::binary_search(set.begin(), set.end(), static_cast<uint32_t>(category))) {
              out->push_back(Word(t, t + n, cand.strip_bytes));
            }
          }
        }
        break;
      }
      case Alternative::Kind::kEntity: {
        if (covering_[t] < 0) break;
        const Entity& e = doc_.entities[covering_[t]];
        if (e.type == "TIME" || (alt.value != "ANY" && e.type != alt.value) || e.last_token > end) break;
        Piece piece;
        piece.begin_token = t;
        piece.end_token = e.last_token;
        piece.end = e.span.end;
        if (e.first_token == t) {
          if (!first && e.span.begin != token.span.begin) break;  // وبغداد inside a match: another phrase
          piece.begin = e.span.begin;
        } else {
          if (!alt.rest) break;
          piece.begin = token.span.begin;
        }
        out->push_back(piece);
        break;
      }
      case Alternative::Kind::kLatin:
        if (token.kind != TokenKind::kWord) break;
        for (size_t c = 0; c < analyses; ++c) {
          const uint32_t begin = StemBegin(t, (*stems_[t])[c].strip_bytes);
          if (IsLatinWord(doc_.SpanText({begin, token.span.end}), alt.acronym)) {
            out->push_back(Word(t, t + 1, (*stems_[t])[c].strip_bytes));
            break;
          }
        }
        break;
      case Alternative::Kind::kQuote: {
        if (token.kind != TokenKind::kQuoteOpen) break;
        for (uint32_t j = t + 1; j < end && j <= t + kMaxQuoteTokens + 1; ++j) {
          const TokenKind kind = doc_.tokens[j].kind;
          if (kind == TokenKind::kQuoteOpen) break;
          if (kind != TokenKind::kQuoteClose) continue;
          if (j == t + 1) break;
          Piece piece;
          piece.quote = true;
          piece.begin_token = t;
          piece.end_token = j + 1;
          piece.begin = token.span.begin;
          piece.end = doc_.tokens[j].span.end;
          piece.inner_begin = doc_.tokens[t + 1].span.begin;
          piece.inner_end = doc_.tokens[j - 1].span.end;
          out->push_back(piece);
          break;
        }
        break;
      }
    }
  }

  // The gazetteer categories of the n-word name (1 <= n <= longest_[t]) that starts at token t with
  // the stem of its analysis c and goes on with the norms of the next tokens. Looked up once per
  // token: every category atom of every pattern asks again.
  const std::vector<uint32_t>& NameCategories(uint32_t t, size_t c, uint32_t n) const {
    if (name_sets_begin_[t] < 0) {
      name_sets_begin_[t] = static_cast<int>(name_sets_.size());
      const uint32_t longest = std::min<uint32_t>(longest_[t], static_cast<uint32_t>(doc_.tokens.size()) - t);
      for (const CliticCandidate& cand : *stems_[t]) {
        key_ = cand.stem;
        for (uint32_t k = 1; k <= longest_[t]; ++k) {
          if (k > 1 && k <= longest) {
            key_ += ' ';
            key_ += doc_.tokens[t + k - 1].norm;
          }
          name_sets_.push_back(k <= longest ? &gazetteer_.CategoriesOf(key_) : &gazetteer_.CategoriesOf(""));
        }
      }
    }
    return *name_sets_[name_sets_begin_[t] + c * longest_[t] + (n - 1)];
  }

  // The categories (as in CategoryMask) of every name NameCategories can see at t, any analysis,
  // any length: a category atom cannot match at t outside them.
  uint64_t NamesStartingAt(uint32_t t) const {
    if (names_at_known_[t]) return names_at_[t];
    uint64_t mask = 0;
    const uint32_t longest = std::min<uint32_t>(longest_[t], static_cast<uint32_t>(doc_.tokens.size()) - t);
    for (size_t c = 0; c < stems_[t]->size(); ++c) {
      for (uint32_t n = 1; n <= longest; ++n) {
        for (uint32_t category : NameCategories(t, c, n)) mask |= category < 64 ? uint64_t{1} << category : ~uint64_t{0};
      }
    }
    names_at_[t] = mask;
    names_at_known_[t] = 1;
    return mask;
  }

  // The index of a category atom's category in the gazetteer, or -1.
  int CategoryId(const Alternative& alt) const {
    for (const auto& [known, id] : category_ids_) {
      if (known == &alt) return id;
    }
    category_ids_.emplace_back(&alt, gazetteer_.FindCategory(alt.value));
    return category_ids_.back().second;
  }

  Piece Word(uint32_t begin_token, uint32_t end_token, uint32_t strip) const {
    Piece piece;
    piece.begin_token = begin_token;
    piece.end_token = end_token;
    piece.begin = StemBegin(begin_token, strip);
    piece.end = doc_.tokens[end_token - 1].span.end;
    return piece;
  }

  const Document& doc_;
  const Gazetteer& gazetteer_;
  const CliticRules& clitics_;
  std::vector<const std::vector<CliticCandidate>*> stems_;  // [T] the clitic analyses of each token
  std::vector<std::vector<CliticCandidate>> computed_;     // [T] those not stored on the token
  std::vector<uint32_t> longest_;                    // [T] words of the longest name starting there
  std::vector<int> covering_;                        // [T] the entity covering the token, or -1
  mutable std::string key_;                          // scratch: a gazetteer name being looked up
  mutable std::vector<int> name_sets_begin_;         // [T] where NameCategories' sets of t begin, or -1
  mutable std::vector<uint64_t> names_at_;           // [T] NamesStartingAt, once names_at_known_
  mutable std::vector<char> names_at_known_;         // [T]
  mutable std::vector<const std::vector<uint32_t>*> name_sets_;  // [analyses of t][longest_[t]] per token
  mutable std::vector<std::pair<const Alternative*, int>> category_ids_;  // CategoryId's answers
};

// The entity a match yields, or false when its span is empty.
bool MakeEntity(const Document& doc, const Pattern& p, const std::vector<Piece>& pieces, Entity* out) {
  std::vector<const Piece*> span;
  for (const Piece& piece : pieces) {
    if (p.atoms[piece.atom].in_span) span.push_back(&piece);
  }
  if (span.empty()) return false;
  Entity e;
  e.type = p.type;
  const bool bare_quote = span.size() == 1 && span[0]->quote;
  e.span = {bare_quote ? span[0]->inner_begin : span.front()->begin, bare_quote ? span[0]->inner_end : span.back()->end};
  if (e.span.begin >= e.span.end) return false;
  e.first_token = span.front()->begin_token;
  e.last_token = span.back()->end_token;
  while (e.first_token < e.last_token && doc.tokens[e.first_token].span.end <= e.span.begin) ++e.first_token;
  while (e.last_token > e.first_token && doc.tokens[e.last_token - 1].span.begin >= e.span.end) --e.last_token;
  *out = std::move(e);
  return true;
}

}  // namespace

Status EntityPatterns::Parse(std::string_view tsv, EntityPatterns* out) {
  EntityPatterns patterns;
  Status s = ForEachLexiconRow("entity-patterns", tsv, &patterns.version_, [&](const LexiconRow& row) {
    if (row.columns.size() < 2) return InvalidArgument("expected pattern, type, subtype, comment");
    Pattern p;
    p.line = row.line;
    p.type = row.columns[1];
    p.subtype = row.columns.size() > 2 ? row.columns[2] : "";
    if (!IsEntityType(p.type)) return InvalidArgument("unknown type '" + p.type + "'");
    if (!p.subtype.empty() && p.type != "ORG") return InvalidArgument("a subtype is for ORG only");
    if (!p.subtype.empty() && p.subtype != "=" && p.subtype != "MEDIA" && p.subtype != "GOV" &&
        p.subtype != "ARMED" && p.subtype != "OTHER") {
      return InvalidArgument("unknown subtype '" + p.subtype + "'");
    }
    Status e = ParsePattern(row.columns[0], &p);
    if (!e.ok()) return e;
    patterns.patterns_.push_back(std::move(p));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  patterns.IndexFirstAtoms();
  *out = std::move(patterns);
  return Status::Ok();
}

void EntityPatterns::IndexFirstAtoms() {
  first_atoms_.assign(patterns_.size(), FirstAtom());
  first_literals_ = FlatStringMap<std::vector<uint32_t>>();
  for (uint32_t i = 0; i < patterns_.size(); ++i) {
    const Atom& atom = patterns_[i].atoms[0];
    FirstAtom& first = first_atoms_[i];
    first.any = atom.optional;
    if (first.any) continue;
    for (const Alternative& alt : atom.alternatives) {
      switch (alt.kind) {
        case Alternative::Kind::kLiteral: {
          std::vector<uint32_t>& list = first_literals_.Insert(alt.value);
          if (list.empty() || list.back() != i) list.push_back(i);
          break;
        }
        case Alternative::Kind::kCategory: first.category = true; break;
        case Alternative::Kind::kEntity: first.entity = true; break;
        case Alternative::Kind::kQuote: first.quote = true; break;
        case Alternative::Kind::kLatin: first.latin = true; break;
      }
    }
  }
}

void EntityPatterns::Apply(const Gazetteer& gazetteer, const CliticRules& clitics, Document* doc) const {
  if (patterns_.empty() || doc->tokens.empty()) return;
  const Matcher matcher(*doc, gazetteer, clitics);
  std::vector<Entity> added;
  std::vector<std::pair<uint32_t, uint32_t>> regions;  // token ranges the added entities replace
  std::vector<std::vector<Piece>> matches;
  std::vector<char> literal(patterns_.size());  // [patterns] a first-atom literal is at the token
  std::vector<uint64_t> first_categories(patterns_.size());  // [patterns] CategoryMask of the first atom
  for (size_t i = 0; i < patterns_.size(); ++i) first_categories[i] = matcher.CategoryMask(patterns_[i].atoms[0]);
  for (const Sentence& sentence : doc->sentences) {
    const uint32_t end = sentence.first_token + sentence.token_count;
    for (uint32_t t = sentence.first_token; t < end;) {
      uint32_t best_end = 0, best_strip = 0;
      Entity best;
      std::fill(literal.begin(), literal.end(), 0);
      for (const CliticCandidate& c : matcher.analyses(t)) {
        if (const std::vector<uint32_t>* patterns = first_literals_.Find(c.stem)) {
          for (uint32_t i : *patterns) literal[i] = 1;
        }
      }
      for (size_t i = 0; i < patterns_.size(); ++i) {
        const Pattern& p = patterns_[i];
        if (!matcher.MayStart(first_atoms_[i], literal[i], first_categories[i], t)) continue;
        matches.clear();
        matcher.Matches(p, t, end, &matches);
        for (const std::vector<Piece>& pieces : matches) {
          const uint32_t r1 = pieces.back().end_token;
          const uint32_t strip = pieces.front().begin - doc->tokens[t].span.begin;
          if (r1 < best_end || (r1 == best_end && strip >= best_strip)) continue;
          Entity e;
          if (!matcher.Fits(t, r1) || !MakeEntity(*doc, p, pieces, &e)) continue;
          if (p.subtype == "=") {
            // The entities are sorted and do not overlap, so their first tokens ascend.
            auto old = std::lower_bound(doc->entities.begin(), doc->entities.end(), t,
                                        [](const Entity& x, uint32_t token) { return x.first_token < token; });
            for (; old != doc->entities.end() && old->first_token < r1; ++old) {
              if (old->type == "ORG" && old->last_token <= r1) {
                e.subtype = old->subtype;
                break;
              }
            }
          } else {
            e.subtype = p.subtype;
          }
          best = std::move(e);
          best_end = r1;
          best_strip = strip;
        }
      }
      if (best_end == 0) {
        ++t;
        continue;
      }
      added.push_back(std::move(best));
      regions.emplace_back(t, best_end);
      t = best_end;
    }
  }
  if (added.empty()) return;
  // The regions ascend and do not overlap: the one that may hold an entity is the last region
  // starting at or before its first token.
  std::vector<Entity> kept;
  for (Entity& e : doc->entities) {
    auto after = std::upper_bound(regions.begin(), regions.end(), e.first_token,
                                  [](uint32_t token, const std::pair<uint32_t, uint32_t>& r) { return token < r.first; });
    const bool replaced = after != regions.begin() && e.last_token <= std::prev(after)->second;
    if (!replaced) kept.push_back(std::move(e));
  }
  kept.insert(kept.end(), std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()));
  std::stable_sort(kept.begin(), kept.end(), [](const Entity& a, const Entity& b) { return a.span.begin < b.span.begin; });
  doc->entities = std::move(kept);
}

}  // namespace isnad
