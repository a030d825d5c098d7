// Event arguments: the agent, target, place, time, instrument and count of one event, read off the
// clause around its trigger. The trigger's role frame (event-types.tsv, event-triggers.tsv) says
// which slot gives which role: the subject and object of a verb (in either order: a subject
// right before the verb makes the first word after it the object), the genitive and nationality
// adjective of a noun, and the phrases that prepositions open. Arguments are entity mentions where
// the entity layer found one (the span is the entity's), else the noun phrase's head word with
// its nationality or weapon adjectives (قوات أمريكية، الهجمات الصاروخية).
#pragma once

#include <vector>

#include "isnad/document.h"
#include "isnad/events/event_lexicon.h"
#include "isnad/events/token_marks.h"
#include "isnad/events/trigger_finder.h"
#include "isnad/ner/gazetteer.h"
#include "isnad/text/clitics.h"

namespace isnad {

class ArgumentReader {
 public:
  // All references must outlive the reader; `marks` must carry every event's trigger tokens.
  ArgumentReader(const Document& doc, const EventLexicon& lexicon, const CliticRules& clitics,
                 const Gazetteer& gazetteer, const std::vector<TokenMarks>& marks);

  // Fills event->arguments for `trigger` (event `self` of the document). Where the object's word
  // class retypes the trigger (نقل جنوداً: DEPLOY), sets *type to the new type index.
  void Read(const FoundTrigger& trigger, int self, Event* event, int* type) const;

 private:
  // A noun phrase or entity mention that can fill a slot.
  struct Unit {
    uint32_t first = 0;
    uint32_t end = 0;
    Span span;
    int entity = -1;
    int clitic_slot = -1;  // a preposition attached to its first word (بالصواريخ)
    bool conjoined = false;  // its first word carries the conjunction و
    bool nationality = false;
    uint16_t classes = 0;
  };
  // The phrase starting at token `t`, if it can fill a slot. After a preposition any content word
  // heads one (على منشآت عسكرية); elsewhere a bare word must look nominal (the article, a
  // nationality after it, a word class of event-words.tsv, or a construct with an entity).
  bool UnitAt(uint32_t t, int self, Unit* out, bool after_preposition = false) const;
  bool UnitEndingAt(uint32_t end, Unit* out) const;  // the phrase whose last token is end - 1

  // The state of reading one event's arguments.
  struct Reading {
    const FoundTrigger& trigger;
    int self;          // the event's index in Document::events
    Event* event;
    int* type;         // the event's type, changed by a retyping object
    bool time_taken = false;
  };
  // The role `unit` gets in `slot` of `frame`, after the checks that hold for every type (a date
  // is the time, a weapon the instrument, a facility no agent, people no place, a place no weapon).
  std::string RoleOf(const Reading& r, const RoleFrame& frame, int slot, const Unit& unit) const;
  void AddArgument(Reading* r, const std::string& role, const Unit& unit) const;
  // The subject right before a verb (subject-verb order), over particles (قد، لم); false if none.
  bool ReadSubjectBefore(Reading* r) const;
  // The subject of a light verb some words before a noun trigger (شنت إيران هجوماً).
  void ReadLightVerbSubject(Reading* r) const;
  // Nationality and weapon adjectives right after a noun trigger; returns the token after them.
  uint32_t ReadAdjectives(Reading* r, uint32_t start, uint32_t stop, const RoleFrame& frame) const;
  // The phrases after `start`, each in the slot its position or preposition gives.
  void Scan(Reading* r, uint32_t start, const RoleFrame& frame, bool verbal, bool subject_given) const;
  // A date right before the trigger, when none follows it.
  void ReadTimeBefore(Reading* r) const;
  // The named party a suffix pronoun on the trigger stands for.
  void ReadPronounAntecedent(Reading* r) const;
  bool IsNationality(uint32_t t) const;
  bool IsFunctionWord(uint32_t t) const;
  Unit NumberUnit(uint32_t t) const;  // a number token without its conjunction
  // Whether `stem` ends with a pronoun suffix of two letters or more (ها هم نا ...).
  bool EndsWithLongPronoun(std::string_view stem) const;
  uint32_t SentenceEnd(uint32_t t) const;
  void Add(const std::string& role, const Unit& unit, Event* event) const;

  const Document& doc_;
  const EventLexicon& lexicon_;
  const CliticRules& clitics_;
  const Gazetteer& gazetteer_;
  const std::vector<TokenMarks>& marks_;
};

}  // namespace isnad
