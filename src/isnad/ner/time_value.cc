#include "isnad/ner/time_value.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace isnad {
namespace {

const char* const kWeekdayCodes[] = {"", "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};

const char* UnitDesignator(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kDay: return "D";
    case TimeUnit::kWeek: return "W";
    case TimeUnit::kMonth: return "M";
    case TimeUnit::kYear: return "Y";
    case TimeUnit::kHour: return "H";
    case TimeUnit::kMinute: return "M";
  }
  return "";
}

bool IsClockUnit(TimeUnit unit) { return unit == TimeUnit::kHour || unit == TimeUnit::kMinute; }

std::string Signed(int n) { return n < 0 ? "-" : "+"; }

// The first day of the month `n` months from (year, month).
CivilDate AddMonths(int year, int month, int n) {
  int index = year * 12 + (month - 1) + n;
  return {index / 12, index % 12 + 1, 1};
}

std::string IsoWeek(const CivilDate& date) {
  // The ISO year is that of the Thursday of the date's week.
  const int64_t days = DaysFromCivil(date);
  const CivilDate thursday = CivilFromDays(days - IsoWeekday(date) + 4);
  const int64_t jan1 = DaysFromCivil({thursday.year, 1, 1});
  const int week = static_cast<int>((DaysFromCivil(thursday) - jan1) / 7) + 1;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", thursday.year, week);
  return buf;
}

}  // namespace

bool ParseIsoDate(std::string_view text, CivilDate* out) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  CivilDate d{std::atoi(std::string(text.substr(0, 4)).c_str()), std::atoi(std::string(text.substr(5, 2)).c_str()),
              std::atoi(std::string(text.substr(8, 2)).c_str())};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > DaysInMonth(d.year, d.month)) return false;
  *out = d;
  return true;
}

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t DaysFromCivil(const CivilDate& date) {
  const int64_t y = date.year - (date.month <= 2);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (month <= 2)), month, day};
}

int IsoWeekday(const CivilDate& date) {
  const int64_t days = DaysFromCivil(date);  // 1970-01-01 was a Thursday (4)
  return static_cast<int>(((days + 3) % 7 + 7) % 7) + 1;
}

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month != 2) return kDays[month - 1];
  const bool leap = year == 0 || (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0));
  return leap ? 29 : 28;
}

std::string FormatDate(int year, int month, int day) {
  char buf[32];
  std::string y = "XXXX";
  if (year > 0) {
    std::snprintf(buf, sizeof buf, "%04d", year);
    y = buf;
  }
  if (month == 0) return y;
  if (day == 0) {
    std::snprintf(buf, sizeof buf, "%s-%02d", y.c_str(), month);
  } else {
    std::snprintf(buf, sizeof buf, "%s-%02d-%02d", y.c_str(), month, day);
  }
  return buf;
}

std::string FormatDuration(int count, TimeUnit unit) {
  const std::string n = count == kUnknownCount ? "X" : std::to_string(count);
  if (unit == TimeUnit::kWeek || unit == TimeUnit::kDay || unit == TimeUnit::kMonth || unit == TimeUnit::kYear) {
    return "P" + n + UnitDesignator(unit);
  }
  return "PT" + n + UnitDesignator(unit);
}

TimeResolver::TimeResolver(std::string_view document_date) {
  CivilDate d;
  if (ParseIsoDate(document_date, &d)) doc_ = d;
}

std::string TimeResolver::DocRelative(int n, TimeUnit unit) const {
  if (n == 0 && unit == TimeUnit::kDay) return "DOC";
  return "DOC" + Signed(n) + FormatDuration(std::abs(n), unit);
}

std::string TimeResolver::DayOffset(int days) const {
  if (!doc_) return DocRelative(days, TimeUnit::kDay);
  const CivilDate d = CivilFromDays(DaysFromCivil(*doc_) + days);
  return FormatDate(d.year, d.month, d.day);
}

