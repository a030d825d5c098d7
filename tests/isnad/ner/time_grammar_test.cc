#include "isnad/ner/time_grammar.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "isnad/model/model.h"
#include "isnad/text/normalizer.h"
#include "test_support.h"

namespace isnad {
namespace {

using Found = std::vector<std::pair<std::string, std::string>>;  // (span text, value)

class TimeGrammarTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    model_ = new Model();
    ASSERT_TRUE(Model::Load(testing::ReadProjectFile("models/isnad.model"), model_).ok());
    grammar_ = new TimeGrammar();
    const Status s = TimeGrammar::Parse(testing::ReadProjectFile("lexicons/time.tsv"), grammar_);
    ASSERT_TRUE(s.ok()) << s.ToString();
    analyzer_ = testing::ShippedAnalyzer().release();
  }
  static void TearDownTestSuite() {
    delete analyzer_;
    delete grammar_;
    delete model_;
  }

  // The TIME expressions of `text`, analyzed with `date` as the document date.
  static std::vector<Entity> Entities(const std::string& text, const std::string& date = "", Document* out = nullptr) {
    Document doc;
    AnalyzeOptions options;
    options.document_date = date;
    EXPECT_TRUE(analyzer_->Analyze(text, options, &doc).ok());
    std::vector<Entity> entities;
    grammar_->Find(doc, model_->clitics(), &entities);
    if (out) *out = std::move(doc);
    return entities;
  }
  static Found Times(const std::string& text, const std::string& date = "") {
    Document doc;
    Found found;
    for (const Entity& e : Entities(text, date, &doc)) found.emplace_back(doc.SpanText(e.span), e.value);
    return found;
  }

  static Model* model_;
  static TimeGrammar* grammar_;
  static Analyzer* analyzer_;
};

Model* TimeGrammarTest::model_ = nullptr;
TimeGrammar* TimeGrammarTest::grammar_ = nullptr;
Analyzer* TimeGrammarTest::analyzer_ = nullptr;

constexpr char kFriday[] = "2021-02-26";  // a Friday

TEST_F(TimeGrammarTest, LexiconIsWrittenInTheMatchingForm) {
  Normalizer normalizer;
  ASSERT_TRUE(Normalizer::Create(&model_->folding(), &normalizer).ok());
  const std::string tsv = testing::ReadProjectFile("lexicons/time.tsv");
  size_t pos = 0;
  int rows = 0;
  while (pos < tsv.size()) {
    size_t eol = tsv.find('\n', pos);
    if (eol == std::string::npos) eol = tsv.size();
    const std::string line = tsv.substr(pos, eol - pos);
    pos = eol + 1;
    if (line.empty() || line[0] == '#') continue;
    const std::string form = line.substr(0, line.find('\t'));
    EXPECT_EQ(normalizer.MatchingForm(form), form) << "line: " << line;
    ++rows;
  }
  EXPECT_GT(rows, 100);
  EXPECT_EQ(grammar_->version(), 1);
}

TEST_F(TimeGrammarTest, RejectsMalformedLexicons) {
  TimeGrammar g;
  EXPECT_FALSE(TimeGrammar::Parse("ال\tarticle\n", &g).ok());                       // no version
  EXPECT_FALSE(TimeGrammar::Parse("# version: 1\nالسبت\tweekday\t8\n", &g).ok());    // bad weekday
  EXPECT_FALSE(TimeGrammar::Parse("# version: 1\nال\tarticle\nيوم\tunit\tD\n", &g).ok());  // no form flag
  EXPECT_FALSE(TimeGrammar::Parse("# version: 1\nال\tarticle\nx\tcolour\n", &g).ok());
  EXPECT_FALSE(TimeGrammar::Parse("# version: 1\nيوم\tday_word\n", &g).ok());        // no article row
  EXPECT_TRUE(TimeGrammar::Parse("# version: 1\nال\tarticle\n", &g).ok());
}

