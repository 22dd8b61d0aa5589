// French and English number and date formatting, without the C locale.
#include "render/number_format.hpp"

#include <array>
#include <cmath>

#include <fmt/format.h>

namespace ctreport::render {

namespace {
constexpr std::array<std::string_view, 12> k_mois = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                                     "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
constexpr std::array<std::string_view, 12> k_months = {"January", "February", "March",     "April",   "May",      "June",
                                                       "July",    "August",   "September", "October", "November", "December"};

std::string group_digits(std::string digits, const std::string& sep) {
  std::string out;
  size_t n = digits.size();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += sep;
    out += digits[i];
  }
  return out;
}
}  // namespace

NumberFormat NumberFormat::for_lang(std::string_view lang) {
  if (lang == "en") return {",", ".", "", false};
  return {"\u202F", ",", "\u00A0", true};
}

std::string NumberFormat::integer(int64_t v) const {
  std::string sign = v < 0 ? "-" : "";
  uint64_t a = v < 0 ? static_cast<uint64_t>(-(v + 1)) + 1 : static_cast<uint64_t>(v);
  return sign + group_digits(fmt::format("{}", a), thousands);
}

std::string NumberFormat::decimal_places(double v, int places) const {
  std::string s = fmt::format("{:.{}f}", std::fabs(v), places);
  if (s.find_first_not_of("0.") == std::string::npos) v = 0;  // no "-0,0"
  auto dot = s.find('.');
  std::string int_part = dot == std::string::npos ? s : s.substr(0, dot);
  std::string out = v < 0 ? "-" : "";
  out += group_digits(int_part, thousands);
  if (dot != std::string::npos) out += decimal + s.substr(dot + 1);
  return out;
}

std::string NumberFormat::number(std::optional<double> v, int places) const {
  return v ? decimal_places(*v, places) : "–";
}

std::string NumberFormat::percent(std::optional<double> share) const {
  if (!share) return "–";
  double pct = *share * 100.0;
  long rounded = whole_percent(*share);
  // A locale rule, not a text: French typography puts a no-break space after "<".
  if (rounded == 0 && pct > 0) return fmt::format("<{}1{}%", french ? "\u00A0" : " ", percent_space);
  return fmt::format("{}{}%", rounded, percent_space);
}

long NumberFormat::whole_percent(double share) const { return std::lround(share * 100.0); }

std::string NumberFormat::date(util::Day d) const {
  auto ymd = util::to_ymd(d);
  if (french)
    return fmt::format("{}{} {} {}", ymd.day, ymd.day == 1 ? "er" : "", k_mois[ymd.month - 1], ymd.year);
  return fmt::format("{} {} {}", ymd.day, k_months[ymd.month - 1], ymd.year);
}

std::string NumberFormat::month(int year, unsigned m) const {
  // The month names are the locale's, like the separators (k_mois, k_months above).
  return fmt::format("{} {}", french ? k_mois[m - 1] : k_months[m - 1], year);
}

std::string NumberFormat::prose(std::string_view text) const {
  if (!french) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    const bool after_word = i + 2 >= text.size() || text[i + 2] == ' ' || text[i + 2] == '\n';
    if (text[i] == ' ' && next == ':' && after_word) {
      out += "\u00A0";
    } else if (text[i] == ' ' && (next == ';' || next == '!' || next == '?') && after_word) {
      out += "\u202F";
    } else if (text.substr(i, 3) == "\u00AB " ) {  // "« "
      out += "\u00AB\u00A0";
      i += 2;
    } else if (text.substr(i, 3) == " \u00BB") {  // " »"
      out += "\u00A0\u00BB";
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace ctreport::render
