// The report pipeline as the user runs it: config -> read -> figures -> render -> write.
#include "cli/report_command.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/pipeline.hpp"
#include "figures/compute.hpp"
#include "input/stay_reader.hpp"
#include "model/config.hpp"
#include "render/figures_json.hpp"
#include "render/number_format.hpp"
#include "render/report_view.hpp"
#include "render/template_engine.hpp"
#include "util/embedded_files.hpp"
#include "util/errors.hpp"
#include "util/output_files.hpp"

namespace ctreport::cli {

namespace fs = std::filesystem;

namespace {

void print_summary(const figures::Figures& f, const std::vector<fs::path>& written, const render::NumberFormat& nf) {
  bool fr = nf.french;
  std::cout << fmt::format("{} {}{}\n", fr ? "Rapport" : "Report", f.period.label,
                           f.establishment.name.empty() ? "" : " — " + f.establishment.name);
  std::cout << fmt::format("  {:<24}{} ({} {}, {} {})\n", fr ? "personnes accueillies" : "people present",
                           nf.integer(f.people.present), fr ? "présentes au début" : "present at start",
                           nf.integer(f.people.present_at_start), fr ? "admises" : "admitted", nf.integer(f.people.admitted));
  std::cout << fmt::format("  {:<24}{} {}, {} {}\n", fr ? "sorties" : "exits", nf.integer(f.people.exited),
                           fr ? "personnes" : "people", nf.integer(f.stays.exits), fr ? "séjours" : "stays");
  if (f.occupancy.has_capacity)
    std::cout << fmt::format("  {:<24}{} ({} / {} {})\n", fr ? "taux d'occupation" : "occupancy rate",
                             nf.percent(f.occupancy.rate), nf.integer(f.occupancy.bed_days),
                             nf.integer(f.occupancy.capacity_days), fr ? "journées" : "days");
  else
    std::cout << fmt::format("  {:<24}{}\n", fr ? "journées réalisées" : "bed-days", nf.integer(f.occupancy.bed_days));
  std::cout << fmt::format("  {:<24}{}\n", fr ? "avertissements" : "warnings", nf.integer(static_cast<int64_t>(f.quality.warning_rows)));
  for (const auto& p : written) std::cout << fmt::format("  {:<24}{}\n", fr ? "écrit" : "written", p.string());
}

void print_warnings(const figures::Figures& f, const std::string& file, bool verbose) {
  size_t limit = verbose ? f.quality.warnings.size() : 10;
  size_t shown = 0;
  for (const auto& w : f.quality.warnings) {
    if (shown++ == limit) break;
    std::string where = w.row ? fmt::format("{}: row {}: ", file, w.row) : fmt::format("{}: ", file);
    std::string times = w.count > 1 ? fmt::format(" ({} rows)", w.count) : "";
    std::cerr << fmt::format("ctreport: warning: {}{}{}\n", where, w.message, times);
  }
  if (f.quality.warnings.size() > limit)
    std::cerr << fmt::format("ctreport: warning: … and {} more kinds of warning (all are listed in the report and in --verbose)\n",
                             f.quality.warnings.size() - limit);
}

}  // namespace

int parse_year(const std::string& text) {
  bool digits = text.size() == 4;
  for (char c : text) digits &= c >= '0' && c <= '9';
  int year = digits ? std::stoi(text) : 0;
  if (!digits || year < 1900 || year > 2199)
    throw UsageError(fmt::format("'{}' is not a year (expected four digits, e.g. 2024)", text));
  return year;
}

int run_report(const ReportOptions& o) {
  auto t0 = std::chrono::steady_clock::now();
  int year = parse_year(o.year);
  for (const auto& f : o.formats)
    if (f != "md" && f != "json") throw UsageError(fmt::format("unknown format '{}' (expected md or json)", f));

  LoadedConfig loaded = load_config(o.config_path, o.input);
  if (!o.lang.empty()) loaded.config.lang = o.lang;
  const model::Config& config = loaded.config;
  const std::string& config_used = loaded.source;
  model::Period period = model::make_period(year, config.start_month);

  std::string template_text, template_name;
  if (!o.template_path.empty()) {
    template_text = read_text_file(o.template_path, "template");
    template_name = o.template_path;
  } else {
    template_name = fmt::format("report.{}.md", config.lang);
    auto t = util::find_embedded(template_name);
    if (!t) throw std::logic_error("missing embedded template " + template_name);
    template_text = std::string(*t);
  }

  input::ReadResult read = read_input(o.input, config, {period}, o.sheet, o.quiet);
  input::throw_if_errors(read, o.input);
  auto t_read = std::chrono::steady_clock::now();

  model::WarningLog period_warnings = read.warnings_for(period);
  figures::Figures fig = figures::compute_figures(
      {read.table, config, period, read.rows_read, read.source, &period_warnings});
  auto t_fig = std::chrono::steady_clock::now();

  render::NumberFormat nf = render::NumberFormat::for_lang(config.lang);
  util::OutputFiles outputs(o.output_dir);
  for (const auto& format : o.formats) {
    if (format == "md") {
      auto view = render::report_view(fig, nf);
      outputs.add(fmt::format("rapport-{}.md", period.label),
                  render::render_template(template_text, template_name, view, render::Escaping::markdown));
    } else if (format == "json") {
      outputs.add(fmt::format("figures-{}.json", period.label), render::figures_json_text(fig));
    }
  }
  auto written = outputs.commit();
  auto t_end = std::chrono::steady_clock::now();

  if (o.verbose) {
    auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
    std::cerr << fmt::format("ctreport: config: {}\n", config_used);
    std::cerr << fmt::format("ctreport: input: {} ({}), header on row {}\n", o.input, read.source, read.header_row);
    for (const auto& [field, header] : read.mapping)
      std::cerr << fmt::format("ctreport: column '{}' -> {}\n", header, field);
    std::cerr << fmt::format("ctreport: {} rows read, {} stays in the period, {} persons\n", read.rows_read,
                             fig.stays.overlapping, fig.people.present);
    std::cerr << fmt::format("ctreport: timings: read {:.1f} ms, figures {:.1f} ms, render+write {:.1f} ms\n",
                             ms(t0, t_read), ms(t_read, t_fig), ms(t_fig, t_end));
  }
  if (!o.quiet) {
    print_warnings(fig, o.input, o.verbose);
    print_summary(fig, written, nf);
  }
  return static_cast<int>(ExitCode::ok);
}

}  // namespace ctreport::cli
