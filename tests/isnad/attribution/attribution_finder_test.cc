// The attribution layer, one construction per test, on sentences written for these tests.
#include "isnad/attribution/attribution_finder.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace isnad {
namespace {

class AttributionFinderTest : public ::testing::Test {
 protected:
  void SetUp() override { analyzer_ = testing::ShippedAnalyzer(); }
  Document Analyze(const std::string& text) { return testing::MustAnalyze(*analyzer_, text); }
  static std::string Text(const Document& doc, Span s) { return std::string(doc.SpanText(s)); }
  std::unique_ptr<Analyzer> analyzer_;
};

TEST_F(AttributionFinderTest, VerbBeforeSubject) {
  const Document doc = Analyze("وقال مسؤول أمني كبير إن الهجوم أسفر عن أضرار.");
  ASSERT_EQ(doc.attributions.size(), 1u);
  const Attribution& a = doc.attributions[0];
  EXPECT_EQ(Text(doc, a.cue), "قال");
  EXPECT_EQ(a.act, "STATE");
  EXPECT_EQ(Text(doc, a.source), "مسؤول أمني كبير");
  EXPECT_EQ(a.source_kind, "OFFICIAL");
  EXPECT_EQ(Text(doc, a.content), "الهجوم أسفر عن أضرار");
  EXPECT_EQ(a.mode, "indirect");
  EXPECT_EQ(a.attributed_to, -1);
}

TEST_F(AttributionFinderTest, SubjectBeforeVerb) {
  const Document doc = Analyze("المصادر أكدت أن المفاوضات توقفت.");
  ASSERT_EQ(doc.attributions.size(), 1u);
  EXPECT_EQ(Text(doc, doc.attributions[0].source), "المصادر");
  EXPECT_EQ(doc.attributions[0].source_kind, "ANONYMOUS");
  EXPECT_EQ(doc.attributions[0].act, "AFFIRM");
  EXPECT_EQ(Text(doc, doc.attributions[0].content), "المفاوضات توقفت");
}

TEST_F(AttributionFinderTest, DroppedSubjectReusesTheLastSource) {
  const Document doc = Analyze("قالت الشرطة إن الطريق أغلق. وأضافت أن التحقيق مستمر.");
  ASSERT_EQ(doc.attributions.size(), 2u);
  EXPECT_EQ(Text(doc, doc.attributions[1].cue), "أضافت");
  EXPECT_EQ(Text(doc, doc.attributions[1].source), "الشرطة");
  EXPECT_EQ(Text(doc, doc.attributions[1].content), "التحقيق مستمر");
}

TEST_F(AttributionFinderTest, ParticipleContinuesTheSameSpeaker) {
  const Document doc = Analyze("قال الوزير إن الخطة جاهزة، مضيفاً أن التنفيذ يبدأ قريباً.");
  ASSERT_EQ(doc.attributions.size(), 2u);
  EXPECT_EQ(Text(doc, doc.attributions[0].content), "الخطة جاهزة");  // ends where the next report starts
  EXPECT_EQ(Text(doc, doc.attributions[1].cue), "مضيفاً");
  EXPECT_EQ(Text(doc, doc.attributions[1].source), "الوزير");
  EXPECT_EQ(doc.attributions[1].source_kind, "OFFICIAL");
  EXPECT_EQ(Text(doc, doc.attributions[1].content), "التنفيذ يبدأ قريباً");
}

TEST_F(AttributionFinderTest, RelayedReportKeepsTheRelayInVia) {
  const Document doc = Analyze("نقلت وكالة الأنباء عن مصادر مطلعة أن الوفد وصل.");
  ASSERT_EQ(doc.attributions.size(), 1u);
  const Attribution& a = doc.attributions[0];
  EXPECT_EQ(a.act, "REPORT");
  EXPECT_EQ(Text(doc, a.source), "مصادر مطلعة");
  EXPECT_EQ(a.source_kind, "ANONYMOUS");
  ASSERT_EQ(a.via.size(), 1u);
  EXPECT_EQ(Text(doc, a.via[0]), "وكالة الأنباء");
  EXPECT_EQ(Text(doc, a.content), "الوفد وصل");
}

TEST_F(AttributionFinderTest, AddresseeOutletIsARelay) {
  const Document doc = Analyze("وقال مصدر للصحيفة إن الاتفاق قريب.");
  ASSERT_EQ(doc.attributions.size(), 1u);
  EXPECT_EQ(Text(doc, doc.attributions[0].source), "مصدر");
  ASSERT_EQ(doc.attributions[0].via.size(), 1u);
  EXPECT_EQ(Text(doc, doc.attributions[0].via[0]), "لصحيفة");  // ل + ال: the span starts at the second lam
}

TEST_F(AttributionFinderTest, HeadlineColon) {
  const Document doc = Analyze("رويترز: الحكومة تعلن خطة جديدة للنقل\nأعلنت الحكومة خطة للنقل العام.");
  ASSERT_FALSE(doc.attributions.empty());
  const Attribution& a = doc.attributions[0];
  EXPECT_EQ(Text(doc, a.cue), ":");
  EXPECT_EQ(a.act, "REPORT");
  EXPECT_EQ(Text(doc, a.source), "رويترز");
  EXPECT_EQ(Text(doc, a.content), "الحكومة تعلن خطة جديدة للنقل");
}

TEST_F(AttributionFinderTest, NestedReportInsideAQuote) {
  const Document doc = Analyze("وقال المتحدث: \"نحن ننفي أن تكون القوات قد انسحبت من المدينة\".");
  ASSERT_EQ(doc.attributions.size(), 2u);
  EXPECT_EQ(doc.attributions[0].mode, "direct");
  EXPECT_EQ(Text(doc, doc.attributions[0].content), "نحن ننفي أن تكون القوات قد انسحبت من المدينة");
  EXPECT_EQ(doc.attributions[1].act, "DENY");
  EXPECT_EQ(doc.attributions[1].attributed_to, 0);
  EXPECT_EQ(Text(doc, doc.attributions[1].source), "المتحدث");
  EXPECT_EQ(Text(doc, doc.attributions[1].content), "تكون القوات قد انسحبت من المدينة");
}

TEST_F(AttributionFinderTest, UnbalancedQuoteRunsToTheSentenceEnd) {
  const Document doc = Analyze("قال الوزير: «سنواصل العمل حتى النهاية.");
  ASSERT_EQ(doc.attributions.size(), 1u);
  EXPECT_EQ(doc.attributions[0].mode, "direct");
  EXPECT_EQ(Text(doc, doc.attributions[0].content), "سنواصل العمل حتى النهاية");
}

TEST_F(AttributionFinderTest, AccordingToGovernsTheClauseBeforeIt) {
  const Document doc = Analyze("وصل الوفد إلى العاصمة مساء، بحسب مصادر رسمية.");
  ASSERT_EQ(doc.attributions.size(), 1u);
  EXPECT_EQ(Text(doc, doc.attributions[0].cue), "حسب");
  EXPECT_EQ(Text(doc, doc.attributions[0].source), "مصادر رسمية");
  EXPECT_EQ(Text(doc, doc.attributions[0].content), "وصل الوفد إلى العاصمة مساء");
}

TEST_F(AttributionFinderTest, ObjectOfADenialIsItsContent) {
  const Document doc = Analyze("نفت الحكومة الخبر جملة وتفصيلا.");
  ASSERT_EQ(doc.attributions.size(), 1u);
  EXPECT_EQ(doc.attributions[0].act, "DENY");
  EXPECT_EQ(Text(doc, doc.attributions[0].source), "الحكومة");
  EXPECT_EQ(Text(doc, doc.attributions[0].content), "الخبر جملة وتفصيلا");
}

TEST_F(AttributionFinderTest, TheWriterSpeakingIsNoAttribution) {
  const Document doc = Analyze("قال الوزير إن الخطة جاهزة. يشار إلى أن الخطة أعلنت العام الماضي. ويذكر أن المشروع قديم.");
  ASSERT_EQ(doc.attributions.size(), 1u);
  EXPECT_EQ(Text(doc, doc.attributions[0].cue), "قال");
}

TEST_F(AttributionFinderTest, SayingUsedAsANounIsNoCue) {
  EXPECT_TRUE(Analyze("كثر القيل والقال في المدينة بعد الحادث.").attributions.empty());
  EXPECT_TRUE(Analyze("نقلت الشاحنات المساعدات إلى القرية.").attributions.empty());  // نقل: to transport
}

TEST_F(AttributionFinderTest, PrepositionalObjectIsTheContent) {
  const Document doc = Analyze("أفادت وكالات أنباء بسقوط قذيفة قرب المطار.");
  ASSERT_EQ(doc.attributions.size(), 1u);
  EXPECT_EQ(Text(doc, doc.attributions[0].source), "وكالات أنباء");
  EXPECT_EQ(Text(doc, doc.attributions[0].content), "سقوط قذيفة قرب المطار");  // without the ب
  const Document about = Analyze("تحدثت مصادر محلية عن اشتباكات في الضواحي.");
  ASSERT_EQ(about.attributions.size(), 1u);
  EXPECT_EQ(Text(about, about.attributions[0].content), "اشتباكات في الضواحي");
}

TEST_F(AttributionFinderTest, StatementVehicleAndAsideAreLeftOut) {
  const Document doc = Analyze("وقالت وزارة الصحة في بيان رسمي إن المستشفيات تعمل.");
  ASSERT_EQ(doc.attributions.size(), 1u);
  EXPECT_EQ(Text(doc, doc.attributions[0].source), "وزارة الصحة");
  EXPECT_EQ(Text(doc, doc.attributions[0].content), "المستشفيات تعمل");
  const Document aside = Analyze("وقالت الجبهة، وهي فصيل صغير، إنها ستشارك في الانتخابات.");
  ASSERT_EQ(aside.attributions.size(), 1u);
  EXPECT_EQ(Text(aside, aside.attributions[0].source), "الجبهة");
  EXPECT_EQ(Text(aside, aside.attributions[0].content), "ستشارك في الانتخابات");
}

TEST_F(AttributionFinderTest, RelativeClauseVerbIsNoReport) {
  const Document doc = Analyze("وتضمنت الوثيقة التي نشرها الموقع أن الاتفاق قريب.");
  for (const Attribution& a : doc.attributions) EXPECT_NE(Text(doc, a.cue), "نشرها");
}

TEST_F(AttributionFinderTest, TaMarbutaIsNoPronoun) {
  // إضافة (in addition) folds like أضاف + ه (he added it); the ة tells them apart.
  const Document doc = Analyze("قال الوزير إن الخطة جاهزة. إضافة إلى ذلك بدأ العمل في الميناء.");
  ASSERT_EQ(doc.attributions.size(), 1u);
  EXPECT_TRUE(Analyze("وأضافه إلى القائمة.").attributions.empty());  // no content: no report
}

TEST_F(AttributionFinderTest, ShortFormSourceLinksToTheNamedEntity) {
  const Document doc = Analyze("أعلنت وزارة الصحة الأردنية افتتاح مستشفى جديد. وقالت الوزارة إن المستشفى يضم مئة سرير.");
  ASSERT_EQ(doc.attributions.size(), 2u);
  const Attribution& named = doc.attributions[0];
  const Attribution& short_form = doc.attributions[1];
  EXPECT_EQ(Text(doc, named.source), "وزارة الصحة الأردنية");
  ASSERT_GE(named.source_entity, 0);
  EXPECT_EQ(Text(doc, short_form.source), "الوزارة");
  EXPECT_EQ(short_form.source_entity, named.source_entity);
  EXPECT_EQ(short_form.source_kind, "ORG");
}

TEST_F(AttributionFinderTest, ConjunctionAnIsNoReport) {
  // أن after قبل is "before", not "that": no content opens.
  EXPECT_TRUE(Analyze("وصف الناقد الرواية قبل أن تصدر.").attributions.empty());
  // رأيه is "his opinion", not رأى with a pronoun.
  EXPECT_TRUE(Analyze("وفي رأيه أن الحل قريب.").attributions.empty());
}

TEST_F(AttributionFinderTest, UnknownWordsAfterTheVerbAreNoSubject) {
  // أيضاً is no speaker: the verb continues the last one.
  const Document doc = Analyze("قال الوزير إن الخطة جاهزة. وقال أيضاً إن التمويل متوفر.");
  ASSERT_EQ(doc.attributions.size(), 2u);
  EXPECT_EQ(Text(doc, doc.attributions[1].source), "الوزير");
}

TEST_F(AttributionFinderTest, DiscourseMarkersAndAddresseesAreNoSpeakers) {
  const Document marker = Analyze("من جهتها، نفت الحكومة أن تكون قد تلقت أي طلب.");
  ASSERT_EQ(marker.attributions.size(), 1u);
  EXPECT_EQ(Text(marker, marker.attributions[0].source), "الحكومة");
  const Document addressee = Analyze("قال الوزير إن الخطة جاهزة. وقال لقناة الجزيرة إن المفاوضات مستمرة.");
  ASSERT_EQ(addressee.attributions.size(), 2u);
  EXPECT_EQ(Text(addressee, addressee.attributions[1].source), "الوزير");
  ASSERT_EQ(addressee.attributions[1].via.size(), 1u);
  EXPECT_EQ(Text(addressee, addressee.attributions[1].via[0]), "قناة الجزيرة");
}

TEST_F(AttributionFinderTest, PrepositionWrittenApartStillMarksTheAddressee) {
  const Document doc = Analyze("قال الوزير إن الخطة جاهزة. وقال لـ«الصحيفة» إن المفاوضات مستمرة.");
  ASSERT_EQ(doc.attributions.size(), 2u);
  EXPECT_EQ(Text(doc, doc.attributions[1].source), "الوزير");
  ASSERT_EQ(doc.attributions[1].via.size(), 1u);
  EXPECT_EQ(Text(doc, doc.attributions[1].via[0]), "الصحيفة");
}

TEST_F(AttributionFinderTest, ArmedGroupsNamedAndUnnamed) {
  const Document named = Analyze("ونفت كتائب الفجر في بيان أنها نفذت الهجوم.");
  ASSERT_EQ(named.attributions.size(), 1u);
  EXPECT_EQ(Text(named, named.attributions[0].source), "كتائب الفجر");
  EXPECT_EQ(named.attributions[0].source_kind, "ORG");
  const Document unnamed = Analyze("وقالت فصائل مسلحة إنها سترد.");
  ASSERT_EQ(unnamed.attributions.size(), 1u);
  EXPECT_EQ(unnamed.attributions[0].source_kind, "ANONYMOUS");
}

TEST_F(AttributionFinderTest, ReportPublishedByAnOutletIsOneSource) {
  const Document doc = Analyze("وبحسب تقرير نشرته صحيفة محلية، فإن الاتفاق بات قريباً.");
  ASSERT_EQ(doc.attributions.size(), 1u);
  EXPECT_EQ(Text(doc, doc.attributions[0].source), "تقرير نشرته صحيفة محلية");
  EXPECT_EQ(doc.attributions[0].source_kind, "DOCUMENT");
  EXPECT_EQ(Text(doc, doc.attributions[0].content), "الاتفاق بات قريباً");
}

TEST_F(AttributionFinderTest, AccordingToNeedsASpeaker) {
  EXPECT_TRUE(Analyze("وزعت الحصص وفق قواعد صارمة.").attributions.empty());
}

}  // namespace
}  // namespace isnad
