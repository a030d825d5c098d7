#include "isnad/attribution/attribution_lexicon.h"

#include <gtest/gtest.h>

#include "isnad/model/model.h"
#include "test_support.h"

namespace isnad {
namespace {

class AttributionLexiconTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(Model::Load(testing::ReadProjectFile("models/isnad.model"), &model_).ok()); }
  Status Parse(const std::string& cues, const std::string& words) {
    AttributionLexicon lexicon;
    return AttributionLexicon::Parse("# version: 1\n" + cues, "# version: 1\n" + words, model_.inflections(), &lexicon);
  }
  Model model_;
};

TEST_F(AttributionLexiconTest, RejectsMalformedRowsNamingTheLine) {
  EXPECT_TRUE(Parse("قال\tSTATE\tverb\tperfect:قال\t\t\n", "ان\tcomplementizer\tparticle:ان\t\n").ok());
  const Status act = Parse("قال\tSAY\tverb\tperfect:قال\t\t\n", "");
  EXPECT_FALSE(act.ok());
  EXPECT_NE(act.message().find("line 2"), std::string::npos) << act.message();
  EXPECT_FALSE(Parse("قال\tSTATE\tadverb\tperfect:قال\t\t\n", "").ok());         // kind
  EXPECT_FALSE(Parse("قال\tSTATE\tverb\tpast:قال\t\t\n", "").ok());              // paradigm
  EXPECT_FALSE(Parse("قال\tSTATE\tverb\tperfect:قال\t\tloud\n", "").ok());       // flag
  EXPECT_FALSE(Parse("يشار\tSTATE\twriter\timperfect:شار\t\t\n", "").ok());      // a writer has no act
  EXPECT_FALSE(Parse("", "مصدر\tsource:SECRET\tnoun:مصدر\t\n").ok());          // source kind
  EXPECT_FALSE(Parse("", "مصدر\tsubject\tnoun:مصدر\t\n").ok());                // role
  EXPECT_FALSE(Parse("", "؛\tpunctuation\tpause\t\n").ok());                     // punctuation class
}

TEST_F(AttributionLexiconTest, PunctuationClassesComeFromTheLexicon) {
  AttributionLexicon lexicon;
  ASSERT_TRUE(AttributionLexicon::Parse("# version: 1\n", "# version: 1\n،\tpunctuation\tcomma\t\n:\tpunctuation\tcolon\t\n"
                                        "؟\tpunctuation\tend\t\n", model_.inflections(), &lexicon).ok());
  EXPECT_EQ(lexicon.PunctuationClass("،"), ',');
  EXPECT_EQ(lexicon.PunctuationClass(":"), ':');
  EXPECT_EQ(lexicon.PunctuationClass("؟"), '.');
  EXPECT_EQ(lexicon.PunctuationClass("."), 0);  // not listed here
  // The shipped list: the marks of Arabic and Latin text.
  const AttributionLexicon& shipped = model_.attribution_lexicon();
  for (const char* comma : {"،", ","}) EXPECT_EQ(shipped.PunctuationClass(comma), ',') << comma;
  for (const char* end : {".", "؛", ";", "؟", "?", "!", "…"}) EXPECT_EQ(shipped.PunctuationClass(end), '.') << end;
  EXPECT_EQ(shipped.PunctuationClass("-"), 0);
}

TEST_F(AttributionLexiconTest, TheShippedLexiconsLoadWithTheirFlags) {
  const AttributionLexicon& lexicon = model_.attribution_lexicon();
  EXPECT_GE(lexicon.cues_version(), 1);
  EXPECT_GE(lexicon.words_version(), 1);
  const std::unique_ptr<Analyzer> analyzer = testing::ShippedAnalyzer();
  const Document doc = testing::MustAnalyze(*analyzer, "ونقلت فيقولون بحسب");
  const LexiconHit relay = lexicon.CueAt(doc, 0, model_.clitics());
  ASSERT_TRUE(relay.found());
  EXPECT_TRUE(lexicon.cue(relay.entry).relay);
  EXPECT_EQ(relay.strip_bytes, 2u);  // و
  ASSERT_TRUE(lexicon.CueAt(doc, 1, model_.clitics()).found());
  const LexiconHit prep = lexicon.CueAt(doc, 2, model_.clitics());
  ASSERT_TRUE(prep.found());
  EXPECT_EQ(lexicon.cue(prep.entry).kind, CueKind::kPrep);
}

}  // namespace
}  // namespace isnad
