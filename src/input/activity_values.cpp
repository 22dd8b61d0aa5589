// Parsing the duration, start time, participants and identifiers of an
// activity log's cells: tolerant of the ways people type them, strict about
// anything else (the caller reports it as an error at its cell).
#include "input/activity_values.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

#include "util/text.hpp"

namespace ctreport::input {

namespace {

constexpr int k_max_duration_minutes = 7 * 24 * 60;

// A small scanner over lower-case ASCII text (units and numbers only).
struct Scanner {
  std::string_view s;
  size_t at = 0;
  void spaces() {
    while (at < s.size() && s[at] == ' ') ++at;
  }
  bool done() {
    spaces();
    return at == s.size();
  }
  // A number with an optional decimal part after ',' or '.'.
  std::optional<double> number() {
    spaces();
    size_t start = at;
    while (at < s.size() && std::isdigit(static_cast<unsigned char>(s[at]))) ++at;
    if (at == start) return std::nullopt;
    std::string text(s.substr(start, at - start));
    if (at + 1 < s.size() && (s[at] == ',' || s[at] == '.') && std::isdigit(static_cast<unsigned char>(s[at + 1]))) {
      text += '.';
      ++at;
      while (at < s.size() && std::isdigit(static_cast<unsigned char>(s[at]))) text += s[at++];
    }
    if (text.size() > 12) return std::nullopt;
    return std::stod(text);
  }
  // One of `words`, as a whole word.
  bool word(std::initializer_list<std::string_view> words) {
    spaces();
    for (auto w : words) {
      if (s.substr(at, w.size()) != w) continue;
      size_t end = at + w.size();
      if (end < s.size() && std::isalpha(static_cast<unsigned char>(s[end]))) continue;
      at = end;
      return true;
    }
    return false;
  }
};

bool whole(double v) { return std::floor(v) == v; }

// Whole minutes from a number of minutes read from text, or std::nullopt
// past a week (typed numbers may be huge: converted only once in range).
std::optional<int> minutes_in_range(double minutes) {
  if (!(minutes >= 0 && minutes <= k_max_duration_minutes)) return std::nullopt;
  return static_cast<int>(std::lround(minutes));
}

// Lower-case ASCII text, or empty when the value holds anything else.
std::string ascii_lower(std::string_view text) {
  std::string out;
  for (char c : util::trim(text)) {
    if (static_cast<unsigned char>(c) >= 0x80) return {};
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// "1h30", "1 h 30", "2h", "1,5 h", "1.5 heures", "1:30", "45", "90 min".
std::optional<int> duration_text(std::string_view text) {
  std::string lower = ascii_lower(text);
  Scanner sc{lower};
  auto first = sc.number();
  if (!first) return std::nullopt;
  if (sc.done()) return whole(*first) ? minutes_in_range(*first) : std::nullopt;
  if (sc.word({":"})) {
    auto minutes = sc.number();
    if (!whole(*first) || !minutes || !whole(*minutes) || *minutes >= 60) return std::nullopt;
    if (sc.word({":"}) && !sc.number()) return std::nullopt;  // 1:30:00, seconds ignored
    return sc.done() ? minutes_in_range(*first * 60 + *minutes) : std::nullopt;
  }
  if (sc.word({"minutes", "minute", "mins", "min", "mn", "m"}))
    return sc.done() && whole(*first) ? minutes_in_range(*first) : std::nullopt;
  if (!sc.word({"heures", "heure", "hours", "hour", "hrs", "hr", "h"})) return std::nullopt;
  if (sc.done()) return minutes_in_range(*first * 60);
  auto minutes = sc.number();
  if (!whole(*first) || !minutes || !whole(*minutes) || *minutes >= 60) return std::nullopt;
  sc.word({"minutes", "min", "mn"});
  return sc.done() ? minutes_in_range(*first * 60 + *minutes) : std::nullopt;
}

}  // namespace

std::optional<int> parse_duration(const Cell& cell) {
  std::optional<int> minutes;
  if (cell.type == CellType::number) {
    // A workbook time or duration cell ([h]:mm) is a fraction of a day.
    if (cell.number > 0 && cell.number < 1 && !whole(cell.number)) minutes = static_cast<int>(std::lround(cell.number * 1440));
    else if (whole(cell.number) && cell.number >= 0 && cell.number <= k_max_duration_minutes) minutes = static_cast<int>(cell.number);
  } else {
    minutes = duration_text(cell.text);
  }
  if (minutes && (*minutes < 0 || *minutes > k_max_duration_minutes)) return std::nullopt;
  return minutes;
}

std::optional<int> parse_start_time(const Cell& cell) {
  if (cell.type == CellType::number) {
    if (cell.number >= 0 && cell.number < 1) return static_cast<int>(std::lround(cell.number * 1440)) % 1440;
    return std::nullopt;
  }
  std::string lower = ascii_lower(cell.text);
  Scanner sc{lower};
  auto hours = sc.number();
  if (!hours || !whole(*hours) || *hours > 23) return std::nullopt;
  double minutes = 0;
  if (sc.word({":", "h"})) {
    if (!sc.done()) {
      auto m = sc.number();
      if (!m || !whole(*m) || *m >= 60) return std::nullopt;
      minutes = *m;
      if (sc.word({":"}) && !sc.number()) return std::nullopt;  // seconds ignored
    }
  } else {
    return std::nullopt;
  }
  return sc.done() ? std::optional<int>(static_cast<int>(*hours * 60 + minutes)) : std::nullopt;
}

std::optional<int> parse_participants(const Cell& cell) {
  if (cell.type == CellType::number) {
    if (whole(cell.number) && cell.number >= 0 && cell.number <= 100000) return static_cast<int>(cell.number);
    return std::nullopt;
  }
  std::string_view s = util::trim(cell.text);
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size() || v < 0 || v > 100000) return std::nullopt;
  return v;
}

void split_identifiers(std::string_view text, std::vector<std::string_view>& out) {
  out.clear();
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find_first_of(",;", start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view part = util::trim(text.substr(start, end - start));
    if (!part.empty()) out.push_back(part);
    start = end + 1;
  }
}

}  // namespace ctreport::input
