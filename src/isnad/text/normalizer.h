// Normalizer: NFKC (ICU) followed by the Arabic folding of folding.h, keeping an alignment from
// every normalized byte back to the original text, so that a match found in the normalized form
// is reported on the characters the user pasted.
#pragma once

#include <string>
#include <string_view>

#include "isnad/document.h"
#include "isnad/status.h"
#include "isnad/text/folding.h"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace isnad {

class Normalizer {
 public:
  // `folding` must outlive the normalizer.
  static Status Create(const FoldingTable* folding, Normalizer* out);

  // Normalizes valid UTF-8. out->to_source[i] is the offset in `text` of the original character
  // that produced normalized byte i; out->to_source[out->text.size()] == text.size().
  Status Normalize(std::string_view text, NormalizedText* out) const;

  // The matching form alone (no alignment), e.g. for a token or a lexicon key.
  std::string MatchingForm(std::string_view text) const;

 private:
  const icu::Normalizer2* nfkc_ = nullptr;
  const FoldingTable* folding_ = nullptr;
};

// The original span covering normalized bytes [norm_begin, norm_end).
Span SourceSpan(const NormalizedText& normalized, uint32_t norm_begin, uint32_t norm_end);

}  // namespace isnad