TEST_F(TimeGrammarTest, Weekdays) {
  EXPECT_EQ(Times("وصل الوفد الأحد إلى المدينة"), (Found{{"الأحد", "DOC-SUN"}}));
  EXPECT_EQ(Times("وصل الوفد يوم الأحد إلى المدينة"), (Found{{"يوم الأحد", "DOC-SUN"}}));
  EXPECT_EQ(Times("اجتمع المجلس يوم الإثنين"), (Found{{"يوم الإثنين", "DOC-MON"}}));
  // The latest such day on or before the document date.
  EXPECT_EQ(Times("وصل الوفد الأحد", kFriday), (Found{{"الأحد", "2021-02-21"}}));
  EXPECT_EQ(Times("تعقد الجلسة الجمعة", kFriday), (Found{{"الجمعة", "2021-02-26"}}));
  EXPECT_EQ(Times("تعقد الجلسة الخميس المقبل", kFriday), (Found{{"الخميس المقبل", "2021-03-04"}}));
  EXPECT_EQ(Times("تعقد الجلسة الخميس المقبل"), (Found{{"الخميس المقبل", "DOC+THU"}}));
  EXPECT_EQ(Times("عقدت الجلسة الجمعة الماضية", kFriday), (Found{{"الجمعة الماضية", "2021-02-19"}}));
  EXPECT_EQ(Times("وصل الوفد السبت مساءً", kFriday), (Found{{"السبت مساءً", "2021-02-20TEV"}}));
}

TEST_F(TimeGrammarTest, ProcliticsStayOutsideTheSpan) {
  EXPECT_EQ(Times("وصل الوزير وأمس غادر"), (Found{{"أمس", "DOC-P1D"}}));
  EXPECT_EQ(Times("والثلاثاء أعلن الجيش"), (Found{{"الثلاثاء", "DOC-TUE"}}));
  EXPECT_EQ(Times("وقعت حوادث بالأمس"), (Found{{"الأمس", "DOC-P1D"}}));
  EXPECT_EQ(Times("وفي 12 مايو وصل"), (Found{{"12 مايو", "XXXX-05-12"}}));
  EXPECT_EQ(Times("و5 سنوات مضت"), (Found{{"5 سنوات", "P5Y"}}));
  // لل: the span starts at the second lam (conventions.md).
  EXPECT_EQ(Times("خطة للأسبوع المقبل"), (Found{{"لأسبوع المقبل", "DOC+P1W"}}));
  const std::string text = "وأمس";
  const std::vector<Entity> found = Entities(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].span.begin, 2u);  // after the two bytes of و
  EXPECT_EQ(found[0].span.end, text.size());
  EXPECT_EQ(found[0].type, "TIME");
  EXPECT_EQ(found[0].first_token, 0u);
  EXPECT_EQ(found[0].last_token, 1u);
}

TEST_F(TimeGrammarTest, GregorianMonthsInBothNamingSystems) {
  EXPECT_EQ(Times("في آذار تبدأ الزراعة"), (Found{{"آذار", "XXXX-03"}}));
  EXPECT_EQ(Times("في نيسان ويونيو"), (Found{{"نيسان", "XXXX-04"}, {"يونيو", "XXXX-06"}}));
  EXPECT_EQ(Times("في فبراير/شباط الماضي"), (Found{{"فبراير/شباط الماضي", "XXXX-02"}}));
  EXPECT_EQ(Times("في كانون الثاني/يناير"), (Found{{"كانون الثاني/يناير", "XXXX-01"}}));
  EXPECT_EQ(Times("في شباط (فبراير) 2019"), (Found{{"شباط (فبراير) 2019", "2019-02"}}));
  EXPECT_EQ(Times("في تشرين الأول 2020"), (Found{{"تشرين الأول 2020", "2020-10"}}));
  EXPECT_EQ(Times("منذ فبراير 2021"), (Found{{"فبراير 2021", "2021-02"}}));
  EXPECT_EQ(Times("في مارس من عام 2020"), (Found{{"مارس من عام 2020", "2020-03"}}));
  // Without a year: the nearest occurrence, or the one the modifier names.
  EXPECT_EQ(Times("في أيلول", kFriday), (Found{{"أيلول", "2020-09"}}));
  EXPECT_EQ(Times("في أيار", kFriday), (Found{{"أيار", "2021-05"}}));
  EXPECT_EQ(Times("في فبراير الماضي", kFriday), (Found{{"فبراير الماضي", "2020-02"}}));
  EXPECT_EQ(Times("في يناير الماضي", kFriday), (Found{{"يناير الماضي", "2021-01"}}));
  EXPECT_EQ(Times("في نيسان المقبل", kFriday), (Found{{"نيسان المقبل", "2021-04"}}));
}

