#include "isnad/analyzer.h"

#include <gtest/gtest.h>

#include "isnad/json.h"
#include "test_support.h"

namespace isnad {
namespace {

TEST(Analyzer, RejectsInvalidUtf8WithTheByteOffsetAndNoPartialDocument) {
  auto analyzer = testing::ShippedAnalyzer();
  Document doc;
  doc.text = "stale";
  const Status s = analyzer->Analyze("قال \xFF بغداد", {}, &doc);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("byte offset 7"), std::string::npos) << s.message();
  EXPECT_TRUE(doc.text.empty());
  EXPECT_TRUE(doc.tokens.empty());
}

TEST(Analyzer, EmptyInputGivesAnEmptyDocument) {
  auto analyzer = testing::ShippedAnalyzer();
  const Document doc = testing::MustAnalyze(*analyzer, "");
  EXPECT_TRUE(doc.sentences.empty());
  EXPECT_TRUE(doc.tokens.empty());
  EXPECT_TRUE(doc.warnings.empty());
}

TEST(Analyzer, NulBytesAreKeptAsText) {
  auto analyzer = testing::ShippedAnalyzer();
  const Document doc = testing::MustAnalyze(*analyzer, std::string("قال\0بغداد", sizeof("قال\0بغداد") - 1));
  EXPECT_EQ(doc.text.size(), 17u);
  EXPECT_EQ(testing::TokenTexts(doc), (std::vector<std::string>{"قال", std::string("\0", 1), "بغداد"}));
}

TEST(Analyzer, HtmlIsPlainTextWithAWarning) {
  auto analyzer = testing::ShippedAnalyzer();
  const std::string text = "قال <img src=x onerror=alert(1)> بغداد";
  const Document doc = testing::MustAnalyze(*analyzer, text);
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_EQ(doc.warnings[0].code, "looks_like_html");
  EXPECT_EQ(doc.SpanText(doc.warnings[0].span), "<img src=x onerror=alert(1)>");
  EXPECT_EQ(doc.text, text);
  EXPECT_EQ(testing::TokenTexts(doc).front(), "قال");
  EXPECT_EQ(testing::TokenTexts(doc).back(), "بغداد");
  for (const Warning& w : testing::MustAnalyze(*analyzer, "أ < ب > ج").warnings) EXPECT_NE(w.code, "looks_like_html");
}

TEST(Analyzer, IsDeterministicAndReusable) {
  auto analyzer = testing::ShippedAnalyzer();
  const std::string text = "أعلنت الوزارة أمس أن “الوضع مستقر”. وأضافت: لا تغيير.";
  const std::string first = ToJson(testing::MustAnalyze(*analyzer, text), {});
  testing::MustAnalyze(*analyzer, "نص آخر مختلف تماماً");
  EXPECT_EQ(ToJson(testing::MustAnalyze(*analyzer, text), {}), first);
  auto other = testing::ShippedAnalyzer();
  EXPECT_EQ(ToJson(testing::MustAnalyze(*other, text), {}), first);
}

TEST(Analyzer, RejectsABadModel) {
  std::unique_ptr<Analyzer> analyzer;
  EXPECT_EQ(Analyzer::Load("not a model", &analyzer).code(), StatusCode::kDataLoss);
  EXPECT_EQ(analyzer, nullptr);
}

TEST(Analyzer, ValidatesTheDocumentDate) {
  auto analyzer = testing::ShippedAnalyzer();
  Document doc;
  AnalyzeOptions options;
  for (const char* good : {"2021-02-26", "2024-02-29", "2000-02-29"}) {
    options.document_date = good;
    EXPECT_TRUE(analyzer->Analyze("نص", options, &doc).ok()) << good;
    EXPECT_EQ(doc.document_date, good);
  }
  for (const char* bad : {"garbage", "2021-2-26", "2021-13-01", "2023-02-29", "1900-02-29", "2021-04-31"}) {
    options.document_date = bad;
    EXPECT_EQ(analyzer->Analyze("نص", options, &doc).code(), StatusCode::kInvalidArgument) << bad;
  }
}

TEST(Analyzer, SkipsTheOptionalLayersItIsToldTo) {
  auto analyzer = testing::ShippedAnalyzer();
  const std::string text = "قال الجيش العراقي أمس إن القوات قصفت مواقع في الموصل.";
  auto has_entity = [](const Document& doc, const std::string& words, const std::string& type) {
    for (const Entity& e : doc.entities) {
      if (doc.SpanText(e.span) == words && e.type == type) return true;
    }
    return false;
  };
  const Document full = testing::MustAnalyze(*analyzer, text);
  ASSERT_TRUE(has_entity(full, "الجيش العراقي", "ORG"));  // made by the pattern layer
  ASSERT_FALSE(full.events.empty());
  ASSERT_FALSE(full.attributions.empty());

  AnalyzeOptions options;
  options.disabled_layers = {"entity-patterns", "events"};
  Document doc;
  ASSERT_TRUE(analyzer->Analyze(text, options, &doc).ok());
  EXPECT_FALSE(has_entity(doc, "الجيش العراقي", "ORG"));
  EXPECT_TRUE(doc.events.empty());
  EXPECT_FALSE(doc.attributions.empty());
  EXPECT_EQ(doc.tokens.size(), full.tokens.size());

  for (const char* not_optional : {"segment", "clitics", "no-such-layer"}) {
    options.disabled_layers = {not_optional};
    const Status s = analyzer->Analyze(text, options, &doc);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << not_optional;
    EXPECT_NE(s.message().find(not_optional), std::string::npos) << s.message();
  }
}

}  // namespace
}  // namespace isnad
