// The raw-text checks of a config (size, UTF-8, nesting depth). The nesting
// scan follows YAML 1.2's structure closely enough to count levels: block
// levels by indentation and `- ` entries (8.2.1), flow levels by `[` `{` outside
// quoted scalars (7.4) and comments (6.6); it never decides what the text means.
#include "model/config_text.hpp"

#include <vector>

#include <fmt/format.h>

#include "util/text.hpp"

namespace ctreport::model {

namespace {

std::optional<ConfigTextProblem> check_utf8(std::string_view text) {
  size_t line = util::first_invalid_utf8_line(text);
  if (line == 0) return std::nullopt;
  return ConfigTextProblem{line, "not valid UTF-8 (a Latin-1 or Windows-1252 character?): save the file as UTF-8"};
}

// Counts nesting levels line by line; see the comment at the top.
class NestingScan {
 public:
  std::optional<ConfigTextProblem> run(std::string_view text) {
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      std::string_view l = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
      ++m_line;
      if (!scan_line(l)) return ConfigTextProblem{m_line, fmt::format("nested more than {} levels deep (lists and mappings in one another)", k_max_config_nesting)};
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
    return std::nullopt;
  }

 private:
  size_t depth() const { return m_block.size() + m_flow; }

  // False when the line nests too deep.
  bool scan_line(std::string_view l) {
    size_t i = 0;
    if (m_quote == 0 && m_flow == 0) {
      while (i < l.size() && l[i] == ' ') ++i;
      if (i == l.size() || l[i] == '#' || l[i] == '\r') return true;  // blank or comment line
      while (!m_block.empty() && m_block.back() > i) m_block.pop_back();
      if (m_block.empty() || m_block.back() < i) m_block.push_back(i);
      // "- - x", "? x": each indicator opens one more level.
      while (i < l.size() && (l[i] == '-' || l[i] == '?') && (i + 1 == l.size() || l[i + 1] == ' ')) {
        ++i;
        while (i < l.size() && l[i] == ' ') ++i;
        m_block.push_back(i);
        if (depth() > k_max_config_nesting) return false;
      }
      if (depth() > k_max_config_nesting) return false;
    }
    char previous = ' ';  // last character that is not a space; ' ' at the line's start
    for (; i < l.size(); ++i) {
      char c = l[i];
      if (m_quote != 0) {
        if (m_quote == '"' && c == '\\') ++i;
        else if (c == m_quote && m_quote == '\'' && i + 1 < l.size() && l[i + 1] == '\'') ++i;
        else if (c == m_quote) m_quote = 0;
        continue;
      }
      if (c == '#' && (i == 0 || l[i - 1] == ' ' || l[i - 1] == '\t')) break;
      // Quotes and brackets are indicators where a value starts; inside a flow
      // collection every bracket is one.
      bool value_start = (previous == ' ' || previous == ':' || previous == '-' || previous == '?' || previous == ',' ||
                          previous == '[' || previous == '{') &&
                         (i == 0 || l[i - 1] == ' ' || l[i - 1] == '\t' || l[i - 1] == '[' || l[i - 1] == '{' ||
                          l[i - 1] == ',');
      if ((c == '\'' || c == '"') && value_start) {
        m_quote = c;
      } else if ((c == '[' || c == '{') && (value_start || m_flow > 0)) {
        ++m_flow;
        if (depth() > k_max_config_nesting) return false;
      } else if ((c == ']' || c == '}') && m_flow > 0) {
        --m_flow;
      }
      if (c != ' ' && c != '\t') previous = c;
    }
    return true;
  }

  std::vector<size_t> m_block;  // indentation of each open block level
  size_t m_flow = 0;            // open flow collections
  char m_quote = 0;             // inside a quoted scalar: its quote
  size_t m_line = 0;
};

}  // namespace

std::optional<ConfigTextProblem> check_config_text(std::string_view text) {
  if (text.size() > k_max_config_bytes)
    return ConfigTextProblem{0, fmt::format("larger than {} MiB: not a config file", k_max_config_bytes >> 20)};
  if (auto p = check_utf8(text)) return p;
  return NestingScan().run(text);
}

}  // namespace ctreport::model
