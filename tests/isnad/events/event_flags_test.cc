#include "isnad/events/event_flags.h"

#include <gtest/gtest.h>

namespace isnad {
namespace {

// Hand-made attributions: what the attribution layer writes.
Attribution MakeAttribution(const std::string& act, Span content) {
  Attribution a;
  a.act = act;
  a.content = content;
  return a;
}

std::vector<Event> EventsAt(const std::vector<Span>& triggers) {
  std::vector<Event> events;
  for (Span s : triggers) {
    Event e;
    e.trigger = s;
    events.push_back(e);
  }
  return events;
}

TEST(LinkAttributions, TheInnermostContentHoldingTheTriggerIsTheSource) {
  Document doc;
  doc.text = std::string(100, 'x');
  doc.attributions.push_back(MakeAttribution("REPORT", {10, 90}));
  doc.attributions.push_back(MakeAttribution("STATE", {20, 60}));
  doc.attributions.push_back(MakeAttribution("STATE", {70, 80}));
  // inside the nested content; straddling [70, 80) so only the outer one holds it; outside all
  std::vector<Event> events = EventsAt({{30, 36}, {76, 84}, {92, 96}});
  LinkAttributions(doc, &events);
  EXPECT_EQ(events[0].attributed_to, 1);
  EXPECT_EQ(events[1].attributed_to, 0);
  EXPECT_EQ(events[2].attributed_to, -1);
  for (const Event& e : events) EXPECT_EQ(e.modality, "asserted");
}

TEST(LinkAttributions, TheEventADenialRejectsIsDenied) {
  Document doc;
  doc.text = std::string(100, 'x');
  doc.attributions.push_back(MakeAttribution("DENY", {10, 90}));
  doc.attributions.push_back(MakeAttribution("STATE", {20, 60}));
  std::vector<Event> events = EventsAt({{12, 18}, {30, 36}, {92, 96}});
  events[0].modality = "possible";
  LinkAttributions(doc, &events);
  EXPECT_EQ(events[0].attributed_to, 0);
  EXPECT_EQ(events[0].modality, "denied");    // the first event of the denied content (this wins)
  EXPECT_EQ(events[1].attributed_to, 1);
  EXPECT_EQ(events[1].modality, "asserted");  // what the denied event is about stays asserted
  EXPECT_EQ(events[2].modality, "asserted");  // outside
}

TEST(LinkAttributions, NoAttributionsLeaveTheEventsAlone) {
  Document doc;
  doc.text = "abc";
  std::vector<Event> events = EventsAt({{0, 3}});
  LinkAttributions(doc, &events);
  EXPECT_EQ(events[0].attributed_to, -1);
  EXPECT_EQ(events[0].modality, "asserted");
}

}  // namespace
}  // namespace isnad
