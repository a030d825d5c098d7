// The event layer on sentences written for these tests, one construction each.
#include "isnad/components/event_component.h"

#include <gtest/gtest.h>

#include <string>

#include "isnad/model/model.h"
#include "test_support.h"

namespace isnad {
namespace {

class EventComponentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Model::Load(testing::ReadProjectFile("models/isnad.model"), &model_).ok());
    analyzer_ = testing::ShippedAnalyzer();
  }
  Document Analyze(const std::string& text) { return testing::MustAnalyze(*analyzer_, text); }

  // The event whose trigger text is `trigger`; fails the test when there is none.
  static const Event* Find(const Document& doc, const std::string& trigger) {
    for (const Event& e : doc.events) {
      if (doc.SpanText(e.trigger) == trigger) return &e;
    }
    ADD_FAILURE() << "no event with trigger " << trigger;
    return nullptr;
  }
  // The text of the arguments with `role`, joined by "|".
  static std::string Args(const Document& doc, const Event& e, const std::string& role) {
    std::string out;
    for (const EventArgument& a : e.arguments) {
      if (a.role != role) continue;
      if (!out.empty()) out += "|";
      out += doc.SpanText(a.span);
    }
    return out;
  }

  Model model_;
  std::unique_ptr<Analyzer> analyzer_;
};

TEST_F(EventComponentTest, AVerbTriggerWithAgentAndTargetAfterIt) {
  const Document doc = Analyze("هاجمت روسيا أوكرانيا فجر الخميس.");
  ASSERT_EQ(doc.events.size(), 1u);
  const Event& e = doc.events[0];
  EXPECT_EQ(doc.SpanText(e.trigger), "هاجمت");
  EXPECT_EQ(e.type, "ATTACK");
  EXPECT_EQ(e.plover, "ASSAULT");
  EXPECT_EQ(e.ace, "Conflict.Attack");
  EXPECT_EQ(Args(doc, e, "agent"), "روسيا");
  EXPECT_EQ(Args(doc, e, "target"), "أوكرانيا");
  EXPECT_EQ(e.modality, "asserted");
  EXPECT_FALSE(e.negated);
  for (const EventArgument& a : e.arguments) {
    ASSERT_GE(a.entity, 0);  // entity mentions are linked, and the span is the entity's
    EXPECT_EQ(doc.entities[a.entity].span, a.span);
  }
}

TEST_F(EventComponentTest, TheSubjectBeforeTheVerbIsTheAgent) {
  const Document doc = Analyze("وقالت المصادر إن روسيا هاجمت أوكرانيا.");
  const Event* e = Find(doc, "هاجمت");
  ASSERT_TRUE(e);
  EXPECT_EQ(Args(doc, *e, "agent"), "روسيا");
  EXPECT_EQ(Args(doc, *e, "target"), "أوكرانيا");
}

TEST_F(EventComponentTest, ANounTriggerWithItsNationalityAdjectiveAndPreposition) {
  const Document doc = Analyze("أدان المجلس الهجوم الروسي على كييف.");
  const Event* e = Find(doc, "الهجوم");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->type, "ATTACK");
  EXPECT_EQ(Args(doc, *e, "agent"), "الروسي");  // a nationality adjective, no entity
  EXPECT_EQ(Args(doc, *e, "target"), "كييف");
  for (const EventArgument& a : e->arguments) {
    if (a.role == "agent") EXPECT_EQ(a.entity, -1);
  }
}

TEST_F(EventComponentTest, ASuffixPronounStandsForTheNamedPartyBeforeIt) {
  const Document doc = Analyze("وأكدت إسرائيل أنها ستواصل غاراتها على غزة.");
  const Event* e = Find(doc, "غاراتها");
  ASSERT_TRUE(e);
  EXPECT_EQ(Args(doc, *e, "agent"), "إسرائيل");  // the genitive pronoun of an attack noun is its agent
  EXPECT_EQ(Args(doc, *e, "target"), "غزة");
}

TEST_F(EventComponentTest, ALightVerbAndItsNounAreOneEvent) {
  const Document doc = Analyze("شنت الطائرات الحربية غارات على مواقع في سوريا.");
  ASSERT_EQ(doc.events.size(), 1u);
  EXPECT_EQ(doc.SpanText(doc.events[0].trigger), "غارات");  // not adjacent: the noun alone
  EXPECT_EQ(Args(doc, doc.events[0], "agent"), "الطائرات الحربية");
  EXPECT_EQ(Args(doc, doc.events[0], "place"), "سوريا");

  const Document adjacent = Analyze("وشنت غارات جديدة على إدلب مساء الأحد.");
  ASSERT_EQ(adjacent.events.size(), 1u);
  EXPECT_EQ(adjacent.SpanText(adjacent.events[0].trigger), "شنت غارات");
  EXPECT_EQ(adjacent.events[0].type, "ATTACK");
  EXPECT_EQ(Args(adjacent, adjacent.events[0], "time"), "مساء الأحد");
}