TEST_F(TimeGrammarTest, AmbiguousMonthNamesNeedContext) {
  EXPECT_TRUE(Times("مارس الجيش ضغوطا كبيرة").empty());  // the verb
  EXPECT_TRUE(Times("زار أب الضحية المكان").empty());      // father
  EXPECT_EQ(Times("في مارس 2020"), (Found{{"مارس 2020", "2020-03"}}));
  EXPECT_EQ(Times("في 3 آب"), (Found{{"3 آب", "XXXX-08-03"}}));
  EXPECT_EQ(Times("في آب/أغسطس"), (Found{{"آب/أغسطس", "XXXX-08"}}));
  EXPECT_EQ(Times("في مارس الماضي"), (Found{{"مارس الماضي", "XXXX-03"}}));
  EXPECT_EQ(Times("خلال شهر رمضان"), (Found{{"شهر رمضان", "HIJRI:XXXX-09"}}));
  EXPECT_TRUE(Times("قال رمضان إن الوضع هادئ").empty());  // a first name
}

TEST_F(TimeGrammarTest, HijriMonths) {
  EXPECT_EQ(Times("في 13 رجب 1442 هـ"), (Found{{"13 رجب 1442 هـ", "HIJRI:1442-07-13"}}));
  EXPECT_EQ(Times("في 13 رجب 1442هـ"), (Found{{"13 رجب 1442هـ", "HIJRI:1442-07-13"}}));
  EXPECT_EQ(Times("في ذي الحجة"), (Found{{"ذي الحجة", "HIJRI:XXXX-12"}}));
  EXPECT_EQ(Times("في محرم 1443"), (Found{{"محرم 1443", "HIJRI:1443-01"}}));
  EXPECT_EQ(Times("مطلع جمادى الأولى"), (Found{{"مطلع جمادى الأولى", "HIJRI:XXXX-05"}}));
  EXPECT_EQ(Times("عام 1442 هـ"), (Found{{"عام 1442 هـ", "HIJRI:1442"}}));
  EXPECT_EQ(Times("سنة 1442هـ"), (Found{{"سنة 1442هـ", "HIJRI:1442"}}));
  EXPECT_TRUE(Times("النتيجة صفر").empty());
}

TEST_F(TimeGrammarTest, DayMonthYearDates) {
  EXPECT_EQ(Times("في 26 فبراير 2021 وصل"), (Found{{"26 فبراير 2021", "2021-02-26"}}));
  EXPECT_EQ(Times("أعلن الجيش الجمعة 12 مارس/آذار 2021 أن"), (Found{{"الجمعة 12 مارس/آذار 2021", "2021-03-12"}}));
  EXPECT_EQ(Times("وصل في 1 كانون الثاني 2020"), (Found{{"1 كانون الثاني 2020", "2020-01-01"}}));
  EXPECT_EQ(Times("يوم الخميس، 7 أكتوبر 2021"), (Found{{"يوم الخميس، 7 أكتوبر 2021", "2021-10-07"}}));
  EXPECT_EQ(Times("يوم الأحد الموافق 3 يناير"), (Found{{"يوم الأحد الموافق 3 يناير", "XXXX-01-03"}}));
  EXPECT_EQ(Times("في ٢٦ فبراير ٢٠٢١"), (Found{{"٢٦ فبراير ٢٠٢١", "2021-02-26"}}));
  EXPECT_EQ(Times("في 9 حزيران الماضي", kFriday), (Found{{"9 حزيران الماضي", "2020-06-09"}}));
  EXPECT_EQ(Times("منذ 4 فبراير/شباط الجاري", kFriday), (Found{{"4 فبراير/شباط الجاري", "2021-02-04"}}));
  EXPECT_EQ(Times("في الأول من مارس", kFriday), (Found{{"الأول من مارس", "2021-03-01"}}));
  EXPECT_EQ(Times("في الثالث من الشهر الماضي", kFriday), (Found{{"الثالث من الشهر الماضي", "2021-01-03"}}));
  EXPECT_EQ(Times("في الثالث من الشهر الماضي"), (Found{{"الثالث من الشهر الماضي", "DOC-P1M-03"}}));
  EXPECT_EQ(Times("في الخامس عشر من مارس", kFriday), (Found{{"الخامس عشر من مارس", "2021-03-15"}}));
  EXPECT_EQ(Times("في الحادي والثلاثين من مايو"), (Found{{"الحادي والثلاثين من مايو", "XXXX-05-31"}}));
  EXPECT_EQ(Times("في 29 فبراير 2020"), (Found{{"29 فبراير 2020", "2020-02-29"}}));
  EXPECT_EQ(Times("في 31 فبراير 2021"), (Found{{"فبراير 2021", "2021-02"}}));  // no such day
}

