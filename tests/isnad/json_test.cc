#include "isnad/json.h"

#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace isnad {
namespace {

const std::string kMixed = "قال 😀 المتحدث “👍🏽 نعم” في 𝔸 بغداد.\nEnglish text 🇮🇶 هنا";

nlohmann::json AnalyzeToJson(const std::string& text, OffsetUnit unit) {
  auto analyzer = testing::ShippedAnalyzer();
  const Document doc = testing::MustAnalyze(*analyzer, text);
  JsonOptions options;
  options.offsets = unit;
  return nlohmann::json::parse(ToJson(doc, options));
}

// Every span of the JSON, checked by `slice(start, end) == span.text`.
template <typename Slice>
void ExpectSpansSlice(const nlohmann::json& j, Slice slice) {
  size_t checked = 0;
  for (const char* layer : {"sentences", "tokens", "warnings"}) {
    for (const auto& span : j[layer]) {
      EXPECT_EQ(slice(span["start"].get<int>(), span["end"].get<int>()), span["text"].get<std::string>());
      ++checked;
    }
  }
  EXPECT_GT(checked, 10u);
}

TEST(Json, Utf16OffsetsSliceLikeJavaScript) {
  const nlohmann::json j = AnalyzeToJson(kMixed, OffsetUnit::kUtf16);
  EXPECT_EQ(j["offsets"], "utf16");
  const icu::UnicodeString u16 = icu::UnicodeString::fromUTF8(kMixed);
  ExpectSpansSlice(j, [&](int b, int e) {
    std::string out;
    u16.tempSubStringBetween(b, e).toUTF8String(out);
    return out;
  });
}

TEST(Json, CodepointOffsets) {
  const nlohmann::json j = AnalyzeToJson(kMixed, OffsetUnit::kCodepoint);
  const icu::UnicodeString u16 = icu::UnicodeString::fromUTF8(kMixed);
  ExpectSpansSlice(j, [&](int b, int e) {
    std::string out;
    const int32_t b16 = u16.moveIndex32(0, b), e16 = u16.moveIndex32(0, e);
    u16.tempSubStringBetween(b16, e16).toUTF8String(out);
    return out;
  });
}

TEST(Json, Utf8Offsets) {
  const nlohmann::json j = AnalyzeToJson(kMixed, OffsetUnit::kUtf8);
  ExpectSpansSlice(j, [&](int b, int e) { return kMixed.substr(b, e - b); });
}

TEST(Json, SchemaFields) {
  const nlohmann::json j = AnalyzeToJson("قال المتحدث.", OffsetUnit::kUtf16);
  EXPECT_EQ(j["schema_version"], kSchemaVersion);
  EXPECT_EQ(j["text"], "قال المتحدث.");
  for (const char* layer : {"sentences", "tokens", "entities", "clusters", "events", "attributions", "warnings"}) {
    EXPECT_TRUE(j[layer].is_array()) << layer;
  }
  EXPECT_EQ(j["tokens"][0]["kind"], "word");
  EXPECT_EQ(j["tokens"][0]["sentence"], 0);
}

TEST(Json, WithoutTokensTheListGivesWayToItsCount) {
  auto analyzer = testing::ShippedAnalyzer();
  const Document doc = testing::MustAnalyze(*analyzer, kMixed);
  JsonOptions options;
  nlohmann::json full = nlohmann::json::parse(ToJson(doc, options));
  EXPECT_FALSE(full.contains("token_count"));
  options.tokens = false;
  nlohmann::json lean = nlohmann::json::parse(ToJson(doc, options));
  EXPECT_FALSE(lean.contains("tokens"));
  ASSERT_TRUE(lean.contains("token_count"));
  EXPECT_EQ(lean["token_count"], doc.tokens.size());
  EXPECT_GT(doc.tokens.size(), 10u);
  full.erase("tokens");
  lean.erase("token_count");
  EXPECT_EQ(lean, full);  // nothing else differs
}

TEST(Json, ParseOffsetUnit) {
  OffsetUnit unit;
  EXPECT_TRUE(ParseOffsetUnit("codepoint", &unit).ok());
  EXPECT_EQ(unit, OffsetUnit::kCodepoint);
  EXPECT_FALSE(ParseOffsetUnit("bytes", &unit).ok());
}

}  // namespace
}  // namespace isnad
