// The entity layer of the shipped model, end to end, on sentences written for these tests.
#include "isnad/ner/entity_tagger.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "isnad/json.h"
#include "isnad/model/model.h"
#include "test_support.h"

namespace isnad {
namespace {

struct Found {
  std::string text, type;
  friend bool operator==(const Found& a, const Found& b) { return a.text == b.text && a.type == b.type; }
};
std::ostream& operator<<(std::ostream& os, const Found& f) { return os << f.type << ":" << f.text; }

std::vector<Found> Entities(const Document& doc) {
  std::vector<Found> out;
  for (const Entity& e : doc.entities) out.push_back({std::string(doc.SpanText(e.span)), e.type});
  return out;
}

bool Contains(const std::vector<Found>& all, const Found& f) {
  return std::find(all.begin(), all.end(), f) != all.end();
}

class EntityTaggerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Model model;
    ASSERT_TRUE(Model::Load(testing::ReadProjectFile("models/isnad.model"), &model).ok());
    ASSERT_NE(model.crf(), nullptr) << "the shipped model has no trained entity tagger (npm run train)";
    analyzer_ = testing::ShippedAnalyzer();
  }
  std::unique_ptr<Analyzer> analyzer_;
};

TEST_F(EntityTaggerTest, PersonsAndPlaces) {
  const Document doc = testing::MustAnalyze(*analyzer_, "وقال الرئيس الأمريكي جورج بوش في واشنطن إن القوات ستبقى في العراق.");
  const auto found = Entities(doc);
  EXPECT_TRUE(Contains(found, {"جورج بوش", "PER"})) << ::testing::PrintToString(found);
  EXPECT_TRUE(Contains(found, {"واشنطن", "GPE"})) << ::testing::PrintToString(found);
  EXPECT_TRUE(Contains(found, {"العراق", "GPE"})) << ::testing::PrintToString(found);
}

TEST_F(EntityTaggerTest, SpansLeaveOutProcliticsAndStartInsideTheToken) {
  const Document doc = testing::MustAnalyze(*analyzer_, "زار الوزير القاهرة وبغداد ثم عاد للعراق.");
  const auto found = Entities(doc);
  EXPECT_TRUE(Contains(found, {"بغداد", "GPE"})) << ::testing::PrintToString(found);
  EXPECT_TRUE(Contains(found, {"لعراق", "GPE"})) << ::testing::PrintToString(found);  // ل + (ا)لعراق
  for (const Entity& e : doc.entities) {
    EXPECT_LE(doc.tokens[e.first_token].span.begin, e.span.begin);
    EXPECT_EQ(doc.tokens[e.last_token - 1].span.end, e.span.end);
  }
}

// Designators, titles and nationality words alone are common nouns (spec: الجيش when unnamed),
// whatever the CRF says of them; a listed name made of such words stays a name.
TEST_F(EntityTaggerTest, ASpanOfDesignatorsAloneIsNoEntityUnlessAListNamesIt) {
  // Without the rule, the tagger marks الميليشيات MISC and ميليشيات and المدينة GPE here.
  const Document doc = testing::MustAnalyze(*analyzer_,
                                            "واتهمت الحكومة الميليشيات بقصف القرى الحدودية.\n"
                                            "وقال شهود إن ميليشيات مسلحة تابعة لإيران انتشرت في المنطقة.\n"
                                            "وتتهم المعارضة الميليشيات المدعومة من الخارج بتأجيج النزاع.\n"
                                            "وقالت البعثة إن الميليشيات انسحبت من المدينة بعد المعارك.\n"
                                            "وقال الاتحاد الأوروبي إن المملكة العربية السعودية شريك.");
  const auto found = Entities(doc);
  for (const Found& f : found) {
    for (const char* noun : {"الميليشيات", "ميليشيات", "المدينة", "الحكومة", "المعارضة", "البعثة"}) {
      EXPECT_NE(f.text, noun) << ::testing::PrintToString(found);
    }
  }
  EXPECT_TRUE(Contains(found, {"إيران", "GPE"})) << ::testing::PrintToString(found);
  EXPECT_TRUE(Contains(found, {"الاتحاد الأوروبي", "ORG"})) << ::testing::PrintToString(found);
  EXPECT_TRUE(Contains(found, {"المملكة العربية السعودية", "GPE"})) << ::testing::PrintToString(found);
}

// After a title (perhaps with its portfolio and nationality) or a construct's designator, a name
// follows with nothing between: its span keeps the letter that a clitic reading would strip
// (ف + الون, a listed given name). After a nationality that follows no title, a preposition may
// start the next phrase.
TEST_F(EntityTaggerTest, ANameAfterATitleOrAConstructHeadKeepsItsFirstLetter) {
  const Document doc = testing::MustAnalyze(*analyzer_,
                                            "وأعلن الوزير فالون أن لندن سترسل طائرات إضافية.\n"
                                            "وأوضح وزير الدفاع البريطاني فالون أن بلاده ملتزمة بالتحالف.\n"
                                            "وقالت مصادر إن حكومة فالون لم تتغير.\n"
                                            "وقال السفير إن الاستثمارات في السفارة البريطانية بلندن تتزايد.");
  const auto found = Entities(doc);
  int fallon = 0, london = 0;
  for (const Found& f : found) {
    fallon += f == Found{"فالون", "PER"};
    london += f == Found{"لندن", "GPE"};
    EXPECT_NE(f.text, "الون") << ::testing::PrintToString(found);
  }
  EXPECT_EQ(fallon, 3) << ::testing::PrintToString(found);
  EXPECT_EQ(london, 2) << ::testing::PrintToString(found);  // بلندن: ب + لندن
}

