#include "isnad/ner/gazetteer.h"

#include <gtest/gtest.h>


#include "isnad/model/model.h"
#include "test_support.h"

namespace isnad {
namespace {

// Names are built from the analyzer's own token norms, so the test does not restate the folding.
std::string NormOf(Analyzer& analyzer, const std::string& text) {
  const Document doc = testing::MustAnalyze(analyzer, text);
  std::string out;
  for (const Token& t : doc.tokens) out += (out.empty() ? "" : " ") + t.norm;
  return out;
}

struct Found {
  std::string text;      // the matched tokens' norms, the first without its proclitics
  std::string category;
  uint32_t strip_bytes;
  friend bool operator==(const Found& a, const Found& b) {
    return a.text == b.text && a.category == b.category && a.strip_bytes == b.strip_bytes;
  }
  friend std::ostream& operator<<(std::ostream& os, const Found& f) {
    return os << "{" << f.text << ", " << f.category << ", strip " << f.strip_bytes << "}";
  }
};

std::vector<Found> FindAll(const Gazetteer& g, const Document& doc, const CliticRules& clitics) {
  std::vector<Found> out;
  for (const GazetteerMatch& m : g.FindAll(doc.tokens, clitics)) {
    std::string text = doc.tokens[m.begin_token].norm.substr(m.strip_bytes);
    for (uint32_t t = m.begin_token + 1; t < m.end_token; ++t) text += " " + doc.tokens[t].norm;
    out.push_back({text, g.categories()[m.category], m.strip_bytes});
  }
  return out;
}

class GazetteerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    analyzer_ = testing::ShippedAnalyzer();
    ASSERT_TRUE(Model::Load(testing::ReadProjectFile("models/isnad.model"), &model_).ok());
  }
  void Add(Gazetteer* g, const std::string& text, const std::string& category) {
    ASSERT_TRUE(g->Add(NormOf(*analyzer_, text), category).ok()) << text;
  }
  std::unique_ptr<Analyzer> analyzer_;
  Model model_;
};

TEST_F(GazetteerTest, SerializesSortedAndParsesBackByteEqual) {
  Gazetteer g;
  ASSERT_TRUE(g.Add("طوكيو", "GPE").ok());
  ASSERT_TRUE(g.Add("اسيا", "LOC").ok());
  ASSERT_TRUE(g.Add("باريس", "GPE").ok());
  ASSERT_TRUE(g.Add("جنوب شرق اسيا", "LOC").ok());
  ASSERT_TRUE(g.Add("باريس", "GPE").ok());  // a duplicate is a no-op
  ASSERT_TRUE(g.Add("باريس", "PER").ok());  // a second category
  EXPECT_EQ(g.size(), 5u);
  EXPECT_EQ(g.categories(), (std::vector<std::string>{"GPE", "LOC", "PER"}));
  const std::string bytes = g.Serialize();
  EXPECT_EQ(bytes, "isnad-gazetteer 1\n@GPE\nباريس\nطوكيو\n@LOC\nاسيا\nجنوب شرق اسيا\n@PER\nباريس\n");

  Gazetteer parsed;
  ASSERT_TRUE(Gazetteer::Parse(bytes, &parsed).ok());
  EXPECT_EQ(parsed.size(), 5u);
  EXPECT_EQ(parsed.Serialize(), bytes);
  EXPECT_TRUE(parsed.Contains("جنوب شرق اسيا", "LOC"));
  EXPECT_FALSE(parsed.Contains("جنوب شرق", "LOC"));  // a prefix is not a name
  EXPECT_EQ(parsed.FindCategory("PER"), 2);
  EXPECT_EQ(parsed.FindCategory("ORG"), -1);

  Gazetteer empty;
  ASSERT_TRUE(Gazetteer::Parse(Gazetteer().Serialize(), &empty).ok());
  EXPECT_EQ(empty.size(), 0u);
}

