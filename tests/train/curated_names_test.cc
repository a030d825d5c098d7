// The curated name lists of lexicons/gazetteer/ (names-arabic, names-foreign, people, places,
// organizations, athletes, public-figures, officials, clubs-companies): spelled as news writes them, read through DisplayNameToGazetteerName into the
// matching form the analyzer gives the same text, and all of them in the shipped model.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "isnad/model/model.h"
#include "isnad/ner/gazetteer_lexicon.h"
#include "isnad/text/lexicon_tsv.h"
#include "test_support.h"
#include "train/cldr_gazetteer.h"
#include "train/model_builder.h"

namespace isnad {
namespace {

class CuratedNamesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Model::Load(testing::ReadProjectFile("models/isnad.model"), &model_).ok());
    ASSERT_TRUE(Normalizer::Create(&model_.folding(), &normalizer_).ok());
  }
  Model model_;
  Normalizer normalizer_;
};

const std::set<std::string>& AllowedCategories() {
  static const std::set<std::string> categories = {
      "PER",     "PER.GIVEN", "PER.GIVEN.WORD", "PER.FAMILY", "PER.FAMILY.WORD", "GPE",
      "GPE.WORD", "LOC",      "FAC",            "ORG.GOV",    "ORG.MEDIA",       "ORG.ARMED",
      "ORG.OTHER", "ORG.OTHER.WORD"};
  return categories;
}

TEST_F(CuratedNamesTest, EveryRowIsANameTheAnalyzerReadsTheSameWayAndTheModelHolds) {
  std::unique_ptr<Analyzer> analyzer = testing::ShippedAnalyzer();
  int lists = 0;
  for (const GazetteerList& list : GazetteerLists()) {
    if (list.kind != GazetteerList::kSpelled) continue;
    ++lists;
    const std::string tsv = testing::ReadProjectFile("lexicons/gazetteer/" + list.name + ".tsv");
    std::map<std::string, int> per_category;
    int version = 0;
    const Status s = ForEachLexiconRow(list.name, tsv, &version, [&](const LexiconRow& row) {
      const std::string where = list.name + " line " + std::to_string(row.line);
      EXPECT_EQ(row.columns.size(), 4u) << where << ": name, category, forms, comment";
      if (row.columns.size() < 2) return Status::Ok();
      EXPECT_TRUE(AllowedCategories().count(row.columns[1])) << where << ": category " << row.columns[1];
      ++per_category[row.columns[1]];
      std::string name;
      EXPECT_TRUE(DisplayNameToGazetteerName(row.columns[0], normalizer_, &name).ok());
      EXPECT_FALSE(name.empty()) << where;
      // Each word one token of the analyzer, in its matching form: the name matches that text.
      const Document doc = testing::MustAnalyze(*analyzer, row.columns[0]);
      std::string norms;
      for (const Token& t : doc.tokens) norms += (norms.empty() ? "" : " ") + t.norm;
      EXPECT_EQ(name, norms) << where;
      for (unsigned char c : name) EXPECT_FALSE(std::isalpha(c)) << where << ": Latin letters";
      EXPECT_TRUE(model_.gazetteer().Contains(name, row.columns[1])) << where << ": not in the shipped model";
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
    EXPECT_EQ(version, 1) << list.name;
    std::cout << "[ curated ] " << list.name << ":";
    for (const auto& [category, n] : per_category) std::cout << " " << category << "=" << n;
    std::cout << "\n";
  }
  EXPECT_EQ(lists, 9);
  // A few rows of each list, in the matching form (hamza, ة and ى folded).
  EXPECT_TRUE(model_.gazetteer().Contains("اندرو", "PER.GIVEN"));
  EXPECT_TRUE(model_.gazetteer().Contains("جمال عبد الناصر", "PER"));
  EXPECT_TRUE(model_.gazetteer().Contains("الحويجه", "GPE"));
  EXPECT_TRUE(model_.gazetteer().Contains("منظمه الصحه العالميه", "ORG.GOV"));
  EXPECT_TRUE(model_.gazetteer().Contains("وليد عبد الله", "PER"));       // athletes
  EXPECT_TRUE(model_.gazetteer().Contains("جميل راتب", "PER"));           // public-figures
  EXPECT_TRUE(model_.gazetteer().Contains("سليمان الجار الله", "PER"));   // officials
  EXPECT_TRUE(model_.gazetteer().Contains("دينامو كييف", "ORG.OTHER"));   // clubs-companies
}

TEST(GazetteerLists, ApplyDesignatorsThenCuratedNamesThenExclusions) {
  const std::vector<GazetteerList>& lists = GazetteerLists();
  ASSERT_FALSE(lists.empty());
  EXPECT_EQ(lists.front().kind, GazetteerList::kMatchingForm);
  EXPECT_EQ(lists.back().kind, GazetteerList::kExclusions);
  for (const GazetteerList& list : lists) {
    EXPECT_FALSE(testing::ReadProjectFile("lexicons/gazetteer/" + list.name + ".tsv").empty()) << list.name;
  }
}

}  // namespace
}  // namespace isnad
