#include "isnad/text/transliterator.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

namespace isnad {

namespace {

bool HasArabic(const icu::UnicodeString& s) {
  for (int32_t i = 0; i < s.length();) {
    const UChar32 c = s.char32At(i);
    UErrorCode status = U_ZERO_ERROR;
    if (uscript_getScript(c, &status) == USCRIPT_ARABIC && u_isalpha(c)) return true;
    i += U16_LENGTH(c);
  }
  return false;
}

std::string CollapseSpaces(const std::string& in) {
  std::string out;
  out.reserve(in.size());
  bool space = false;
  for (char c : in) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

LatinTransliterator::~LatinTransliterator() = default;

Status LatinTransliterator::Create(std::unique_ptr<LatinTransliterator>* out) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> transform(icu::Transliterator::createInstance(
      icu::UnicodeString::fromUTF8(kTransformId), UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !transform) {
    return Internal(std::string("cannot open the ICU transliterator \"") + kTransformId + "\": " +
                    u_errorName(status));
  }
  std::unique_ptr<LatinTransliterator> t(new LatinTransliterator());
  t->transform_ = std::move(transform);
  *out = std::move(t);
  return Status::Ok();
}

std::string LatinTransliterator::ToLatin(std::string_view text) const {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (HasArabic(s)) transform_->transliterate(s);
  std::string utf8;
  s.toUTF8String(utf8);
  return CollapseSpaces(utf8);
}

}  // namespace isnad
