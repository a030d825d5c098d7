#include "isnad/ner/time_value.h"

#include <gtest/gtest.h>

namespace isnad {
namespace {

TEST(TimeValue, CalendarArithmetic) {
  CivilDate d;
  ASSERT_TRUE(ParseIsoDate("2021-02-26", &d));
  EXPECT_EQ(IsoWeekday(d), 5);  // Friday
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
  const CivilDate back = CivilFromDays(DaysFromCivil(d) - 60);
  EXPECT_EQ(FormatDate(back.year, back.month, back.day), "2020-12-28");
  EXPECT_FALSE(ParseIsoDate("2021-02-29", &d));
  EXPECT_FALSE(ParseIsoDate("2021-2-26", &d));
  EXPECT_EQ(DaysInMonth(2020, 2), 29);
  EXPECT_EQ(DaysInMonth(1900, 2), 28);
  EXPECT_EQ(DaysInMonth(0, 2), 29);  // unknown year
}

TEST(TimeValue, Formats) {
  EXPECT_EQ(FormatDate(0, 2, 26), "XXXX-02-26");
  EXPECT_EQ(FormatDate(2021, 2, 0), "2021-02");
  EXPECT_EQ(FormatDate(632, 0, 0), "0632");
  EXPECT_EQ(FormatDuration(2, TimeUnit::kDay), "P2D");
  EXPECT_EQ(FormatDuration(48, TimeUnit::kHour), "PT48H");
  EXPECT_EQ(FormatDuration(30, TimeUnit::kMinute), "PT30M");
  EXPECT_EQ(FormatDuration(3, TimeUnit::kMonth), "P3M");
  EXPECT_EQ(FormatDuration(kUnknownCount, TimeUnit::kWeek), "PXW");
}

TEST(TimeValue, ResolvesAgainstTheDocumentDate) {
  const TimeResolver r("2021-01-01");  // a Friday in ISO week 2020-W53
  EXPECT_TRUE(r.has_document_date());
  EXPECT_EQ(r.DayOffset(-1), "2020-12-31");
  EXPECT_EQ(r.CalendarUnit(TimeUnit::kWeek, 0), "2020-W53");
  EXPECT_EQ(r.CalendarUnit(TimeUnit::kWeek, 1), "2021-W01");
  EXPECT_EQ(r.CalendarUnit(TimeUnit::kMonth, -1), "2020-12");
  EXPECT_EQ(r.CalendarUnit(TimeUnit::kYear, -1), "2020");
  EXPECT_EQ(r.Weekday(5, WeekdayPlacement::kOnOrBefore), "2021-01-01");
  EXPECT_EQ(r.Weekday(5, WeekdayPlacement::kBefore), "2020-12-25");
  EXPECT_EQ(r.Weekday(5, WeekdayPlacement::kAfter), "2021-01-08");
  EXPECT_EQ(r.Weekday(1, WeekdayPlacement::kOnOrBefore), "2020-12-28");
  EXPECT_EQ(r.MonthDay(12, 30, TimeModifier::kNone), "2020-12-30");
  EXPECT_EQ(r.MonthDay(1, 5, TimeModifier::kNone), "2021-01-05");
  EXPECT_EQ(r.MonthDay(1, 5, TimeModifier::kPast), "2020-01-05");
  EXPECT_EQ(r.MonthDay(12, 0, TimeModifier::kNext), "2021-12");
  EXPECT_EQ(r.MonthDay(2, 29, TimeModifier::kCurrent), "XXXX-02-29");  // 2021 has none
  EXPECT_EQ(r.DayOfRelativeMonth(-1, 3), "2020-12-03");
  EXPECT_EQ(r.Ago(2, TimeUnit::kMonth), "2020-11");
  EXPECT_EQ(r.Ago(3, TimeUnit::kHour), "DOC-PT3H");
  EXPECT_EQ(r.Interval(2, TimeUnit::kDay, false), "P2D/2021-01-01");
  EXPECT_EQ(r.Interval(kUnknownCount, TimeUnit::kDay, true), "2021-01-01/PXD");
}

TEST(TimeValue, StaysRelativeWithoutADocumentDate) {
  const TimeResolver r("");
  EXPECT_FALSE(r.has_document_date());
  EXPECT_EQ(r.DayOffset(0), "DOC");
  EXPECT_EQ(r.DayOffset(-1), "DOC-P1D");
  EXPECT_EQ(r.DayOffset(2), "DOC+P2D");
  EXPECT_EQ(r.CalendarUnit(TimeUnit::kMonth, -1), "DOC-P1M");
  EXPECT_EQ(r.CalendarUnit(TimeUnit::kYear, 0), "DOC+P0Y");
  EXPECT_EQ(r.Weekday(3, WeekdayPlacement::kOnOrBefore), "DOC-WED");
  EXPECT_EQ(r.Weekday(3, WeekdayPlacement::kAfter), "DOC+WED");
  EXPECT_EQ(r.MonthDay(2, 26, TimeModifier::kPast), "XXXX-02-26");
  EXPECT_EQ(r.DayOfRelativeMonth(-1, 1), "DOC-P1M-01");
  EXPECT_EQ(r.Ago(3, TimeUnit::kDay), "DOC-P3D");
  EXPECT_EQ(r.Interval(2, TimeUnit::kDay, false), "P2D/DOC");
  EXPECT_EQ(TimeResolver::Ref(1, TimeUnit::kDay, true), "REF+P1D");
  EXPECT_EQ(TimeResolver::Ref(0, TimeUnit::kDay, true), "REF");
  EXPECT_FALSE(TimeResolver("26/02/2021").has_document_date());
}

}  // namespace
}  // namespace isnad
