// TokenMarks: what the event lexicons say about each token of a Document, found in one pass of
// the EventLexicon's word-form index over the tokens. The trigger selection, argument and flag
// code all read these marks instead of looking words up again.
#pragma once

#include <cstdint>
#include <vector>

#include "isnad/document.h"
#include "isnad/events/event_lexicon.h"
#include "isnad/text/clitics.h"

namespace isnad {

struct TokenMarks {
  int16_t prep_slot = -1;     // a preposition starts here: the slot it opens ...
  uint8_t prep_words = 0;     // ... and how many tokens it takes (من قبل: 2)
  int16_t negation = -1;      // index into EventLexicon::words() of a negation word starting here
  int16_t modal = -1;         // ... of a modal word
  int16_t modal_after = -1;   // ... of a modal word that follows its trigger
  uint16_t classes = 0;       // bit (1 << WordClass) for each class of the token
  int32_t entity = -1;        // the entity (index into Document::entities) whose span starts in this token
  int32_t in_entity = -1;     // the entity whose tokens include this one
  int32_t event = -1;         // the event (index into Document::events) whose trigger covers this token
  bool HasClass(int word_class) const { return (classes >> word_class) & 1; }
};

// A match of a trigger row (event-triggers.tsv) at a token.
struct TriggerHit {
  uint32_t entry = 0;        // index into EventLexicon::triggers()
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  uint32_t strip_bytes = 0;  // proclitic bytes of the first token
  bool verbal = false;       // the paradigm takes conjunctions only: a verb or participle
  bool imperfect = false;    // in the paradigm of the future row (event-words.tsv): the imperfect
  bool future = false;       // an imperfect written with the future prefix (سيهاجم)
  bool pronoun = false;      // its word carries a suffix pronoun (هجماتها)
  bool definite = false;     // its word, without proclitics, starts with the article (الهجمات، للهجوم)
  bool purpose = false;      // its word carries a purpose preposition (لشن)
};

// Marks every token of `doc` (whose tokens carry their clitic analyses and whose entities are
// final) and collects every trigger hit, in token order. `marks` gets one entry per token.
void MarkTokens(const Document& doc, const EventLexicon& lexicon, const CliticRules& clitics,
                std::vector<TokenMarks>* marks, std::vector<TriggerHit>* hits);

// Whether token `t` is a punctuation token that ends a clause (not a quotation mark).
bool IsClauseBreak(const Document& doc, uint32_t t);

}  // namespace isnad