TEST_F(TimeGrammarTest, NumericDates) {
  EXPECT_EQ(Times("بتاريخ 2021/02/26 صدر"), (Found{{"2021/02/26", "2021-02-26"}}));
  EXPECT_EQ(Times("بتاريخ 26-2-2021 صدر"), (Found{{"26-2-2021", "2021-02-26"}}));
  EXPECT_EQ(Times("بتاريخ 5.11.2020 صدر"), (Found{{"5.11.2020", "2020-11-05"}}));
  EXPECT_TRUE(Times("النتيجة 2-1 للفريق").empty());
  EXPECT_TRUE(Times("بتاريخ 2021/13/01").empty());
  EXPECT_TRUE(Times("بتاريخ 30/2/2021").empty());
}

TEST_F(TimeGrammarTest, Years) {
  EXPECT_EQ(Times("الاتفاق الموقع عام 2015 انهار"), (Found{{"عام 2015", "2015"}}));
  EXPECT_EQ(Times("في العام 2015"), (Found{{"العام 2015", "2015"}}));
  EXPECT_EQ(Times("منذ سنة 2003"), (Found{{"سنة 2003", "2003"}}));
  EXPECT_EQ(Times("وفي عام 1990م"), (Found{{"عام 1990م", "1990"}}));
  EXPECT_EQ(Times("حتى 2015م"), (Found{{"2015م", "2015"}}));
  EXPECT_TRUE(Times("في 2015 وقع الاتفاق").empty());  // a bare number is not a year
  EXPECT_TRUE(Times("قال المدير العام للشركة").empty());
  EXPECT_TRUE(Times("بشكل عام").empty());
}

TEST_F(TimeGrammarTest, PartsOfTheDay) {
  EXPECT_EQ(Times("انفجرت العبوة فجر الأربعاء", kFriday), (Found{{"فجر الأربعاء", "2021-02-24TDN"}}));
  EXPECT_EQ(Times("انفجرت العبوة فجر الأربعاء"), (Found{{"فجر الأربعاء", "DOC-WEDTDN"}}));
  EXPECT_EQ(Times("وصل مساء أمس", kFriday), (Found{{"مساء أمس", "2021-02-25TEV"}}));
  EXPECT_EQ(Times("وصل مساء أمس"), (Found{{"مساء أمس", "DOC-P1DTEV"}}));
  EXPECT_EQ(Times("أعلن صباح اليوم"), (Found{{"صباح اليوم", "DOCTMO"}}));
  EXPECT_EQ(Times("وقع ليلة الخميس", kFriday), (Found{{"ليلة الخميس", "2021-02-25TNI"}}));
  EXPECT_EQ(Times("وصل ظهر يوم السبت"), (Found{{"ظهر يوم السبت", "DOC-SATTMI"}}));
  EXPECT_EQ(Times("وصل صباح الغد", kFriday), (Found{{"صباح الغد", "2021-02-27TMO"}}));
  EXPECT_EQ(Times("وصل صباح اليوم التالي"), (Found{{"صباح اليوم التالي", "REF+P1DTMO"}}));
  EXPECT_EQ(Times("وصل هذا الصباح", kFriday), (Found{{"هذا الصباح", "2021-02-26TMO"}}));
  EXPECT_TRUE(Times("ظهر المسؤول في التلفزيون").empty());  // the verb "appeared"
}

