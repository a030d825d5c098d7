#include "isnad/text/segmenter.h"

#include <gtest/gtest.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <fstream>
#include <sstream>

#include "test_support.h"

namespace isnad {
namespace {

using testing::MustAnalyze;
using testing::TokenTexts;

class SegmenterTest : public ::testing::Test {
 protected:
  void SetUp() override { analyzer_ = testing::ShippedAnalyzer(); }
  Document Analyze(const std::string& text) { return MustAnalyze(*analyzer_, text); }
  std::vector<std::string> SentenceTexts(const Document& doc) {
    std::vector<std::string> out;
    for (const Sentence& s : doc.sentences) out.emplace_back(doc.SpanText(s.span));
    return out;
  }
  std::unique_ptr<Analyzer> analyzer_;
};

bool IsBlankAt(const std::string& text, size_t i) {
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, text.size(), c);
  return u_isUWhiteSpace(c) || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

bool AllBlank(const std::string& text) {
  for (size_t i = 0; i < text.size();) {
    if (!IsBlankAt(text, i)) return false;
    U8_FWD_1(reinterpret_cast<const uint8_t*>(text.data()), i, text.size());
  }
  return true;
}

// Invariants every segmentation must keep: tokens are ordered, non-empty, never start or end on a
// space, cover every non-space character, and each lies inside the sentence it names.
void ExpectWellFormed(const Document& doc) {
  uint32_t prev_end = 0;
  std::string outside;  // characters between tokens
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    ASSERT_LT(t.span.begin, t.span.end);
    ASSERT_LE(prev_end, t.span.begin);
    outside += doc.text.substr(prev_end, t.span.begin - prev_end);
    prev_end = t.span.end;
    EXPECT_FALSE(IsBlankAt(doc.text, t.span.begin));
    size_t last = t.span.end;
    U8_BACK_1(reinterpret_cast<const uint8_t*>(doc.text.data()), 0, last);
    EXPECT_FALSE(IsBlankAt(doc.text, last));
    ASSERT_LT(t.sentence, doc.sentences.size());
    const Span s = doc.sentences[t.sentence].span;
    EXPECT_LE(s.begin, t.span.begin);
    EXPECT_LE(t.span.end, s.end);
  }
  outside += doc.text.substr(prev_end);
  EXPECT_TRUE(AllBlank(outside)) << "text outside every token: " << outside;
  uint32_t covered = 0;
  for (const Sentence& s : doc.sentences) {
    EXPECT_LE(covered, s.span.begin);
    EXPECT_LT(s.span.begin, s.span.end);
    covered = s.span.end;
  }
}

TEST_F(SegmenterTest, ArabicPunctuation) {
  const Document doc = Analyze("ذهب الوفد إلى بغداد، ثم عاد؛ فهل نجح؟ نعم. انتهى");
  EXPECT_EQ(SentenceTexts(doc), (std::vector<std::string>{"ذهب الوفد إلى بغداد، ثم عاد؛ فهل نجح؟", "نعم.", "انتهى"}));
  EXPECT_EQ(TokenTexts(doc), (std::vector<std::string>{"ذهب", "الوفد", "إلى", "بغداد", "،", "ثم", "عاد", "؛", "فهل",
                                                       "نجح", "؟", "نعم", ".", "انتهى"}));
  EXPECT_EQ(doc.tokens[4].kind, TokenKind::kPunctuation);
  ExpectWellFormed(doc);
}

TEST_F(SegmenterTest, EachQuoteStyleOpensAndCloses) {
  for (const std::string& q : {std::string("“|”"), std::string("«|»"), std::string("\"|\""), std::string("‘|’")}) {
    const size_t bar = q.find('|');
    const std::string open = q.substr(0, bar), close = q.substr(bar + 1);
    const Document doc = Analyze("قال الوزير " + open + "لن نتراجع" + close + " أمس.");
    ExpectWellFormed(doc);
    ASSERT_EQ(doc.tokens.size(), 8u) << q;
    EXPECT_EQ(doc.tokens[2].kind, TokenKind::kQuoteOpen) << q;
    EXPECT_EQ(doc.tokens[5].kind, TokenKind::kQuoteClose) << q;
  }
}

TEST_F(SegmenterTest, AQuotedStatementStaysOneSentence) {
  const Document doc = Analyze("وقال المتحدث: «الهجوم فشل. سنرد قريباً» وأضاف أن الوضع هادئ. ثم غادر.");
  EXPECT_EQ(SentenceTexts(doc), (std::vector<std::string>{"وقال المتحدث: «الهجوم فشل. سنرد قريباً» وأضاف أن الوضع هادئ.", "ثم غادر."}));
  ExpectWellFormed(doc);
}

TEST_F(SegmenterTest, AnUnbalancedQuoteLosesNothing) {
  const Document doc = Analyze("قال: “الهجوم فشل. سنرد قريباً\nفقرة أخرى. وجملة «ثالثة");
  ExpectWellFormed(doc);
  // The unclosed quotation does not swallow the next paragraph.
  EXPECT_EQ(SentenceTexts(doc).back(), "وجملة «ثالثة");
  EXPECT_GE(doc.sentences.size(), 4u);
}

TEST_F(SegmenterTest, ParagraphsEndSentences) {
  const Document doc = Analyze("عنوان بلا نقطة\nنص الخبر هنا.");
  EXPECT_EQ(SentenceTexts(doc), (std::vector<std::string>{"عنوان بلا نقطة", "نص الخبر هنا."}));
}

TEST_F(SegmenterTest, NumbersSymbolsAndEmoji) {
  const Document doc = Analyze("قتل 22 شخصاً عام ٢٠١٥ 😀 بنسبة 5.5% في F-16");
  ExpectWellFormed(doc);
  const auto texts = TokenTexts(doc);
  EXPECT_EQ(texts, (std::vector<std::string>{"قتل", "22", "شخصاً", "عام", "٢٠١٥", "😀", "بنسبة", "5.5", "%", "في", "F", "-", "16"}));
  EXPECT_EQ(doc.tokens[1].kind, TokenKind::kNumber);
  EXPECT_EQ(doc.tokens[4].kind, TokenKind::kNumber);
  EXPECT_EQ(doc.tokens[4].norm, "2015");
  EXPECT_EQ(doc.tokens[5].kind, TokenKind::kSymbol);
}

TEST_F(SegmenterTest, BlankAndEmptyInput) {
  EXPECT_TRUE(Analyze("").tokens.empty());
  const Document blank = Analyze("  \n\t \u200F ");
  EXPECT_TRUE(blank.tokens.empty());
  EXPECT_TRUE(blank.sentences.empty());
}

// The seed articles of ../shared (when present): every paragraph without an inner sentence end is
// exactly one sentence, and the invariants hold on real news text.
TEST_F(SegmenterTest, SeedArticles) {
  const auto seeds = testing::SeedArticles();
  if (seeds.empty()) GTEST_SKIP() << "../shared is absent: seed articles not available";
  int files = 0, checked_paragraphs = 0;
  for (const auto& [name, text] : seeds) {
    const Document doc = Analyze(text);
    ExpectWellFormed(doc);
    ++files;
    std::istringstream lines(text);
    std::string line;
    const std::vector<std::string> sentences = SentenceTexts(doc);
    while (std::getline(lines, line)) {
      while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
      line.erase(0, line.find_first_not_of(' '));
      const std::string body = line.substr(0, line.empty() ? 0 : line.size() - 1);
      if (line.empty() || body.find('.') != std::string::npos || body.find("؟") != std::string::npos ||
          body.find('!') != std::string::npos) {
        continue;
      }
      EXPECT_NE(std::find(sentences.begin(), sentences.end(), line), sentences.end()) << name << ": " << line;
      ++checked_paragraphs;
    }
  }
  EXPECT_EQ(files, 5);
  EXPECT_GT(checked_paragraphs, 10);
}

}  // namespace
}  // namespace isnad
