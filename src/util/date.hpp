// Calendar dates as day numbers (days since 1970-01-01), the parser for the
// date forms found in French exports, and calendar-month arithmetic.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ctreport::util {

using Day = int32_t;  // days since 1970-01-01

struct Ymd {
  int year;
  unsigned month;  // 1..12
  unsigned day;    // 1..31
};

Day to_day(int year, unsigned month, unsigned day);  // the date must be valid
Ymd to_ymd(Day d);
bool is_valid_date(int year, unsigned month, unsigned day);
int days_in_month(int year, unsigned month);

// d + n calendar months, clamped to the end of the month (31 Jan + 1 month = 28/29 Feb).
Day add_months(Day d, int months);

// The fewest calendar months m >= 0 with to <= add_months(from, m), for from <= to.
// So to <= add_months(from, k) exactly when k >= months_to_reach(from, to): one
// computation per stay answers every "within k months" question.
int months_to_reach(Day from, Day to);

std::string iso(Day d);  // "2024-12-31"

enum class DateParse { ok, empty, malformed, impossible };

struct ParsedDate {
  DateParse status = DateParse::empty;
  Day day = 0;
};

// Accepts 31/12/2024, 31/12/24, 2024-12-31, 31.12.2024, 31-12-2024, 2024/12/31,
// each optionally followed by a time part (" 10:30", " 00:00:00", "T10:30:00").
// Two-digit years are 20yy when that is at most `pivot_year`, else 19yy (the
// caller picks the pivot: docs/figures.md, "Reading values").
// "impossible" is a well-formed but non-existent date such as 31/02/2024.
ParsedDate parse_date(std::string_view text, int pivot_year);

}  // namespace ctreport::util
