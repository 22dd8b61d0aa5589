// Data warnings: counted and listed, never dropped. Findings about a value
// (an unmapped category, an unknown origin…) are grouped per value (count,
// first row, the first rows listed), so a million-row file with one unmapped
// value gives one line, not thousands; findings about a row (a duplicate, an
// age out of range…) are one per row. Texts come from warning_texts.
#pragma once
#include <cstdint>
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ctreport::model {

// A notice is information for the team to verify (a value classified by its
// words): listed with the findings, never counted as a warning, never failing.
enum class Severity : uint8_t { warning, error, notice };

// A finding about the data: a warning (the report is produced, the finding
// is listed in it) or an error (the row cannot be used: no report).
struct Warning {
  Severity severity = Severity::warning;
  std::string code;     // stable: unmapped_value, unresolved_origin, invalid_birth_date, ...
  std::string column;   // header of the column concerned, or empty
  std::string value;    // the offending value when it is not personal data, else empty
  std::vector<std::pair<std::string, std::string>> params;  // the other values of the texts (never personal data)
  std::string message;   // English, self-contained, never holds personal data (see describe())
  std::string expected;  // English: what was expected instead
  std::string position;  // "row 17, column E" or "Séjours!E17"; empty when not tied to a cell
  std::string file;      // the file concerned when it is not the data file (a config file), else empty
  uint64_t row = 0;     // first row concerned (0 = not tied to a row)
  uint64_t line = 0;    // line of that row in a text file (differs from row after multi-line fields)
  uint64_t count = 1;   // rows concerned
  std::vector<uint64_t> rows;  // findings about a value: the first rows concerned (at most k_rows_listed)
  std::string group;    // groups warnings when set (e.g. the normalised value); else `value` does

  // The parameter `name`, or "" when there is none.
  const std::string& param(const std::string& name) const;
};

// How many rows a finding about a value lists (the count says how many there are).
inline constexpr size_t k_rows_listed = 20;

class WarningLog {
 public:
  // Adds a warning. Findings about a value (model::grouped_by_value) are
  // grouped with earlier ones of the same code, column and value; findings
  // about a row, and errors, are never grouped. Its row (and, when it stands
  // for several, as many rows not known) counts in rows_concerned().
  void add(Warning w);
  // The same, for a warning that stands for `rows` (its count; 0 = a row not known).
  void add(Warning w, const std::vector<uint64_t>& rows);
  void merge(const WarningLog& other);
  std::vector<Warning> list() const;  // in order of first occurrence
  uint64_t total() const;             // sum of the counts, all warnings
  // Distinct rows with at least one warning, plus one per warning (or row
  // not known) not tied to a row: quality.warning_count.
  uint64_t rows_concerned() const;
  bool empty() const { return m_order.empty(); }

 private:
  void group(Warning w);

  std::map<std::string, size_t> m_index;  // code|column|value -> position
  std::vector<Warning> m_order;
  std::vector<uint64_t> m_rows;  // rows concerned (repeats allowed)
  uint64_t m_unplaced = 0;       // warnings or rows not tied to a known row
};

}  // namespace ctreport::model
