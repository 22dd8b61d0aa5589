// Formats of the check findings.
#include "render/check_output.hpp"

#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "version.hpp"

namespace ctreport::render {

namespace {

const char* severity_name(const model::Warning& w, bool strict) {
  if (w.severity == model::Severity::error) return "error";
  if (w.severity == model::Severity::notice) return "notice";
  return strict ? "error" : "warning";
}

std::string file_of(const CheckReport& r, const model::Warning& w) { return w.file.empty() ? r.file : w.file; }

std::string where(const CheckReport& r, const model::Warning& w) {
  if (!w.position.empty()) return fmt::format("{}: {}", file_of(r, w), w.position);
  if (w.row) return fmt::format("{}: row {}", file_of(r, w), w.row);
  if (w.line) return fmt::format("{}:{}", file_of(r, w), w.line);
  return file_of(r, w);
}

// One finding per line: line breaks and tabs of values are shown escaped.
std::string one_line(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: out += c;
    }
  }
  return out;
}

std::string with_expected(const model::Warning& w) {
  // A fatal error's own text may say what was expected already.
  bool said = w.message.find(": expected ") != std::string::npos || w.message.find("; expected ") != std::string::npos;
  return w.expected.empty() || said ? w.message : fmt::format("{}; expected {}", w.message, w.expected);
}

// " (3 rows: 5, 6, 9)" for a finding about several rows.
std::string rows_concerned(const model::Warning& w) {
  if (w.count <= 1) return "";
  if (w.rows.size() <= 1) return fmt::format(" ({} rows)", w.count);
  std::string list;
  for (uint64_t row : w.rows) list += (list.empty() ? "" : ", ") + std::to_string(row);
  return fmt::format(" ({} rows: {}{})", w.count, list, w.count > w.rows.size() ? ", …" : "");
}

// GitHub workflow commands: property values escape % \r \n : , and messages % \r \n.
std::string gh_escape(const std::string& s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

// "columns used: 'Date d'entrée' -> entry_date, …; not used: 'Nom'".
std::string columns_line(const CheckReport& r) {
  if (r.columns.empty() && r.unused_columns.empty()) return "";
  std::string used, unused;
  for (const auto& [header, field] : r.columns) used += fmt::format("{}'{}' -> {}", used.empty() ? "" : ", ", header, field);
  for (const auto& header : r.unused_columns) unused += fmt::format("{}'{}'", unused.empty() ? "" : ", ", header);
  return fmt::format("columns used: {}; not used: {}", used.empty() ? "none" : used, unused.empty() ? "none" : unused);
}

}  // namespace

std::string check_text(const CheckReport& r) {
  std::string out;
  if (auto columns = columns_line(r); !columns.empty()) out += fmt::format("{}: {}\n", r.file, one_line(columns));
  std::map<std::string, size_t> per_code;
  for (const auto& w : r.findings) {
    if (++per_code[w.code] > k_text_findings_per_code) continue;
    std::string column = w.column.empty() || w.position.empty() ? "" : fmt::format(" ({})", w.column);
    out += fmt::format("{}{}: {}[{}]: {}{}\n", one_line(where(r, w)), one_line(column), severity_name(w, r.strict), w.code,
                       one_line(with_expected(w)), rows_concerned(w));
  }
  for (const auto& [code, n] : per_code)
    if (n > k_text_findings_per_code)
      out += fmt::format("{}: … and {} more {} findings (all are in --format json)\n", r.file, n - k_text_findings_per_code, code);
  out += fmt::format("{}: {} rows checked for {}: {} error(s), {} warning(s){}: {}\n", r.file, r.rows_read, r.period,
                     r.error_count, r.warning_count, r.strict ? " (strict: warnings fail)" : "",
                     r.passed() ? "passed" : "FAILED");
  return out;
}

std::string check_json(const CheckReport& r) {
  nlohmann::ordered_json j;
  j["schema"] = "ctreport/check/v1";
  j["generator"] = std::string("ctreport ") + CTREPORT_VERSION;
  j["file"] = r.file;
  j["period"] = r.period;
  j["strict"] = r.strict;
  j["passed"] = r.passed();
  j["rows_read"] = r.rows_read;
  j["error_count"] = r.error_count;
  j["warning_count"] = r.warning_count;
  auto columns = nlohmann::ordered_json::array();
  for (const auto& [header, field] : r.columns) columns.push_back({{"header", header}, {"field", field}});
  j["columns"] = columns;
  j["unused_columns"] = r.unused_columns;
  auto findings = nlohmann::ordered_json::array();
  for (const auto& w : r.findings) {
    nlohmann::ordered_json f;
    f["code"] = w.code;
    f["severity"] = severity_name(w, false);
    f["message"] = w.message;
    f["expected"] = w.expected;
    f["file"] = file_of(r, w);
    f["row"] = w.row ? nlohmann::ordered_json(w.row) : nlohmann::ordered_json(nullptr);
    f["line"] = w.line ? nlohmann::ordered_json(w.line) : nlohmann::ordered_json(nullptr);
    f["position"] = w.position;
    f["column"] = w.column;
    f["value"] = w.value;
    f["count"] = w.count;
    f["rows"] = w.rows.empty() && w.row ? std::vector<uint64_t>{w.row} : w.rows;
    findings.push_back(f);
  }
  j["findings"] = findings;
  return j.dump(2) + "\n";
}

std::string check_github(const CheckReport& r) {
  std::string out;
  if (auto columns = columns_line(r); !columns.empty())
    out += fmt::format("::notice file={},title=ctreport columns::{}\n", gh_escape(r.file, true), gh_escape(columns, false));
  for (const auto& w : r.findings) {
    std::string props = "file=" + gh_escape(file_of(r, w), true);
    uint64_t line = w.line ? w.line : w.row;
    if (line) props += fmt::format(",line={}", line);
    props += ",title=" + gh_escape("ctreport " + w.code, true);
    out += fmt::format("::{} {}::{}\n", severity_name(w, r.strict), props, gh_escape(with_expected(w) + rows_concerned(w), false));
  }
  return out;
}

}  // namespace ctreport::render
