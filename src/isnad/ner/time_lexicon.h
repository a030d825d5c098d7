// TimeLexicon: the words of the TIME grammar, read from lexicons/time.tsv (its header documents the
// classes, values and flags). Forms are in the matching form (text/normalizer.h); a form of several
// words matches over consecutive tokens. Read-only after Parse.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "isnad/status.h"
#include "isnad/text/flat_string_map.h"

namespace isnad {

enum class TimeClass : uint8_t {
  kArticle, kPunct, kWeekday, kMonth, kHijriMonth, kDayRel, kUnit, kNumber, kOrdinal, kModifier,
  kVague, kPartOfDay, kPartAdverb, kDayWord, kMonthWord, kYearWord, kEra, kAnchor, kApprox, kThis,
  kPeriod, kApposition, kClock, kOf, kNotTime,
};

enum class TimeUnit : uint8_t { kDay, kWeek, kMonth, kYear, kHour, kMinute };

enum class TimeModifier : uint8_t { kNone, kPast, kNext, kCurrent, kRefPast, kRefNext, kRefSame };

enum class PunctRole : uint8_t { kDateSep, kAlt, kAltOpen, kAltClose, kClockSep, kComma };

// Grammatical number of a unit word.
enum class UnitForm : uint8_t { kNone, kSingular, kPlural, kDual };

struct TimeEntry {
  TimeClass cls = TimeClass::kNotTime;
  std::vector<std::string> words;  // the form, one string per token
  // weekday 1-7 · month 1-12 · number (kUnknownCount for X) · ordinal · day_rel offset in days
  int number = 0;
  TimeUnit unit = TimeUnit::kDay;             // unit
  UnitForm form = UnitForm::kNone;            // unit
  TimeModifier modifier = TimeModifier::kNone;  // modifier
  PunctRole punct = PunctRole::kComma;        // punct
  bool ref = false;      // day_rel: relative to a date the text refers to, not the document date
  bool ago = false;      // anchor: "ago", inside the span
  bool hijri = false;    // era: AH
  bool context = false;  // the word is TIME only in context (see time.tsv)
  std::string part;      // part_of_day, part_adverb, day_rel: DN MO MI AF EV NI (empty: none)
};

constexpr int kUnknownCount = -1;  // "عدة أيام": an unspecified number (X in values)

class TimeLexicon {
 public:
  static Status Parse(std::string_view tsv, TimeLexicon* out);

  // Indices of the entries whose first word is `word` (nullptr when none), longest forms first.
  const std::vector<uint32_t>* Starting(std::string_view word) const;
  const TimeEntry& entry(uint32_t index) const { return entries_[index]; }
  // The first one-word entry of class `cls` whose form is `word`, or nullptr.
  const TimeEntry* Single(std::string_view word, TimeClass cls) const;
  // The definite article (class article), empty when the lexicon has none.
  const std::string& article() const { return article_; }
  int version() const { return version_; }

 private:
  std::vector<TimeEntry> entries_;
  FlatStringMap<std::vector<uint32_t>> by_first_word_;
  std::string article_;
  int version_ = 0;
};

}  // namespace isnad
