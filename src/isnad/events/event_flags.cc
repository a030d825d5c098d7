#include "isnad/events/event_flags.h"

#include <algorithm>

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
  // Both sides in text order (ties in index order), so that each event meets only the contents
  // that are still open where its trigger starts, and each content only the triggers inside it:
  // linear in the text, however many attributions and events it holds.
  const std::vector<Attribution>& attributions = doc.attributions;
  std::vector<uint32_t> by_content(attributions.size()), by_trigger(events->size());
  for (uint32_t a = 0; a < by_content.size(); ++a) by_content[a] = a;
  for (uint32_t e = 0; e < by_trigger.size(); ++e) by_trigger[e] = e;
  std::stable_sort(by_content.begin(), by_content.end(), [&](uint32_t x, uint32_t y) {
    return attributions[x].content.begin < attributions[y].content.begin;
  });
  std::stable_sort(by_trigger.begin(), by_trigger.end(), [&](uint32_t x, uint32_t y) {
    return (*events)[x].trigger.begin < (*events)[y].trigger.begin;
  });

  // attributed_to: of the contents holding the trigger, the shortest, then the lowest index.
  std::vector<uint32_t> open;  // contents begun at or before the trigger and not ended before it
  size_t next = 0;
  for (uint32_t e : by_trigger) {
    Event& event = (*events)[e];
    while (next < by_content.size() && attributions[by_content[next]].content.begin <= event.trigger.begin) {
      open.push_back(by_content[next++]);
    }
    // A content that ends before this trigger starts holds no later trigger either.
    open.erase(std::remove_if(open.begin(), open.end(),
                              [&](uint32_t a) { return attributions[a].content.end < event.trigger.begin; }),
               open.end());
    int innermost = -1;
    for (uint32_t a : open) {
      if (!Contains(attributions[a].content, event.trigger)) continue;
      const uint32_t size = attributions[a].content.size();
      if (innermost < 0 || size < attributions[innermost].content.size() ||
          (size == attributions[innermost].content.size() && static_cast<int>(a) < innermost)) {
        innermost = static_cast<int>(a);
      }
    }
    event.attributed_to = innermost;
  }

  // Denials: the first event (in index order) whose trigger lies in the denied content.
  for (const Attribution& at : attributions) {
    if (at.act != kDenyAct) continue;
    auto first = std::lower_bound(by_trigger.begin(), by_trigger.end(), at.content.begin,
                                  [&](uint32_t e, uint32_t begin) { return (*events)[e].trigger.begin < begin; });
    int denied = -1;
    for (auto it = first; it != by_trigger.end() && (*events)[*it].trigger.begin <= at.content.end; ++it) {
      if (Contains(at.content, (*events)[*it].trigger) && (denied < 0 || static_cast<int>(*it) < denied)) {
        denied = static_cast<int>(*it);
      }
    }
    if (denied >= 0) (*events)[denied].modality = "denied";
  }
}

}  // namespace isnad
