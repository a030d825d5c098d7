#include "isnad/ner/name_likeness.h"

#include <gtest/gtest.h>

#include <cmath>

namespace isnad {
namespace {

std::vector<std::string> Ngrams(const std::string& word, int max_n) {
  std::vector<std::string> out;
  ForEachLetterNgram(word, max_n, [&](std::string_view g) { out.emplace_back(g); });
  return out;
}

NameLikeness MustBuild(const std::vector<std::string>& ngrams, const std::vector<std::vector<float>>& ratios,
                       const std::vector<float>& unknown = {-1.0f, 0.5f}) {
  NameLikeness m;
  const Status s = NameLikeness::Build(2, {"PER", "PLACE"}, ngrams, ratios, unknown, 1.0f / 16, &m);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return m;
}

TEST(NameLikeness, LetterNgramsSpanTheMarkedWordByCodePoints) {
  EXPECT_EQ(Ngrams("ab", 3), (std::vector<std::string>{"^a", "ab", "b$", "^ab", "ab$"}));
  EXPECT_EQ(Ngrams("بتروف", 2), (std::vector<std::string>{"^ب", "بت", "تر", "رو", "وف", "ف$"}));
  EXPECT_EQ(Ngrams("", 3), (std::vector<std::string>{"^$"}));
  // A very long word is read on its first 64 code points (with the opening marker).
  const std::string long_word(200, 'x');
  EXPECT_EQ(Ngrams(long_word, 2).size(), 63u);
  EXPECT_EQ(Ngrams(long_word, 2).front(), "^x");
}

TEST(NameLikeness, ScoresAverageTheListedRatiosAndTheUnknownOnes) {
  const NameLikeness m = MustBuild({"^ب", "وف", "ف$"}, {{1.0f, -2.0f}, {3.0f, 0.0f}, {2.0f, -1.0f}});
  float scores[2];
  m.Scores("بتروف", scores);  // ^ب بت تر رو وف ف$: three listed, three unknown
  EXPECT_FLOAT_EQ(scores[0], (1.0f + 3.0f + 2.0f - 3 * 1.0f) / 6);
  EXPECT_FLOAT_EQ(scores[1], (-2.0f + 0.0f - 1.0f + 3 * 0.5f) / 6);
  int8_t levels[2];
  m.Levels("بتروف", levels);
  EXPECT_EQ(levels[0], 1);   // 0.5 / 0.5
  EXPECT_EQ(levels[1], -1);  // -0.25 / 0.5 = -0.5, rounded away from zero
  const NameLikeness strong = MustBuild({"^ب", "ب$"}, {{20.0f, -20.0f}, {20.0f, -20.0f}});
  strong.Levels("ب", levels);
  EXPECT_EQ(levels[0], kLikenessMaxLevel);
  EXPECT_EQ(levels[1], -kLikenessMaxLevel);
}

TEST(NameLikeness, SerializeParseSerializeIsByteEqual) {
  const NameLikeness m = MustBuild({"^ب", "وف", "ف$", "ترو"}, {{1.0f, -2.0f}, {3.0f, 0.0f}, {2.0f, -1.0f}, {0.25f, 9.0f}});
  const std::string bytes = m.Serialize();
  NameLikeness parsed;
  ASSERT_TRUE(NameLikeness::Parse(bytes, &parsed).ok());
  EXPECT_EQ(parsed.Serialize(), bytes);
  EXPECT_EQ(parsed.kinds(), (std::vector<std::string>{"PER", "PLACE"}));
  EXPECT_EQ(parsed.num_ngrams(), 4u);
  float a[2], b[2];
  m.Scores("بتروف", a);
  parsed.Scores("بتروف", b);
  EXPECT_EQ(a[0], b[0]);
  EXPECT_EQ(a[1], b[1]);
  NameLikeness empty;
  ASSERT_TRUE(NameLikeness::Parse(NameLikeness().Serialize(), &empty).ok());
  EXPECT_TRUE(empty.empty());
}

TEST(NameLikeness, RatiosAreStoredInStepsAndClamped) {
  const NameLikeness m = MustBuild({"^ب", "ب$"}, {{0.53f, 100.0f}, {0.53f, 100.0f}});
  float scores[2];
  m.Scores("ب", scores);
  EXPECT_FLOAT_EQ(scores[0], 8.0f / 16);    // 0.53 is 8.48 steps of 1/16
  EXPECT_FLOAT_EQ(scores[1], 127.0f / 16);  // clamped to 127 steps
}

TEST(NameLikeness, BuildRejectsInconsistentInput) {
  NameLikeness m;
  EXPECT_FALSE(NameLikeness::Build(3, {"PER"}, {"ab"}, {{1.0f, 2.0f}}, {0.0f}, 0.1f, &m).ok());   // ratio count
  EXPECT_FALSE(NameLikeness::Build(3, {"PER"}, {"ab", "b$"}, {{1.0f}}, {0.0f}, 0.1f, &m).ok());   // rows
  EXPECT_FALSE(NameLikeness::Build(3, {}, {}, {}, {}, 0.1f, &m).ok());                            // no kind
  EXPECT_FALSE(NameLikeness::Build(1, {"PER"}, {}, {}, {0.0f}, 0.1f, &m).ok());                   // n < 2
  EXPECT_FALSE(NameLikeness::Build(3, {"PER"}, {"ab"}, {{NAN}}, {0.0f}, 0.1f, &m).ok());          // non-finite
  EXPECT_FALSE(NameLikeness::Build(3, {"PER"}, {}, {}, {0.0f}, 0.0f, &m).ok());                   // step 0
  EXPECT_FALSE(NameLikeness::Build(3, std::vector<std::string>(kMaxLikenessKinds + 1, "K"), {}, {},
                                   std::vector<float>(kMaxLikenessKinds + 1, 0.0f), 0.1f, &m).ok());
}

TEST(NameLikeness, ParseRejectsTruncatedAndTrailingBytes) {
  const std::string bytes = MustBuild({"^ب", "وف"}, {{1.0f, -2.0f}, {3.0f, 0.0f}}).Serialize();
  NameLikeness m;
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    EXPECT_EQ(NameLikeness::Parse(bytes.substr(0, cut), &m).code(), StatusCode::kDataLoss) << cut;
    EXPECT_TRUE(m.empty());
  }
  EXPECT_EQ(NameLikeness::Parse(bytes + "x", &m).code(), StatusCode::kDataLoss);
  std::string bad_n = bytes;
  bad_n[0] = 9;
  EXPECT_EQ(NameLikeness::Parse(bad_n, &m).code(), StatusCode::kDataLoss);
  EXPECT_EQ(NameLikeness::Parse(std::string(1, '\0') + "x", &m).code(), StatusCode::kDataLoss);
}

}  // namespace
}  // namespace isnad
