// LanguageGuess: which script a text is written in and, for the Arabic script, whether it is
// Arabic or another language written in it (Persian, Urdu), from the letters of
// lexicons/languages.tsv. The engine analyzes Arabic only and says so for anything else.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "isnad/document.h"
#include "isnad/status.h"

namespace isnad {

class LanguageGuesser {
 public:
  static Status Parse(std::string_view tsv, LanguageGuesser* out);

  // The dominant script of the letters of `text` (ISO 15924: Arab, Latn, Cyrl, Hani, ...; Zyyy
  // when it has no letters) and the language: "ar", a language of the lexicon, or "und". A text
  // is analyzed when it is Arabic and at least kMinArabicShare of its letters are Arabic script
  // (mixed Arabic and English is analyzed), or when it has no letters at all.
  Language Guess(std::string_view utf8_text) const;

  // The English name of a language of the lexicon ("Persian"), or "" for any other code.
  const std::string& Name(std::string_view code) const;

  static constexpr double kMinArabicShare = 0.2;
  static constexpr double kMinMarkerShare = 0.01;
  static constexpr int kMinMarkers = 3;
  int version() const { return version_; }

 private:
  struct Marker {
    char32_t first;
    char32_t last;
    std::string language;
  };
  std::vector<Marker> markers_;
  char32_t markers_first_ = 0x10FFFF, markers_last_ = 0;  // the span of all marker ranges
  std::vector<std::string> languages_;  // in lexicon order, each once
  std::vector<std::string> names_;      // names_[i] names languages_[i]
  int version_ = 0;
};

}  // namespace isnad