std::string TimeResolver::CalendarUnit(TimeUnit unit, int n) const {
  if (IsClockUnit(unit)) return Interval(std::abs(n), unit, n > 0);
  if (unit == TimeUnit::kDay) return DayOffset(n);
  if (!doc_) return DocRelative(n, unit);
  switch (unit) {
    case TimeUnit::kWeek: return IsoWeek(CivilFromDays(DaysFromCivil(*doc_) + 7 * n));
    case TimeUnit::kMonth: {
      const CivilDate m = AddMonths(doc_->year, doc_->month, n);
      return FormatDate(m.year, m.month, 0);
    }
    default: return FormatDate(doc_->year + n, 0, 0);
  }
}

std::string TimeResolver::Ago(int count, TimeUnit unit) const {
  if (count == kUnknownCount || IsClockUnit(unit) || !doc_) {
    return "DOC-" + FormatDuration(count, unit);
  }
  return CalendarUnit(unit, -count);
}

std::string TimeResolver::Interval(int count, TimeUnit unit, bool forward) const {
  const std::string anchor = doc_ ? FormatDate(doc_->year, doc_->month, doc_->day) : "DOC";
  const std::string duration = FormatDuration(count, unit);
  return forward ? anchor + "/" + duration : duration + "/" + anchor;
}

std::string TimeResolver::Weekday(int weekday, WeekdayPlacement placement) const {
  if (!doc_) {
    return std::string(placement == WeekdayPlacement::kAfter ? "DOC+" : "DOC-") + kWeekdayCodes[weekday];
  }
  const int64_t days = DaysFromCivil(*doc_);
  const int today = IsoWeekday(*doc_);
  int64_t target;
  if (placement == WeekdayPlacement::kAfter) {
    int ahead = (weekday - today + 7) % 7;
    target = days + (ahead == 0 ? 7 : ahead);
  } else {
    int back = (today - weekday + 7) % 7;
    if (back == 0 && placement == WeekdayPlacement::kBefore) back = 7;
    target = days - back;
  }
  const CivilDate d = CivilFromDays(target);
  return FormatDate(d.year, d.month, d.day);
}

std::string TimeResolver::MonthDay(int month, int day, TimeModifier modifier) const {
  if (!doc_) return FormatDate(0, month, day);
  // Compare (month, day) keys; a month alone compares by month.
  const int doc_key = day == 0 ? doc_->month * 32 : doc_->month * 32 + doc_->day;
  const int key = month * 32 + day;
  int year = doc_->year;
  switch (modifier) {
    case TimeModifier::kPast:
      if (key >= doc_key) --year;
      break;
    case TimeModifier::kNext:
      if (key <= doc_key) ++year;
      break;
    case TimeModifier::kCurrent:
      break;
    default: {
      // The nearest occurrence; a tie goes to the past.
      const int64_t ref = DaysFromCivil(*doc_);
      int64_t best = -1;
      for (int y : {doc_->year - 1, doc_->year, doc_->year + 1}) {
        const int d = day == 0 ? 15 : std::min(day, DaysInMonth(y, month));
        const int64_t distance = std::llabs(DaysFromCivil({y, month, d}) - ref);
        if (best < 0 || distance < best) {
          best = distance;
          year = y;
        }
      }
    }
  }
  if (day > DaysInMonth(year, month)) return FormatDate(0, month, day);  // 29 February of a common year
  return FormatDate(year, month, day);
}

std::string TimeResolver::DayOfRelativeMonth(int n, int day) const {
  char buf[8];
  std::snprintf(buf, sizeof buf, "-%02d", day);
  if (!doc_) return DocRelative(n, TimeUnit::kMonth) + buf;
  const CivilDate m = AddMonths(doc_->year, doc_->month, n);
  if (day > DaysInMonth(m.year, m.month)) return DocRelative(n, TimeUnit::kMonth) + buf;
  return FormatDate(m.year, m.month, day);
}

std::string TimeResolver::Ref(int count, TimeUnit unit, bool forward) {
  if (count == 0) return "REF";
  return std::string("REF") + (forward ? "+" : "-") + FormatDuration(count, unit);
}

}  // namespace isnad
