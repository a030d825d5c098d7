#include "isnad/components/latin_component.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "isnad/json.h"
#include "test_support.h"

namespace isnad {
namespace {

TEST(LatinComponent, EveryNamedClusterHasALatinSpellingInTheJson) {
  auto analyzer = testing::ShippedAnalyzer();
  const Document doc = testing::MustAnalyze(
      *analyzer, "قال وزير الخارجية سامر الخطيب في بغداد يوم الأحد إن الخطيب سيزور عمان. ونقلت وكالة رويترز ذلك.");
  ASSERT_FALSE(doc.clusters.empty());
  const nlohmann::json j = nlohmann::json::parse(ToJson(doc, JsonOptions()));
  size_t named = 0;
  for (const auto& c : j["clusters"]) {
    if (c["type"] == "TIME") {
      EXPECT_FALSE(c.contains("latin")) << c.dump();
      continue;
    }
    ++named;
    ASSERT_TRUE(c.contains("latin")) << c.dump();
    const std::string latin = c["latin"];
    EXPECT_FALSE(latin.empty());
    EXPECT_EQ(latin.find("\xD8"), std::string::npos) << latin;
    EXPECT_EQ(latin.find("\xD9"), std::string::npos) << latin;
  }
  EXPECT_GT(named, 0u);
}

TEST(LatinComponent, RunsAfterTheClusters) {
  auto analyzer = testing::ShippedAnalyzer();
  const Document doc = testing::MustAnalyze(*analyzer, "وصل الوفد إلى بغداد. وغادر بغداد مساء.");
  bool found = false;
  for (const Cluster& c : doc.clusters) {
    if (c.name == "بغداد") {
      EXPECT_EQ(c.latin, "bghdad");
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace isnad
