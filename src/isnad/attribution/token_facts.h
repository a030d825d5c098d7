// TokenFacts: what the attribution rules ask of each token of one Document, computed once: its
// cue, its surrounding-word roles (attribution_lexicon.h), the entity it starts or lies in, and
// its punctuation. Cues, entities and punctuation are computed for every token up front; the
// surrounding words of a token when first asked for. A token index past the end answers
// "nothing" (no cue, no word, no entity, not punctuation).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "isnad/attribution/attribution_lexicon.h"
#include "isnad/document.h"
#include "isnad/ner/gazetteer.h"
#include "isnad/text/clitics.h"

namespace isnad {

class TokenFacts {
 public:
  TokenFacts(const Document& doc, const AttributionLexicon& lexicon, const CliticRules& clitics,
             const Gazetteer& gazetteer);

  const Document& doc() const { return doc_; }
  const AttributionLexicon& lexicon() const { return lexicon_; }
  uint32_t size() const { return static_cast<uint32_t>(doc_.tokens.size()); }

  // The cue at t (writer entries included), or not found.
  const LexiconHit& cue(uint32_t t) const { return t < cues_.size() ? cues_[t] : kNone; }
  // The word of `role` at t, or not found.
  LexiconHit word(uint32_t t, WordRole role) const;
  bool is(uint32_t t, WordRole role) const { return word(t, role).found(); }
  // A complementizer that opens a report: not one that a subordinator makes a conjunction (قبل أن).
  bool is_complementizer(uint32_t t) const;
  // The source kind of a source-head word at t (ANONYMOUS, OFFICIAL, ...; a gazetteer TITLE is
  // OFFICIAL), or "" when none.
  std::string_view source_kind(uint32_t t) const;

  // The entity (index into doc.entities) that starts in token t, or -1; TIME included.
  int entity_starting(uint32_t t) const { return t < entity_start_.size() ? entity_start_[t] : -1; }
  // The entity that token t lies in (starts, ends or is inside), or -1.
  int entity_covering(uint32_t t) const { return t < entity_cover_.size() ? entity_cover_[t] : -1; }
  bool is_time(uint32_t t) const;

  bool is_comma(uint32_t t) const { return t < size() && punct_[t] == ','; }
  bool is_colon(uint32_t t) const { return t < size() && punct_[t] == ':'; }
  // Full stop, semicolon, question or exclamation mark: a clause ends.
  bool is_clause_end(uint32_t t) const { return t < size() && punct_[t] == '.'; }
  bool is_quote_open(uint32_t t) const { return t < size() && doc_.tokens[t].kind == TokenKind::kQuoteOpen; }
  bool is_quote_close(uint32_t t) const { return t < size() && doc_.tokens[t].kind == TokenKind::kQuoteClose; }
  bool is_word(uint32_t t) const { return t < size() && doc_.tokens[t].kind == TokenKind::kWord; }
  // The closing mark of the quote opened at t, within the sentence, or 0 when unbalanced.
  uint32_t quote_close(uint32_t t) const { return t < size() ? quote_close_[t] : 0; }
  // Whether token t starts with a conjunction (وقال، فأكد).
  bool has_conjunction(uint32_t t) const;
  // Whether token t is a preposition ل with a pronoun (له، لها): an addressee, not a source.
  bool is_pronoun_object(uint32_t t) const;
  // Whether token t is an adjective that may follow a source head: a modifier word or a
  // nationality (عراقي، الأمريكية).
  bool is_modifier(uint32_t t) const;

  // Tokens [begin, end) of t's sentence.
  uint32_t sentence_begin(uint32_t t) const { return doc_.sentences[doc_.tokens[t].sentence].first_token; }
  uint32_t sentence_end(uint32_t t) const {
    const Sentence& s = doc_.sentences[doc_.tokens[t].sentence];
    return s.first_token + s.token_count;
  }

 private:
  static inline const LexiconHit kNone{};
  const Document& doc_;
  const AttributionLexicon& lexicon_;
  const CliticRules& clitics_;
  const Gazetteer& gazetteer_;
  void LookUpWords(uint32_t t) const;

  std::vector<LexiconHit> cues_;
  // Filled on demand by LookUpWords (the object is used by one Find call, on one thread).
  mutable std::vector<std::vector<LexiconHit>> words_;
  mutable std::vector<char> words_done_;
  std::vector<int> entity_start_;
  std::vector<int> entity_cover_;
  std::vector<char> punct_;
  std::vector<uint32_t> quote_close_;
  mutable std::vector<char> is_title_;
};

}  // namespace isnad