TEST_F(GazetteerTest, ParseAcceptsOnlyTheCanonicalForm) {
  Gazetteer g;
  const std::string header = "isnad-gazetteer 1\n";
  EXPECT_EQ(Gazetteer::Parse("", &g).code(), StatusCode::kDataLoss);
  EXPECT_EQ(Gazetteer::Parse("isnad-gazetteer 2\n@GPE\nا\n", &g).code(), StatusCode::kUnimplemented);
  EXPECT_EQ(Gazetteer::Parse(header + "@GPE\nب\nا\n", &g).code(), StatusCode::kDataLoss);     // names unsorted
  EXPECT_EQ(Gazetteer::Parse(header + "@GPE\nا\nا\n", &g).code(), StatusCode::kDataLoss);     // duplicate
  EXPECT_EQ(Gazetteer::Parse(header + "@LOC\nا\n@GPE\nا\n", &g).code(), StatusCode::kDataLoss);  // categories
  EXPECT_EQ(Gazetteer::Parse(header + "@GPE\n@LOC\nا\n", &g).code(), StatusCode::kDataLoss);  // empty block
  EXPECT_EQ(Gazetteer::Parse(header + "ا\n", &g).code(), StatusCode::kDataLoss);              // no category
  EXPECT_EQ(Gazetteer::Parse(header + "@GPE\nا", &g).code(), StatusCode::kDataLoss);          // no newline
  EXPECT_EQ(Gazetteer::Parse(header + "@GPE\nا  ب\n", &g).code(), StatusCode::kDataLoss);    // two spaces
  EXPECT_EQ(Gazetteer::Parse(header + "@GPE\n\n", &g).code(), StatusCode::kDataLoss);        // empty name
  // Each malformed name is reported with its line, whichever pass finds it (the section is
  // checked in one pass, and line by line only to word the error).
  for (const std::string& name : {std::string(" ب"), std::string("ب "), std::string("ب\x01ج"), std::string("ب\tج"),
                                  std::string("ب\rج")}) {
    const Status s = Gazetteer::Parse(header + "@GPE\nا\n" + name + "\n", &g);
    EXPECT_EQ(s.code(), StatusCode::kDataLoss) << name;
    EXPECT_NE(s.message().find("line 4"), std::string::npos) << s.message();
  }
  EXPECT_EQ(Gazetteer::Parse(header + "@G PE\nا\n", &g).code(), StatusCode::kDataLoss);      // category space
  // A clean section with multi-word names still loads, prefixes and all.
  ASSERT_TRUE(Gazetteer::Parse(header + "@GPE\nا ب\nا ب ج\nد\n", &g).ok());
  EXPECT_TRUE(g.Contains("ا ب ج", "GPE"));
  EXPECT_FALSE(g.Contains("ا", "GPE"));
  EXPECT_EQ(g.size(), 3u);
}

TEST_F(GazetteerTest, AddRejectsMalformedEntriesAndLeavesTheGazetteerUnchanged) {
  Gazetteer g;
  EXPECT_FALSE(g.Add("", "GPE").ok());
  EXPECT_FALSE(g.Add(" باريس", "GPE").ok());
  EXPECT_FALSE(g.Add("باريس ", "GPE").ok());
  EXPECT_FALSE(g.Add("جنوب  اسيا", "LOC").ok());
  EXPECT_FALSE(g.Add("@باريس", "GPE").ok());
  EXPECT_FALSE(g.Add("باريس\t", "GPE").ok());
  EXPECT_FALSE(g.Add("باريس", "").ok());
  EXPECT_FALSE(g.Add("باريس", "G PE").ok());
  EXPECT_EQ(g.size(), 0u);
  EXPECT_TRUE(g.categories().empty());
}

TEST_F(GazetteerTest, NameErrorsNameTwoSpacesBeforeAControlCharacter) {
  Gazetteer g;
  EXPECT_NE(g.Add("ا\x01ب  ج", "GPE").message().find("two spaces"), std::string::npos);
  EXPECT_NE(g.Add("ا  ب\x01ج", "GPE").message().find("two spaces"), std::string::npos);
  EXPECT_NE(g.Add("ا\x01ب ج", "GPE").message().find("control character"), std::string::npos);
  EXPECT_TRUE(g.Add("ا ب ج", "GPE").ok());
  EXPECT_EQ(g.size(), 1u);
}

TEST_F(GazetteerTest, RemoveTakesOutOneCategoryAndItsPrefixes) {
  Gazetteer g;
  ASSERT_TRUE(g.Add("جنوب شرق اسيا", "LOC").ok());
  ASSERT_TRUE(g.Add("جنوب", "COMPASS").ok());
  ASSERT_TRUE(g.Add("جنوب", "LOC").ok());
  g.Remove("جنوب شرق اسيا", "LOC");
  g.Remove("جنوب", "LOC");
  g.Remove("غير موجود", "LOC");  // absent: a no-op
  EXPECT_EQ(g.size(), 1u);
  EXPECT_EQ(g.Serialize(), "isnad-gazetteer 1\n@COMPASS\nجنوب\n");
  const Document doc = testing::MustAnalyze(*analyzer_, "جنوب شرق آسيا");
  const std::vector<GazetteerMatch> matches = g.FindAll(doc.tokens, model_.clitics());
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].end_token, 1u);
}