TEST_F(EventComponentTest, AnExplicitNegationMakesTheEventNegative) {
  const Document doc = Analyze("وأكدت الشرطة عدم وقوع إصابات بين المدنيين.");
  const Event* e = Find(doc, "إصابات");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->type, "INJURE");
  EXPECT_TRUE(e->negated);

  const Document positive = Analyze("وأكدت الشرطة وقوع إصابات بين المدنيين.");
  ASSERT_TRUE(Find(positive, "إصابات"));
  EXPECT_FALSE(Find(positive, "إصابات")->negated);
}

TEST_F(EventComponentTest, ANegatedResultVerbNegatesOnlyItsResult) {
  const Document doc = Analyze("ولم يسفر القصف عن وقوع إصابات بين السكان.");
  ASSERT_TRUE(Find(doc, "القصف") && Find(doc, "إصابات"));
  EXPECT_FALSE(Find(doc, "القصف")->negated);  // the shelling happened
  EXPECT_TRUE(Find(doc, "إصابات")->negated);   // the injuries did not
}

TEST_F(EventComponentTest, AnyMakesAnEventPossibleUnlessItIsNegated) {
  const Document hypothetical = Analyze("وتعهد الجيش بالتصدي لأي هجوم على الحدود.");
  ASSERT_TRUE(Find(hypothetical, "هجوم"));
  EXPECT_EQ(Find(hypothetical, "هجوم")->modality, "possible");
  const Document none = Analyze("ولم يتم تنفيذ أي هجوم منذ أسبوع.");
  ASSERT_TRUE(Find(none, "هجوم"));
  EXPECT_TRUE(Find(none, "هجوم")->negated);
  EXPECT_EQ(Find(none, "هجوم")->modality, "asserted");
}

TEST_F(EventComponentTest, AFoiledAttackIsOnlyPossible) {
  const Document doc = Analyze("وأحبطت قوات الأمن هجوماً على محطة الكهرباء.");
  ASSERT_TRUE(Find(doc, "هجوماً"));
  EXPECT_EQ(Find(doc, "هجوماً")->modality, "possible");
}

TEST_F(EventComponentTest, ALightVerbOfPurposeMakesTheEventPossible) {
  const Document doc = Analyze("وتستعد الفصائل لشن هجمات جديدة.");
  ASSERT_EQ(doc.events.size(), 1u);
  EXPECT_EQ(doc.SpanText(doc.events[0].trigger), "شن هجمات");
  EXPECT_EQ(doc.events[0].modality, "possible");
  // The لـ that تعرض governs is no purpose.
  const Document undergone = Analyze("وتعرضت القاعدة لهجوم صاروخي.");
  ASSERT_EQ(undergone.events.size(), 1u);
  EXPECT_EQ(undergone.events[0].modality, "asserted");
  EXPECT_EQ(Args(undergone, undergone.events[0], "target"), "القاعدة");
  EXPECT_EQ(Args(undergone, undergone.events[0], "instrument"), "صاروخي");
}

TEST_F(EventComponentTest, AThreatenedEventIsPossible) {
  const Document doc = Analyze("هددت كوريا الشمالية بشن هجوم على اليابان.");
  ASSERT_EQ(doc.events.size(), 2u);
  const Event* threat = Find(doc, "هددت");
  const Event* attack = Find(doc, "شن هجوم");
  ASSERT_TRUE(threat && attack);
  EXPECT_EQ(threat->type, "THREATEN");
  EXPECT_EQ(threat->modality, "asserted");
  EXPECT_EQ(attack->modality, "possible");
  EXPECT_EQ(Args(doc, *attack, "target"), "اليابان");
}

TEST_F(EventComponentTest, TheFuturePrefixAndMayMakeAnEventPossible) {
  const Document doc = Analyze("سيزور الرئيس الفرنسي القاهرة الأسبوع المقبل.");
  const Event* visit = Find(doc, "سيزور");
  ASSERT_TRUE(visit);
  EXPECT_EQ(visit->type, "MEET");
  EXPECT_EQ(visit->modality, "possible");
  EXPECT_EQ(Args(doc, *visit, "target"), "القاهرة");

  const Document may = Analyze("قالت الوزارة إن الجيش قد يهاجم المدينة.");
  ASSERT_TRUE(Find(may, "يهاجم"));
  EXPECT_EQ(Find(may, "يهاجم")->modality, "possible");
  const Document has = Analyze("قالت الوزارة إن الجيش قد هاجم المدينة.");
  ASSERT_TRUE(Find(has, "هاجم"));
  EXPECT_EQ(Find(has, "هاجم")->modality, "asserted");  // قد before a perfect verb: "has"
}

