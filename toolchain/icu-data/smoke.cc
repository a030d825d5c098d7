// Smoke test for Isnad's ICU build: exercises exactly the ICU services the engine relies on, prints
// the results, and exits non-zero if any check fails. toolchain/build-icu-wasm.sh builds it twice,
// with em++ against the wasm ICU + trimmed data and with g++ against the system ICU, and requires
// both outputs to be byte-identical.
//
// Break iterators are opened for Locale("ar"): there is no Arabic-specific break data, so ICU
// falls back (U_USING_DEFAULT_WARNING, which is not a failure). The same boundaries must come out
// of the root locale.
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uclean.h>
#include <unicode/unistr.h>
#include <unicode/uversion.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

using icu::BreakIterator;
using icu::Locale;
using icu::UnicodeString;

namespace {

int failures = 0;

std::string utf8(const UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::string hex(const UnicodeString& s) {
  std::string out;
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    i += U16_LENGTH(c);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%sU+%04X", out.empty() ? "" : " ", static_cast<unsigned>(c));
    out += buf;
  }
  return out;
}

void check(bool ok, const std::string& what) {
  std::printf("%s: %s\n", ok ? "ok" : "FAIL", what.c_str());
  if (!ok) ++failures;
}

bool status_ok(UErrorCode status, const std::string& what) {
  if (U_FAILURE(status)) {
    check(false, what + ": " + u_errorName(status));
    return false;
  }
  return true;
}

// Segments: [start, end) pieces between consecutive boundaries.
std::vector<UnicodeString> segments(BreakIterator& it, const UnicodeString& text, bool wordsOnly) {
  std::vector<UnicodeString> out;
  it.setText(text);
  int32_t start = it.first();
  for (int32_t end = it.next(); end != BreakIterator::DONE; start = end, end = it.next()) {
    if (wordsOnly && it.getRuleStatus() == UBRK_WORD_NONE) continue;
    out.push_back(UnicodeString(text, start, end - start));
  }
  return out;
}

std::string join(const std::vector<UnicodeString>& v) {
  std::string out;
  for (const UnicodeString& s : v) out += (out.empty() ? "[" : "|[") + utf8(s) + "]";
  return out;
}

}  // namespace

int main() {
  std::printf("ICU %s\n", U_ICU_VERSION);

  // 1. NFKC: U+FEFB (ARABIC LIGATURE LAM WITH ALEF ISOLATED FORM) -> U+0644 U+0627.
  {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (status_ok(status, "Normalizer2::getNFKCInstance")) {
      UnicodeString out = nfkc->normalize(UnicodeString(static_cast<UChar32>(0xFEFB)), status);
      if (status_ok(status, "NFKC normalize")) {
        std::printf("nfkc(U+FEFB) = %s\n", hex(out).c_str());
        check(out == UnicodeString(u"\u0644\u0627"), "NFKC(U+FEFB) == U+0644 U+0627");
      }
    }
  }

  const UnicodeString text = UnicodeString::fromUTF8("ذهب الولد، إلى المدرسة؟ نعم.");

  // 2. Words.
  {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<BreakIterator> ar(BreakIterator::createWordInstance(Locale("ar"), status));
    std::printf("createWordInstance(ar) status: %s\n", U_FAILURE(status) ? "failure" : "success");
    if (status_ok(status, "createWordInstance(ar)")) {
      std::vector<UnicodeString> words = segments(*ar, text, true);
      std::printf("words: %s\n", join(words).c_str());
      std::vector<UnicodeString> expected;
      for (const char* w : {"ذهب", "الولد", "إلى", "المدرسة", "نعم"})
        expected.push_back(UnicodeString::fromUTF8(w));
      check(words == expected, "word iterator finds the 5 words");
      std::printf("word segments: %s\n", join(segments(*ar, text, false)).c_str());

      status = U_ZERO_ERROR;
      std::unique_ptr<BreakIterator> root(
          BreakIterator::createWordInstance(Locale::getRoot(), status));
      if (status_ok(status, "createWordInstance(root)"))
        check(segments(*root, text, false) == segments(*ar, text, false),
              "word boundaries for ar == root");
    }
  }

  // 3. Sentences: a break after "؟ ", none after "،".
  {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<BreakIterator> it(BreakIterator::createSentenceInstance(Locale("ar"), status));
    if (status_ok(status, "createSentenceInstance(ar)")) {
      std::vector<UnicodeString> sentences = segments(*it, text, false);
      std::printf("sentences: %s\n", join(sentences).c_str());
      check(sentences.size() == 2 &&
                sentences[0] == UnicodeString::fromUTF8("ذهب الولد، إلى المدرسة؟ ") &&
                sentences[1] == UnicodeString::fromUTF8("نعم."),
            "sentence iterator breaks after '؟ ' only");
    }
  }

  // 4. Transliteration.
  {
    const UnicodeString name = UnicodeString::fromUTF8("قاسم سليماني");
    for (const char* id : {"Arabic-Latin", "Latin-ASCII", "Arabic-Latin; Latin-ASCII"}) {
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
          UnicodeString(id, -1, US_INV), UTRANS_FORWARD, status));
      if (!status_ok(status, std::string("Transliterator::createInstance(") + id + ")")) continue;
      UnicodeString in = std::string(id) == "Latin-ASCII"
                             ? UnicodeString::fromUTF8("Ḥadīth ʿAlī — «Ṣaḥīḥ»")
                             : name;
      UnicodeString out = in;
      t->transliterate(out);
      std::printf("%s(%s) = %s\n", id, utf8(in).c_str(), utf8(out).c_str());
      check(out != in && !out.isEmpty(), std::string(id) + " transliterates");
    }
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Arabic-Latin", UTRANS_FORWARD, status));
    if (status_ok(status, "createInstance(Arabic-Latin) again")) {
      UnicodeString out = text;
      t->transliterate(out);
      std::printf("Arabic-Latin(text) = %s\n", utf8(out).c_str());
    }
  }

  std::printf("%s\n", failures == 0 ? "smoke: all checks passed" : "smoke: FAILED");
  u_cleanup();
  return failures == 0 ? 0 : 1;
}
