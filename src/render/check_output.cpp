// Formats of the check findings.
#include "render/check_output.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "version.hpp"

namespace ctreport::render {

namespace {

const char* severity_name(const model::Warning& w, bool strict) {
  if (w.severity == model::Severity::error) return "error";
  return strict ? "error" : "warning";
}

std::string where(const CheckReport& r, const model::Warning& w) {
  if (!w.position.empty()) return fmt::format("{}: {}", r.file, w.position);
  if (w.row) return fmt::format("{}: row {}", r.file, w.row);
  return r.file;
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

}  // namespace

std::string check_text(const CheckReport& r) {
  std::string out;
  for (const auto& w : r.findings) {
    std::string times = w.count > 1 ? fmt::format(" ({} rows)", w.count) : "";
    std::string column = w.column.empty() || w.position.empty() ? "" : fmt::format(" ({})", w.column);
    out += fmt::format("{}{}: {}[{}]: {}{}\n", where(r, w), column, severity_name(w, r.strict), w.code, w.message, times);
  }
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
  auto findings = nlohmann::ordered_json::array();
  for (const auto& w : r.findings) {
    nlohmann::ordered_json f;
    f["code"] = w.code;
    f["severity"] = w.severity == model::Severity::error ? "error" : "warning";
    f["message"] = w.message;
    f["file"] = r.file;
    f["row"] = w.row ? nlohmann::ordered_json(w.row) : nlohmann::ordered_json(nullptr);
    f["line"] = w.line ? nlohmann::ordered_json(w.line) : nlohmann::ordered_json(nullptr);
    f["position"] = w.position;
    f["column"] = w.column;
    f["value"] = w.value;
    f["count"] = w.count;
    findings.push_back(f);
  }
  j["findings"] = findings;
  return j.dump(2) + "\n";
}

std::string check_github(const CheckReport& r) {
  std::string out;
  for (const auto& w : r.findings) {
    std::string props = "file=" + gh_escape(r.file, true);
    uint64_t line = w.line ? w.line : w.row;
    if (line) props += fmt::format(",line={}", line);
    props += ",title=" + gh_escape("ctreport " + w.code, true);
    std::string times = w.count > 1 ? fmt::format(" ({} rows)", w.count) : "";
    out += fmt::format("::{} {}::{}\n", severity_name(w, r.strict), props, gh_escape(w.message + times, false));
  }
  return out;
}

}  // namespace ctreport::render