TEST_F(EventComponentTest, ACasualtyCountJoinsItsDeathEvent) {
  const Document doc = Analyze("أسفر انفجار في كابول عن مقتل خمسة أشخاص.");
  const Event* kill = Find(doc, "مقتل");
  ASSERT_TRUE(kill);
  EXPECT_EQ(kill->type, "KILL");
  EXPECT_EQ(Args(doc, *kill, "count"), "خمسة");
  EXPECT_EQ(Args(doc, *kill, "target"), "أشخاص");
  const Event* blast = Find(doc, "انفجار");
  ASSERT_TRUE(blast);
  EXPECT_EQ(Args(doc, *blast, "place"), "كابول");

  // The counted noun after a number repeats the death event before it: no second event.
  const Document toll = Analyze("وارتفع عدد القتلى في الفيضانات إلى 30 قتيلاً.");
  ASSERT_EQ(toll.events.size(), 1u);
  EXPECT_EQ(toll.SpanText(toll.events[0].trigger), "القتلى");
  EXPECT_EQ(Args(toll, toll.events[0], "count"), "30");
}

TEST_F(EventComponentTest, RelationalResponseIsNoEvent) {
  EXPECT_TRUE(Analyze("جاءت الخطوة رداً على قرار الحكومة.").events.empty());
  EXPECT_TRUE(Analyze("وقال إن القرار جاء في رد على تصريحات الوزير.").events.empty());
  EXPECT_TRUE(Analyze("وذلك في إطار الرد على الانتقادات.").events.empty());
  // A retaliation is an attack.
  const Document retaliation = Analyze("وتوعدت الجماعة برد قاس على الضربة.");
  const Event* e = Find(retaliation, "رد");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->type, "ATTACK");
}

TEST_F(EventComponentTest, AVerbRestatingTheNounBeforeItIsNoSecondEvent) {
  const Document doc = Analyze("وأدانت الحكومة الغارات التي استهدفت دمشق.");
  ASSERT_EQ(doc.events.size(), 1u);
  EXPECT_EQ(doc.SpanText(doc.events[0].trigger), "الغارات");
  EXPECT_EQ(Args(doc, doc.events[0], "target"), "دمشق");
}

TEST_F(EventComponentTest, ALightVerbInARelativeClauseGivesTheAgent) {
  const Document doc = Analyze("وأدانت الحكومة الغارات التي نفذها الجيش على مستشفيات في سوريا.");
  ASSERT_EQ(doc.events.size(), 1u);
  EXPECT_EQ(Args(doc, doc.events[0], "agent"), "الجيش");
  EXPECT_EQ(Args(doc, doc.events[0], "target"), "مستشفيات");  // any noun after a preposition
  EXPECT_EQ(Args(doc, doc.events[0], "place"), "سوريا");
}

TEST_F(EventComponentTest, TheObjectRetypesATransfer) {
  const Document troops = Analyze("نقلت الولايات المتحدة جنوداً إلى الكويت.");
  ASSERT_EQ(troops.events.size(), 1u);
  EXPECT_EQ(troops.events[0].type, "DEPLOY");
  EXPECT_EQ(troops.events[0].plover, "MOBILIZE");
  EXPECT_EQ(Args(troops, troops.events[0], "instrument"), "جنوداً");
  // A reporting نقل (a relayed quote) carries no goods: no event.
  EXPECT_TRUE(Analyze("ونقلت وكالة الأنباء عن مصادر محلية قولها ذلك.").events.empty());
}

TEST_F(EventComponentTest, AnEventInsideADenialIsDenied) {
  const std::string text = "نفت الحكومة اعتقال صحفيين في العاصمة.";
  Document doc = Analyze(text);
  // What the attribution layer writes: a DENY whose content is the clause after the cue.
  const size_t content = text.find("اعتقال");
  Attribution denial;
  denial.act = "DENY";
  denial.cue = {0, static_cast<uint32_t>(text.find(' '))};
  denial.content = {static_cast<uint32_t>(content), static_cast<uint32_t>(text.size() - 1)};
  doc.attributions = {denial};
  EventComponent events(model_);
  ASSERT_TRUE(events.Run(&doc).ok());
  const Event* arrest = Find(doc, "اعتقال");
  ASSERT_TRUE(arrest);
  EXPECT_EQ(arrest->type, "ARREST");
  EXPECT_EQ(arrest->modality, "denied");
  EXPECT_EQ(arrest->attributed_to, 0);
}

TEST_F(EventComponentTest, EveryTypeHasItsCodes) {
  const Document doc = Analyze(
      "اعتقلت الشرطة ناشطين. وخرجت تظاهرات في المدينة. واتفق الطرفان على هدنة. وطالب المجلس بالإفراج عنهم. "
      "واتهمت الحكومة المعارضة. وفرضت واشنطن عقوبات على الشركة. وزودت الدولة الجيش بالأسلحة.");
  std::vector<std::string> types;
  for (const Event& e : doc.events) {
    types.push_back(e.type);
    EXPECT_FALSE(e.plover.empty()) << e.type;
  }
  for (const char* type : {"ARREST", "PROTEST", "AGREE", "DEMAND", "ACCUSE", "SANCTION", "SUPPLY"}) {
    EXPECT_NE(std::find(types.begin(), types.end(), type), types.end()) << type;
  }
}

}  // namespace
}  // namespace isnad
