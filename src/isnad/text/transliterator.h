// LatinTransliterator: a Latin spelling (ASCII letters, plus ʿ and ʾ for ayn and hamza) of Arabic names for readers who do not read Arabic,
// through ICU's "Arabic-Latin; Latin-ASCII" transforms (both are in the wasm ICU data, see
// toolchain/icu-data/items.txt, so native and wasm give the same strings).
//
// Arabic script does not write short vowels, so this is a letter-by-letter transliteration
// (بغداد → bghdad, سليماني → slymany), not a conventional English spelling.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "isnad/status.h"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace isnad {

class LatinTransliterator {
 public:
  // The ICU transform chain used for every string.
  static constexpr const char* kTransformId = "Arabic-Latin; Latin-ASCII";

  static Status Create(std::unique_ptr<LatinTransliterator>* out);
  ~LatinTransliterator();

  // The Latin spelling of valid UTF-8 `text`, whitespace collapsed to single spaces and trimmed.
  // Text without Arabic letters comes back unchanged apart from that whitespace; an empty string
  // gives an empty string.
  std::string ToLatin(std::string_view text) const;

 private:
  LatinTransliterator() = default;
  std::unique_ptr<icu::Transliterator> transform_;
};

}  // namespace isnad
