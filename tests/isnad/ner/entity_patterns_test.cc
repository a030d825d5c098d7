#include "isnad/ner/entity_patterns.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "isnad/ner/gazetteer_lexicon.h"
#include "test_support.h"

namespace isnad {
namespace {

// The shipped patterns over a gazetteer of the designator lists (no CLDR names, no learned
// names) and the shipped clitics. Documents come from the shipped analyzer for their tokens;
// their statistical entities are dropped and the prior entities a pattern needs are set by hand,
// so that the tests do not depend on the trained tagger.
const GazetteerForms& Forms() {
  static const GazetteerForms* forms = [] {
    auto* f = new GazetteerForms();
    EXPECT_TRUE(GazetteerForms::Parse(testing::ReadProjectFile("lexicons/gazetteer/forms.tsv"), f).ok());
    return f;
  }();
  return *forms;
}

class EntityPatternsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    analyzer_ = testing::ShippedAnalyzer().release();
    gazetteer_ = new Gazetteer;
    for (const char* list : {"lexicons/gazetteer/designators.tsv", "lexicons/gazetteer/pattern-heads.tsv"}) {
      Status s = AddLexiconEntries(testing::ReadProjectFile(list), Forms(), gazetteer_);
      ASSERT_TRUE(s.ok()) << s.ToString();
    }
    ASSERT_TRUE(gazetteer_->Add("القائم", "GPE").ok());  // a place name the tagger did not mark
    clitics_ = new CliticRules;
    Status s = CliticRules::Parse(testing::ReadProjectFile("lexicons/clitics.tsv"), clitics_);
    ASSERT_TRUE(s.ok()) << s.ToString();
    patterns_ = new EntityPatterns;
    s = EntityPatterns::Parse(testing::ReadProjectFile("lexicons/entity-patterns.tsv"), patterns_);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  static void TearDownTestSuite() {
    delete analyzer_;
    delete gazetteer_;
    delete clitics_;
    delete patterns_;
  }

  // The text's tokens, with its TIME entities only.
  static Document Doc(const std::string& text) {
    Document doc = testing::MustAnalyze(*analyzer_, text);
    doc.entities.erase(std::remove_if(doc.entities.begin(), doc.entities.end(),
                                      [](const Entity& e) { return e.type != "TIME"; }),
                       doc.entities.end());
    doc.clusters.clear();
    return doc;
  }

  // Adds an entity over the first occurrence of `words` in the text, as a tagger would.
  static void Mark(Document* doc, const std::string& words, const std::string& type, const std::string& subtype = "") {
    const size_t at = doc->text.find(words);
    ASSERT_NE(at, std::string::npos) << words;
    Entity e;
    e.type = type;
    e.subtype = subtype;
    e.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + words.size())};
    e.first_token = static_cast<uint32_t>(doc->tokens.size());
    for (uint32_t t = 0; t < doc->tokens.size(); ++t) {
      if (doc->tokens[t].span.end > e.span.begin && doc->tokens[t].span.begin < e.span.end) {
        e.first_token = std::min(e.first_token, t);
        e.last_token = t + 1;
      }
    }
    doc->entities.push_back(e);
    std::sort(doc->entities.begin(), doc->entities.end(),
              [](const Entity& a, const Entity& b) { return a.span.begin < b.span.begin; });
  }

  // Applies the patterns, checks the Document invariants, and lists the entities as
  // "TYPE[/SUBTYPE] text".
  static std::vector<std::string> Apply(Document* doc) {
    patterns_->Apply(*gazetteer_, *clitics_, doc);
    std::vector<std::string> out;
    for (size_t i = 0; i < doc->entities.size(); ++i) {
      const Entity& e = doc->entities[i];
      if (i > 0) EXPECT_LE(doc->entities[i - 1].span.end, e.span.begin) << "sorted, non-overlapping";
      EXPECT_LT(e.first_token, e.last_token);
      EXPECT_LT(doc->tokens[e.first_token].span.begin, e.span.end);
      EXPECT_GT(doc->tokens[e.first_token].span.end, e.span.begin);
      EXPECT_LT(doc->tokens[e.last_token - 1].span.begin, e.span.end);
      EXPECT_LE(e.span.end, doc->tokens[e.last_token - 1].span.end);
      out.push_back(e.type + (e.subtype.empty() ? "" : "/" + e.subtype) + " " + std::string(doc->SpanText(e.span)));
    }
    return out;
  }
  static std::vector<std::string> Apply(const std::string& text) {
    Document doc = Doc(text);
    return Apply(&doc);
  }

  static Analyzer* analyzer_;
  static Gazetteer* gazetteer_;
  static CliticRules* clitics_;
  static EntityPatterns* patterns_;
};