TEST_F(TimeGrammarTest, RelativeDays) {
  EXPECT_EQ(Times("قال أمس إن", kFriday), (Found{{"أمس", "2021-02-25"}}));
  EXPECT_EQ(Times("قال أول أمس", kFriday), (Found{{"أول أمس", "2021-02-24"}}));
  EXPECT_EQ(Times("قال أمس الأول"), (Found{{"أمس الأول", "DOC-P2D"}}));
  EXPECT_EQ(Times("يصل اليوم", kFriday), (Found{{"اليوم", "2021-02-26"}}));
  EXPECT_EQ(Times("يصل اليوم"), (Found{{"اليوم", "DOC"}}));
  EXPECT_EQ(Times("يصل غداً", kFriday), (Found{{"غداً", "2021-02-27"}}));
  EXPECT_EQ(Times("يصل بعد غد"), (Found{{"بعد غد", "DOC+P2D"}}));
  EXPECT_EQ(Times("يصل بعد الغد", kFriday), (Found{{"بعد الغد", "2021-02-28"}}));
  EXPECT_TRUE(Times("رسم ملامح عالم الغد").empty());  // "the future"
  EXPECT_EQ(Times("يصل الليلة", kFriday), (Found{{"الليلة", "2021-02-26TNI"}}));
  EXPECT_EQ(Times("قال يوم أمس"), (Found{{"يوم أمس", "DOC-P1D"}}));
  EXPECT_EQ(Times("أغارت الطائرات الليلة الماضية", kFriday), (Found{{"الليلة الماضية", "2021-02-25TNI"}}));
  EXPECT_EQ(Times("قال أمس الخميس", kFriday), (Found{{"أمس الخميس", "2021-02-25"}}));
  EXPECT_EQ(Times("وفي اليوم التالي وصل"), (Found{{"اليوم التالي", "REF+P1D"}}));
  EXPECT_EQ(Times("في اليوم نفسه"), (Found{{"اليوم نفسه", "REF"}}));
  EXPECT_TRUE(Times("في اليوم الأول من المؤتمر").empty());
  EXPECT_TRUE(Times("احتفل العالم باليوم العالمي للمرأة").empty());
}

TEST_F(TimeGrammarTest, RelativeUnits) {
  EXPECT_EQ(Times("زار بغداد الشهر الماضي", kFriday), (Found{{"الشهر الماضي", "2021-01"}}));
  EXPECT_EQ(Times("زار بغداد الشهر الماضي"), (Found{{"الشهر الماضي", "DOC-P1M"}}));
  EXPECT_EQ(Times("يزور بغداد الأسبوع المقبل", kFriday), (Found{{"الأسبوع المقبل", "2021-W09"}}));
  EXPECT_EQ(Times("يزور بغداد الأسبوع المقبل"), (Found{{"الأسبوع المقبل", "DOC+P1W"}}));
  EXPECT_EQ(Times("ارتفعت الأسعار العام الماضي", kFriday), (Found{{"العام الماضي", "2020"}}));
  EXPECT_EQ(Times("تجري الانتخابات السنة القادمة", kFriday), (Found{{"السنة القادمة", "2022"}}));
  EXPECT_EQ(Times("منذ مطلع العام الجاري", kFriday), (Found{{"مطلع العام الجاري", "2021"}}));
  EXPECT_EQ(Times("تراجعت هذا العام"), (Found{{"هذا العام", "DOC+P0Y"}}));
  EXPECT_EQ(Times("في الأسبوع السابق"), (Found{{"الأسبوع السابق", "REF-P1W"}}));
  EXPECT_EQ(Times("في الشهر نفسه"), (Found{{"الشهر نفسه", "REF"}}));
  EXPECT_TRUE(Times("خلال الشهر").empty());
}

