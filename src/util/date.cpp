// Day numbers, month arithmetic and the tolerant date parser (no locale, no regex).
#include "util/date.hpp"

#include <chrono>
#include <fmt/format.h>

#include "util/text.hpp"

namespace ctreport::util {

namespace chr = std::chrono;

Day to_day(int year, unsigned month, unsigned day) {
  // H. Hinnant's days_from_civil (what std::chrono does, without its checks).
  int y = year - (month <= 2 ? 1 : 0);
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int m = static_cast<int>(month);
  int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + static_cast<int>(day) - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Ymd to_ymd(Day d) {
  chr::year_month_day ymd{chr::sys_days{chr::days{d}}};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
          static_cast<unsigned>(ymd.day())};
}

bool is_valid_date(int year, unsigned month, unsigned day) {
  if (year < 1 || year > 9999) return false;
  return (chr::year{year} / chr::month{month} / chr::day{day}).ok();
}

int days_in_month(int year, unsigned month) {
  static constexpr int k_days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : k_days[month - 1];
}

Day add_months(Day d, int months) {
  Ymd ymd = to_ymd(d);
  int total = ymd.year * 12 + static_cast<int>(ymd.month) - 1 + months;
  int y = total / 12;
  unsigned m = static_cast<unsigned>(total % 12) + 1;
  unsigned last = static_cast<unsigned>(days_in_month(y, m));
  return to_day(y, m, ymd.day < last ? ymd.day : last);
}

int months_to_reach(Day from, Day to) {
  Ymd a = to_ymd(from), b = to_ymd(to);
  // add_months(from, m) lies in the month m after from's, and grows with m: an
  // earlier month ends before `to`, so only the clamped day can push it one further.
  // add_months(from, months) is in to's month, on from's day clamped to the month's end.
  int months = (b.year - a.year) * 12 + static_cast<int>(b.month) - static_cast<int>(a.month);
  unsigned last = static_cast<unsigned>(days_in_month(b.year, b.month));
  return (a.day < last ? a.day : last) >= b.day ? months : months + 1;
}

std::string iso(Day d) {
  Ymd ymd = to_ymd(d);
  return fmt::format("{:04}-{:02}-{:02}", ymd.year, ymd.month, ymd.day);
}

namespace {

// Reads 1..max_digits digits; returns the number of digits read.
int read_number(std::string_view s, size_t& pos, int max_digits, int& value) {
  int n = 0;
  value = 0;
  while (pos < s.size() && n < max_digits && s[pos] >= '0' && s[pos] <= '9') {
    value = value * 10 + (s[pos] - '0');
    ++pos;
    ++n;
  }
  return n;
}

bool is_time_tail(std::string_view rest) {
  // Accept " 10:30", " 10:30:00", "T10:30:00", "T10:30:00Z", " 00:00:00.000", "+01:00".
  if (rest.empty()) return true;
  if (rest[0] != ' ' && rest[0] != 'T' && rest[0] != 't') return false;
  rest.remove_prefix(1);
  rest = trim(rest);
  for (char c : rest)
    if (!((c >= '0' && c <= '9') || c == ':' || c == '.' || c == 'Z' || c == '+' || c == '-' ||
          c == ' ' || c == 'h'))
      return false;
  return true;
}

}  // namespace

namespace {
inline bool digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

ParsedDate parse_date(std::string_view text, int pivot_year) {
  // Fast path: exactly dd/mm/yyyy, the form of almost every French export.
  if (text.size() == 10 && text[2] == '/' && text[5] == '/' && digit(text[0]) && digit(text[1]) && digit(text[3]) &&
      digit(text[4]) && digit(text[6]) && digit(text[7]) && digit(text[8]) && digit(text[9])) {
    int day = (text[0] - '0') * 10 + (text[1] - '0');
    int month = (text[3] - '0') * 10 + (text[4] - '0');
    int year = (text[6] - '0') * 1000 + (text[7] - '0') * 100 + (text[8] - '0') * 10 + (text[9] - '0');
    if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, static_cast<unsigned>(month)))
      return {DateParse::impossible, 0};
    return {DateParse::ok, to_day(year, static_cast<unsigned>(month), static_cast<unsigned>(day))};
  }
  std::string_view s = trim(text);
  if (s.empty()) return {DateParse::empty, 0};
  size_t pos = 0;
  int a = 0, b = 0, c = 0;
  int na = read_number(s, pos, 4, a);
  if (na == 0 || pos >= s.size()) return {DateParse::malformed, 0};
  char sep = s[pos];
  if (sep != '/' && sep != '-' && sep != '.') return {DateParse::malformed, 0};
  ++pos;
  int nb = read_number(s, pos, 2, b);
  if (nb == 0 || pos >= s.size() || s[pos] != sep) return {DateParse::malformed, 0};
  ++pos;
  int nc = read_number(s, pos, 4, c);
  if (nc == 0) return {DateParse::malformed, 0};
  if (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') return {DateParse::malformed, 0};
  if (!is_time_tail(s.substr(pos))) return {DateParse::malformed, 0};

  int year, month, day;
  if (na == 4) {  // yyyy-mm-dd
    if (nc > 2) return {DateParse::malformed, 0};
    year = a; month = b; day = c;
  } else {        // dd/mm/yyyy or dd/mm/yy
    if (na > 2 || (nc != 2 && nc != 4)) return {DateParse::malformed, 0};
    day = a; month = b;
    if (nc == 2) {
      year = 2000 + c;
      if (year > pivot_year) year -= 100;
    } else {
      year = c;
    }
  }
  if (year < 1800 || year > 2200) return {DateParse::impossible, 0};
  if (!is_valid_date(year, static_cast<unsigned>(month), static_cast<unsigned>(day)))
    return {DateParse::impossible, 0};
  return {DateParse::ok, to_day(year, static_cast<unsigned>(month), static_cast<unsigned>(day))};
}

}  // namespace ctreport::util
