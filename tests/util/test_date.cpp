// Tests of the date parser and calendar-month arithmetic.
#include <doctest/doctest.h>

#include "util/date.hpp"

using namespace ctreport::util;

TEST_SUITE("util::date") {

TEST_CASE("French export forms") {
  Day expected = to_day(2024, 12, 31);
  for (const char* s : {"31/12/2024", "31/12/24", "2024-12-31", "31.12.2024", "31-12-2024", "2024/12/31",
                        "31/12/2024 00:00:00", "31/12/2024 10:30", "2024-12-31T10:30:00", " 31/12/2024 "}) {
    CAPTURE(s);
    auto p = parse_date(s, 2025);
    CHECK(p.status == DateParse::ok);
    CHECK(p.day == expected);
  }
  CHECK(parse_date("1/2/2024", 2025).day == to_day(2024, 2, 1));
}

TEST_CASE("two-digit years pivot on the report year") {
  CHECK(to_ymd(parse_date("05/06/78", 2025).day).year == 1978);
  CHECK(to_ymd(parse_date("05/06/25", 2025).day).year == 2025);
  CHECK(to_ymd(parse_date("05/06/26", 2025).day).year == 1926);
}

TEST_CASE("empty, malformed and impossible dates") {
  CHECK(parse_date("", 2025).status == DateParse::empty);
  CHECK(parse_date("   ", 2025).status == DateParse::empty);
  CHECK(parse_date("31/02/2024", 2025).status == DateParse::impossible);
  CHECK(parse_date("29/02/2023", 2025).status == DateParse::impossible);
  CHECK(parse_date("29/02/2024", 2025).status == DateParse::ok);
  CHECK(parse_date("13/13/2024", 2025).status == DateParse::impossible);
  CHECK(parse_date("hier", 2025).status == DateParse::malformed);
  CHECK(parse_date("2024", 2025).status == DateParse::malformed);
  CHECK(parse_date("12/2024", 2025).status == DateParse::malformed);
  CHECK(parse_date("31/12/2024 midi", 2025).status == DateParse::malformed);
  CHECK(parse_date("31/12-2024", 2025).status == DateParse::malformed);
  CHECK(parse_date("31/12/20245", 2025).status == DateParse::malformed);
}

TEST_CASE("calendar months clamp to the end of the month") {
  CHECK(add_months(to_day(2024, 1, 31), 1) == to_day(2024, 2, 29));
  CHECK(add_months(to_day(2023, 1, 31), 1) == to_day(2023, 2, 28));
  CHECK(add_months(to_day(2024, 11, 30), 3) == to_day(2025, 2, 28));
  CHECK(add_months(to_day(2022, 1, 15), 24) == to_day(2024, 1, 15));
  CHECK(add_months(to_day(2024, 3, 31), -1) == to_day(2024, 2, 29));
}

TEST_CASE("months to reach a date: the least k with to <= add_months(from, k)") {
  CHECK(months_to_reach(to_day(2024, 1, 31), to_day(2024, 1, 31)) == 0);
  CHECK(months_to_reach(to_day(2024, 1, 31), to_day(2024, 2, 1)) == 1);
  CHECK(months_to_reach(to_day(2024, 1, 31), to_day(2024, 2, 29)) == 1);
  CHECK(months_to_reach(to_day(2024, 1, 31), to_day(2024, 3, 1)) == 2);
  CHECK(months_to_reach(to_day(2022, 1, 15), to_day(2024, 1, 15)) == 24);
  CHECK(months_to_reach(to_day(2022, 1, 15), to_day(2024, 1, 16)) == 25);
  // Against add_months itself, over every pair of days of two years and a half.
  for (Day from = to_day(2023, 1, 1); from <= to_day(2024, 6, 30); from += 3)
    for (Day to = from; to <= to_day(2025, 6, 30); ++to) {
      int k = months_to_reach(from, to);
      if (to > add_months(from, k) || (k > 0 && to <= add_months(from, k - 1))) {
        FAIL("from " << iso(from) << " to " << iso(to) << ": " << k);
      }
    }
}

TEST_CASE("ISO form and day numbers") {
  CHECK(to_day(1970, 1, 1) == 0);
  CHECK(iso(to_day(2024, 2, 29)) == "2024-02-29");
  auto ymd = to_ymd(to_day(2000, 2, 29));
  CHECK(ymd.year == 2000);
  CHECK(ymd.month == 2u);
  CHECK(ymd.day == 29u);
}

}  // TEST_SUITE
