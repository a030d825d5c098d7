#include "isnad/text/normalizer.h"

#include <gtest/gtest.h>

#include "isnad/model/model.h"
#include "test_support.h"

namespace isnad {
namespace {

class NormalizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Model::Load(testing::ReadProjectFile("models/isnad.model"), &model_).ok());
    ASSERT_TRUE(Normalizer::Create(&model_.folding(), &normalizer_).ok());
  }
  NormalizedText Normalize(const std::string& text) {
    NormalizedText out;
    EXPECT_TRUE(normalizer_.Normalize(text, &out).ok());
    return out;
  }
  Model model_;
  Normalizer normalizer_;
};

TEST_F(NormalizerTest, NfkcExpandsPresentationForms) {
  EXPECT_EQ(normalizer_.MatchingForm("\uFEFB"), "لا");  // lam-alef ligature
  EXPECT_EQ(normalizer_.MatchingForm("\uFE8D\uFEDF"), "ال");
}

TEST_F(NormalizerTest, FoldsTatweelDiacriticsAndLetterVariants) {
  EXPECT_EQ(normalizer_.MatchingForm("الـــعـراق"), "العراق");
  EXPECT_EQ(normalizer_.MatchingForm("مُحَمَّدٌ"), "محمد");
  EXPECT_EQ(normalizer_.MatchingForm("أحمد إبراهيم آل"), "احمد ابراهيم ال");
  EXPECT_EQ(normalizer_.MatchingForm("مصطفى"), "مصطفي");
  EXPECT_EQ(normalizer_.MatchingForm("الحكومة"), "الحكومه");
  EXPECT_EQ(normalizer_.MatchingForm("٢٠٢١ و۱۴۰۰"), "2021 و1400");
  EXPECT_EQ(normalizer_.MatchingForm("بغداد\u200F"), "بغداد");
}

TEST_F(NormalizerTest, LeavesLatinAndEmojiAlone) {
  EXPECT_EQ(normalizer_.MatchingForm("CBS 😀"), "CBS 😀");
}

TEST_F(NormalizerTest, AlignmentMapsEveryByteBackIntoTheSource) {
  const std::string text = "قالَ الـمتحدث \uFEFB 😀 أمس";
  const NormalizedText n = Normalize(text);
  ASSERT_EQ(n.to_source.size(), n.text.size() + 1);
  EXPECT_EQ(n.to_source.back(), text.size());
  for (size_t i = 1; i < n.to_source.size(); ++i) EXPECT_LE(n.to_source[i - 1], n.to_source[i]);
  for (uint32_t s : n.to_source) EXPECT_LE(s, text.size());
}

TEST_F(NormalizerTest, SourceSpanRecoversTheOriginalCharacters) {
  const std::string text = "وقال المُتَحَدِّث أمس";
  const NormalizedText n = Normalize(text);
  const std::string word = "المتحدث";
  const size_t at = n.text.find(word);
  ASSERT_NE(at, std::string::npos);
  const Span span = SourceSpan(n, static_cast<uint32_t>(at), static_cast<uint32_t>(at + word.size()));
  EXPECT_EQ(text.substr(span.begin, span.size()), "المُتَحَدِّث");

  // A match inside an NFKC expansion covers the whole original character.
  const std::string lig = "x\uFEFBy";
  const NormalizedText nl = Normalize(lig);
  const size_t lam = nl.text.find("ل");
  const Span s2 = SourceSpan(nl, static_cast<uint32_t>(lam), static_cast<uint32_t>(lam + 2));
  EXPECT_EQ(lig.substr(s2.begin, s2.size()), "\uFEFB");
}

TEST_F(NormalizerTest, EmptyInput) {
  const NormalizedText n = Normalize("");
  EXPECT_TRUE(n.text.empty());
  ASSERT_EQ(n.to_source.size(), 1u);
  EXPECT_EQ(n.to_source[0], 0u);
}

}  // namespace
}  // namespace isnad
