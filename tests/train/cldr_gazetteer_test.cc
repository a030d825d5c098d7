#include "train/cldr_gazetteer.h"

#include <gtest/gtest.h>


#include "isnad/model/model.h"
#include "isnad/ner/gazetteer_lexicon.h"
#include "test_support.h"

namespace isnad {
namespace {

class CldrGazetteerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Model::Load(testing::ReadProjectFile("models/isnad.model"), &model_).ok());
    ASSERT_TRUE(Normalizer::Create(&model_.folding(), &normalizer_).ok());
  }
  std::string Name(const std::string& display) {
    std::string out;
    EXPECT_TRUE(DisplayNameToGazetteerName(display, normalizer_, &out).ok());
    return out;
  }
  Model model_;
  Normalizer normalizer_;
};

void Log(const char* source, const CldrSourceCount& c) {
  std::cout << "[ cldr ] " << source << ": " << c.display_names << " display names, " << c.added
            << " entries added, " << c.skipped << " skipped\n";
}

TEST_F(CldrGazetteerTest, DisplayNamesBecomeTokenizedMatchingForms) {
  EXPECT_EQ(Name("الإمارات العربية المتحدة"), "الامارات العربيه المتحده");
  EXPECT_EQ(Name("ميانمار (بورما)"), "ميانمار");                  // parenthesized: a qualifier
  EXPECT_EQ(Name("مدينة تل، إنديانا"), "مدينه تل");               // after the comma: a qualifier
  EXPECT_EQ(Name("الكونغو - كينشاسا"), "الكونغو - كينشاسا");      // the dash is a token of its own
  EXPECT_EQ(Name("عمّان"), "عمان");
  EXPECT_EQ(Name("Montreal"), "");                                // no Arabic name: ICU's fallback
  EXPECT_EQ(Name(""), "");
}

TEST_F(CldrGazetteerTest, AddsCountriesRegionsAndCitiesInArabic) {
  Gazetteer g;
  CldrNameCounts counts;
  const Status s = AddCldrNames(normalizer_, &g, &counts);
  ASSERT_TRUE(s.ok()) << s.ToString();
  Log("countries", counts.countries);
  Log("alternates", counts.alternates);
  Log("regions", counts.regions);
  Log("cities", counts.cities);
  std::cout << "[ cldr ] " << g.size() << " entries, " << g.Serialize().size() << " bytes serialized\n";

  EXPECT_GT(counts.countries.display_names, 200);
  EXPECT_GT(counts.countries.added, 200);
  EXPECT_GE(counts.alternates.added, 3);
  EXPECT_GE(counts.regions.added, 20);
  EXPECT_GT(counts.cities.added, 300);
  // Names known independently of ICU, in the matching form.
  for (const char* country : {"مصر", "فرنسا", "اليابان", "العراق", "الولايات المتحده", "المملكه العربيه السعوديه"}) {
    EXPECT_TRUE(g.Contains(country, "GPE")) << country;
  }
  EXPECT_TRUE(g.Contains("فلسطين", "GPE"));  // a short form (Countries%short)
  for (const char* region : {"افريقيا", "اوروبا", "اسيا", "امريكا اللاتينيه"}) {
    EXPECT_TRUE(g.Contains(region, "LOC")) << region;
  }
  for (const char* capital : {"القاهره", "باريس", "طوكيو", "لندن", "موسكو", "الرياض"}) {
    EXPECT_TRUE(g.Contains(capital, "GPE")) << capital;
  }
  EXPECT_FALSE(g.Contains("العالم", "LOC"));            // region 001 is left out
  EXPECT_FALSE(g.Contains("الامم المتحده", "LOC"));     // so are the lettered groupings
  EXPECT_TRUE(g.Contains("انتاركتيكا", "LOC"));         // AQ: a continent
  EXPECT_FALSE(g.Contains("انتاركتيكا", "GPE"));
}

// The gazetteer the model is meant to carry (CLDR + designators - exclusions): its size, and how
// fast it matches a news paragraph.
TEST_F(CldrGazetteerTest, TheCombinedGazetteerRoundTripsAndMatches) {
  Gazetteer g;
  ASSERT_TRUE(AddCldrNames(normalizer_, &g).ok());
  const size_t cldr = g.size();
  GazetteerForms forms;
  ASSERT_TRUE(GazetteerForms::Parse(testing::ReadProjectFile("lexicons/gazetteer/forms.tsv"), &forms).ok());
  ASSERT_TRUE(AddLexiconEntries(testing::ReadProjectFile("lexicons/gazetteer/designators.tsv"), forms, &g).ok());
  const size_t with_designators = g.size();
  ASSERT_TRUE(RemoveLexiconEntries(testing::ReadProjectFile("lexicons/gazetteer/exclude.tsv"), &g).ok());
  EXPECT_FALSE(g.Contains("ترك", "GPE"));
  const std::string bytes = g.Serialize();
  std::cout << "[ cldr ] combined: " << cldr << " CLDR + " << with_designators - cldr << " designator entries - "
            << with_designators - g.size() << " excluded = " << g.size() << " entries, " << bytes.size()
            << " bytes, " << g.categories().size() << " categories\n";
  Gazetteer parsed;
  ASSERT_TRUE(Gazetteer::Parse(bytes, &parsed).ok());
  EXPECT_EQ(parsed.Serialize(), bytes);

  std::unique_ptr<Analyzer> analyzer = testing::ShippedAnalyzer();
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text += "أعلنت وزارة الدفاع الفرنسية في بيان يوم الأحد أن الرئيس استقبل في قصر الإليزيه بباريس وفداً من "
            "اليابان لبحث التعاون الأمني في شمال أفريقيا، وقال مسؤول مصري للصحيفة إن المحادثات تناولت "
            "الأوضاع في المنطقة وسبل دعم الاستقرار، مضيفاً أن الجانبين اتفقا على مواصلة التنسيق. ";
  }
  const Document doc = testing::MustAnalyze(*analyzer, text);
  const size_t matched = parsed.FindAll(doc.tokens, model_.clitics()).size();
  EXPECT_GT(matched, 0u);
}

}  // namespace
}  // namespace isnad
