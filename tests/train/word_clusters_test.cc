#include "train/word_clusters.h"

#include <gtest/gtest.h>

namespace isnad {
namespace {

// Sentences "قال <city> اليوم" and "التقى <person> أمس": cities and persons never share contexts.
std::vector<std::vector<std::string>> TwoContextText() {
  const std::vector<std::string> cities = {"بغداد", "دمشق", "القاهرة", "عمان"};
  const std::vector<std::string> persons = {"محمد", "أحمد", "علي", "خالد"};
  std::vector<std::vector<std::string>> text;
  for (int round = 0; round < 5; ++round) {
    for (const std::string& c : cities) text.push_back({"وصل", "إلى", c, "اليوم"});
    for (const std::string& p : persons) text.push_back({"التقى", "الرئيس", p, "أمس"});
  }
  return text;
}

TEST(LearnWordClasses, WordsThatShareContextsShareAClass) {
  // 14 words in 8 classes: the best clustering gives each of the 6 context words a class and
  // groups the cities and the persons. (With a class per word, grouping would gain nothing.)
  WordClusterOptions options;
  options.sizes = {8, 8};
  WordClasses classes;
  ASSERT_TRUE(LearnWordClasses(TwoContextText(), options, &classes).ok());
  ASSERT_EQ(classes.num_clusterings(), 2);
  for (int g = 0; g < 2; ++g) {
    const uint16_t city = classes.Find("بغداد")[g], person = classes.Find("محمد")[g];
    for (const char* w : {"دمشق", "القاهرة", "عمان"}) EXPECT_EQ(classes.Find(w)[g], city) << w << " g=" << g;
    for (const char* w : {"أحمد", "علي", "خالد"}) EXPECT_EQ(classes.Find(w)[g], person) << w << " g=" << g;
    EXPECT_NE(city, person) << "g=" << g;
  }
}

TEST(LearnWordClasses, RareWordsGetNoClassAndRunsAreDeterministic) {
  auto text = TwoContextText();
  text.push_back({"وصل", "إلى", "طرابلس", "اليوم"});  // seen once
  WordClusterOptions options;
  options.sizes = {4};
  options.min_count = 2;
  WordClasses a, b;
  ASSERT_TRUE(LearnWordClasses(text, options, &a).ok());
  ASSERT_TRUE(LearnWordClasses(text, options, &b).ok());
  EXPECT_EQ(a.Find("طرابلس"), nullptr);
  EXPECT_NE(a.Find("بغداد"), nullptr);
  EXPECT_EQ(a.Serialize(), b.Serialize());
}

TEST(LearnWordClasses, RejectsAClusteringOfOneClass) {
  WordClusterOptions options;
  options.sizes = {1};
  WordClasses classes;
  EXPECT_FALSE(LearnWordClasses(TwoContextText(), options, &classes).ok());
}

}  // namespace
}  // namespace isnad