Analyzer* EntityPatternsTest::analyzer_ = nullptr;
Gazetteer* EntityPatternsTest::gazetteer_ = nullptr;
CliticRules* EntityPatternsTest::clitics_ = nullptr;
EntityPatterns* EntityPatternsTest::patterns_ = nullptr;

using Strings = std::vector<std::string>;

TEST(EntityPatternsParse, ReadsThePatternLanguage) {
  EntityPatterns p;
  Status s = EntityPatterns::Parse(
      "# version: 4\n"
      "[PAT.X:def @GPE|@LOC:rest NATIONALITY?]\tORG\tGOV\tc\n"
      "DESIG.ORG.MEDIA [@QUOTE]\tORG\tMEDIA\n"
      "حركه [@ORG:rest] ctx+\tORG\t=\n"
      "COMPASS+ @ANY\tLOC\t\n",
      &p);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(p.version(), 4);
  ASSERT_EQ(p.patterns().size(), 4u);
  const auto& a = p.patterns()[0].atoms;
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a[0].alternatives[0].kind, EntityPatterns::Alternative::Kind::kCategory);
  EXPECT_EQ(a[0].alternatives[0].value, "PAT.X");
  EXPECT_EQ(a[0].alternatives[0].article, 1);
  ASSERT_EQ(a[1].alternatives.size(), 2u);
  EXPECT_EQ(a[1].alternatives[0].kind, EntityPatterns::Alternative::Kind::kEntity);
  EXPECT_FALSE(a[1].alternatives[0].rest);
  EXPECT_TRUE(a[1].alternatives[1].rest);
  EXPECT_TRUE(a[2].optional);
  EXPECT_TRUE(a[0].in_span && a[1].in_span && a[2].in_span);
  const auto& m = p.patterns()[1].atoms;
  EXPECT_FALSE(m[0].in_span);
  EXPECT_TRUE(m[1].in_span);
  EXPECT_EQ(m[1].alternatives[0].kind, EntityPatterns::Alternative::Kind::kQuote);
  const auto& h = p.patterns()[2];
  EXPECT_EQ(h.subtype, "=");
  EXPECT_EQ(h.atoms[0].alternatives[0].kind, EntityPatterns::Alternative::Kind::kLiteral);
  EXPECT_FALSE(h.atoms[2].in_span);
  EXPECT_TRUE(h.atoms[2].repeat);
  EXPECT_TRUE(p.patterns()[3].atoms[0].repeat);
  EXPECT_TRUE(p.patterns()[3].atoms[1].in_span);
}

TEST(EntityPatternsParse, ReadsLatinAtomsAndEscapedLiterals) {
  EntityPatterns p;
  Status s = EntityPatterns::Parse("# version: 1\n[@LATIN|@ACRONYM]\tORG\n[\\USA|USA]\tGPE\n", &p);
  ASSERT_TRUE(s.ok()) << s.ToString();
  const auto& latin = p.patterns()[0].atoms[0].alternatives;
  EXPECT_EQ(latin[0].kind, EntityPatterns::Alternative::Kind::kLatin);
  EXPECT_FALSE(latin[0].acronym);
  EXPECT_TRUE(latin[1].acronym);
  const auto& usa = p.patterns()[1].atoms[0].alternatives;
  EXPECT_EQ(usa[0].kind, EntityPatterns::Alternative::Kind::kLiteral);  // \USA: the word
  EXPECT_EQ(usa[0].value, "USA");
  EXPECT_EQ(usa[1].kind, EntityPatterns::Alternative::Kind::kCategory);  // USA: a category name
}

