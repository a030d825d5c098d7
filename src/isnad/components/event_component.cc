#include "isnad/components/event_component.h"

#include "isnad/events/event_arguments.h"
#include "isnad/events/event_flags.h"
#include "isnad/events/trigger_finder.h"

namespace isnad {

Status EventComponent::Run(Document* doc) {
  doc->events.clear();
  const EventLexicon& lexicon = model_.events();
  MarkTokens(*doc, lexicon, model_.clitics(), &marks_, &hits_);
  const std::vector<FoundTrigger> triggers = SelectTriggers(*doc, lexicon, marks_, hits_);
  for (size_t e = 0; e < triggers.size(); ++e) {
    for (uint32_t t = triggers[e].first_token; t < triggers[e].end_token; ++t) marks_[t].event = static_cast<int32_t>(e);
    if (triggers[e].folded_verb_end > 0) {
      // The folded verb belongs to this event too: no argument scan stops at it.
      for (uint32_t t = triggers[e].end_token; t < triggers[e].folded_verb_end; ++t) {
        if (marks_[t].event < 0) marks_[t].event = static_cast<int32_t>(e);
      }
    }
  }
  const ArgumentReader arguments(*doc, lexicon, model_.clitics(), model_.gazetteer(), marks_);
  doc->events.reserve(triggers.size());
  for (size_t e = 0; e < triggers.size(); ++e) {
    const FoundTrigger& trigger = triggers[e];
    Event event;
    event.trigger = SpanAfterProclitics(*doc, trigger.first_token, trigger.strip_bytes, trigger.end_token);
    int type = trigger.type;
    arguments.Read(trigger, static_cast<int>(e), &event, &type);
    const EventTypeInfo& info = lexicon.types()[type];
    event.type = info.name;
    event.ace = info.ace;
    event.plover = type == trigger.type ? lexicon.triggers()[trigger.entry].plover : info.plover;
    SetPolarityAndModality(*doc, lexicon, marks_, trigger, &event);
    doc->events.push_back(std::move(event));
  }
  LinkAttributions(*doc, &doc->events);
  return Status::Ok();
}

}  // namespace isnad
