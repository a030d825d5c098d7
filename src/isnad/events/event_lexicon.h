// EventLexicon: the language knowledge of the event layer, read from three lexicons:
//   lexicons/event-types.tsv     the types, their PLOVER and ACE codes, their default role frames
//   lexicons/event-triggers.tsv  trigger stems by paradigm, light verbs, exclusions, per-row frames
//   lexicons/event-words.tsv     prepositions, negation and modality words, word classes
// Every stem-bearing row is expanded through the paradigms of inflection.tsv into one
// WordFormIndex, so one lookup per token finds triggers and the words around them alike.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "isnad/status.h"
#include "isnad/text/word_forms.h"

namespace isnad {

// The positions of a clause that give an argument (see event-types.tsv). The first four are fixed;
// the preposition slots are named by event-words.tsv and interned after them.
// "num" is a number before the words it counts (مقتل ثلاثة، 22 قتيلاً).
enum FixedSlot : uint8_t { kSlotSubject = 0, kSlotObject = 1, kSlotGenitive = 2, kSlotAdjective = 3, kSlotNumber = 4, kFixedSlots = 5 };

// Which role each slot gives: role names indexed by slot id, "" for a slot that gives none.
struct RoleFrame {
  std::vector<std::string> roles;
  const std::string& Role(int slot) const;
};

struct EventTypeInfo {
  std::string name;  // ATTACK ...
  std::string plover;
  std::string ace;   // empty where ACE has none
  RoleFrame frame;
};

// One row of event-triggers.tsv.
struct TriggerEntry {
  enum Kind : uint8_t { kEvent, kLight, kExclude };
  Kind kind = kEvent;
  std::string lemma;
  int type = -1;           // index into EventLexicon::types() for kEvent
  RoleFrame frame;         // the row's own frame, else its type's; a LIGHT row's own frame or empty
  bool own_frame = false;
  uint16_t needs_classes = 0;  // bits (1 << WordClass): one of them must lie near the trigger; 0 for none
  bool needs_after = false;    // ... after it (its object: نشر قوات), not before
  int retype_class = -1;   // a WordClass of the object that changes the type ...
  int retype_to = -1;      // ... to this type
  std::string plover;      // the PLOVER code of this row (the type's unless overridden)
  uint32_t words = 1;      // the number of tokens a match spans (1 + the "then" words)
};

// The word classes of event-words.tsv with a meaning in code.
enum WordClass : uint8_t {
  kClassInstrument, kClassTroops, kClassCargo, kClassCasualty, kClassNumber, kClassRelative, kClassBoundary, kClassResult,
  kClassParticle,
  kWordClasses  // at most 16: TokenMarks keeps them in 16 bits
};

// One row of event-words.tsv.
struct EventWord {
  enum Kind : uint8_t { kPrep, kNegation, kNotNegation, kModal, kModalAfter, kClass };
  Kind kind = kPrep;
  int slot = -1;             // kPrep: the slot it opens
  int window = 0;            // kNegation, kModal, kModalAfter: how many tokens it reaches
  bool possible = false;     // kNegation: also makes the event possible (لن)
  bool not_perfect = false;  // kModal: leaves a perfect verb asserted (قد أكد)
  bool not_negated = false;  // kModal: leaves a negated event asserted (لم يتم تنفيذ أي هجوم)
  int word_class = -1;       // kClass
  uint32_t words = 1;        // tokens a match spans
};

class EventLexicon {
 public:
  // Parses the three lexicons; a bad row fails with "<lexicon> line N: ...". `inflections`
  // expands the stems and is not kept.
  static Status Parse(std::string_view types_tsv, std::string_view triggers_tsv, std::string_view words_tsv,
                      const Inflections& inflections, EventLexicon* out);

  // Entry ids of the index: a trigger row is its row number, a word row kWordBase + its row number.
  static constexpr uint32_t kWordBase = 1u << 24;
  const WordFormIndex& index() const { return index_; }
  // A cheap necessary condition for index().Lookup to find anything at a token: some clitic
  // analysis' stem starts like an indexed form (its first three letters, or a whole two-letter
  // form). Most tokens fail it and skip the lookup.
  bool MayStartForm(std::string_view stem) const;
  const std::vector<EventTypeInfo>& types() const { return types_; }
  const std::vector<TriggerEntry>& triggers() const { return triggers_; }
  const std::vector<EventWord>& words() const { return words_; }
  // The slot of the one-letter preposition (ب ل) that ends `proclitics` (وب → ب), or -1.
  int CliticSlot(std::string_view proclitics) const;
  // The future prefix (event-words.tsv "future"): an imperfect trigger written with it is possible.
  const std::string& future_paradigm() const { return future_paradigm_; }
  const std::string& future_prefix() const { return future_prefix_; }
  // Whether a definite word ending so is read as an adjective of the noun before it (الطائرات الحربية).
  bool HasAdjectiveEnding(std::string_view norm) const;
  // Whether `norm` (a trigger's word) ends with a suffix pronoun never read on a trigger.
  bool EndsWithExcludedPronoun(std::string_view norm) const;
  // Whether `proclitics` ends with a purpose preposition (لشن هجمات): the event is possible.
  bool IsPurposeClitic(std::string_view proclitics) const;
  const std::string& SlotName(int slot) const { return slot_names_[slot]; }
  int FindType(std::string_view name) const;
  int version() const { return version_; }

 private:
  int InternSlot(std::string_view name);
  // Adds `spec` to the index under `entry` and records the starts of its forms.
  Status AddStem(const Inflections& inflections, const StemSpec& spec, const std::vector<std::string>& then,
                 uint32_t entry);
  Status ParseFrame(std::string_view column, RoleFrame* out);

  std::vector<EventTypeInfo> types_;
  std::vector<TriggerEntry> triggers_;
  std::vector<EventWord> words_;
  std::vector<std::string> slot_names_;
  std::vector<std::pair<std::string, int>> clitic_slots_;
  std::string future_paradigm_;
  std::string future_prefix_;
  std::vector<std::string> purpose_clitics_;
  std::vector<std::string> adjective_endings_;
  std::vector<std::string> excluded_pronouns_;
  WordFormIndex index_;
  std::unordered_set<uint64_t> form_starts_;  // the first bytes of every form, packed (FormStart)
  int version_ = 0;
};

// The name of a WordClass as event-words.tsv writes it ("instrument"), and back (-1 if unknown).
const char* WordClassName(int word_class);
int ParseWordClass(std::string_view name);

}  // namespace isnad
