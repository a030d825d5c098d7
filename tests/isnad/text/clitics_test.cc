#include "isnad/text/clitics.h"

#include <gtest/gtest.h>

#include "isnad/model/model.h"
#include "test_support.h"

namespace isnad {
namespace {

std::vector<std::string> Stems(const CliticRules& rules, const std::string& norm) {
  std::vector<std::string> out;
  for (const CliticCandidate& c : rules.Candidates(norm)) out.push_back(c.proclitics + "+" + c.stem);
  return out;
}

class CliticsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(Model::Load(testing::ReadProjectFile("models/isnad.model"), &model_).ok()); }
  Model model_;
};

TEST_F(CliticsTest, ConjunctionAndPrepositionStack) {
  EXPECT_EQ(Stems(model_.clitics(), "وواشنطن"), (std::vector<std::string>{"+وواشنطن", "و+واشنطن"}));  // one conjunction at most
  EXPECT_EQ(Stems(model_.clitics(), "لرويترز"), (std::vector<std::string>{"+لرويترز", "ل+رويترز"}));
  EXPECT_EQ(Stems(model_.clitics(), "بالعراق"), (std::vector<std::string>{"+بالعراق", "ب+العراق"}));
  EXPECT_EQ(Stems(model_.clitics(), "وبالعراق"),
            (std::vector<std::string>{"+وبالعراق", "و+بالعراق", "وب+العراق"}));
}

TEST_F(CliticsTest, LamBeforeTheArticleRestoresItsAlif) {
  const auto candidates = model_.clitics().Candidates("للحكومه");
  EXPECT_EQ(Stems(model_.clitics(), "للحكومه"),
            (std::vector<std::string>{"+للحكومه", "ل+لحكومه", "ل+الحكومه"}));
  EXPECT_EQ(candidates[2].strip_bytes, 2u);  // the span starts at the second lam: لحكومة
}

// The bound TIME relies on to reuse Token::analyses: a word longer than the longest proclitic chain
// by two letters or more has the same analyses whatever the minimum stem length.
TEST_F(CliticsTest, LongWordsHaveTheSameAnalysesForAnyMinimumStem) {
  const CliticRules& rules = model_.clitics();
  EXPECT_GE(rules.max_proclitic_letters(), 2);  // a conjunction, then a preposition
  for (const std::string word : {"وبالعراق", "فللحكومه", "وبغداد", "ولها", "وله", "بها"}) {
    int letters = 0;
    for (unsigned char c : word) letters += (c & 0xC0) != 0x80;
    if (letters < rules.max_proclitic_letters() + 2) continue;
    std::vector<std::string> one, two;
    for (const CliticCandidate& c : rules.Candidates(word, 1)) one.push_back(c.proclitics + "+" + c.stem);
    for (const CliticCandidate& c : rules.Candidates(word, 2)) two.push_back(c.proclitics + "+" + c.stem);
    EXPECT_EQ(one, two) << word;
  }
}

TEST_F(CliticsTest, TheArticleIsDataAndIsNeverStripped) {
  EXPECT_EQ(model_.clitics().article(), "ال");
  EXPECT_TRUE(model_.clitics().StartsWithArticle("العراق"));
  EXPECT_FALSE(model_.clitics().StartsWithArticle("لعراق"));
  for (const CliticCandidate& c : model_.clitics().Candidates("العراق")) EXPECT_EQ(c.strip_bytes, 0u);
  const auto candidates = model_.clitics().Candidates("للعراق");
  ASSERT_EQ(candidates.size(), 3u);
  EXPECT_FALSE(candidates[1].restored);
  EXPECT_TRUE(candidates[2].restored);
}

TEST_F(CliticsTest, SuffixPronounsAreKnownButNeverStripped) {
  EXPECT_TRUE(model_.clitics().IsSuffix("ها"));
  EXPECT_TRUE(model_.clitics().IsSuffix("هم"));
  EXPECT_FALSE(model_.clitics().IsSuffix("و"));
  EXPECT_TRUE(model_.clitics().IsProclitic("و"));
  EXPECT_TRUE(model_.clitics().IsProclitic("ل"));
  EXPECT_FALSE(model_.clitics().IsProclitic("ال"));  // the article is not a proclitic
  for (const CliticCandidate& c : model_.clitics().Candidates("بلادها")) EXPECT_NE(c.stem, "بلاد");
}

TEST_F(CliticsTest, ShortStemsAreNotSplit) {
  EXPECT_EQ(Stems(model_.clitics(), "وك"), (std::vector<std::string>{"+وك"}));
  EXPECT_EQ(Stems(model_.clitics(), "بغداد").size(), 2u);  // ب+غداد is a candidate; lookups decide
}

}  // namespace
}  // namespace isnad