TEST(EntityPatternsParse, RejectsMalformedRowsNamingTheLine) {
  for (const char* bad : {"@GPE\tPLACE\n",            // unknown type
                          "@GPE\tGPE\tGOV\n",         // subtype on a non-ORG
                          "@GPE\tORG\tSTATE\n",       // unknown subtype
                          "@CITY\tGPE\n",             // unknown entity type
                          "@TIME\tGPE\n",             // TIME is never an atom
                          "[@GPE\tGPE\n",             // [ without ]
                          "@GPE]\tGPE\n",             // ] without [
                          "[a] [b]\tGPE\n",           // two spans
                          "a [b?]\tGPE\n",            // a span of optional atoms only
                          "a  b\tGPE\n",              // two spaces
                          "a||b\tGPE\n",              // empty alternative
                          "@QUOTE:rest\tGPE\n",       // modifiers
                          "@LATIN:def\tORG\n",
                          "@ACRONYM:rest\tORG\n",
                          "\\\tGPE\n",                 // an empty escaped literal
                          "@GPE:def\tGPE\n",
                          "NATIONALITY:rest\tGPE\n",
                          "\tGPE\n"}) {
    EntityPatterns p;
    Status s = EntityPatterns::Parse(std::string("# version: 1\n# a comment\n") + bad, &p);
    EXPECT_FALSE(s.ok()) << bad;
    EXPECT_NE(s.message().find("line 3"), std::string::npos) << s.message();
  }
}

TEST(EntityPatternsParse, TheShippedLexiconParses) {
  EntityPatterns p;
  Status s = EntityPatterns::Parse(testing::ReadProjectFile("lexicons/entity-patterns.tsv"), &p);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_GE(p.version(), 1);
  EXPECT_GE(p.patterns().size(), 10u);
}

// pattern-heads.tsv only narrows designator classes: it adds no word the tagger would see as new.
TEST(EntityPatternsLexicon, EveryPatternHeadIsADesignator) {
  Gazetteer designators, heads;
  ASSERT_TRUE(AddLexiconEntries(testing::ReadProjectFile("lexicons/gazetteer/designators.tsv"), Forms(), &designators).ok());
  ASSERT_TRUE(AddLexiconEntries(testing::ReadProjectFile("lexicons/gazetteer/pattern-heads.tsv"), Forms(), &heads).ok());
  std::string serialized = heads.Serialize();
  size_t pos = serialized.find('\n') + 1;
  while (pos < serialized.size()) {
    const size_t eol = serialized.find('\n', pos);
    const std::string line = serialized.substr(pos, eol - pos);
    pos = eol + 1;
    if (line[0] == '@') continue;
    EXPECT_EQ(line.find(' '), std::string::npos) << "one word per entry: " << line;
    bool known = false;
    for (const std::string& category : designators.categories()) known |= designators.Contains(line, category);
    EXPECT_TRUE(known) << line;
  }
}

TEST_F(EntityPatternsTest, InstitutionAndNationalityIsOrgGov) {
  EXPECT_EQ(Apply("قال الجيش العراقي إن وزارة الدفاع الأردنية وسلاح الجو الفرنسي والقوات المسلحة المصرية "
                  "والحكومة التركية والشرطة اللبنانية لم تعلق."),
            (Strings{"ORG/GOV الجيش العراقي", "ORG/GOV وزارة الدفاع الأردنية", "ORG/GOV سلاح الجو الفرنسي",
                     "ORG/GOV القوات المسلحة المصرية", "ORG/GOV الحكومة التركية", "ORG/GOV الشرطة اللبنانية"}));
  EXPECT_EQ(Apply("أصدرت وزارة الخارجية بيانا."), (Strings{"ORG/GOV وزارة الخارجية"}));
}

TEST_F(EntityPatternsTest, InstitutionOfAStateIsOrgGovAndAbsorbsTheGpe) {
  Document doc = Doc("وصل جيش الولايات المتحدة إلى المنطقة.");
  Mark(&doc, "الولايات المتحدة", "GPE");
  EXPECT_EQ(Apply(&doc), (Strings{"ORG/GOV جيش الولايات المتحدة"}));
}

TEST_F(EntityPatternsTest, ForcesAndIntelligenceWithANationalityAreNoEntities) {
  EXPECT_EQ(Apply("انسحبت القوات الأمريكية والقوات العسكرية الفرنسية وقالت الاستخبارات البريطانية والمخابرات "
                  "الروسية إن السلطات العراقية لم ترد."),
            Strings{});
  // Indefinite: an Iraqi army, not the Iraqi army.
  EXPECT_EQ(Apply("لا يوجد جيش عراقي هناك."), Strings{});
  // A government named by its capital stays the place.
  Document doc = Doc("انتقدت حكومة بغداد القرار.");
  Mark(&doc, "بغداد", "GPE");
  EXPECT_EQ(Apply(&doc), (Strings{"GPE بغداد"}));
}

