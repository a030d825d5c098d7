// Place names in Arabic from the Unicode CLDR, read through the system ICU (native only: the wasm
// build carries no locale display data). Every name goes into the gazetteer in the matching form.
//
// Sources and the ICU calls that read them (all for Locale("ar")):
//   countries   Locale::getISOCountries(), plus the territories of
//               Region::getAvailable(URGN_TERRITORY) that ISO lacks (AC, CP, TA), each through
//               Locale("und", code).getDisplayCountry(Locale("ar"))                        -> "GPE"
//               except AQ (Antarctica), a continent without a government                   -> "LOC"
//   alternates  the short and variant country names (فلسطين, كوت ديفوار, جمهورية التشيك),
//               which no C++ display-name API returns: the resource tables
//               "Countries%short" and "Countries%variant" of the "ar" bundle of the region
//               tree (ures_open(U_ICUDATA_NAME "-region", "ar"), ures_getByKey)            -> "GPE"
//   regions     Region::getAvailable(URGN_CONTINENT), (URGN_SUBCONTINENT) and the numeric
//               (UN M.49) codes of (URGN_GROUPING), through
//               LocaleDisplayNames::createInstance(Locale("ar"))->regionDisplayName(code)
//               (e.g. آسيا, شمال أفريقيا, أمريكا اللاتينية). The world (001) and the lettered
//               groupings (EU, EZ, UN: organizations and a currency zone, not places) are left
//               out                                                                         -> "LOC"
//   cities      TimeZone::createTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION),
//               TimeZoneNames::createInstance(Locale("ar"))->getExemplarLocationName(id),
//               except the Antarctica/* zones (research stations, not cities)                -> "GPE"
//
// How a display name becomes gazetteer names (DisplayNameToGazetteerName): CLDR writes qualifiers
// after a comma (مدينة تل، إنديانا) or in parentheses (ميانمار (بورما), هونغ كونغ الصينية (منطقة
// إدارية خاصة)); only the text before the first comma and outside parentheses is the name. That
// text is split into tokens by ICU's word break iterator for Locale("ar") (the segmenter's), blank
// segments dropped, and each token put in the matching form, so that a name's words are the
// `Token::norm`s the analyzer gives the same text. A name with no Arabic letter is ICU's fallback
// to the zone id (Montreal) and is skipped. No form is invented: a name without the article
// is not given one (مصر, not المصر); clitics (بمصر, للعراق) are handled at match time.
#pragma once

#include <string>
#include <string_view>

#include "isnad/ner/gazetteer.h"
#include "isnad/status.h"
#include "isnad/text/normalizer.h"

namespace isnad {

struct CldrSourceCount {
  int display_names = 0;  // names ICU returned
  int added = 0;          // (name, category) entries new to the gazetteer
  int skipped = 0;        // display names left out (no Arabic letter, or nothing left)
};

struct CldrNameCounts {
  CldrSourceCount countries, alternates, regions, cities;
};

// Adds the four sources above to *out. Internal when ICU lacks the data (e.g. a build of ICU
// without the locale display names).
Status AddCldrNames(const Normalizer& normalizer, Gazetteer* out, CldrNameCounts* counts = nullptr);

// The gazetteer name of one display name as described above; "" when nothing is left. The model
// builder also reads the curated name lists (lexicons/gazetteer/, spelled as news writes them)
// through it, so every source's names are the analyzer's token norms.
Status DisplayNameToGazetteerName(std::string_view display_name, const Normalizer& normalizer, std::string* out);

}  // namespace isnad
