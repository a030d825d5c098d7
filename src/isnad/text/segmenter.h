// Segmenter: sentences and tokens through ICU's word and sentence break iterators.
//
// Tokens are the non-space segments of the word iterator, classified into TokenKind; quotation
// marks are paired (quotes.h) so that each one is known to open or close. Sentences come from the
// sentence iterator, with two corrections for news text: a break inside a quotation that opens
// and closes within the same paragraph is dropped (a quoted statement stays one sentence), and
// every break falls on a token boundary. Sentence spans never start or end on whitespace.
#pragma once

#include <memory>
#include <string_view>

#include "isnad/document.h"
#include "isnad/status.h"
#include "isnad/text/quotes.h"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace isnad {

class Segmenter {
 public:
  // `quotes` must outlive the segmenter.
  static Status Create(const QuoteTable* quotes, std::unique_ptr<Segmenter>* out);
  ~Segmenter();

  // Fills doc->tokens and doc->sentences from doc->text (valid UTF-8). Not thread-safe: ICU break
  // iterators keep state, so each thread uses its own Segmenter.
  Status Segment(Document* doc);

 private:
  Segmenter() = default;
  const QuoteTable* quotes_ = nullptr;
  std::unique_ptr<icu::BreakIterator> words_;
  std::unique_ptr<icu::BreakIterator> sentences_;
};

}  // namespace isnad
