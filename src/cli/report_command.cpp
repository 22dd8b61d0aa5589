// The report pipeline as the user runs it: config -> read -> figures -> render -> write.
#include "cli/report_command.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <algorithm>
#include <sstream>

#include <fmt/format.h>

#include "cli/office_reports.hpp"
#include "cli/pipeline.hpp"
#include "cli/progress.hpp"
#include "figures/compute.hpp"
#include "figures/stay_checks.hpp"
#include "input/stay_reader.hpp"
#include "model/config.hpp"
#include "render/figures_json.hpp"
#include "render/latex_pdf.hpp"
#include "render/svg_charts.hpp"
#include "render/xlsx_output.hpp"
#include "render/number_format.hpp"
#include "render/report_view.hpp"
#include "render/template_engine.hpp"
#include "render/template_tags.hpp"
#include "util/date.hpp"
#include "util/embedded_files.hpp"
#include "util/errors.hpp"
#include "util/output_files.hpp"
#include "util/text.hpp"

namespace ctreport::cli {

namespace fs = std::filesystem;

namespace {

void print_summary(const figures::Figures& f, const render::NumberFormat& nf) {
  bool fr = nf.french;
  std::cout << fmt::format("{} {}{}\n", fr ? "Rapport" : "Report", f.period.label,
                           f.establishment.name.empty() ? "" : " — " + f.establishment.name);
  std::cout << fmt::format("  {:<24}{} ({} {}, {} {})\n", fr ? "personnes accueillies" : "people present",
                           nf.integer(f.people.present), fr ? "présentes au début" : "present at start",
                           nf.integer(f.people.present_at_start), fr ? "admises" : "admitted", nf.integer(f.people.admitted));
  // French singular for 0 and 1, English for 1 only.
  auto plural = [&](int64_t n, const char* one_fr, const char* many_fr, const char* one_en, const char* many_en) {
    bool one = fr ? n <= 1 : n == 1;
    return fmt::format("{} {}", nf.integer(n), fr ? (one ? one_fr : many_fr) : (one ? one_en : many_en));
  };
  std::cout << fmt::format("  {:<24}{}, {}\n", fr ? "sorties" : "exits",
                           plural(f.people.exited, "personne", "personnes", "person", "people"),
                           plural(f.stays.exits, "séjour", "séjours", "stay", "stays"));
  if (f.occupancy.has_capacity)
    std::cout << fmt::format("  {:<24}{} ({} / {} {})\n", fr ? "taux d'occupation" : "occupancy rate",
                             nf.percent(f.occupancy.rate), nf.integer(f.occupancy.bed_days),
                             nf.integer(f.occupancy.capacity_days), fr ? "journées" : "days");
  else
    std::cout << fmt::format("  {:<24}{}\n", fr ? "journées réalisées" : "bed-days", nf.integer(f.occupancy.bed_days));
  std::cout << fmt::format("  {:<24}{}\n", fr ? "avertissements" : "warnings", nf.integer(static_cast<int64_t>(f.quality.warning_rows)));
}

void print_warnings(const figures::Figures& f, const std::string& file, bool verbose) {
  std::vector<const model::Warning*> warnings, notices;
  for (const auto& w : f.quality.warnings) (w.severity == model::Severity::notice ? notices : warnings).push_back(&w);
  size_t limit = verbose ? warnings.size() : 10;
  size_t shown = 0;
  auto where = [&](const model::Warning& w) { return w.row ? fmt::format("{}: row {}: ", file, w.row) : fmt::format("{}: ", file); };
  auto times = [](const model::Warning& w) { return w.count > 1 ? fmt::format(" ({} rows)", w.count) : std::string(); };
  for (const auto* w : warnings) {
    if (shown++ == limit) break;
    std::cerr << fmt::format("ctreport: warning: {}{}{}\n", where(*w), w->message, times(*w));
  }
  if (warnings.size() > limit)
    std::cerr << fmt::format("ctreport: warning: … and {} more kinds of warning (all are listed in the report and in --verbose)\n",
                             warnings.size() - limit);
  if (verbose) {
    for (const auto* w : notices) std::cerr << fmt::format("ctreport: note: {}{}{}\n", where(*w), w->message, times(*w));
  } else if (!notices.empty()) {
    std::cerr << fmt::format("ctreport: note: {}: {} value(s) classified by their words: to verify, listed in the report's "
                             "method note and with --verbose\n", file, notices.size());
  }
}

}  // namespace

int parse_year(const std::string& text, unsigned start_month) {
  // A fiscal year's label ("2024-2025") names the year it starts in.
  auto four_digits = [](const std::string& t) {
    return t.size() == 4 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (text.size() == 9 && text[4] == '-' && four_digits(text.substr(0, 4)) && four_digits(text.substr(5))) {
    int first = std::stoi(text.substr(0, 4)), second = std::stoi(text.substr(5));
    if (second != first + 1)
      throw UsageError(fmt::format("'{}' is not a year (a fiscal year is two consecutive years, e.g. {}-{}, or give the "
                                   "year it starts in: {})",
                                   text, first, first + 1, first));
    if (start_month == 1)
      throw UsageError(fmt::format("'{}' is a fiscal year, but the periods are calendar years (period.start_month is 1): "
                                   "give {}, or set period.start_month in the config",
                                   text, first));
    return parse_year(text.substr(0, 4), start_month);
  }
  bool digits = text.size() == 4;
  for (char c : text) digits &= c >= '0' && c <= '9';
  int year = digits ? std::stoi(text) : 0;
  if (!digits || year < 1900 || year > 2199)
    throw UsageError(fmt::format("'{}' is not a year (expected four digits, e.g. 2024)", text));
  return year;
}

std::vector<int> parse_years(const std::string& text, unsigned start_month) {
  std::vector<int> years;
  auto dots = text.find("..");
  if (dots != std::string::npos) {
    int from = parse_year(text.substr(0, dots), start_month), to = parse_year(text.substr(dots + 2), start_month);
    if (to < from || to - from > 100)
      throw UsageError(fmt::format("'{}' is not a range of years (expected e.g. 2019..2024)", text));
    for (int y = from; y <= to; ++y) years.push_back(y);
    return years;
  }
  size_t start = 0;
  for (;;) {
    size_t comma = text.find(',', start);
    int y = parse_year(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start), start_month);
    if (std::find(years.begin(), years.end(), y) == years.end()) years.push_back(y);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  std::sort(years.begin(), years.end());
  return years;
}

namespace {

std::string template_text(const std::string& user_path, const std::string& embedded_name, std::string& name) {
  if (!user_path.empty()) {
    name = user_path;
    return read_text_file(user_path, "template", render::k_max_template_bytes);
  }
  name = embedded_name;
  auto t = util::find_embedded(embedded_name);
  if (!t) throw std::logic_error("missing embedded template " + embedded_name);
  return std::string(*t);
}

// The PDF's date: the day after the period, at midnight UTC (reproducible).
long long pdf_date(const figures::Figures& f) {
  return (static_cast<long long>(util::parse_date(f.period.end, 2200).day) + 1) * 86400;
}

}  // namespace

int run_report(const ReportOptions& o) {
  auto t0 = std::chrono::steady_clock::now();
  for (const auto& f : o.formats)
    if (f != "md" && f != "json" && f != "tex" && f != "pdf" && f != "xlsx" && !is_office_format(f))
      throw UsageError(fmt::format("unknown format '{}' (expected md, tex, pdf, docx, odt, xlsx or json)", f));
  bool wants_pdf = std::find(o.formats.begin(), o.formats.end(), "pdf") != o.formats.end();
  if (wants_pdf && !render::latex_engine())
    throw UsageError(
        "--format pdf needs LaTeX, which is not installed: run 'CTREPORT_WITH_LATEX=1 bash scripts/setup.sh example' "
        "(or apt-get install latexmk texlive-latex-recommended texlive-pictures texlive-lang-french), or use --format tex "
        "and compile it yourself");

  LoadedConfig loaded = load_config(o.config_path, o.input);
  if (!o.lang.empty()) loaded.config.lang = o.lang;
  if (!o.by.empty() && o.by != "site") loaded.config.columns[model::Field::site] = {o.by};
  // Without a total capacity, the establishment's is the sum of its sites' (docs/figures.md).
  if (!loaded.config.capacity.defined() && !loaded.config.site_capacity.empty()) {
    std::vector<model::Capacity> parts;
    for (const auto& [site, capacity] : loaded.config.site_capacity) parts.push_back(capacity);
    loaded.config.capacity = model::sum_capacities(parts);
  }
  const model::Config& config = loaded.config;
  std::vector<int> years = parse_years(o.year, config.start_month);
  std::vector<int> compare = o.compare.empty() ? std::vector<int>{} : parse_years(o.compare, config.start_month);

  std::string report_name, index_name, latex_name;
  std::string latex_template = template_text(config.latex_template, fmt::format("report.{}.tex", config.lang), latex_name);
  std::string report_template = template_text(o.template_path.empty() ? config.report_template : o.template_path,
                                              fmt::format("report.{}.md", config.lang), report_name);

  // Each year is compared with the years named by --compare, else the year before,
  // never with itself (only the reports show comparisons: figures.json is one period's).
  bool markdown = std::find_if(o.formats.begin(), o.formats.end(), [](const std::string& f) {
                    return f == "md" || f == "tex" || f == "pdf" || is_office_format(f);
                  }) != o.formats.end();
  // Every tag of the templates in use, in every section, before any data is read.
  auto wants = [&](const char* format) { return std::find(o.formats.begin(), o.formats.end(), format) != o.formats.end(); };
  if (wants("md")) render::check_template(report_template, report_name, render::report_view_schema(config, true));
  if (wants("tex") || wants("pdf"))
    render::check_template(latex_template, latex_name, render::report_view_schema(config, false));
  const OfficeReports office(config, o.formats);  // docx, odt: pandoc, template and reference documents checked
  if (years.size() > 1 && markdown)
    render::check_template(template_text(config.index_template, fmt::format("index.{}.md", config.lang), index_name),
                           index_name, render::index_view_schema(config));
  auto compared_with = [&](int y) {
    std::vector<int> out;
    if (!markdown) return out;
    for (int c : compare.empty() ? std::vector<int>{y - 1} : compare)
      if (c != y) out.push_back(c);
    return out;
  };
  std::vector<int> needed = years;
  for (int y : years)
    for (int c : compared_with(y))
      if (std::find(needed.begin(), needed.end(), c) == needed.end()) needed.push_back(c);
  std::sort(needed.begin(), needed.end());
  std::vector<model::Period> periods;
  for (int y : needed) periods.push_back(model::make_period(y, config.start_month));

  input::ReadResult read = read_input(o.input, config, periods, o.sheet, o.quiet);
  input::throw_if_errors(read, o.input);
  auto t_read = std::chrono::steady_clock::now();

  // --by site: the stays of each site, with that site's capacity.
  std::vector<std::string> data_warnings;  // about the config against the data, printed with the others
  std::vector<model::StayTable> site_tables;
  std::vector<model::Config> site_configs;
  std::vector<std::string> site_suffixes;  // "-le-moulin": unique per site
  if (!o.by.empty()) {
    if (!read.table.has_column[static_cast<size_t>(model::Field::site)])
      throw UsageError(fmt::format("{}: no site column to split by (expected a header such as 'Site' or 'Unité', or name "
                                   "it: --by \"Header\")",
                                   o.input));
    site_tables.resize(read.table.sites.size());
    std::set<std::string> data_sites;
    for (size_t s = 0; s < site_tables.size(); ++s) {
      const std::string& name = read.table.sites[s];
      data_sites.insert(util::normalize_key(name));
      site_tables[s].person_count = read.table.person_count;
      site_tables[s].has_column = read.table.has_column;
      site_tables[s].latest_date = read.table.latest_date;
      model::Config sc = config;
      auto it = config.site_capacity.find(util::normalize_key(name));
      sc.capacity = it != config.site_capacity.end() ? it->second : model::Capacity();
      if (!sc.capacity.defined() && (config.capacity.defined() || !config.site_capacity.empty()))
        data_warnings.push_back(fmt::format(
            "site '{}' has no capacity in the config (sites: {{\"{}\": {{capacity: …}}}}): its report has no occupancy rate",
            name.empty() ? "(empty)" : name, name));
      site_configs.push_back(std::move(sc));
      // File names: the site's slug, made unique with -2, -3… in the order the sites first appear.
      std::string base = util::slug(name.empty() ? (config.lang == "en" ? "no-site" : "sans-site") : name);
      std::string suffix = "-" + base;
      for (int n = 2; std::find(site_suffixes.begin(), site_suffixes.end(), suffix) != site_suffixes.end(); ++n)
        suffix = fmt::format("-{}-{}", base, n);
      site_suffixes.push_back(suffix);
    }
    for (const auto& [key, label] : config.site_labels)
      if (!data_sites.count(key))
        data_warnings.push_back(fmt::format("site '{}' of the config matches no stay of the period(s) reported (sites "
                                            "in the data: {})",
                                            label, [&] {
                                              std::string all;
                                              for (const auto& n : read.table.sites) all += (all.empty() ? "'" : ", '") + n + "'";
                                              return all;
                                            }()));
    for (const auto& stay : read.table.stays) site_tables[stay.site].stays.push_back(stay);
  }

  std::map<int, figures::Figures> figs;
  Progress progress("ctreport: computing", !o.quiet && stderr_is_terminal() && needed.size() > 3);
  const std::vector<uint32_t> by_person = figures::stays_by_person(read.table);  // sorted once for every period
  for (size_t i = 0; i < periods.size(); ++i) {
    // Findings about rows outside every period go to the batch's last year only.
    model::WarningLog period_warnings = read.warnings_for(periods[i], needed[i] == years.back());
    figs[needed[i]] = figures::compute_figures(
        {read.table, config, periods[i], read.rows_read, read.source, &period_warnings, &by_person});
    progress.update(static_cast<double>(i + 1) / static_cast<double>(periods.size()));
  }
  progress.done();
  auto t_fig = std::chrono::steady_clock::now();

  // The data covers a year when it holds a stay overlapping it and a stay that
  // ended on or before its end (docs/figures.md, "Periods and batches").
  auto covers = [&](int y) {
    const auto& f = figs.at(y);
    return f.stays.overlapping > 0 && read.first_exit <= model::make_period(y, config.start_month).end;
  };
  auto not_covered_reason = [&](int y) {
    const auto& f = figs.at(y);
    if (f.stays.overlapping == 0) return fmt::format("no stay overlaps {}", f.period.label);
    return fmt::format("no stay ended on or before {}: the export seems to start later", f.period.end);
  };
  std::set<int> uncovered_explicit, uncovered_default;

  render::NumberFormat nf = render::NumberFormat::for_lang(config.lang);
  util::OutputFiles outputs(o.output_dir);  // the only writer there: scratch files go to the temp folder
  outputs.on_lock_wait([&](const std::string& m) { if (!o.quiet) std::cerr << "ctreport: " << m << "\n"; });
  std::vector<const figures::Figures*> reported;
  std::vector<int> empty_years;
  // Each site's figures per year, computed once (a year may be reported and compared with).
  std::map<std::pair<size_t, int>, figures::Figures> site_figs;
  auto site_figures = [&](size_t s, int year) -> const figures::Figures& {
    auto key = std::make_pair(s, year);
    if (auto it = site_figs.find(key); it != site_figs.end()) return it->second;
    auto period = model::make_period(year, config.start_month);
    model::WarningLog w = read.warnings_for(period, static_cast<uint16_t>(s), year == years.back());
    auto f = figures::compute_figures({site_tables[s], site_configs[s], period, read.rows_read, read.source, &w});
    std::string site = read.table.sites[s].empty() ? (config.lang == "en" ? "no site given" : "sans site renseigné")
                                                   : read.table.sites[s];
    f.establishment.name = config.establishment_name.empty() ? site : config.establishment_name + " — " + site;
    return site_figs.emplace(key, std::move(f)).first->second;
  };
  size_t steps = years.size() * (1 + site_tables.size()), step = 0;
  Progress rendering("ctreport: rendering", !o.quiet && stderr_is_terminal() && steps > 3);
  for (int y : years) {
    const auto& fig = figs.at(y);
    if (fig.stays.overlapping == 0) {
      empty_years.push_back(y);
      step += 1 + site_tables.size();
      continue;
    }
    reported.push_back(&fig);
    std::vector<int> compared_years;
    std::vector<std::string> not_covered;
    for (int c : compared_with(y)) {
      if (covers(c)) {
        compared_years.push_back(c);
      } else {
        (compare.empty() ? uncovered_default : uncovered_explicit).insert(c);
        not_covered.push_back(figs.at(c).period.label);
      }
    }
    std::vector<const figures::Figures*> previous;
    for (int c : compared_years) previous.push_back(&figs.at(c));
    auto add_outputs = [&](const figures::Figures& f, const std::vector<const figures::Figures*>& before,
                           const std::string& suffix) {
      for (const auto& format : o.formats) {
        if (format == "md") {
          auto view = render::report_view(f, nf, before, not_covered);
          // Charts beside the report, referenced from it.
          std::string base = fmt::format("rapport-{}{}", f.period.label, suffix);
          auto charts = render::report_charts(f, base, nf);
          kainjow::mustache::data chart_names;
          for (auto& [name, svg] : charts.files) outputs.add(name, std::move(svg));
          for (const auto& [key, name] : charts.names) chart_names.set(key, name);
          view.set("charts", chart_names);
          outputs.add(base + ".md", render::render_template(report_template, report_name, view, render::Escaping::markdown));
        } else if (format == "json") {
          outputs.add(fmt::format("figures-{}{}.json", f.period.label, suffix), render::figures_json_text(f));
        } else if (format == "xlsx") {
          outputs.add(fmt::format("rapport-{}{}.xlsx", f.period.label, suffix),
                      render::xlsx_workbook_report(f, nf, fs::temp_directory_path()));
        } else if (format == "tex" || format == "pdf") {
          std::string tex = render::render_template(latex_template, latex_name,
                                                    render::report_view(f, nf, before, not_covered), render::Escaping::latex);
          if (format == "tex") outputs.add(fmt::format("rapport-{}{}.tex", f.period.label, suffix), tex);
          else outputs.add(fmt::format("rapport-{}{}.pdf", f.period.label, suffix), render::compile_pdf(tex, fs::temp_directory_path(), pdf_date(f)));
        }
      }
      office.add(outputs, f, nf, before, not_covered, suffix);  // docx, odt
    };
    add_outputs(fig, previous, "");
    rendering.update(static_cast<double>(++step) / static_cast<double>(steps));
    // One report per site (--by site), each compared with the same site's years the data covers.
    for (size_t s = 0; s < site_tables.size(); ++s) {
      const figures::Figures& sf = site_figures(s, y);
      if (sf.stays.overlapping > 0) {
        std::vector<const figures::Figures*> before;
        for (int c : compared_years) {
          const figures::Figures& pf = site_figures(s, c);
          if (pf.stays.overlapping > 0) before.push_back(&pf);
        }
        add_outputs(sf, before, site_suffixes[s]);
      }
      rendering.update(static_cast<double>(++step) / static_cast<double>(steps));
    }
  }
  // Why a year has no report: no stay overlaps it, or it starts after the file's latest date.
  auto no_data = [&](int y) {
    const auto& period = periods[static_cast<size_t>(std::find(needed.begin(), needed.end(), y) - needed.begin())];
    if (read.table.has_data_for(period.start)) return fmt::format("no stay overlaps {}", figs.at(y).period.label);
    return fmt::format("no data for {}: the latest date in the file is {}", figs.at(y).period.label,
                       util::iso(read.table.latest_date));
  };
  rendering.done();
  if (reported.empty())
    throw DataError(years.size() == 1 ? fmt::format("{}: {}: nothing to report", o.input, no_data(years[0]))
                                      : fmt::format("{}: no stay overlaps {}: nothing to report", o.input, o.year));
  if (years.size() > 1 && markdown) {
    std::string index_template = template_text(config.index_template, fmt::format("index.{}.md", config.lang), index_name);
    std::vector<const figures::Figures*> all;
    for (int y : years) all.push_back(&figs.at(y));
    std::vector<std::pair<std::string, std::optional<int64_t>>> trend;  // years without data keep their place
    for (int y = years.front(); y <= years.back(); ++y) {  // one place per year, listed or not
      const figures::Figures* f = figs.count(y) && std::find(years.begin(), years.end(), y) != years.end() ? &figs.at(y) : nullptr;
      trend.emplace_back(model::make_period(y, config.start_month).label,
                         f && f->stays.overlapping > 0 ? std::optional<int64_t>(f->people.present) : std::nullopt);
    }
    outputs.add("index-tendance.svg",
                render::svg_trend_chart(trend, nf.french ? "Personnes accueillies par année" : "People present per year", nf));
    outputs.add("index.md", render::render_template(index_template, index_name, render::index_view(all, config, nf),
                                                    render::Escaping::markdown));
  }
  auto written = outputs.commit();
  auto t_end = std::chrono::steady_clock::now();

  if (o.verbose) {
    auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
    std::cerr << fmt::format("ctreport: config: {}\n", loaded.source);
    std::cerr << fmt::format("ctreport: input: {} ({}), header on row {}\n", o.input, read.source, read.header_row);
    for (const auto& [field, header] : read.mapping)
      std::cerr << fmt::format("ctreport: column '{}' -> {}\n", header, field);
    for (const auto& header : read.table.unused_headers)
      std::cerr << fmt::format("ctreport: column '{}' not used\n", header);
    std::cerr << fmt::format("ctreport: {} rows read, {} stays kept, {} persons\n", read.rows_read,
                             read.table.stays.size(), read.table.person_count);
    std::cerr << fmt::format("ctreport: timings: read {:.1f} ms, figures {:.1f} ms, render+write {:.1f} ms\n",
                             ms(t0, t_read), ms(t_read, t_fig), ms(t_fig, t_end));
  }
  if (!o.quiet) {
    for (int c : uncovered_explicit)
      std::cerr << fmt::format("ctreport: warning: --compare {}: the data does not cover {} ({}): no comparison with it\n",
                               figs.at(c).period.label, figs.at(c).period.label, not_covered_reason(c));
    for (const auto& w : data_warnings) std::cerr << fmt::format("ctreport: warning: {}: {}\n", loaded.source, w);
    for (int y : empty_years)
      std::cerr << fmt::format("ctreport: warning: {}: {}: no report for it\n", o.input, no_data(y));
    for (const auto* f : reported) print_warnings(*f, o.input, o.verbose);
    for (const auto* f : reported) print_summary(*f, nf);
    for (int c : uncovered_default) {
      const auto& f = figs.at(c);
      bool fr = nf.french;
      std::string why = f.stays.overlapping == 0 ? (fr ? "aucun séjour" : "no stay")
                                                 : fmt::format("{} {}", fr ? "aucune sortie jusqu'au" : "no exit up to",
                                                               nf.date(util::parse_date(f.period.end, 2200).day));
      std::cout << fmt::format("  {:<24}{}{} {} ({})\n", fr ? "sans comparaison" : "not compared", f.period.label,
                               fr ? " :" : ":", fr ? "les données ne couvrent pas cette année" : "the data does not cover that year",
                               why);
    }
    for (const auto& p : written) std::cout << fmt::format("  {:<24}{}\n", nf.french ? "écrit" : "written", p.string());
  }
  return static_cast<int>(ExitCode::ok);
}

}  // namespace ctreport::cli
