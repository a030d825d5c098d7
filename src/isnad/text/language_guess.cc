#include "isnad/text/language_guess.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>

#include "isnad/text/lexicon_tsv.h"
#include "isnad/text/utf8.h"

namespace isnad {

Status LanguageGuesser::Parse(std::string_view tsv, LanguageGuesser* out) {
  LanguageGuesser guesser;
  Status s = ForEachLexiconRow("languages", tsv, &guesser.version_, [&](const LexiconRow& row) {
    if (row.columns.size() < 3 || row.columns[1].empty() || row.columns[2].empty()) {
      return InvalidArgument("expected code point, language, language name");
    }
    Marker m;
    Status st = ParseCodePointRange(row.columns[0], &m.first, &m.last);
    if (!st.ok()) return st;
    m.language = row.columns[1];
    if (std::find(guesser.languages_.begin(), guesser.languages_.end(), m.language) == guesser.languages_.end()) {
      guesser.languages_.push_back(m.language);
      guesser.names_.push_back(row.columns[2]);
    }
    guesser.markers_first_ = std::min(guesser.markers_first_, m.first);
    guesser.markers_last_ = std::max(guesser.markers_last_, m.last);
    guesser.markers_.push_back(std::move(m));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  *out = std::move(guesser);
  return Status::Ok();
}

const std::string& LanguageGuesser::Name(std::string_view code) const {
  static const std::string kNone;
  for (size_t l = 0; l < languages_.size(); ++l) {
    if (languages_[l] == code) return names_[l];
  }
  return kNone;
}

namespace {

}  // namespace

Language LanguageGuesser::Guess(std::string_view text) const {
  std::map<UScriptCode, int> letters_by_script;
  int arabic_letters = 0, latin_letters = 0;  // counted apart (most letters), then merged into the map
  std::vector<int> markers(languages_.size(), 0);
  int letters = 0;
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, length, c);
    const UScriptCode script = LetterScript(c);
    if (script == USCRIPT_INVALID_CODE) continue;
    ++letters;
    if (script == USCRIPT_ARABIC) {
      ++arabic_letters;
    } else if (script == USCRIPT_LATIN) {
      ++latin_letters;
    } else {
      ++letters_by_script[script];
    }
    if (static_cast<char32_t>(c) < markers_first_ || static_cast<char32_t>(c) > markers_last_) continue;
    for (const Marker& m : markers_) {
      if (static_cast<char32_t>(c) >= m.first && static_cast<char32_t>(c) <= m.last) {
        ++markers[std::find(languages_.begin(), languages_.end(), m.language) - languages_.begin()];
      }
    }
  }
  if (arabic_letters > 0) letters_by_script[USCRIPT_ARABIC] += arabic_letters;
  if (latin_letters > 0) letters_by_script[USCRIPT_LATIN] += latin_letters;
  Language out;
  if (letters == 0) {
    out.script = "Zyyy";
    out.code = "und";
    out.analyzed = true;  // nothing to analyze, nothing pretended
    return out;
  }
  auto dominant = std::max_element(letters_by_script.begin(), letters_by_script.end(),
                                   [](const auto& a, const auto& b) { return a.second < b.second; });
  out.script = uscript_getShortName(dominant->first);
  const int arabic = letters_by_script.count(USCRIPT_ARABIC) ? letters_by_script.at(USCRIPT_ARABIC) : 0;
  if (arabic < kMinArabicShare * letters) {
    out.code = "und";
    out.analyzed = false;
    return out;
  }
  out.script = "Arab";
  out.code = "ar";
  for (size_t l = 0; l < languages_.size(); ++l) {
    if (markers[l] >= kMinMarkers && markers[l] >= kMinMarkerShare * arabic) out.code = languages_[l];
  }
  out.analyzed = out.code == "ar";
  return out;
}

}  // namespace isnad
