// FINESS number checks (the key digit is not checked: its rule differs between
// legal entities and establishments, and a wrong refusal would block a report).
#include "model/finess.hpp"

#include <fmt/format.h>

namespace ctreport::model {

namespace {
bool digit(char c) { return c >= '0' && c <= '9'; }

bool departement_prefix(const std::string& s) {
  if (s == "2A" || s == "2B" || s == "97") return true;
  if (!digit(s[0]) || !digit(s[1])) return false;
  int n = (s[0] - '0') * 10 + (s[1] - '0');
  return n >= 1 && n <= 95 && n != 20;
}
}  // namespace

std::optional<std::string> normalize_finess(std::string_view raw) {
  std::string s;
  for (char c : raw) {
    if (c == ' ' || c == '.') continue;
    s += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  if (s.size() != 9 || !departement_prefix(s.substr(0, 2))) return std::nullopt;
  for (size_t i = 2; i < s.size(); ++i)
    if (!digit(s[i])) return std::nullopt;
  return s;
}

std::string finess_error(std::string_view raw) {
  return fmt::format("'{}' is not a FINESS number (expected 9 characters: the département's two, 01 to 95, 2A or 2B "
                     "for Corsica, 97 overseas, then 7 digits, e.g. 420001234)",
                     raw);
}

}  // namespace ctreport::model
