#include "isnad/text/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace isnad {
namespace {

// Characters that never start or end a token or a sentence: white space and invisible format
// characters (directional marks, zero-width joiners, the byte order mark).
bool IsBlank(UChar32 c) {
  return u_isUWhiteSpace(c) || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

bool IsParagraphSeparator(UChar32 c) {
  return c == '\n' || c == '\r' || c == 0x2029 || c == 0x0085 || c == 0x2028;
}

class Utf8Cursor {
 public:
  explicit Utf8Cursor(std::string_view text)
      : s_(reinterpret_cast<const uint8_t*>(text.data())), n_(static_cast<int32_t>(text.size())) {}
  UChar32 At(int32_t i) const {
    UChar32 c;
    U8_NEXT(s_, i, n_, c);
    return c;
  }
  UChar32 Before(int32_t i) const {
    if (i <= 0) return U_SENTINEL;
    UChar32 c;
    U8_PREV(s_, 0, i, c);
    return c;
  }
  int32_t Next(int32_t i) const {
    U8_FWD_1(s_, i, n_);
    return i;
  }
  int32_t Prev(int32_t i) const {
    U8_BACK_1(s_, 0, i);
    return i;
  }
  int32_t size() const { return n_; }

 private:
  const uint8_t* s_;
  int32_t n_;
};

bool AllBlank(const Utf8Cursor& text, int32_t begin, int32_t end) {
  for (int32_t i = begin; i < end; i = text.Next(i)) {
    if (!IsBlank(text.At(i))) return false;
  }
  return true;
}

TokenKind KindOfSegment(int32_t rule_status, UChar32 first, QuoteRole quote) {
  if (rule_status >= UBRK_WORD_LETTER) return TokenKind::kWord;
  if (rule_status >= UBRK_WORD_NUMBER) return TokenKind::kNumber;
  if (quote == QuoteRole::kOpen) return TokenKind::kQuoteOpen;
  if (quote == QuoteRole::kClose || quote == QuoteRole::kEither) return TokenKind::kQuoteClose;
  if (u_ispunct(first)) return TokenKind::kPunctuation;
  return TokenKind::kSymbol;
}

struct QuotePair {
  uint32_t begin;  // start of the opening mark
  uint32_t end;    // end of the closing mark
};

// Decides which marks open and which close, and returns the quotations closed within a paragraph.
// A mark listed as "either" closes the innermost open mark of the same character, else opens when
// the next character is not blank and the previous one is (or is the start), else closes.
std::vector<QuotePair> PairQuotes(const Utf8Cursor& text, const QuoteTable& quotes, std::vector<Token>* tokens) {
  struct Open {
    size_t token;
    UChar32 mark;
  };
  // The open marks, innermost last, and for each mark the stack positions holding it, so that a
  // closing mark finds its opener without scanning the stack (linear in the number of marks).
  std::vector<Open> stack;
  std::unordered_map<UChar32, std::vector<size_t>> positions;
  auto truncate = [&](size_t size) {
    while (stack.size() > size) {
      positions[stack.back().mark].pop_back();
      stack.pop_back();
    }
  };
  std::vector<QuotePair> pairs;
  uint32_t scanned = 0;  // paragraph separators are looked for between tokens
  for (size_t t = 0; t < tokens->size(); ++t) {
    Token& tok = (*tokens)[t];
    for (int32_t i = static_cast<int32_t>(scanned); i < static_cast<int32_t>(tok.span.begin); i = text.Next(i)) {
      if (IsParagraphSeparator(text.At(i))) {
        truncate(0);
        break;
      }
    }
    scanned = tok.span.end;
    if (tok.kind != TokenKind::kQuoteOpen && tok.kind != TokenKind::kQuoteClose) continue;
    const UChar32 mark = text.At(static_cast<int32_t>(tok.span.begin));
    QuoteRole role = quotes.Role(static_cast<char32_t>(mark));
    if (role == QuoteRole::kEither) {
      const bool closes_open = !stack.empty() && stack.back().mark == mark;
      const UChar32 before = text.Before(static_cast<int32_t>(tok.span.begin));
      const UChar32 after = static_cast<int32_t>(tok.span.end) < text.size() ? text.At(static_cast<int32_t>(tok.span.end)) : U_SENTINEL;
      const bool looks_opening = (before == U_SENTINEL || IsBlank(before)) && after != U_SENTINEL && !IsBlank(after);
      role = closes_open || !looks_opening ? QuoteRole::kClose : QuoteRole::kOpen;
    }
    if (role == QuoteRole::kOpen) {
      tok.kind = TokenKind::kQuoteOpen;
      positions[mark].push_back(stack.size());
      stack.push_back({t, mark});
      continue;
    }
    tok.kind = TokenKind::kQuoteClose;
    // The innermost open mark this one closes: the same mark, or one whose partner it is.
    size_t best = SIZE_MAX;
    for (const auto& [opener, where] : positions) {
      if (where.empty()) continue;
      const bool matches = opener == mark || static_cast<UChar32>(quotes.Partner(static_cast<char32_t>(opener))) == mark;
      if (matches && (best == SIZE_MAX || where.back() > best)) best = where.back();
    }
    if (best == SIZE_MAX) continue;  // an unbalanced closing mark
    pairs.push_back({(*tokens)[stack[best].token].span.begin, tok.span.end});
    truncate(best);
  }
  return pairs;
}

// The union of the quotations as disjoint intervals sorted by position (nested quotes merge).
std::vector<QuotePair> MergeQuotations(std::vector<QuotePair> pairs) {
  std::sort(pairs.begin(), pairs.end(), [](const QuotePair& a, const QuotePair& b) { return a.begin < b.begin; });
  std::vector<QuotePair> merged;
  for (const QuotePair& p : pairs) {
    if (!merged.empty() && p.begin < merged.back().end) {
      merged.back().end = std::max(merged.back().end, p.end);
    } else {
      merged.push_back(p);
    }
  }
  return merged;
}

}  // namespace

Segmenter::~Segmenter() = default;

Status Segmenter::Create(const QuoteTable* quotes, std::unique_ptr<Segmenter>* out) {
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<Segmenter> seg(new Segmenter());
  seg->quotes_ = quotes;
  seg->words_.reset(icu::BreakIterator::createWordInstance(icu::Locale("ar"), error));
  if (U_FAILURE(error)) return Internal(std::string("ICU word break iterator: ") + u_errorName(error));
  seg->sentences_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("ar"), error));
  if (U_FAILURE(error)) return Internal(std::string("ICU sentence break iterator: ") + u_errorName(error));
  *out = std::move(seg);
  return Status::Ok();
}

