// The check pipeline: the same reading and figures as a report, the findings
// printed instead of a report.
#include "cli/check_command.hpp"

#include <algorithm>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/pipeline.hpp"
#include "cli/report_command.hpp"
#include "figures/compute.hpp"
#include "figures/invariants.hpp"
#include "render/check_output.hpp"
#include "util/errors.hpp"

namespace ctreport::cli {

namespace {

// people.present_at_end and period.label of a previous figures.json.
std::pair<int64_t, std::string> previous_end(const std::string& path) {
  std::string text = read_text_file(path, "previous figures");
  try {
    auto j = nlohmann::json::parse(text);
    if (j.value("schema", "") != "ctreport/figures/v1") throw std::runtime_error("not a ctreport/figures/v1 file");
    return {j.at("people").at("present_at_end").get<int64_t>(), j.at("period").at("label").get<std::string>()};
  } catch (const std::exception& e) {
    throw UsageError(fmt::format("{}: not a figures.json written by ctreport ({})", path, e.what()));
  }
}

}  // namespace

int run_check(const CheckOptions& o) {
  if (o.format != "text" && o.format != "json" && o.format != "github")
    throw UsageError(fmt::format("unknown check format '{}' (expected text, json or github)", o.format));
  int year = parse_year(o.year);
  LoadedConfig loaded = load_config(o.config_path, o.input);
  const auto& config = loaded.config;
  model::Period period = model::make_period(year, config.start_month);
  input::ReadResult read = read_input(o.input, config, {period}, o.sheet, o.quiet || o.format != "text");
  model::WarningLog period_warnings = read.warnings_for(period);
  figures::Figures fig =
      figures::compute_figures({read.table, config, period, read.rows_read, read.source, &period_warnings});

  model::WarningLog extra;
  if (!o.previous.empty()) {
    auto [present_at_end, label] = previous_end(o.previous);
    figures::check_carry_over(fig, present_at_end, label, extra);
  }

  render::CheckReport report;
  report.file = o.input;
  report.period = period.label;
  report.strict = o.strict;
  report.rows_read = read.rows_read;
  report.findings = read.errors;
  report.error_count = read.error_count;
  for (const auto& w : fig.quality.warnings) report.findings.push_back(w);
  for (const auto& w : extra.list()) report.findings.push_back(w);
  for (const auto& w : report.findings) {
    if (w.severity == model::Severity::warning) report.warning_count += w.count;
    else if (w.code == "invariant") report.error_count += 1;
  }
  std::stable_sort(report.findings.begin(), report.findings.end(), [](const model::Warning& a, const model::Warning& b) {
    if (a.severity != b.severity) return a.severity == model::Severity::error;
    return a.row != 0 && (b.row == 0 || a.row < b.row);
  });

  if (o.format == "json") std::cout << render::check_json(report);
  else if (o.format == "github") std::cout << render::check_github(report);
  else if (!o.quiet || !report.passed()) std::cout << render::check_text(report);
  return report.passed() ? 0 : static_cast<int>(ExitCode::data_error);
}

}  // namespace ctreport::cli
