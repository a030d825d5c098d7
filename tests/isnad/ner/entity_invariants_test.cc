// Invariants every entity of every analysis must keep, checked on the seed articles (when
// ../shared is present) and on text written for the test: spans inside the text, never starting
// or ending on white space or punctuation-only, sorted, never overlapping, tokens consistent,
// clusters pointing back at their mentions, TIME with a value and no cluster.
#include <gtest/gtest.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>


#include "test_support.h"

namespace isnad {
namespace {

bool BlankAt(const std::string& text, size_t i) {
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, text.size(), c);
  return u_isUWhiteSpace(c);
}

void ExpectEntityInvariants(const Document& doc, const std::string& what) {
  uint32_t previous_end = 0;
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& e = doc.entities[i];
    SCOPED_TRACE(what + ": entity " + std::to_string(i) + " '" + std::string(doc.SpanText(e.span)) + "'");
    ASSERT_LT(e.span.begin, e.span.end);
    ASSERT_LE(e.span.end, doc.text.size());
    EXPECT_LE(previous_end, e.span.begin) << "sorted and not overlapping";
    previous_end = e.span.end;
    EXPECT_FALSE(BlankAt(doc.text, e.span.begin));
    size_t last = e.span.end;
    U8_BACK_1(reinterpret_cast<const uint8_t*>(doc.text.data()), 0, last);
    EXPECT_FALSE(BlankAt(doc.text, last));
    ASSERT_LT(e.first_token, e.last_token);
    ASSERT_LE(e.last_token, doc.tokens.size());
    EXPECT_LE(doc.tokens[e.first_token].span.begin, e.span.begin);
    EXPECT_LT(e.span.begin, doc.tokens[e.first_token].span.end);
    EXPECT_EQ(doc.tokens[e.last_token - 1].span.end, e.span.end);
    const std::vector<std::string> types = {"PER", "ORG", "GPE", "LOC", "FAC", "MISC", "TIME"};
    EXPECT_NE(std::find(types.begin(), types.end(), e.type), types.end()) << e.type;
    if (e.type == "TIME") {
      EXPECT_FALSE(e.value.empty());
      EXPECT_EQ(e.cluster, -1);
    } else {
      ASSERT_GE(e.cluster, 0);
      ASSERT_LT(static_cast<size_t>(e.cluster), doc.clusters.size());
      const auto& mentions = doc.clusters[e.cluster].mentions;
      EXPECT_NE(std::find(mentions.begin(), mentions.end(), i), mentions.end());
      EXPECT_EQ(doc.clusters[e.cluster].type, e.type);
    }
    if (e.type != "ORG") EXPECT_TRUE(e.subtype.empty());
  }
}

TEST(EntityInvariants, TextWrittenForTheTest) {
  auto analyzer = testing::ShippedAnalyzer();
  for (const std::string text : {
           "وقال وزير الخارجية الفرنسي في باريس أمس إن “الوضع في دمشق خطير”، وأضاف الوزير أن الاتحاد الأوروبي سيجتمع.",
           "وبالجيش العراقي وللحكومة السورية ووزارة الدفاع الأمريكية في 12 مارس 2019 شمالي العراق.",
           "«»“” . ، و ب ل ال", "", "Reuters said on Monday that Baghdad was calm 😀 وقالت رويترز",
       }) {
    ExpectEntityInvariants(testing::MustAnalyze(*analyzer, text), text);
  }
}

TEST(EntityInvariants, SeedArticles) {
  const auto seeds = testing::SeedArticles();
  if (seeds.empty()) GTEST_SKIP() << "../shared is absent: seed articles not available";
  auto analyzer = testing::ShippedAnalyzer();
  size_t entities = 0;
  for (const auto& [name, text] : seeds) {
    const Document doc = testing::MustAnalyze(*analyzer, text);
    ExpectEntityInvariants(doc, name);
    entities += doc.entities.size();
  }
  EXPECT_GT(entities, 100u);
}

}  // namespace
}  // namespace isnad