Status Segmenter::Segment(Document* doc) {
  doc->tokens.clear();
  doc->sentences.clear();
  const std::string& text = doc->text;
  if (text.empty()) return Status::Ok();
  const Utf8Cursor cursor(text);

  UErrorCode error = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &error);
  if (U_FAILURE(error)) return Internal(std::string("ICU UText: ") + u_errorName(error));

  // Tokens: every word-iterator segment that is not blank.
  words_->setText(utext, error);
  for (int32_t begin = words_->first(), end = words_->next(); end != icu::BreakIterator::DONE;
       begin = end, end = words_->next()) {
    if (AllBlank(cursor, begin, end)) continue;
    const UChar32 first = cursor.At(begin);
    Token tok;
    tok.span = {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
    tok.kind = KindOfSegment(words_->getRuleStatus(), first, quotes_->Role(static_cast<char32_t>(first)));
    doc->tokens.push_back(std::move(tok));
  }
  const std::vector<QuotePair> quotations = PairQuotes(cursor, *quotes_, &doc->tokens);

  // Sentence boundaries: ICU's, less those inside a quotation, moved to the end of any token they cut.
  std::vector<uint32_t> breaks;
  sentences_->setText(utext, error);
  for (int32_t b = sentences_->next(); b != icu::BreakIterator::DONE; b = sentences_->next()) {
    breaks.push_back(static_cast<uint32_t>(b));
  }
  words_->setText(icu::UnicodeString());
  sentences_->setText(icu::UnicodeString());
  utext_close(utext);
  if (U_FAILURE(error)) return Internal(std::string("ICU break iteration: ") + u_errorName(error));

  const std::vector<QuotePair> quoted = MergeQuotations(quotations);
  std::vector<uint32_t> kept;
  size_t q = 0, t = 0;
  for (uint32_t b : breaks) {
    while (q < quoted.size() && quoted[q].end <= b) ++q;
    if (q < quoted.size() && quoted[q].begin < b) continue;  // inside a quotation
    while (t < doc->tokens.size() && doc->tokens[t].span.end <= b) ++t;
    if (t < doc->tokens.size() && doc->tokens[t].span.begin < b) b = doc->tokens[t].span.end;
    if (kept.empty() || b > kept.back()) kept.push_back(b);
  }
  if (kept.empty() || kept.back() < text.size()) kept.push_back(static_cast<uint32_t>(text.size()));

  // Sentence spans, trimmed of blanks, each owning the tokens that start inside it.
  uint32_t start = 0;
  t = 0;
  for (uint32_t b : kept) {
    int32_t begin = static_cast<int32_t>(start), end = static_cast<int32_t>(b);
    start = b;
    while (begin < end && IsBlank(cursor.At(begin))) begin = cursor.Next(begin);
    while (end > begin && IsBlank(cursor.Before(end))) end = cursor.Prev(end);
    if (begin == end) continue;
    Sentence sentence;
    sentence.span = {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
    sentence.first_token = static_cast<uint32_t>(t);
    while (t < doc->tokens.size() && doc->tokens[t].span.begin < sentence.span.end) {
      doc->tokens[t].sentence = static_cast<uint32_t>(doc->sentences.size());
      ++t;
    }
    sentence.token_count = static_cast<uint32_t>(t) - sentence.first_token;
    doc->sentences.push_back(sentence);
  }
  return Status::Ok();
}

}  // namespace isnad
