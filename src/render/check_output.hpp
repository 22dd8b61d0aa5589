// Output of `ctreport check`: the findings as text for people, as JSON
// (schema ctreport/check/v1) for tools, or as GitHub Actions annotations.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "model/warnings.hpp"

namespace ctreport::render {

struct CheckReport {
  std::string file;         // the data file as the user named it
  std::string period;       // "2024"
  bool strict = false;      // warnings fail too
  uint64_t rows_read = 0;
  std::vector<model::Warning> findings;  // errors first, then warnings, then notices, in row order
  std::vector<std::pair<std::string, std::string>> columns;  // header -> field name, the columns used
  std::vector<std::string> unused_columns;                   // headers of the columns not used
  uint64_t error_count = 0, warning_count = 0;  // rows concerned
  bool passed() const { return error_count == 0 && (!strict || warning_count == 0); }
};

// Text: one line per finding (at most k_text_findings_per_code per code, then
// "… and N more"), values' line breaks escaped, then the verdict line.
inline constexpr size_t k_text_findings_per_code = 20;
std::string check_text(const CheckReport& r);
std::string check_json(const CheckReport& r);
std::string check_github(const CheckReport& r);

}  // namespace ctreport::render
