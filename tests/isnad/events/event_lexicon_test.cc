#include "isnad/events/event_lexicon.h"

#include <gtest/gtest.h>

#include "isnad/model/model.h"
#include "test_support.h"

namespace isnad {
namespace {

class EventLexiconTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(Model::Load(testing::ReadProjectFile("models/isnad.model"), &model_).ok()); }
  Status Parse(const std::string& types, const std::string& triggers, const std::string& words) {
    return EventLexicon::Parse("# version: 1\n" + types, "# version: 1\n" + triggers, "# version: 1\n" + words,
                               model_.inflections(), &lexicon_);
  }
  Model model_;
  EventLexicon lexicon_;
  const std::string types_ = "ATTACK\tASSAULT\tConflict.Attack\tsubj=agent on=target\n";
  const std::string words_ = "prep\tword:علي\t-\ton\ton\n";
};

TEST_F(EventLexiconTest, TheShippedLexiconsLoadWithEveryType) {
  const EventLexicon& lexicon = model_.events();
  for (const char* type : {"ATTACK", "KILL", "INJURE", "ARREST", "PROTEST", "MEET", "AGREE", "THREATEN", "DEMAND",
                           "ACCUSE", "DEPLOY", "SUPPLY", "SANCTION"}) {
    EXPECT_GE(lexicon.FindType(type), 0) << type;
  }
  const EventTypeInfo& attack = lexicon.types()[lexicon.FindType("ATTACK")];
  EXPECT_EQ(attack.plover, "ASSAULT");
  EXPECT_EQ(attack.ace, "Conflict.Attack");
  EXPECT_EQ(lexicon.types()[lexicon.FindType("AGREE")].ace, "");  // no ACE subtype
  EXPECT_GT(lexicon.index().size(), 1000u);
}

TEST_F(EventLexiconTest, ParsesFramesOptionsAndKinds) {
  ASSERT_TRUE(Parse(types_, "هاجم\tATTACK\tperfect:هاجم\t-\t-\tplover=X\tc\nشن\tLIGHT\tperfect:شن\t-\t-\t-\tc\n"
                           "رد على\t-\tnoun:رد\tعلي\t-\t-\tc\n",
                    words_ + "class\tnoun:صاروخ\t-\tinstrument\tc\nnegation\tword:لم\t-\t3\tc\n").ok());
  ASSERT_EQ(lexicon_.triggers().size(), 3u);
  EXPECT_EQ(lexicon_.triggers()[0].plover, "X");
  EXPECT_EQ(lexicon_.triggers()[0].frame.Role(kSlotSubject), "agent");
  EXPECT_EQ(lexicon_.triggers()[1].kind, TriggerEntry::kLight);
  EXPECT_EQ(lexicon_.triggers()[2].kind, TriggerEntry::kExclude);
  EXPECT_EQ(lexicon_.triggers()[2].words, 2u);
  EXPECT_EQ(lexicon_.words()[2].window, 3);
}

// Every error names the lexicon and the line of the bad row.
TEST_F(EventLexiconTest, ErrorsNameTheLexiconAndLine) {
  const std::string ok_trigger = "هاجم\tATTACK\tperfect:هاجم\t-\t-\t-\tc\n";
  Status s = Parse(types_, ok_trigger + "ضرب\tSTRIKE\tperfect:ضرب\t-\t-\t-\tc\n", words_);
  EXPECT_EQ(s.message(), "event-triggers line 3: unknown event type 'STRIKE'");
  s = Parse(types_, ok_trigger + "ضرب\tATTACK\tضرب\t-\t-\t-\tc\n", words_);
  EXPECT_NE(s.message().find("event-triggers line 3: "), std::string::npos) << s.message();
  s = Parse(types_, ok_trigger + "ضرب\tATTACK\tperfect:ضرب\t-\tsubj=victim\t-\tc\n", words_);
  EXPECT_EQ(s.message(), "event-triggers line 3: unknown role 'victim'");
  s = Parse(types_, ok_trigger + "ضرب\tATTACK\tperfect:ضرب\t-\tunder=target\t-\tc\n", words_);
  EXPECT_EQ(s.message(), "event-triggers line 3: unknown slot 'under'");
  s = Parse(types_, ok_trigger + "ضرب\tATTACK\tperfect:ضرب\t-\t-\tneeds=tanks\tc\n", words_);
  EXPECT_EQ(s.message(), "event-triggers line 3: unknown word class 'tanks' in 'needs=tanks'");
  s = Parse(types_ + "ATTACK\tX\t-\t-\n", ok_trigger, words_);
  EXPECT_EQ(s.message(), "event-types line 3: type 'ATTACK' defined twice");
  s = Parse(types_, ok_trigger, words_ + "negation\tword:لم\t-\tfar\tc\n");
  EXPECT_EQ(s.message(), "event-words line 3: value must start with a window of 1-20 tokens");
  s = Parse(types_, ok_trigger, words_ + "adverb\tword:جدا\t-\t-\tc\n");
  EXPECT_EQ(s.message(), "event-words line 3: unknown kind 'adverb'");
  s = Parse(types_, ok_trigger, words_ + "class\tword:جدا\t-\tweather\tc\n");
  EXPECT_EQ(s.message(), "event-words line 3: unknown word class 'weather'");
  s = Parse(types_, "هاجم\tATTACK\tperfect:هاجم\n", words_);
  EXPECT_EQ(s.message(), "event-triggers line 2: expected lemma, type, stems, then, frame, options");
}

}  // namespace
}  // namespace isnad
