// Event flags: polarity, modality and the attribution an event sits in.
//   negated   an explicit negation word of event-words.tsv (لم، عدم، ألا...) within its reach
//             before the trigger, in the same clause
//   modality  "possible" for the future prefix (سيهاجم), a modal word within its reach before the
//             trigger (قد، يخطط، هدد، منع، إذا، حث...) or right after it (هجوم محتمل), or a negation
//             that also marks the future (لن); "denied" for the event a DENY attribution rejects:
//             the first event of its content (نفت الوزارة تبادلها معلومات بشأن قصف: the exchange is
//             denied, the strike it is about is not); this wins; else "asserted"
//   attributed_to  the innermost attribution (smallest content span) whose content holds the trigger
#pragma once

#include <vector>

#include "isnad/document.h"
#include "isnad/events/event_lexicon.h"
#include "isnad/events/token_marks.h"
#include "isnad/events/trigger_finder.h"

namespace isnad {

// Sets event->negated and event->modality from the words around `trigger` ("asserted" or
// "possible"; denial comes from LinkAttribution).
void SetPolarityAndModality(const Document& doc, const EventLexicon& lexicon, const std::vector<TokenMarks>& marks,
                            const FoundTrigger& trigger, Event* event);

// Sets attributed_to of every event from doc.attributions, and modality "denied" on the first
// event (in text order) inside the content of each attribution whose act is DENY. `events` are
// in trigger order.
void LinkAttributions(const Document& doc, std::vector<Event>* events);

}  // namespace isnad
