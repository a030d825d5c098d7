#include "isnad/events/event_flags.h"

namespace isnad {
namespace {

constexpr uint32_t kLongestReach = 20;  // no flag word reaches further (event-words.tsv windows are 1-20)
constexpr const char* kDenyAct = "DENY";

// Whether a negation word at `negation` reaches the trigger at `trigger` within `window` tokens. A
// result verb between them (لم يسفر الهجوم عن إصابات) passes the negation on to what follows its
// preposition, with the window counted from there; the events before it are not negated.
bool NegationReaches(const std::vector<TokenMarks>& marks, uint32_t negation, uint32_t trigger, int window) {
  uint32_t from = negation;
  bool awaiting_preposition = false;
  for (uint32_t t = negation + 1; t < trigger; ++t) {
    if (marks[t].HasClass(kClassResult)) {
      if (static_cast<int>(t - negation) > window) return false;  // the result verb itself is out of reach
      awaiting_preposition = true;
    } else if (awaiting_preposition && marks[t].prep_slot >= 0) {
      awaiting_preposition = false;
      from = t;
    }
  }
  return !awaiting_preposition && static_cast<int>(trigger - from) <= window;
}

bool Contains(Span outer, Span inner) { return outer.begin <= inner.begin && inner.end <= outer.end && !outer.empty(); }

}  // namespace

void SetPolarityAndModality(const Document& doc, const EventLexicon& lexicon, const std::vector<TokenMarks>& marks,
                            const FoundTrigger& trigger, Event* event) {
  const auto& words = lexicon.words();
  bool possible = trigger.future || trigger.purpose;
  bool possible_unless_negated = false;
  const uint32_t first = trigger.first_token;
  const uint32_t sentence_begin = doc.sentences[doc.tokens[first].sentence].first_token;
  // Back from the trigger to the clause start: negation and modal words whose reach covers it.
  for (uint32_t d = 1; d <= kLongestReach && first >= sentence_begin + d; ++d) {
    const uint32_t t = first - d;
    if (IsClauseBreak(doc, t)) break;
    const TokenMarks& m = marks[t];
    if (m.negation >= 0 && NegationReaches(marks, t, first, words[m.negation].window)) {
      event->negated = true;
      possible = possible || words[m.negation].possible;
    }
    if (m.modal >= 0 && static_cast<int>(d) <= words[m.modal].window) {
      const bool verb_after_particle = words[m.modal].not_perfect && trigger.perfect_verb && d == 1;
      if (words[m.modal].not_negated) {
        possible_unless_negated = true;
      } else if (!verb_after_particle) {
        possible = true;
      }
    }
  }
  // Right after the trigger (هجوم محتمل).
  const uint32_t sentence_end =
      doc.sentences[doc.tokens[first].sentence].first_token + doc.sentences[doc.tokens[first].sentence].token_count;
  for (uint32_t t = trigger.end_token; t < sentence_end && t - trigger.end_token < kLongestReach; ++t) {
    if (IsClauseBreak(doc, t)) break;
    const TokenMarks& m = marks[t];
    if (m.modal_after >= 0 && t - trigger.end_token < static_cast<uint32_t>(words[m.modal_after].window)) possible = true;
  }
  if (possible_unless_negated && !event->negated) possible = true;
  event->modality = possible ? "possible" : "asserted";
}

void LinkAttributions(const Document& doc, std::vector<Event>* events) {
  for (Event& event : *events) {
    int innermost = -1;
    for (size_t a = 0; a < doc.attributions.size(); ++a) {
      const Attribution& at = doc.attributions[a];
      if (!Contains(at.content, event.trigger)) continue;
      if (innermost < 0 || at.content.size() < doc.attributions[innermost].content.size()) innermost = static_cast<int>(a);
    }
    event.attributed_to = innermost;
  }
  for (const Attribution& at : doc.attributions) {
    if (at.act != kDenyAct) continue;
    for (Event& event : *events) {
      if (Contains(at.content, event.trigger)) {
        event.modality = "denied";
        break;
      }
    }
  }
}

}  // namespace isnad