TEST_F(GazetteerTest, FindsTheLongestNameAtEachTokenThroughClitics) {
  Gazetteer g;
  Add(&g, "بغداد", "GPE");
  Add(&g, "بغداد الجديدة", "GPE");      // its second word never follows: falls back to بغداد
  Add(&g, "مطار", "DESIG.FAC");
  Add(&g, "مطار بغداد", "FAC");
  Add(&g, "مطار بغداد الدولي", "FAC");
  Add(&g, "العراق", "GPE");
  Add(&g, "العراق", "LOC");             // several categories
  Add(&g, "الولايات المتحدة", "GPE");   // "الولايات" alone is only a prefix
  Add(&g, "واشنطن", "GPE");
  Add(&g, "ولم", "TEST");               // ولم is looked up whole, before و + لم
  const Document doc = testing::MustAnalyze(*analyzer_,
      "هبطت الطائرة في مطار بغداد الدولي صباح اليوم، وبغداد تستعد. "
      "وقدمت الولايات المتحدة دعماً للعراق وواشنطن، ولم يتحدث البغداديون عن الولايات الشمالية.");
  const std::vector<Found> found = FindAll(g, doc, model_.clitics());
  EXPECT_EQ(found, (std::vector<Found>{
                       {"مطار بغداد الدولي", "FAC", 0},
                       {"بغداد", "GPE", 0},                 // matches may overlap
                       {"بغداد", "GPE", 2},                 // وبغداد: و left out
                       {"الولايات المتحده", "GPE", 0},
                       {"لعراق", "GPE", 2},                 // للعراق matches العراق; one lam is left out
                       {"لعراق", "LOC", 2},
                       {"واشنطن", "GPE", 2},                // وواشنطن
                       {"ولم", "TEST", 0},
                       // none in البغداديون (a longer word) nor at الولايات (a prefix only)
                   }));
}

TEST_F(GazetteerTest, MatchesAreReportedWithTokenIndices) {
  Gazetteer g;
  Add(&g, "بغداد", "GPE");
  const Document doc = testing::MustAnalyze(*analyzer_, "زار الوفد وبغداد");
  const std::vector<GazetteerMatch> matches = g.FindAll(doc.tokens, model_.clitics());
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0], (GazetteerMatch{2, 3, 2, 0}));
  EXPECT_EQ(doc.SpanText({doc.tokens[2].span.begin + matches[0].strip_bytes, doc.tokens[2].span.end}), "بغداد");
}

// A gazetteer of 50,000 synthetic two- and three-word names plus a few real ones, over a news
// paragraph repeated: only the real names match. (Speed is measured by npm run bench.)
TEST_F(GazetteerTest, ALargeGazetteerMatchesALongDocument) {
  Gazetteer g;
  const std::vector<std::string> words = {"الف", "باء", "تاء", "ثاء", "جيم", "حاء", "خاء", "دال", "ذال", "راء"};
  for (int i = 0; i < 50000; ++i) {
    std::string name = words[i % 10] + std::to_string(i / 10) + " " + words[(i / 7) % 10];
    if (i % 3 == 0) name += " " + words[(i / 3) % 10];
    ASSERT_TRUE(g.Add(name, i % 2 ? "GPE" : "LOC").ok());
  }
  for (const char* name : {"بغداد", "العراق", "الولايات المتحدة", "وزارة", "الدفاع", "مطار", "الرئيس"}) {
    Add(&g, name, "X");
  }
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text += "أعلنت وزارة الدفاع في بيان يوم الأحد أن الرئيس استقبل في مطار بغداد وفداً من الولايات المتحدة "
            "لبحث التعاون الأمني، وقال مسؤول للعراق إن المحادثات تناولت الأوضاع في المنطقة وسبل دعم "
            "الاستقرار، مضيفاً أن الجانبين اتفقا على مواصلة التنسيق خلال الأسابيع المقبلة. ";
  }
  const Document doc = testing::MustAnalyze(*analyzer_, text);
  // Per paragraph: وزارة، الدفاع، الرئيس، مطار، بغداد، الولايات المتحدة، العراق (للعراق).
  EXPECT_EQ(g.FindAll(doc.tokens, model_.clitics()).size(), 7u * 40);
}

}  // namespace
}  // namespace isnad

namespace isnad {
namespace {

TEST(Gazetteer, CategoriesOfListsEveryCategoryOfANameInIndexOrder) {
  Gazetteer g;
  ASSERT_TRUE(g.Add("الرئيس", "TITLE").ok());
  ASSERT_TRUE(g.Add("بغداد", "NAME.GPE").ok());
  ASSERT_TRUE(g.Add("بغداد", "KNOWN.WORD").ok());
  const std::vector<uint32_t>& set = g.CategoriesOf("بغداد");
  ASSERT_EQ(set.size(), 2u);
  EXPECT_LT(set[0], set[1]);
  EXPECT_EQ(g.categories()[set[0]], "NAME.GPE");
  EXPECT_EQ(g.categories()[set[1]], "KNOWN.WORD");
  EXPECT_TRUE(g.CategoriesOf("دمشق").empty());
  ASSERT_TRUE(g.Add("مطار بغداد", "DESIG.FAC").ok());
  EXPECT_TRUE(g.CategoriesOf("مطار").empty());  // a prefix of a name is not a name
}

}  // namespace
}  // namespace isnad
