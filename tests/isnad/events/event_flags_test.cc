#include "isnad/events/event_flags.h"

#include <gtest/gtest.h>

namespace isnad {
namespace {

// A document with hand-made attributions: what the attribution layer will write.
Attribution MakeAttribution(const std::string& act, Span content) {
  Attribution a;
  a.act = act;
  a.content = content;
  return a;
}

TEST(LinkAttribution, TheInnermostContentHoldingTheTriggerIsTheSource) {
  Document doc;
  doc.text = std::string(100, 'x');
  doc.attributions.push_back(MakeAttribution("REPORT", {10, 90}));
  doc.attributions.push_back(MakeAttribution("STATE", {20, 60}));
  doc.attributions.push_back(MakeAttribution("STATE", {70, 80}));
  Event event;
  event.trigger = {30, 36};
  LinkAttribution(doc, &event);
  EXPECT_EQ(event.attributed_to, 1);
  EXPECT_EQ(event.modality, "asserted");

  Event outside;
  outside.trigger = {92, 96};
  LinkAttribution(doc, &outside);
  EXPECT_EQ(outside.attributed_to, -1);

  Event straddling;  // not inside [70, 80) entirely: only the outer content holds it
  straddling.trigger = {76, 84};
  LinkAttribution(doc, &straddling);
  EXPECT_EQ(straddling.attributed_to, 0);
}

TEST(LinkAttribution, AnEventInsideADenialIsDenied) {
  Document doc;
  doc.text = std::string(100, 'x');
  doc.attributions.push_back(MakeAttribution("DENY", {10, 90}));
  doc.attributions.push_back(MakeAttribution("STATE", {20, 60}));
  Event event;
  event.trigger = {30, 36};
  event.modality = "possible";
  LinkAttribution(doc, &event);
  EXPECT_EQ(event.attributed_to, 1);    // the innermost content ...
  EXPECT_EQ(event.modality, "denied");  // ... inside a denial all the same

  Event after;
  after.trigger = {92, 96};
  LinkAttribution(doc, &after);
  EXPECT_EQ(after.modality, "asserted");
}

TEST(LinkAttribution, NoAttributionsLeaveTheEventAlone) {
  Document doc;
  doc.text = "abc";
  Event event;
  event.trigger = {0, 3};
  LinkAttribution(doc, &event);
  EXPECT_EQ(event.attributed_to, -1);
  EXPECT_EQ(event.modality, "asserted");
}

}  // namespace
}  // namespace isnad
