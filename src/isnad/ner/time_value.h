// TimeResolver: writes the `value` of TIME entities, resolved to ISO 8601 against the document date
// when there is one, else in the structured relative forms documented in time_grammar.h.
// Proleptic Gregorian calendar; Hijri dates are never converted.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "isnad/ner/time_lexicon.h"

namespace isnad {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
};

// "YYYY-MM-DD" with a real calendar day; false otherwise.
bool ParseIsoDate(std::string_view text, CivilDate* out);
int64_t DaysFromCivil(const CivilDate& date);  // days since 1970-01-01
CivilDate CivilFromDays(int64_t days);
int IsoWeekday(const CivilDate& date);  // 1 Monday … 7 Sunday
int DaysInMonth(int year, int month);   // year 0: a leap year (29 February allowed)
// "2021-02-26"; year 0 writes XXXX; month 0 writes the year alone; day 0 writes YYYY-MM.
std::string FormatDate(int year, int month, int day);
// "P2D", "P5Y", "PT48H", "PT30M"; count kUnknownCount writes X ("PXD").
std::string FormatDuration(int count, TimeUnit unit);

// How a weekday without a date is placed around the document date.
enum class WeekdayPlacement { kOnOrBefore, kBefore, kAfter };

class TimeResolver {
 public:
  // `document_date` is "YYYY-MM-DD" or empty (anything else is treated as empty).
  explicit TimeResolver(std::string_view document_date);
  bool has_document_date() const { return doc_.has_value(); }

  // The day `days` days from the document date: 2021-02-25 · DOC-P1D · DOC.
  std::string DayOffset(int days) const;
  // The calendar day, week, month or year `n` units from the document date's:
  // 2021-W07 · 2021-01 · 2021 · DOC-P1W · DOC+P0M. Hours and minutes give an interval (Interval).
  std::string CalendarUnit(TimeUnit unit, int n) const;
  // `count` units before the document date, at the unit's granularity: قبل ثلاثة أيام → DOC-P3D
  // → 2021-02-23; weeks → ISO week, months → YYYY-MM, years → YYYY. Unknown counts, hours and
  // minutes stay relative: DOC-PXD, DOC-PT3H.
  std::string Ago(int count, TimeUnit unit) const;
  // The `count` units up to the document date (P2D/DOC) or from it (DOC/P2D); DOC is replaced by
  // the date when there is one.
  std::string Interval(int count, TimeUnit unit, bool forward) const;
  // A weekday (1-7) placed around the document date: 2021-02-24 · DOC-WED · DOC+WED.
  std::string Weekday(int weekday, WeekdayPlacement placement) const;
  // A Gregorian month (day 0: the whole month) without a year, placed by `modifier`: past = the
  // latest before the document date, next = the first after, current = the document date's year,
  // none = the nearest. Without a document date: XXXX-02-26 · XXXX-02.
  std::string MonthDay(int month, int day, TimeModifier modifier) const;
  // Day `day` of the month `n` months from the document date's: 2021-01-01 · DOC-P1M-01.
  std::string DayOfRelativeMonth(int n, int day) const;

  // Relative to a date the text refers to (never resolved): REF · REF+P1D · REF-P2W.
  static std::string Ref(int count, TimeUnit unit, bool forward);

 private:
  std::string DocRelative(int n, TimeUnit unit) const;  // DOC · DOC-P1D · DOC+P0M
  std::optional<CivilDate> doc_;
};

}  // namespace isnad