TEST_F(EntityPatternsTest, TheSpanStartsAfterTheProclitics) {
  EXPECT_EQ(Apply("وبالجيش العراقي."), (Strings{"ORG/GOV الجيش العراقي"}));
  EXPECT_EQ(Apply("وجه رسالة للحكومة العراقية."), (Strings{"ORG/GOV لحكومة العراقية"}));
  EXPECT_EQ(Apply("ووزارة الدفاع السورية."), (Strings{"ORG/GOV وزارة الدفاع السورية"}));
}

TEST_F(EntityPatternsTest, FacilityAndNameIsOneFac) {
  Document doc = Doc("هبطت الطائرة في مطار بغداد الدولي ثم عبرت معبر القائم نحو قاعدة “النخيل 7” قرب السفارة الإيطالية.");
  Mark(&doc, "بغداد", "GPE");
  EXPECT_EQ(Apply(&doc), (Strings{"FAC مطار بغداد الدولي", "FAC معبر القائم", "FAC قاعدة “النخيل 7”",
                                  "FAC السفارة الإيطالية"}));
  // A name the tagger typed as a person, or took whole with the head.
  doc = Doc("قصفت قاعدة سلمان الفارسي وأغلق مستشفى الأمل.");
  Mark(&doc, "سلمان الفارسي", "PER");
  Mark(&doc, "مستشفى الأمل", "ORG");
  EXPECT_EQ(Apply(&doc), (Strings{"FAC قاعدة سلمان الفارسي", "FAC مستشفى الأمل"}));
}

TEST_F(EntityPatternsTest, FacilityPatternsNeedANameAndASingularHead) {
  Document doc = Doc("تعرضت مطارات العراق للقصف قرب مطار وبغداد.");
  Mark(&doc, "العراق", "GPE");
  Mark(&doc, "بغداد", "GPE");
  EXPECT_EQ(Apply(&doc), (Strings{"GPE العراق", "GPE بغداد"}));
  EXPECT_EQ(Apply("قصفت القاعدة الأمريكية وقاعدة عسكرية أخرى."), Strings{});
}

TEST_F(EntityPatternsTest, CompassOrRegionAndPlaceIsOneLoc) {
  Document doc = Doc("وقعت انفجارات غربي العراق وشرق سوريا وفي جنوب شرق تركيا وفي ريف حمص.");
  Mark(&doc, "العراق", "GPE");
  Mark(&doc, "سوريا", "GPE");
  Mark(&doc, "تركيا", "GPE");
  Mark(&doc, "حمص", "GPE");
  EXPECT_EQ(Apply(&doc), (Strings{"LOC غربي العراق", "LOC شرق سوريا", "LOC جنوب شرق تركيا", "LOC ريف حمص"}));
  // The tagger took the region word into a mistyped name.
  doc = Doc("في ريف مدينة الحسكة الشرقي");
  Mark(&doc, "ريف مدينة الحسكة", "PER");
  EXPECT_EQ(Apply(&doc), (Strings{"LOC ريف مدينة الحسكة"}));
  EXPECT_EQ(Apply("توترت الأوضاع على الحدود اللبنانية السورية."), (Strings{"LOC الحدود اللبنانية السورية"}));
}

TEST_F(EntityPatternsTest, ACompassWordAloneIsNoLoc) {
  EXPECT_EQ(Apply("اتجهت القافلة شمالا ثم إلى الشرق."), Strings{});
  Document doc = Doc("زار الشرق الأوسط وجنوب السودان.");
  Mark(&doc, "الشرق الأوسط", "LOC");
  Mark(&doc, "جنوب السودان", "GPE");  // a state whose name starts with a compass word
  EXPECT_EQ(Apply(&doc), (Strings{"LOC الشرق الأوسط", "GPE جنوب السودان"}));
}

TEST_F(EntityPatternsTest, MediaNameAfterItsDescriptorIsOrgMedia) {
  Document doc = Doc("نشرت صحيفة “لوموند” تقريرا نقله موقع بوليتيكو وصحيفة التايمز ووكالة إنترفاكس.");
  Mark(&doc, "بوليتيكو", "PER");
  Mark(&doc, "صحيفة التايمز", "ORG");  // the tagger took the descriptor in
  Mark(&doc, "إنترفاكس", "ORG");
  EXPECT_EQ(Apply(&doc), (Strings{"ORG/MEDIA لوموند", "ORG/MEDIA بوليتيكو", "ORG/MEDIA التايمز",
                                  "ORG/MEDIA إنترفاكس"}));
  EXPECT_EQ(Apply("ذكرت وكالة الأنباء الكويتية"), (Strings{"ORG/MEDIA وكالة الأنباء الكويتية"}));
}