TEST_F(TimeGrammarTest, IntervalsUpToTheDocumentDate) {
  EXPECT_EQ(Times("تصاعد التوتر خلال اليومين الماضيين"), (Found{{"اليومين الماضيين", "P2D/DOC"}}));
  EXPECT_EQ(Times("تصاعد التوتر خلال اليومين الماضيين", kFriday), (Found{{"اليومين الماضيين", "P2D/2021-02-26"}}));
  EXPECT_EQ(Times("شهدت الأيام الماضية"), (Found{{"الأيام الماضية", "PXD/DOC"}}));
  EXPECT_EQ(Times("في الأيام القليلة الماضية"), (Found{{"الأيام القليلة الماضية", "PXD/DOC"}}));
  EXPECT_EQ(Times("خلال الأشهر الثلاثة المقبلة"), (Found{{"الأشهر الثلاثة المقبلة", "DOC/P3M"}}));
  EXPECT_EQ(Times("خلال الساعات الـ24 الماضية"), (Found{{"الساعات الـ24 الماضية", "PT24H/DOC"}}));
  EXPECT_EQ(Times("خلال الـ48 ساعة الماضية"), (Found{{"الـ48 ساعة الماضية", "PT48H/DOC"}}));
  EXPECT_EQ(Times("في الأسبوعين اللذين سبقا الزيارة"), (Found{{"الأسبوعين", "P2W"}}));
  EXPECT_TRUE(Times("في هذه الأيام").empty());
}

TEST_F(TimeGrammarTest, Ago) {
  EXPECT_EQ(Times("وصل قبل ثلاثة أيام", kFriday), (Found{{"قبل ثلاثة أيام", "2021-02-23"}}));
  EXPECT_EQ(Times("وصل قبل ثلاثة أيام"), (Found{{"قبل ثلاثة أيام", "DOC-P3D"}}));
  EXPECT_EQ(Times("وصل قبل أسبوعين"), (Found{{"قبل أسبوعين", "DOC-P2W"}}));
  EXPECT_EQ(Times("وصل قبل نحو أسبوعين", kFriday), (Found{{"قبل نحو أسبوعين", "2021-W06"}}));
  EXPECT_EQ(Times("وصل قبل أسبوع"), (Found{{"قبل أسبوع", "DOC-P1W"}}));
  EXPECT_EQ(Times("وصل قبل أيام", kFriday), (Found{{"قبل أيام", "DOC-PXD"}}));
  EXPECT_EQ(Times("وصل قبل ساعتين", kFriday), (Found{{"قبل ساعتين", "DOC-PT2H"}}));
  EXPECT_EQ(Times("وقبل سنتين"), (Found{{"قبل سنتين", "DOC-P2Y"}}));
  EXPECT_EQ(Times("قبل يومين من الهجوم"), (Found{{"قبل يومين", "REF-P2D"}}));
  EXPECT_EQ(Times("قبل عام 2015"), (Found{{"عام 2015", "2015"}}));  // "before", a year
  EXPECT_TRUE(Times("قبل الهجوم").empty());
}

