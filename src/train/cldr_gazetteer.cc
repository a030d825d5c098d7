#include "train/cldr_gazetteer.h"

#include <unicode/brkiter.h>
#include <unicode/locdspnm.h>
#include <unicode/locid.h>
#include <unicode/region.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/uchar.h>
#include <unicode/ures.h>
#include <unicode/uscript.h>

#include <memory>
#include <set>

namespace isnad {
namespace {

std::string Utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

bool IsArabicLetter(UChar32 c) {
  UErrorCode error = U_ZERO_ERROR;
  return u_isalpha(c) && uscript_getScript(c, &error) == USCRIPT_ARABIC && U_SUCCESS(error);
}

// The text before the first comma (Arabic or Latin), without parenthesized parts.
icu::UnicodeString NamePart(const icu::UnicodeString& display) {
  icu::UnicodeString out;
  int depth = 0;
  for (int32_t i = 0; i < display.length(); ++i) {
    const char16_t c = display[i];
    if (c == u'\u060C' || c == u',') break;
    if (c == u'(') ++depth;
    else if (c == u')') depth = depth > 0 ? depth - 1 : 0;
    else if (depth == 0) out += c;
  }
  return out;
}

class NameMaker {
 public:
  Status Init(const Normalizer* normalizer) {
    normalizer_ = normalizer;
    UErrorCode error = U_ZERO_ERROR;
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale("ar"), error));
    if (U_FAILURE(error)) return Internal(std::string("ICU word break iterator: ") + u_errorName(error));
    return Status::Ok();
  }

  std::string Make(const icu::UnicodeString& display) {
    const icu::UnicodeString text = NamePart(display);
    bool arabic = false;
    std::string name;
    words_->setText(text);
    for (int32_t begin = words_->first(), end = words_->next(); end != icu::BreakIterator::DONE;
         begin = end, end = words_->next()) {
      bool blank = true;
      for (int32_t i = begin; i < end;) {
        const UChar32 c = text.char32At(i);
        if (!u_isUWhiteSpace(c) && !u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) blank = false;
        arabic = arabic || IsArabicLetter(c);
        i += U16_LENGTH(c);
      }
      if (blank) continue;
      const std::string word = normalizer_->MatchingForm(Utf8(text.tempSubStringBetween(begin, end)));
      if (word.empty()) continue;
      if (!name.empty()) name += ' ';
      name += word;
    }
    words_->setText(icu::UnicodeString());
    return arabic ? name : std::string();
  }

 private:
  const Normalizer* normalizer_ = nullptr;
  std::unique_ptr<icu::BreakIterator> words_;
};

class Adder {
 public:
  Adder(NameMaker* maker, Gazetteer* out) : maker_(maker), out_(out) {}
  Status Add(const icu::UnicodeString& display, const char* category, CldrSourceCount* count) {
    ++count->display_names;
    const std::string name = maker_->Make(display);
    if (name.empty()) {
      ++count->skipped;
      return Status::Ok();
    }
    const size_t before = out_->size();
    Status s = out_->Add(name, category);
    if (!s.ok()) return Internal("CLDR name '" + Utf8(display) + "': " + s.message());
    count->added += static_cast<int>(out_->size() - before);
    return Status::Ok();
  }

 private:
  NameMaker* maker_;
  Gazetteer* out_;
};

const char* CountryCategory(std::string_view code) { return code == "AQ" ? "LOC" : "GPE"; }

