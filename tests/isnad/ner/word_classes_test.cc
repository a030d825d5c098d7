#include "isnad/ner/word_classes.h"

#include <gtest/gtest.h>

namespace isnad {
namespace {

WordClasses MustBuild(const std::vector<uint16_t>& sizes, const std::vector<std::string>& words,
                      const std::vector<std::vector<uint16_t>>& classes) {
  WordClasses c;
  const Status s = WordClasses::Build(sizes, words, classes, &c);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return c;
}

TEST(WordClasses, FindsTheIdsOfKnownWordsOnly) {
  const WordClasses c = MustBuild({4, 16}, {"بغداد", "دمشق", "قال"}, {{1, 9}, {1, 10}, {3, 2}});
  ASSERT_EQ(c.num_clusterings(), 2);
  EXPECT_EQ(c.num_words(), 3u);
  const uint16_t* damascus = c.Find("دمشق");
  ASSERT_NE(damascus, nullptr);
  EXPECT_EQ(damascus[0], 1);
  EXPECT_EQ(damascus[1], 10);
  const uint16_t* said = c.Find("قال");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(said[0], 3);
  EXPECT_EQ(said[1], 2);
  EXPECT_EQ(c.Find("القاهرة"), nullptr);
  EXPECT_EQ(WordClasses().Find("قال"), nullptr);
}

TEST(WordClasses, SerializeParseSerializeIsByteEqual) {
  const WordClasses c = MustBuild({4, 16}, {"بغداد", "دمشق", "قال"}, {{1, 9}, {1, 10}, {3, 2}});
  const std::string bytes = c.Serialize();
  WordClasses parsed;
  ASSERT_TRUE(WordClasses::Parse(bytes, &parsed).ok());
  EXPECT_EQ(parsed.Serialize(), bytes);
  ASSERT_NE(parsed.Find("بغداد"), nullptr);
  EXPECT_EQ(parsed.Find("بغداد")[1], 9);
  // The empty set round-trips too.
  WordClasses empty;
  ASSERT_TRUE(WordClasses::Parse(WordClasses().Serialize(), &empty).ok());
  EXPECT_TRUE(empty.empty());
}

TEST(WordClasses, BuildRejectsInconsistentInput) {
  WordClasses c;
  EXPECT_FALSE(WordClasses::Build({4}, {"a", "b"}, {{1}}, &c).ok());          // one row missing
  EXPECT_FALSE(WordClasses::Build({4}, {"a"}, {{4}}, &c).ok());               // id out of range
  EXPECT_FALSE(WordClasses::Build({4}, {"a"}, {{1, 2}}, &c).ok());            // wrong id count
  EXPECT_FALSE(WordClasses::Build({4}, {"a", "a"}, {{1}, {2}}, &c).ok());     // listed twice
  EXPECT_FALSE(WordClasses::Build(std::vector<uint16_t>(kMaxWordClusterings + 1, 2), {}, {}, &c).ok());
}

TEST(WordClasses, ParseRejectsTruncatedAndOutOfRangeBytes) {
  const std::string bytes = MustBuild({4}, {"a", "b"}, {{1}, {2}}).Serialize();
  WordClasses c;
  EXPECT_EQ(WordClasses::Parse(bytes.substr(0, bytes.size() - 1), &c).code(), StatusCode::kDataLoss);
  EXPECT_EQ(WordClasses::Parse(bytes + "x", &c).code(), StatusCode::kDataLoss);
  std::string bad = bytes;
  bad[bad.size() - 2] = 7;  // the last word's id, beyond the clustering's 4 classes
  EXPECT_EQ(WordClasses::Parse(bad, &c).code(), StatusCode::kDataLoss);
  EXPECT_TRUE(c.empty());
}

}  // namespace
}  // namespace isnad