TEST_F(TimeGrammarTest, Durations) {
  EXPECT_EQ(Times("استمر يومين"), (Found{{"يومين", "P2D"}}));
  EXPECT_EQ(Times("سجن خمس سنوات"), (Found{{"خمس سنوات", "P5Y"}}));
  EXPECT_EQ(Times("أمهل 48 ساعة"), (Found{{"48 ساعة", "PT48H"}}));
  EXPECT_EQ(Times("وبعد أقل من 48 ساعة من الإعلان"), (Found{{"أقل من 48 ساعة", "PT48H"}}));
  EXPECT_EQ(Times("استمر ثلاثة أشهر"), (Found{{"ثلاثة أشهر", "P3M"}}));
  EXPECT_EQ(Times("منذ يومين"), (Found{{"يومين", "P2D"}}));
  EXPECT_EQ(Times("استمر شهرين"), (Found{{"شهرين", "P2M"}}));
  EXPECT_EQ(Times("استمر عامين ثم سنتين"), (Found{{"عامين", "P2Y"}, {"سنتين", "P2Y"}}));
  EXPECT_EQ(Times("استمر أسبوعين"), (Found{{"أسبوعين", "P2W"}}));
  EXPECT_EQ(Times("استمر عشرة أيام"), (Found{{"عشرة أيام", "P10D"}}));
  EXPECT_EQ(Times("استمر خمسة عشر يوماً"), (Found{{"خمسة عشر يوماً", "P15D"}}));
  EXPECT_EQ(Times("استمر خمسة وعشرين عاماً"), (Found{{"خمسة وعشرين عاماً", "P25Y"}}));
  EXPECT_EQ(Times("استمر عشرين عاماً"), (Found{{"عشرين عاماً", "P20Y"}}));
  EXPECT_EQ(Times("استمر 15 يوما"), (Found{{"15 يوما", "P15D"}}));
  EXPECT_EQ(Times("استمر 30 دقيقة"), (Found{{"30 دقيقة", "PT30M"}}));
  EXPECT_EQ(Times("استمر عدة أيام"), (Found{{"عدة أيام", "PXD"}}));
  EXPECT_EQ(Times("استمر يوم واحد"), (Found{{"يوم واحد", "P1D"}}));
  EXPECT_EQ(Times("منذ سنوات"), (Found{{"سنوات", "PXY"}}));
  EXPECT_EQ(Times("خلال أسبوع"), (Found{{"أسبوع", "P1W"}}));
  EXPECT_EQ(Times("لمدة شهر"), (Found{{"شهر", "P1M"}}));
  EXPECT_EQ(Times("بعد نحو عام"), (Found{{"نحو عام", "P1Y"}}));
}

TEST_F(TimeGrammarTest, ClockTimes) {
  EXPECT_EQ(Times("عند الساعة 10:30"), (Found{{"الساعة 10:30", "T10:30"}}));
  EXPECT_EQ(Times("عند الساعة 8 مساء"), (Found{{"الساعة 8 مساء", "T20:00"}}));
  EXPECT_EQ(Times("الجمعة الساعة 7 صباحا", kFriday), (Found{{"الجمعة الساعة 7 صباحا", "2021-02-26T07:00"}}));
}

TEST_F(TimeGrammarTest, NotTime) {
  EXPECT_TRUE(Times("قتل 22 شخصا في الهجوم").empty());
  EXPECT_TRUE(Times("أطلقت ثلاثة صواريخ").empty());
  EXPECT_TRUE(Times("تصاعدت الهجمات مؤخراً").empty());
  EXPECT_TRUE(Times("لم يعلق حتى الآن").empty());
  EXPECT_TRUE(Times("في الوقت الراهن لا توجد خطط").empty());
  EXPECT_TRUE(Times("انسحبت على الفور").empty());
  EXPECT_TRUE(Times("في يوم من الأيام").empty());
  EXPECT_TRUE(Times("يوم").empty());
  EXPECT_TRUE(Times("الشهر").empty());
  EXPECT_TRUE(Times("اتفق الاثنان على أن كلا الاثنين مسؤول").empty());
}

TEST_F(TimeGrammarTest, ATimeWordClosingAShortQuotedNameIsPartOfTheName) {
  EXPECT_TRUE(Times("نقلت قناة “النهار اليوم” الخبر").empty());
  EXPECT_EQ(Times("قال إن “الجمعة” يوم حاسم"), (Found{{"الجمعة", "DOC-FRI"}}));  // the quote is the expression alone
  EXPECT_EQ(Times("قال إن “القوات المسلحة ستنسحب من المدينة اليوم”"), (Found{{"اليوم", "DOC"}}));
}

TEST_F(TimeGrammarTest, NeverCrossesASentence) {
  EXPECT_EQ(Times("وصل في 12 مايو. 2021 كان عاما صعبا"), (Found{{"12 مايو", "XXXX-05-12"}}));
}

TEST_F(TimeGrammarTest, SeveralExpressionsInOrder) {
  const Found found = Times("قال الوزير أمس إن الهجوم وقع فجر الثلاثاء، بعد يومين من زيارته في 3 يناير 2021.", kFriday);
  EXPECT_EQ(found, (Found{{"أمس", "2021-02-25"},
                          {"فجر الثلاثاء", "2021-02-23TDN"},
                          {"يومين", "P2D"},
                          {"3 يناير 2021", "2021-01-03"}}));
}

}  // namespace
}  // namespace isnad
