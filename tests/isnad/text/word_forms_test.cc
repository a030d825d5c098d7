#include "isnad/text/word_forms.h"

#include <gtest/gtest.h>

#include "isnad/model/model.h"
#include "test_support.h"

namespace isnad {
namespace {

class WordFormsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Model::Load(testing::ReadProjectFile("models/isnad.model"), &model_).ok());
    analyzer_ = testing::ShippedAnalyzer();
  }
  // Indexes "lemma → paradigm:stem" items as entries 0, 1, ...
  void Index(const std::vector<std::pair<std::string, std::vector<std::string>>>& rows) {
    for (uint32_t e = 0; e < rows.size(); ++e) {
      std::vector<StemSpec> specs;
      ASSERT_TRUE(ParseStemSpecs(rows[e].first, &specs).ok()) << rows[e].first;
      for (const StemSpec& spec : specs) ASSERT_TRUE(index_.Add(model_.inflections(), spec, rows[e].second, e).ok());
    }
  }
  // The matched entries at each token of `text`, as "token:entry:strip" strings.
  std::vector<std::string> Matches(const std::string& text) {
    const Document doc = testing::MustAnalyze(*analyzer_, text);
    std::vector<std::string> out;
    std::vector<WordFormMatch> matches;
    for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
      index_.Lookup(doc, t, model_.clitics(), &matches);
      for (const WordFormMatch& m : matches) {
        const Span span = SpanAfterProclitics(doc, m.first_token, m.strip_bytes, m.end_token);
        out.push_back(std::string(doc.SpanText(span)) + ":" + std::to_string(m.entry));
      }
    }
    return out;
  }
  Model model_;
  std::unique_ptr<Analyzer> analyzer_;
  WordFormIndex index_;
};

TEST_F(WordFormsTest, ParsesStemSpecs) {
  std::vector<StemSpec> specs;
  ASSERT_TRUE(ParseStemSpecs("perfect:قال,قل imperfect:قول", &specs).ok());
  ASSERT_EQ(specs.size(), 3u);
  EXPECT_EQ(specs[1].paradigm, "perfect");
  EXPECT_EQ(specs[1].stem, "قل");
  EXPECT_EQ(specs[2].paradigm, "imperfect");
  EXPECT_FALSE(ParseStemSpecs("قال", &specs).ok());
  EXPECT_FALSE(ParseStemSpecs("perfect:", &specs).ok());
  EXPECT_FALSE(ParseStemSpecs("", &specs).ok());
}

TEST_F(WordFormsTest, RejectsMalformedParadigms) {
  Inflections inflections;
  const std::string header = "# version: 1\n";
  EXPECT_FALSE(Inflections::Parse(header + "noun\t-\t-\tsome\tyes\t-\n", &inflections).ok());   // proclitics
  EXPECT_FALSE(Inflections::Parse(header + "noun\t-\t~ات\tany\tyes\t-\n", &inflections).ok());  // ~ without a rule
  EXPECT_FALSE(Inflections::Parse(header + "noun\t-\t-\tany\tyes\tه\n", &inflections).ok());    // not A>B
  EXPECT_FALSE(Inflections::Parse(header + "a\t-\t-\tany\tno\t-\na\t-\t-\tany\tno\t-\n", &inflections).ok());
  EXPECT_FALSE(Inflections::Parse("noun\t-\t-\tany\tno\t-\n", &inflections).ok());  // no version
  ASSERT_TRUE(Inflections::Parse(header + "noun\t- ال\t- ~ات\tany\tyes\tه>ت\n", &inflections).ok());
  const std::vector<std::string> forms = Inflections::Expand(*inflections.Find("noun"), "غاره");
  EXPECT_EQ(forms, (std::vector<std::string>{"غاره", "غارات", "الغاره", "الغارات"}));
}

TEST_F(WordFormsTest, VerbsInflectAndTakeConjunctionsOnly) {
  Index({{"perfect:قال,قل imperfect:قول participle:قائل", {}}});
  EXPECT_EQ(Matches("وقالت الوزارة"), (std::vector<std::string>{"قالت:0"}));
  EXPECT_EQ(Matches("فيقولون ما قلنا"), (std::vector<std::string>{"يقولون:0", "قلنا:0"}));
  EXPECT_EQ(Matches("سيقول قائلاً"), (std::vector<std::string>{"سيقول:0", "قائلاً:0"}));
  EXPECT_EQ(Matches("قاله"), (std::vector<std::string>{"قاله:0"}));  // with a pronoun
  EXPECT_TRUE(Matches("بقال").empty());                              // a preposition is not a verb's
  EXPECT_TRUE(Matches("قالي").empty());  // a verb's "me" is ني: ي after a verb is no pronoun
}

TEST_F(WordFormsTest, NounsTakeEveryProcliticAndTheTaMarbuta) {
  Index({{"noun:هجوم", {}}, {"noun:غاره", {}}, {"word:حسب", {}}});
  EXPECT_EQ(Matches("وبالهجوم"), (std::vector<std::string>{"الهجوم:0"}));
  EXPECT_EQ(Matches("هجومي"), (std::vector<std::string>{"هجومي:0"}));  // a noun's "my"
  EXPECT_EQ(Matches("غارةً وغارات وغارته"), (std::vector<std::string>{"غارةً:1", "غارات:1", "غارته:1"}));
  EXPECT_EQ(Matches("بحسب"), (std::vector<std::string>{"حسب:2"}));
  EXPECT_TRUE(Matches("غارت").empty());  // the form before a pronoun never stands alone
}

TEST_F(WordFormsTest, MultiWordEntriesNeedTheirFollowingWords) {
  Index({{"noun:نقل", {"عن"}}, {"noun:لسان", {}}});
  EXPECT_EQ(Matches("نقلاً عن مصادر"), (std::vector<std::string>{"نقلاً عن:0"}));
  EXPECT_TRUE(Matches("نقلاً إلى").empty());
  EXPECT_TRUE(Matches("نقلاً. عن").empty());  // never across a sentence
}

}  // namespace
}  // namespace isnad