Status AddCountries(Adder* adder, CldrNameCounts* counts) {
  const icu::Locale ar("ar");
  std::set<std::string> codes;
  for (const char* const* c = icu::Locale::getISOCountries(); *c != nullptr; ++c) codes.insert(*c);
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> territories(icu::Region::getAvailable(URGN_TERRITORY, error));
  if (U_FAILURE(error)) return Internal(std::string("ICU Region::getAvailable: ") + u_errorName(error));
  for (const char* code; (code = territories->next(nullptr, error)) != nullptr;) codes.insert(code);
  if (codes.size() < 200) return Internal("ICU knows only " + std::to_string(codes.size()) + " territories");
  for (const std::string& code : codes) {
    icu::UnicodeString display;
    icu::Locale("und", code.c_str()).getDisplayCountry(ar, display);
    if (display == icu::UnicodeString(code.c_str(), -1, US_INV)) {  // no Arabic name: ICU echoes the code
      ++counts->countries.display_names;
      ++counts->countries.skipped;
      continue;
    }
    Status s = adder->Add(display, CountryCategory(code), &counts->countries);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status AddCountryAlternates(Adder* adder, CldrNameCounts* counts) {
  UErrorCode error = U_ZERO_ERROR;
  UResourceBundle* bundle = ures_open(U_ICUDATA_NAME "-region", "ar", &error);
  if (U_FAILURE(error)) {
    ures_close(bundle);
    return Internal(std::string("ICU region names for ar: ") + u_errorName(error));
  }
  Status s;
  for (const char* table : {"Countries%short", "Countries%variant"}) {
    UErrorCode table_error = U_ZERO_ERROR;
    UResourceBundle* names = ures_getByKey(bundle, table, nullptr, &table_error);
    while (U_SUCCESS(table_error) && s.ok() && ures_hasNext(names)) {
      const char* code = nullptr;
      int32_t length = 0;
      const UChar* value = ures_getNextString(names, &length, &code, &table_error);
      if (U_SUCCESS(table_error)) {
        s = adder->Add(icu::UnicodeString(value, length), CountryCategory(code), &counts->alternates);
      }
    }
    ures_close(names);
  }
  ures_close(bundle);
  return s;
}

Status AddRegions(Adder* adder, CldrNameCounts* counts) {
  std::unique_ptr<icu::LocaleDisplayNames> display(icu::LocaleDisplayNames::createInstance(icu::Locale("ar")));
  if (!display) return Internal("ICU LocaleDisplayNames for ar");
  for (URegionType type : {URGN_CONTINENT, URGN_SUBCONTINENT, URGN_GROUPING}) {
    UErrorCode error = U_ZERO_ERROR;
    std::unique_ptr<icu::StringEnumeration> codes(icu::Region::getAvailable(type, error));
    if (U_FAILURE(error)) return Internal(std::string("ICU Region::getAvailable: ") + u_errorName(error));
    for (const char* code; (code = codes->next(nullptr, error)) != nullptr;) {
      const bool numeric = code[0] >= '0' && code[0] <= '9';
      if (type == URGN_GROUPING && !numeric) continue;  // EU, EZ, UN: not places
      icu::UnicodeString name;
      display->regionDisplayName(code, name);
      Status s = adder->Add(name, "LOC", &counts->regions);
      if (!s.ok()) return s;
    }
  }
  return Status::Ok();
}

Status AddExemplarCities(Adder* adder, CldrNameCounts* counts) {
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<icu::TimeZoneNames> names(icu::TimeZoneNames::createInstance(icu::Locale("ar"), error));
  if (U_FAILURE(error)) return Internal(std::string("ICU TimeZoneNames for ar: ") + u_errorName(error));
  std::unique_ptr<icu::StringEnumeration> ids(
      icu::TimeZone::createTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, error));
  if (U_FAILURE(error)) return Internal(std::string("ICU time zone ids: ") + u_errorName(error));
  for (const icu::UnicodeString* id; (id = ids->snext(error)) != nullptr;) {
    if (id->startsWith(u"Antarctica/")) continue;
    icu::UnicodeString city;
    names->getExemplarLocationName(*id, city);
    Status s = adder->Add(city, "GPE", &counts->cities);
    if (!s.ok()) return s;
  }
  if (U_FAILURE(error)) return Internal(std::string("ICU time zone ids: ") + u_errorName(error));
  return Status::Ok();
}

}  // namespace

Status DisplayNameToGazetteerName(std::string_view display_name, const Normalizer& normalizer, std::string* out) {
  NameMaker maker;
  Status s = maker.Init(&normalizer);
  if (!s.ok()) return s;
  *out = maker.Make(icu::UnicodeString::fromUTF8(icu::StringPiece(display_name.data(),
                                                                  static_cast<int32_t>(display_name.size()))));
  return Status::Ok();
}

Status AddCldrNames(const Normalizer& normalizer, Gazetteer* out, CldrNameCounts* counts) {
  CldrNameCounts local;
  if (counts == nullptr) counts = &local;
  *counts = CldrNameCounts();
  NameMaker maker;
  Status s = maker.Init(&normalizer);
  if (!s.ok()) return s;
  Adder adder(&maker, out);
  s = AddCountries(&adder, counts);
  if (s.ok()) s = AddCountryAlternates(&adder, counts);
  if (s.ok()) s = AddRegions(&adder, counts);
  if (s.ok()) s = AddExemplarCities(&adder, counts);
  return s;
}

}  // namespace isnad