TEST_F(EntityPatternsTest, LatinScriptNames) {
  // After a media descriptor, a Latin-script name is the outlet; alone, an upper-case acronym is
  // an organization, and a state's abbreviation a place.
  EXPECT_EQ(Apply("ذكرت شبكة NBC ووكالة AFP أن حلف NATO وUNICEF حذرا الUSA"),
            (Strings{"ORG/MEDIA NBC", "ORG/MEDIA AFP", "ORG NATO", "ORG UNICEF"}));
  EXPECT_EQ(Apply("زار الوفد UK وقابل ممثلي FIFA"), (Strings{"GPE UK", "ORG FIFA"}));
  EXPECT_EQ(Apply("صحيفة The Guardian البريطانية"), (Strings{"ORG/MEDIA The Guardian"}));
  // Not acronyms: lower-case or mixed words, a single letter, long capitals, digits.
  EXPECT_EQ(Apply("اشترى iPhone وApple ونوع A من X و COVID19 و ABCDEFG"), Strings{});
}

TEST_F(EntityPatternsTest, MediaPatternsLeaveOtherUsesAlone) {
  // A long quotation after a descriptor is no name; a canal is no channel.
  Document doc = Doc("وقالت الصحيفة “إن المفاوضات ستستأنف قريبا في العاصمة” وعبرت السفن قناة السويس.");
  Mark(&doc, "السويس", "GPE");
  EXPECT_EQ(Apply(&doc), (Strings{"GPE السويس"}));
  // وكالة is also a government agency: a name the tagger took whole stays whole.
  doc = Doc("قالت وكالة الاستخبارات المركزية");
  Mark(&doc, "وكالة الاستخبارات المركزية", "ORG", "GOV");
  EXPECT_EQ(Apply(&doc), (Strings{"ORG/GOV وكالة الاستخبارات المركزية"}));
}

TEST_F(EntityPatternsTest, ArmedGroups) {
  Document doc = Doc("تبنت كتائب سيد الشهداء الهجوم وأعلن تنظيم القاعدة وحركة الجهاد مسؤوليتهما.");
  Mark(&doc, "سيد الشهداء", "PER");
  Mark(&doc, "تنظيم القاعدة", "ORG");
  Mark(&doc, "حركة الجهاد", "ORG", "OTHER");
  EXPECT_EQ(Apply(&doc), (Strings{"ORG/ARMED كتائب سيد الشهداء", "ORG/ARMED القاعدة", "ORG/OTHER الجهاد"}));
  EXPECT_EQ(Apply("هاجم تنظيم الدولة الإسلامية القرية."), (Strings{"ORG/ARMED الدولة الإسلامية"}));
  // تنظيم as "organizing" before a place is left alone.
  doc = Doc("نجح تنظيم قطر للبطولة.");
  Mark(&doc, "قطر", "GPE");
  EXPECT_EQ(Apply(&doc), (Strings{"GPE قطر"}));
}

TEST_F(EntityPatternsTest, NeverCutsAnEntityNorTouchesTime) {
  // An entity that runs past the match keeps the tagger's reading.
  Document doc = Doc("قال الجيش العراقي الجديد");
  Mark(&doc, "العراقي الجديد", "MISC");
  EXPECT_EQ(Apply(&doc), (Strings{"MISC العراقي الجديد"}));
  // A TIME entity inside a match stops it.
  doc = Doc("وصل إلى شرق سوريا");
  Mark(&doc, "سوريا", "GPE");
  doc.entities[0].type = "TIME";
  EXPECT_EQ(Apply(&doc), (Strings{"TIME سوريا"}));
  // The longest match wins: the nationality joins the ministry.
  EXPECT_EQ(Apply("وزارة الداخلية المغربية"), (Strings{"ORG/GOV وزارة الداخلية المغربية"}));
}

TEST(EntityPatternsPipeline, TheShippedAnalyzerRunsThePatterns) {
  auto analyzer = testing::ShippedAnalyzer();
  Document doc = testing::MustAnalyze(*analyzer, "احتج المتظاهرون أمام السفارة الفرنسية.");
  bool found = false;
  for (const Entity& e : doc.entities) found |= e.type == "FAC" && doc.SpanText(e.span) == "السفارة الفرنسية";
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace isnad
