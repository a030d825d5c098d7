#include "isnad/text/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

namespace isnad {

Status Normalizer::Create(const FoldingTable* folding, Normalizer* out) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(error);
  if (U_FAILURE(error)) return Internal(std::string("ICU NFKC unavailable: ") + u_errorName(error));
  out->nfkc_ = nfkc;
  out->folding_ = folding;
  return Status::Ok();
}

Status Normalizer::Normalize(std::string_view text, NormalizedText* out) const {
  // Step 1: NFKC through ICU, with ICU's record of which source bytes became which output bytes.
  std::string nfkc;
  icu::StringByteSink<std::string> sink(&nfkc);
  icu::Edits edits;
  UErrorCode error = U_ZERO_ERROR;
  nfkc_->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, &edits, error);
  if (U_FAILURE(error)) return Internal(std::string("NFKC failed: ") + u_errorName(error));

  // nfkc_to_source[i]: the source offset of the change (or unchanged byte) that produced byte i.
  std::vector<uint32_t> nfkc_to_source(nfkc.size() + 1);
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(error)) {
    const int32_t src = it.sourceIndex(), dst = it.destinationIndex();
    for (int32_t k = 0; k < it.newLength(); ++k) {
      nfkc_to_source[dst + k] = static_cast<uint32_t>(it.hasChange() ? src : src + k);
    }
  }
  nfkc_to_source[nfkc.size()] = static_cast<uint32_t>(text.size());

  // Step 2: the Arabic folding, one code point at a time, composing the alignment.
  out->text.clear();
  out->to_source.clear();
  out->text.reserve(nfkc.size());
  out->to_source.reserve(nfkc.size() + 1);
  const auto* s = reinterpret_cast<const uint8_t*>(nfkc.data());
  const int32_t length = static_cast<int32_t>(nfkc.size());
  // Characters kept as they are go over in runs: [kept, start) is the pending one.
  auto flush = [&](int32_t from, int32_t to) {
    out->text.append(nfkc, from, to - from);
    out->to_source.insert(out->to_source.end(), nfkc_to_source.begin() + from, nfkc_to_source.begin() + to);
  };
  int32_t kept = 0;
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    const std::string* replacement = folding_->Find(static_cast<char32_t>(c));
    if (replacement == nullptr) continue;
    flush(kept, start);
    out->text += *replacement;
    out->to_source.insert(out->to_source.end(), replacement->size(), nfkc_to_source[start]);
    kept = i;
  }
  flush(kept, length);
  out->to_source.push_back(static_cast<uint32_t>(text.size()));
  return Status::Ok();
}

std::string Normalizer::MatchingForm(std::string_view text) const {
  NormalizedText normalized;
  if (!Normalize(text, &normalized).ok()) return std::string(text);
  return std::move(normalized.text);
}

Span SourceSpan(const NormalizedText& normalized, uint32_t norm_begin, uint32_t norm_end) {
  const std::vector<uint32_t>& map = normalized.to_source;
  Span span{map[norm_begin], map[norm_end]};
  if (norm_end > norm_begin) {
    // A span ending inside the expansion of one source character covers all of that character.
    uint32_t k = norm_end;
    while (k < normalized.text.size() && map[k] == map[norm_end - 1]) ++k;
    span.end = map[k];
  }
  return span;
}

}  // namespace isnad
