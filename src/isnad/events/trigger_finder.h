// Trigger selection: from the trigger hits of MarkTokens to one trigger per event. Exclusions
// (relational رداً على) and names (مجلس التعاون) drop what they cover; the longest hit wins where hits overlap; a light verb
// joins the trigger right after it (شنت غارات); a verb that restates the noun event just before it
// (الضربات التي استهدفت) and a casualty noun after a number that repeats an earlier death event
// (… 22 قتيلاً) are folded into that event instead of making a second one.
#pragma once

#include <cstdint>
#include <vector>

#include "isnad/document.h"
#include "isnad/events/event_lexicon.h"
#include "isnad/events/token_marks.h"

namespace isnad {

struct FoundTrigger {
  uint32_t entry = 0;        // the trigger row that names the event (never a LIGHT row)
  int type = -1;             // index into EventLexicon::types()
  uint32_t first_token = 0;  // the trigger's tokens, a light verb included
  uint32_t end_token = 0;
  uint32_t strip_bytes = 0;  // proclitic bytes of the first token
  bool verbal = false;       // read the clause as a verb's: subject and object around it
  bool future = false;       // written with the future prefix (its light verb's included)
  bool purpose = false;      // its (light) verb carries a purpose preposition (لشن هجمات): possible
  bool definite = false;     // a noun with the article or a pronoun: the word after it is no genitive
  bool perfect_verb = false; // its first word is a verb outside the imperfect (قد أكد: asserted)
  RoleFrame frame;           // the roles of the trigger's slots
  // A light verb some words before a noun trigger (شنت إيران هجوماً): its tokens; the words
  // between are the light verb's subject. light_first == light_end when none.
  uint32_t light_first = 0;
  uint32_t light_end = 0;
  RoleFrame light_frame;     // the roles of that light verb's subject: its own frame, else `frame`
  bool pronoun = false;      // its word carries a suffix pronoun: a verb's object (هاجمتها: the noun
                             // before it is no subject), a noun's genitive (هجماتها)
  // A verb folded into this event (الضربات التي استهدفت مواقع): the words after it are its object.
  uint32_t folded_verb_end = 0;  // 0 when none
  RoleFrame folded_frame;
  bool folded_subject_free = false;  // a folded light verb: the first phrase after it is its subject
  // Number tokens counting this event's dead or wounded, found at casualty nouns folded into it.
  std::vector<uint32_t> counts;
};

// The events' triggers of `doc` in text order. `hits` come from MarkTokens.
std::vector<FoundTrigger> SelectTriggers(const Document& doc, const EventLexicon& lexicon,
                                         const std::vector<TokenMarks>& marks, const std::vector<TriggerHit>& hits);

// Whether token `t` is a number: digits, or a cardinal word of event-words.tsv.
bool IsNumberToken(const Document& doc, const std::vector<TokenMarks>& marks, uint32_t t);

}  // namespace isnad
