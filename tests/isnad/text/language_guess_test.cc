#include "isnad/text/language_guess.h"

#include <gtest/gtest.h>

#include "isnad/model/model.h"
#include "test_support.h"

namespace isnad {
namespace {

class LanguageGuessTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(Model::Load(testing::ReadProjectFile("models/isnad.model"), &model_).ok()); }
  Language Guess(const std::string& text) const { return model_.language_guesser().Guess(text); }
  Model model_;
};

TEST_F(LanguageGuessTest, ArabicAndMixedArabicAreAnalyzed) {
  const Language ar = Guess("قال المتحدث باسم الوزارة إن الوضع مستقر.");
  EXPECT_EQ(ar.script, "Arab");
  EXPECT_EQ(ar.code, "ar");
  EXPECT_TRUE(ar.analyzed);
  EXPECT_TRUE(Guess("قال John Smith من CNN إن the talks ستستأنف في جنيف.").analyzed);
  // Keyboard variants (Farsi yeh, keheh) in an Arabic text do not make it Persian.
  EXPECT_EQ(Guess("قال المسؤول ان الكهرباء مقطوعه في المدينه منذ يومین ونصف ومنذ شهرین").code, "ar");
}

TEST_F(LanguageGuessTest, PersianAndUrduAreNamedAndLeftAlone) {
  const Language fa = Guess("وزیر امور خارجه گفت که مذاکرات در ژنو ادامه پیدا خواهد کرد و چند گروه دیگر هم می‌آیند.");
  EXPECT_EQ(fa.script, "Arab");
  EXPECT_EQ(fa.code, "fa");
  EXPECT_FALSE(fa.analyzed);
  const Language ur = Guess("وزیر خارجہ نے کہا کہ مذاکرات جنیوا میں دوبارہ شروع ہوں گے اور ٹیم وہاں پہنچ گئی ہے۔");
  EXPECT_EQ(ur.code, "ur");
  EXPECT_FALSE(ur.analyzed);
}

TEST_F(LanguageGuessTest, OtherScriptsAreReportedByScript) {
  const Language latin = Guess("The minister said the talks would resume in Geneva.");
  EXPECT_EQ(latin.script, "Latn");
  EXPECT_EQ(latin.code, "und");
  EXPECT_FALSE(latin.analyzed);
  EXPECT_EQ(Guess("Министр заявил, что переговоры возобновятся.").script, "Cyrl");
  EXPECT_EQ(Guess("部长表示谈判将在日内瓦恢复").script, "Hani");
  const Language none = Guess("2024 — 12:30 !!");
  EXPECT_EQ(none.script, "Zyyy");
  EXPECT_TRUE(none.analyzed);
}

TEST_F(LanguageGuessTest, ThePipelineSkipsTheArabicLayersAndSaysWhy) {
  const std::unique_ptr<Analyzer> analyzer = testing::ShippedAnalyzer();
  const Document doc = testing::MustAnalyze(*analyzer, "وزیر امور خارجه ایران گفت که مذاکرات در ژنو ادامه پیدا خواهد کرد. این گزارش را خبرگزاری رسمی منتشر کرد.");
  EXPECT_FALSE(doc.tokens.empty());  // the text layer still runs: nothing is lost
  EXPECT_TRUE(doc.entities.empty());
  EXPECT_TRUE(doc.attributions.empty());
  ASSERT_FALSE(doc.warnings.empty());
  EXPECT_EQ(doc.warnings.back().code, "not_arabic");
  EXPECT_NE(doc.warnings.back().message.find("Persian"), std::string::npos);
  LanguageGuesser guesser;
  EXPECT_FALSE(LanguageGuesser::Parse("# version: 1\nU+067E\n", &guesser).ok());
}

}  // namespace
}  // namespace isnad
