// The check pipeline: the same reading and figures as a report, the findings
// printed instead of a report.
#include "cli/check_command.hpp"

#include <algorithm>
#include <iostream>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/pipeline.hpp"
#include "cli/report_command.hpp"
#include "figures/activity_compute.hpp"
#include "figures/followup_compute.hpp"
#include "figures/compute.hpp"
#include "figures/invariants.hpp"
#include "model/warning_texts.hpp"
#include "render/check_output.hpp"
#include "render/figures_json_validation.hpp"
#include "util/date.hpp"
#include "util/errors.hpp"

namespace ctreport::cli {

namespace {

// people.present_at_end and period.label of a previous figures.json.
std::pair<int64_t, std::string> previous_end(const std::string& path) {
  std::string text = read_text_file(path, "previous figures", render::k_max_figures_bytes);
  try {
    auto j = nlohmann::json::parse(text);
    if (j.value("schema", "") != "ctreport/figures/v1") throw std::runtime_error("not a ctreport/figures/v1 file");
    return {j.at("people").at("present_at_end").get<int64_t>(), j.at("period").at("label").get<std::string>()};
  } catch (const std::exception& e) {
    throw UsageError(fmt::format("{}: not a figures.json written by ctreport ({})", path, e.what()));
  }
}

}  // namespace

// Prints `report` in the chosen format; the exit code of the check.
int print_report(const CheckOptions& o, render::CheckReport& report) {
  for (const auto& w : report.findings) {
    if (w.severity == model::Severity::warning) report.warning_count += w.count;
    else if (w.severity == model::Severity::error && (w.code == "invariant" || w.row == 0)) report.error_count += 1;
  }
  auto rank = [](model::Severity s) { return s == model::Severity::error ? 0 : s == model::Severity::warning ? 1 : 2; };
  std::stable_sort(report.findings.begin(), report.findings.end(), [&](const model::Warning& a, const model::Warning& b) {
    if (a.severity != b.severity) return rank(a.severity) < rank(b.severity);
    return a.row != 0 && (b.row == 0 || a.row < b.row);
  });
  if (o.format == "json") std::cout << render::check_json(report);
  else if (o.format == "github") std::cout << render::check_github(report);
  else if (!o.quiet || !report.passed()) std::cout << render::check_text(report);
  return report.passed() ? 0 : static_cast<int>(ExitCode::data_error);
}

namespace {

// A data or config error that stops the reading of a file, as a finding.
model::Warning data_error_finding(const DataError& e, const std::string& input) {
  model::Warning w;
  w.severity = model::Severity::error;
  w.code = e.code().empty() ? "data_error" : e.code();
  w.file = e.file() == input ? "" : e.file();
  w.line = e.line();
  w.params = {{"detail", e.what()}};
  if (w.code == "missing_column") w.params.emplace_back("kind", "entry_date");
  if (w.code == "duplicate_header") w.params.emplace_back("kind", "recognised");
  model::describe(w);
  return w;
}

}  // namespace

int run_check(const CheckOptions& o) {
  if (o.format != "text" && o.format != "json" && o.format != "github")
    throw UsageError(fmt::format("unknown check format '{}' (expected text, json or github)", o.format));
  int year = parse_year(o.year);
  render::CheckReport report;
  report.file = o.input;
  report.strict = o.strict;
  report.period = std::to_string(year);
  try {
    LoadedConfig loaded = load_config(o.config_path, o.input);
    const auto& config = loaded.config;
    model::Period period = model::make_period(year, config.start_month);
    report.period = period.label;
    std::optional<std::pair<int64_t, std::string>> previous;
    if (!o.previous.empty()) {
      previous = previous_end(o.previous);
      std::string expected = model::make_period(year - 1, config.start_month).label;
      if (previous->second != expected)
        throw UsageError(fmt::format("{}: --previous is the report of {}, but the period just before {} is {}", o.previous,
                                     previous->second, period.label, expected));
    }
    input::ReadResult read = read_input(o.input, config, {period}, o.sheet, o.quiet || o.format != "text",
                                        followup_past_months(o.followup, o.input, config));
    model::WarningLog period_warnings = read.warnings_for(period);
    std::vector<model::Warning> side_errors;
    std::optional<input::ActivityReadResult> activities;
    std::optional<input::FollowupReadResult> followup;
    try {
      activities = read_activity_log(o.activities, o.input, read, config, {period}, true);
    } catch (const DataError& e) {
      side_errors.push_back(data_error_finding(e, o.input));  // the stays are still checked
    }
    try {
      followup = read_followup_file(o.followup, o.input, read, config, {period}, true);
    } catch (const DataError& e) {
      side_errors.push_back(data_error_finding(e, o.input));
    }
    if (activities) period_warnings.merge(activities->warnings);
    if (followup) period_warnings.merge(followup->warnings);
    figures::Figures fig =
        figures::compute_figures({read.table, config, period, read.rows_read, read.source, &period_warnings});
    if (activities) figures::compute_activities({activities->log, config, read.table, period}, fig);
    if (followup) figures::compute_followup({followup->log, config, read.table, period}, fig);
    model::WarningLog extra;
    if (previous) figures::check_carry_over(fig, previous->first, previous->second, extra);
    report.rows_read = read.rows_read;
    report.columns = read.mapping;
    for (auto& [header, field] : report.columns) std::swap(header, field);  // mapping is field -> header
    report.unused_columns = read.table.unused_headers;
    report.findings = read.errors;
    report.error_count = read.error_count;
    // A period the file has no stay in is not a pass: the report would refuse it.
    if (fig.stays.overlapping == 0) {
      model::Warning w;
      w.severity = model::Severity::error;
      w.code = "no_data";
      w.params = {{"kind", read.table.has_data_for(period.start) ? "no_stay" : "after_latest"},
                  {"period", period.label},
                  {"latest", util::iso(read.table.latest_date)}};
      model::describe(w);
      report.findings.push_back(w);
    }
    for (auto w : fig.quality.warnings) {
      // A contact dated before the exit it follows is an error of the follow-up file (docs/figures.md).
      if (w.code == "followup_before_exit") {
        w.severity = model::Severity::error;
        report.error_count += w.count;
      }
      report.findings.push_back(w);
    }
    for (const auto& w : extra.list()) report.findings.push_back(w);
    for (const auto& w : side_errors) report.findings.push_back(w);
  } catch (const DataError& e) {
    // A data or config error that stops the reading: a finding like the others, so
    // that JSON and GitHub consumers see it too.
    report.findings = {data_error_finding(e, o.input)};
    report.error_count = 0;
  }
  return print_report(o, report);
}

}  // namespace ctreport::cli
