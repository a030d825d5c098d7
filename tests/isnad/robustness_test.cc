// Defined behaviour on hostile or unusual input (the table in README.md): every input either
// analyzes with no text lost, or fails with a Status; nothing crashes.
#include <gtest/gtest.h>

#include "fuzz/document_invariants.h"  // tests/fuzz
#include "isnad/json.h"
#include "test_support.h"

namespace isnad {
namespace {

class RobustnessTest : public ::testing::Test {
 protected:
  void SetUp() override { analyzer_ = testing::ShippedAnalyzer(); }

  // Analyzes `text` and checks that it succeeded, kept the invariants, and lost no character:
  // every byte that is not ASCII whitespace lies in a token.
  Document AnalyzeKeepingEverything(const std::string& text) {
    Document doc;
    const Status s = analyzer_->Analyze(text, {}, &doc);
    EXPECT_TRUE(s.ok()) << s.message();
    EXPECT_EQ(doc.text, text);
    EXPECT_TRUE(testing::DocumentInvariantsHold(doc));
    std::vector<bool> covered(text.size(), false);
    for (const Token& t : doc.tokens) std::fill(covered.begin() + t.span.begin, covered.begin() + t.span.end, true);
    for (size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (!covered[i] && c != ' ' && c != '\n' && c != '\t' && c != '\r') {
        ADD_FAILURE() << "byte " << i << " (0x" << std::hex << (static_cast<unsigned>(c) & 0xFF) << ") is in no token";
        break;
      }
    }
    EXPECT_FALSE(ToJson(doc, {}).empty());
    return doc;
  }
  std::unique_ptr<Analyzer> analyzer_;
};

TEST_F(RobustnessTest, EmptyAndBlankInputGiveEmptyDocuments) {
  EXPECT_TRUE(AnalyzeKeepingEverything("").tokens.empty());
  const Document blank = AnalyzeKeepingEverything(" \n\t \r\n  ");
  EXPECT_TRUE(blank.tokens.empty());
  EXPECT_TRUE(blank.sentences.empty());
}

TEST_F(RobustnessTest, NulBytesAreKeptAsText) {
  const std::string text = std::string("قال") + '\0' + "الوزير" + '\0' + '\0' + " إن الخطة جاهزة.";
  const Document doc = AnalyzeKeepingEverything(text);
  int symbols = 0;
  for (const Token& t : doc.tokens) symbols += t.kind == TokenKind::kSymbol && doc.SpanText(t.span).find('\0') != std::string_view::npos;
  EXPECT_GE(symbols, 1);
}

TEST_F(RobustnessTest, InvalidUtf8IsRejectedWithItsOffset) {
  Document doc;
  const Status s = analyzer_->Analyze("قال \xC3( مسؤول", {}, &doc);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("byte offset 7"), std::string::npos) << s.message();
}

TEST_F(RobustnessTest, OneHundredThousandCharacterWord) {
  std::string word;
  for (int i = 0; i < 100000; ++i) word += (i % 2 ? "ب" : "ا");
  const Document doc = AnalyzeKeepingEverything("قال " + word + " إن " + word + ".");
  EXPECT_GE(doc.tokens.size(), 4u);
}

TEST_F(RobustnessTest, OtherScriptsAndMixedText) {
  AnalyzeKeepingEverything("The minister said on Tuesday that talks would resume in Geneva.");
  AnalyzeKeepingEverything("Министр заявил во вторник, что переговоры возобновятся.");
  AnalyzeKeepingEverything("部长周二表示，谈判将在日内瓦恢复。");
  const Document mixed = AnalyzeKeepingEverything("قال المتحدث باسم CNN، John Smith، إن the talks ستستأنف في Geneva 😀.");
  EXPECT_FALSE(mixed.attributions.empty());
}

TEST_F(RobustnessTest, UnbalancedAndNestedQuotes) {
  const Document nested = AnalyzeKeepingEverything("قال الوزير: «نقل لي المبعوث قوله: \"لن نتراجع\" قبل أن يغادر».");
  EXPECT_FALSE(nested.attributions.empty());
  AnalyzeKeepingEverything("«««\"\"\" “ ” » « ‘ ’ \" قال: “نعم");
  AnalyzeKeepingEverything("قال: ”مقلوب“ ثم »مقلوب« وانتهى.");
}

TEST_F(RobustnessTest, TenThousandRepeatedCues) {
  std::string verbs, reports;
  for (int i = 0; i < 10000; ++i) {
    verbs += "قال ";
    reports += "وقال إن ";
  }
  EXPECT_TRUE(AnalyzeKeepingEverything(verbs).attributions.empty());  // no content, no claim
  AnalyzeKeepingEverything(reports + "الخطة جاهزة.");
}

TEST_F(RobustnessTest, TenMegabyteInput) {
  const std::string paragraph = testing::ReadProjectFile("tests/fuzz/corpus/article-relay.txt");
  std::string text;
  while (text.size() < 10 * 1024 * 1024) text += paragraph;
  const Document doc = AnalyzeKeepingEverything(text);
  EXPECT_GT(doc.attributions.size(), 1000u);
}

}  // namespace
}  // namespace isnad