// A person's span is the name alone (spec §1): a definite title that opens the CRF's span, or an
// indefinite one before its portfolio, is left out; an indefinite title word right before the
// name is a given name as often as a title (سيد قطب), and stays.
TEST_F(EntityTaggerTest, APersonsSpanLeavesOutTheTitleThatOpensIt) {
  // Without the rule, the tagger's span here is الملك عبدالله الثاني.
  const Document doc = testing::MustAnalyze(*analyzer_,
                                            "واستقبل الملك عبدالله الثاني الوفد الفرنسي.\n"
                                            "وكتب سيد قطب كتابه في السجن.");
  const auto found = Entities(doc);
  EXPECT_TRUE(Contains(found, {"عبدالله الثاني", "PER"})) << ::testing::PrintToString(found);
  EXPECT_TRUE(Contains(found, {"سيد قطب", "PER"})) << ::testing::PrintToString(found);
  for (const Entity& e : doc.entities) {
    EXPECT_LE(doc.tokens[e.first_token].span.begin, e.span.begin);
    EXPECT_GT(doc.tokens[e.first_token].span.end, e.span.begin);
  }
}

// The tagger remembers each word's local feature weights across documents; what it remembers, and
// its starting over when full, never changes a result.
TEST_F(EntityTaggerTest, TheLocalWeightMemoNeverChangesAResult) {
  const std::string text = "وقال الرئيس الأمريكي جورج بوش في واشنطن إن وزير الخارجية سيزور بغداد ودمشق.";
  auto entities_json = [](Analyzer& analyzer, const std::string& t) {
    Document doc = testing::MustAnalyze(analyzer, t);
    return ToJson(doc, {});
  };
  std::unique_ptr<Analyzer> fresh = testing::ShippedAnalyzer();
  const std::string expected = entities_json(*fresh, text);
  // Warm: the same words met before, in other places.
  std::unique_ptr<Analyzer> warm = testing::ShippedAnalyzer();
  entities_json(*warm, "سيزور وزير الخارجية بغداد ودمشق بعد أن التقى جورج بوش في واشنطن.");
  EXPECT_EQ(entities_json(*warm, text), expected);
  EXPECT_EQ(entities_json(*warm, text), expected);
  // Full: more distinct words than the memo holds (made-up ones), so it starts over.
  std::string many;
  for (int i = 0; i < 20000; ++i) {
    many += "كلمة";
    for (int d = i; d > 0; d /= 10) many += "ابتثجحخدذر"[2 * (d % 10)], many += "ابتثجحخدذر"[2 * (d % 10) + 1];
    many += (i % 20 == 19) ? ".\n" : " ";
  }
  std::unique_ptr<Analyzer> full = testing::ShippedAnalyzer();
  entities_json(*full, text);
  entities_json(*full, many);
  EXPECT_EQ(entities_json(*full, text), expected);
}

TEST_F(EntityTaggerTest, ASurnameJoinsTheFullNamesCluster) {
  const Document doc =
      testing::MustAnalyze(*analyzer_, "التقى جورج بوش رئيس الوزراء في لندن. وقال بوش إن اللقاء كان مثمراً.");
  int full = -1, surname = -1;
  for (const Entity& e : doc.entities) {
    if (doc.SpanText(e.span) == "جورج بوش") full = e.cluster;
    if (doc.SpanText(e.span) == "بوش") surname = e.cluster;
  }
  ASSERT_GE(full, 0) << ::testing::PrintToString(Entities(doc));
  EXPECT_EQ(full, surname);
}

TEST_F(EntityTaggerTest, JsonCarriesIdsClustersAndTimeValues) {
  AnalyzeOptions options;
  options.document_date = "2024-03-14";
  Document doc;
  ASSERT_TRUE(analyzer_->Analyze("وصل جورج بوش إلى بغداد أمس.", options, &doc).ok());
  const auto j = nlohmann::json::parse(ToJson(doc, {}));
  bool time = false;
  for (const auto& e : j["entities"]) {
    EXPECT_EQ(e["id"].get<std::string>()[0], 'T');
    if (e["type"] == "TIME") {
      time = true;
      EXPECT_EQ(e["value"], "2024-03-13");
      EXPECT_FALSE(e.contains("cluster"));
    } else {
      EXPECT_EQ(e["cluster"].get<std::string>()[0], 'C');
    }
  }
  EXPECT_TRUE(time);
  EXPECT_FALSE(j["clusters"].empty());
}

}  // namespace
}  // namespace isnad
