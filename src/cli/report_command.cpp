// `ctreport YEAR FILE` and batches, as a sequence of steps: plan the periods
// and comparisons, read the data once, compute each period (and each site's),
// render each report in its formats, write them all or nothing, summarise.
// The rules of each step live below cli/ (model::plan_report,
// model::split_by_site, figures::covers, render::report_files).
#include "cli/report_command.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "cli/office_reports.hpp"
#include "cli/pipeline.hpp"
#include "cli/progress.hpp"
#include "figures/activity_compute.hpp"
#include "figures/followup_compute.hpp"
#include "figures/compute.hpp"
#include "figures/coverage.hpp"
#include "figures/stay_checks.hpp"
#include "input/stay_reader.hpp"
#include "model/config.hpp"
#include "model/report_plan.hpp"
#include "model/site_split.hpp"
#include "model/summary_texts.hpp"
#include "render/latex_pdf.hpp"
#include "render/number_format.hpp"
#include "render/report_files.hpp"
#include "render/report_view.hpp"
#include "render/template_engine.hpp"
#include "render/template_tags.hpp"
#include "util/date.hpp"
#include "util/embedded_files.hpp"
#include "util/errors.hpp"
#include "util/output_files.hpp"
#include "util/parallel_for.hpp"

namespace ctreport::cli {

namespace fs = std::filesystem;

namespace {

const model::SummaryTexts& texts_of(const render::NumberFormat& nf) {
  return model::summary_texts(nf.french ? model::Lang::fr : model::Lang::en);
}

void print_summary(const figures::Figures& f, const render::NumberFormat& nf) {
  const auto& t = texts_of(nf);
  std::cout << fmt::format("{} {}{}\n", t.report, f.period.label,
                           f.establishment.name.empty() ? "" : " — " + f.establishment.name);
  std::cout << fmt::format("  {:<24}{} ({} {}, {} {})\n", t.people_present, nf.integer(f.people.present),
                           t.present_at_start, nf.integer(f.people.present_at_start), t.admitted,
                           nf.integer(f.people.admitted));
  // The language's plural rule: French singular for 0 and 1, English for 1 only.
  auto count = [&](int64_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", nf.integer(n), nf.plural(n) ? many : one);
  };
  std::cout << fmt::format("  {:<24}{}, {}\n", t.exits, count(f.people.exited, t.person, t.people),
                           count(f.stays.exits, t.stay, t.stays));
  if (f.occupancy.has_capacity)
    std::cout << fmt::format("  {:<24}{} ({} / {} {})\n", t.occupancy_rate, nf.percent(f.occupancy.rate),
                             nf.integer(f.occupancy.bed_days), nf.integer(f.occupancy.capacity_days), t.days);
  else
    std::cout << fmt::format("  {:<24}{}\n", t.bed_days, nf.integer(f.occupancy.bed_days));
  std::cout << fmt::format("  {:<24}{}\n", t.warnings, nf.integer(static_cast<int64_t>(f.quality.warning_rows)));
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

// A year compared by default (the year before) that the data does not cover.
void print_not_compared(const figures::Figures& f, const render::NumberFormat& nf) {
  const auto& t = texts_of(nf);
  std::string why = f.stays.overlapping == 0
                        ? std::string(t.no_stay)
                        : fmt::format("{} {}", t.no_exit_up_to, nf.date(util::parse_date(f.period.end, 2200).day));
  std::cout << fmt::format("  {:<24}{}{} {} ({})\n", t.not_compared, f.period.label, t.colon, t.not_covered, why);
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

bool wants(const std::vector<std::string>& formats, const char* format) {
  return std::find(formats.begin(), formats.end(), format) != formats.end();
}

void check_formats(const std::vector<std::string>& formats) {
  for (const auto& f : formats)
    if (f != "md" && f != "json" && f != "tex" && f != "pdf" && f != "xlsx" && !is_office_format(f))
      throw UsageError(fmt::format("unknown format '{}' (expected md, tex, pdf, docx, odt, xlsx or json)", f));
  if (wants(formats, "pdf") && !render::latex_engine())
    throw UsageError(
        "--format pdf needs LaTeX, which is not installed: run 'CTREPORT_WITH_LATEX=1 bash scripts/setup.sh example' "
        "(or apt-get install latexmk texlive-latex-recommended texlive-pictures texlive-lang-french), or use --format tex "
        "and compile it yourself");
}

// What a run needs before reading the data: its config, its periods and
// comparisons, and its templates, every tag checked.
struct ReportSetup {
  LoadedConfig loaded;
  model::ReportPlan plan;
  render::ReportTemplates templates;
  std::optional<OfficeReports> office;  // docx, odt: pandoc, template and reference documents checked
  bool with_comparisons = false;  // a format that shows comparisons (md, tex, pdf, docx, odt, xlsx) is asked for
  bool with_index = false;        // a report format (md, tex, pdf, docx, odt): a batch has its index
  const model::Config& config() const { return loaded.config; }
};

ReportSetup set_up(const ReportOptions& o) {
  ReportSetup s{load_config(o.config_path, o.input), {}, {}, std::nullopt, false};
  model::Config& config = s.loaded.config;
  if (!o.lang.empty()) config.lang = o.lang;
  if (!o.by.empty() && o.by != "site") config.columns[model::Field::site] = {o.by};
  model::complete_capacity_from_sites(config);
  std::vector<int> years = parse_years(o.year, config.start_month);
  std::vector<int> compare = o.compare.empty() ? std::vector<int>{} : parse_years(o.compare, config.start_month);
  // The reports and the workbook show comparisons: figures.json is one period's.
  s.with_index = std::any_of(o.formats.begin(), o.formats.end(), [](const std::string& f) {
    return f == "md" || f == "tex" || f == "pdf" || is_office_format(f);
  });
  s.with_comparisons = s.with_index || wants(o.formats, "xlsx");
  s.plan = model::plan_report(years, compare, config.start_month, s.with_comparisons);

  render::ReportTemplates& t = s.templates;
  t.latex = template_text(config.latex_template, fmt::format("report.{}.tex", config.lang), t.latex_name);
  t.markdown = template_text(o.template_path.empty() ? config.report_template : o.template_path,
                             fmt::format("report.{}.md", config.lang), t.markdown_name);
  if (wants(o.formats, "md")) render::check_template(t.markdown, t.markdown_name, render::report_view_schema(config, true));
  if (wants(o.formats, "tex") || wants(o.formats, "pdf"))
    render::check_template(t.latex, t.latex_name, render::report_view_schema(config, false));
  s.office.emplace(config, o.formats);
  if (s.plan.years.size() > 1 && s.with_index) {
    t.index = template_text(config.index_template, fmt::format("index.{}.md", config.lang), t.index_name);
    render::check_template(t.index, t.index_name, render::index_view_schema(config));
  }
  return s;
}

model::SiteSplit split_sites(const ReportOptions& o, const input::ReadResult& read, const model::Config& config) {
  if (o.by.empty()) return {};
  if (!read.table.has_column[static_cast<size_t>(model::Field::site)])
    throw UsageError(fmt::format("{}: no site column to split by (expected a header such as 'Site' or 'Unité', or name "
                                 "it: --by \"Header\")",
                                 o.input));
  return model::split_by_site(read.table, config);
}

// The files read beside the stays, when given.
struct SideFiles {
  std::optional<input::ActivityReadResult> activities;
  std::optional<input::FollowupReadResult> followup;
};

// The figures of every period of the plan, for the whole establishment, with
// the activity log's and the follow-up's when there are.
std::map<int, figures::Figures> compute_periods(const input::ReadResult& read, const SideFiles& side,
                                                const ReportSetup& s, unsigned threads, bool quiet) {
  const auto& activities = side.activities;
  const auto& followup = side.followup;
  const model::ReportPlan& plan = s.plan;
  std::vector<figures::Figures> computed(plan.periods.size());
  Progress progress("ctreport: computing", !quiet && stderr_is_terminal() && plan.needed.size() > 3);
  // Each period's stays and every exit by person: found once for every period.
  const std::vector<std::vector<uint32_t>> period_stays = figures::stays_of_periods(read.table, plan.periods);
  const figures::ExitsByPerson exits = figures::exits_by_person(read.table);
  // The periods are independent: each task writes its own figures only.
  util::parallel_for(plan.periods.size(), threads, [&](size_t i) {
    // Findings about rows outside every period go to the batch's last year only.
    model::WarningLog period_warnings = read.warnings_for(plan.periods[i], plan.needed[i] == plan.years.back());
    if (activities) period_warnings.merge(activities->warnings);  // findings about the log's values: every report
    if (followup) period_warnings.merge(followup->warnings);
    figures::Figures& f = computed[i] = figures::compute_figures(
        {read.table, s.config(), plan.periods[i], read.rows_read, read.source, &period_warnings, &period_stays[i], &exits});
    if (activities) figures::compute_activities({activities->log, s.config(), read.table, plan.periods[i]}, f);
    if (followup) figures::compute_followup({followup->log, s.config(), read.table, plan.periods[i]}, f);
  }, [&](size_t done) { progress.update(static_cast<double>(done) / static_cast<double>(plan.periods.size())); });
  progress.done();
  std::map<int, figures::Figures> figs;
  for (size_t i = 0; i < computed.size(); ++i) figs[plan.needed[i]] = std::move(computed[i]);
  return figs;
}

// Each site's figures per year, computed once when first asked for (a year
// may be reported and compared with). Threads asking for different sites do
// not share anything.
class SiteFigures {
 public:
  SiteFigures(const input::ReadResult& read, const model::SiteSplit& sites, const ReportSetup& s)
      : m_read(read), m_sites(sites), m_setup(s), m_figs(sites.size()) {}
  const figures::Figures& get(size_t site, int year) {
    auto& figs = m_figs[site];
    if (auto it = figs.find(year); it != figs.end()) return it->second;
    const model::Period& period = m_setup.plan.period_of(year);
    model::WarningLog w = m_read.warnings_for(period, static_cast<uint16_t>(site), year == m_setup.plan.years.back());
    auto f = figures::compute_figures(
        {m_sites.tables[site], m_setup.config(), period, m_read.rows_read, m_read.source, &w, nullptr, nullptr,
         &m_sites.capacities[site]});
    f.establishment.name = m_sites.names[site];
    return figs.emplace(year, std::move(f)).first->second;
  }

 private:
  const input::ReadResult& m_read;
  const model::SiteSplit& m_sites;
  const ReportSetup& m_setup;
  std::vector<std::map<int, figures::Figures>> m_figs;  // by site, then year
};

// What rendering found out, for the summary.
struct RenderOutcome {
  std::vector<const figures::Figures*> reported;
  std::vector<int> empty_years;                          // no stay overlaps them: no report
  std::set<int> uncovered_explicit, uncovered_default;   // compared years the data does not cover
};

// The years `year` is compared with that the data covers; the others go to `out`.
std::vector<int> covered_comparisons(int year, const ReportSetup& s, const input::ReadResult& read,
                                     const std::map<int, figures::Figures>& figs, RenderOutcome& out,
                                     std::vector<std::string>& not_covered) {
  std::vector<int> covered;
  for (int c : s.plan.compared.at(year)) {
    if (figures::covers(figs.at(c), s.plan.period_of(c), read.first_exit)) {
      covered.push_back(c);
    } else {
      (s.plan.explicit_compare ? out.uncovered_explicit : out.uncovered_default).insert(c);
      not_covered.push_back(figs.at(c).period.label);
    }
  }
  return covered;
}

// Every report of the run, added to `outputs`: each year with stays, then its
// sites' (--by site), each compared with the years the data covers.
RenderOutcome render_reports(const ReportOptions& o, const ReportSetup& s, const input::ReadResult& read,
                             const model::SiteSplit& sites, const std::map<int, figures::Figures>& figs,
                             util::OutputFiles& outputs) {
  RenderOutcome out;
  const render::NumberFormat nf = render::NumberFormat::for_lang(s.config().lang);
  SiteFigures site_figures(read, sites, s);
  auto add = [&](const render::ReportRequest& r) {
    for (auto& [name, content] : render::report_files(r, o.formats, s.templates, nf)) outputs.add(name, std::move(content));
    s.office->add(outputs, r.figures, nf, r.previous, r.not_covered, r.suffix);  // docx, odt
  };
  const unsigned threads = worker_threads(o.threads);
  size_t steps = s.plan.years.size() * (1 + sites.size()), step = 0;
  Progress rendering("ctreport: rendering", !o.quiet && stderr_is_terminal() && steps > 3);
  const std::string no_suffix;
  for (int y : s.plan.years) {
    const auto& fig = figs.at(y);
    if (fig.stays.overlapping == 0) {
      out.empty_years.push_back(y);
      step += 1 + sites.size();
      continue;
    }
    out.reported.push_back(&fig);
    std::vector<std::string> not_covered;
    std::vector<int> compared_years = covered_comparisons(y, s, read, figs, out, not_covered);
    std::vector<const figures::Figures*> previous;
    for (int c : compared_years) previous.push_back(&figs.at(c));
    add({fig, previous, not_covered, no_suffix});
    rendering.update(static_cast<double>(++step) / static_cast<double>(steps));
    // The sites' reports are computed and rendered on `threads` threads, then
    // added in the sites' order: the same files whatever the threads.
    struct SiteReport {
      const figures::Figures* figures = nullptr;  // none: no stay of the site overlaps the year
      std::vector<const figures::Figures*> before;
      render::NamedFiles files;
    };
    std::vector<SiteReport> site_reports(sites.size());
    const size_t year_step = step;
    util::parallel_for(sites.size(), threads, [&](size_t site) {
      const figures::Figures& sf = site_figures.get(site, y);
      if (sf.stays.overlapping == 0) return;
      SiteReport& r = site_reports[site];
      r.figures = &sf;
      for (int c : compared_years)
        if (const figures::Figures& pf = site_figures.get(site, c); pf.stays.overlapping > 0) r.before.push_back(&pf);
      r.files = render::report_files({sf, r.before, not_covered, sites.suffixes[site]}, o.formats, s.templates, nf);
    }, [&](size_t done) { rendering.update(static_cast<double>(year_step + done) / static_cast<double>(steps)); });
    step += sites.size();
    for (size_t site = 0; site < sites.size(); ++site) {
      SiteReport& r = site_reports[site];
      if (!r.figures) continue;
      for (auto& [name, content] : r.files) outputs.add(name, std::move(content));
      s.office->add(outputs, *r.figures, nf, r.before, not_covered, sites.suffixes[site]);  // docx, odt
    }
  }
  rendering.done();
  return out;
}

// Why a year has no report: no stay overlaps it, or it starts after the file's latest date.
std::string no_data(const input::ReadResult& read, const model::ReportPlan& plan, const figures::Figures& f) {
  if (read.table.has_data_for(plan.period_of(f.period.year).start))
    return fmt::format("no stay overlaps {}", f.period.label);
  return fmt::format("no data for {}: the latest date in the file is {}", f.period.label, util::iso(read.table.latest_date));
}

void add_index(const ReportSetup& s, const std::map<int, figures::Figures>& figs, util::OutputFiles& outputs) {
  if (s.plan.years.size() <= 1 || !s.with_index) return;
  std::vector<const figures::Figures*> all;
  for (int y : s.plan.years) all.push_back(&figs.at(y));
  for (auto& [name, content] :
       render::index_files(all, s.config(), s.templates, render::NumberFormat::for_lang(s.config().lang)))
    outputs.add(name, std::move(content));
}

using Clock = std::chrono::steady_clock;
struct Timings {
  Clock::time_point start = Clock::now(), read, figures, end;
};

void print_verbose_activities(const input::ActivityReadResult& a) {
  const model::ActivityLog& log = a.log;
  std::cerr << fmt::format("ctreport: activities: {} ({}), header on row {}\n", log.file, log.source, log.header_row);
  for (const auto& [field, header] : log.mapping) std::cerr << fmt::format("ctreport: activity column '{}' -> {}\n", header, field);
  for (const auto& header : log.unused_headers) std::cerr << fmt::format("ctreport: activity column '{}' not used\n", header);
  std::cerr << fmt::format("ctreport: activities: {} rows read, {} in the periods reported, {} outside them (ignored)\n",
                           log.rows_read, log.rows.size(), log.rows_outside);
}

void print_verbose_followup(const input::FollowupReadResult& f) {
  const model::FollowupLog& log = f.log;
  std::cerr << fmt::format("ctreport: follow-up: {} ({}), header on row {}\n", log.file, log.source, log.header_row);
  for (const auto& [field, header] : log.mapping) std::cerr << fmt::format("ctreport: follow-up column '{}' -> {}\n", header, field);
  for (const auto& header : log.unused_headers) std::cerr << fmt::format("ctreport: follow-up column '{}' not used\n", header);
  std::cerr << fmt::format("ctreport: follow-up: {} rows read, {} near the periods reported, {} far from them (ignored)\n",
                           log.rows_read, log.contacts.size(), log.rows_outside);
}

void print_verbose(const ReportOptions& o, const ReportSetup& s, const input::ReadResult& read, const Timings& t) {
  auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
  std::cerr << fmt::format("ctreport: config: {}\n", s.loaded.source);
  std::cerr << fmt::format("ctreport: input: {} ({}), header on row {}\n", o.input, read.source, read.header_row);
  for (const auto& [field, header] : read.mapping) std::cerr << fmt::format("ctreport: column '{}' -> {}\n", header, field);
  for (const auto& header : read.table.unused_headers) std::cerr << fmt::format("ctreport: column '{}' not used\n", header);
  std::cerr << fmt::format("ctreport: {} rows read, {} stays kept, {} persons\n", read.rows_read, read.table.stays.size(),
                           read.table.person_count);
  std::cerr << fmt::format("ctreport: timings: read {:.1f} ms, figures {:.1f} ms, render+write {:.1f} ms\n",
                           ms(t.start, t.read), ms(t.read, t.figures), ms(t.figures, t.end));
}

// The messages and the summary of a run that wrote its files.
void print_outcome(const ReportOptions& o, const ReportSetup& s, const input::ReadResult& read,
                   const std::map<int, figures::Figures>& figs, const model::SiteSplit& sites,
                   const RenderOutcome& r, const std::vector<fs::path>& written) {
  const render::NumberFormat nf = render::NumberFormat::for_lang(s.config().lang);
  for (int c : r.uncovered_explicit)
    std::cerr << fmt::format("ctreport: warning: --compare {}: the data does not cover {} ({}): no comparison with it\n",
                             figs.at(c).period.label, figs.at(c).period.label, figures::not_covered_reason(figs.at(c)));
  for (const auto& w : sites.config_warnings) std::cerr << fmt::format("ctreport: warning: {}: {}\n", s.loaded.source, w);
  for (int y : r.empty_years)
    std::cerr << fmt::format("ctreport: warning: {}: {}: no report for it\n", o.input, no_data(read, s.plan, figs.at(y)));
  for (const auto* f : r.reported) print_warnings(*f, o.input, o.verbose);
  for (const auto* f : r.reported) print_summary(*f, nf);
  for (int c : r.uncovered_default) print_not_compared(figs.at(c), nf);
  for (const auto& p : written) std::cout << fmt::format("  {:<24}{}\n", texts_of(nf).written, p.string());
}

}  // namespace

int run_report(const ReportOptions& o) {
  Timings t;
  check_formats(o.formats);
  const ReportSetup s = set_up(o);
  input::ReadResult read = read_input(o.input, s.config(), s.plan.periods, o.sheet, o.quiet,
                                      followup_past_months(o.followup, o.input, s.config()), o.threads);
  input::throw_if_errors(read, o.input);
  SideFiles side;
  side.activities = read_activity_log(o.activities, o.input, read, s.config(), s.plan.periods, o.quiet);
  side.followup = read_followup_file(o.followup, o.input, read, s.config(), s.plan.periods, o.quiet);
  const auto& activities = side.activities;
  read.persons.reset();  // the identifiers served the side files' joins only: not kept through the figures
  t.read = Clock::now();
  const model::SiteSplit sites = split_sites(o, read, s.config());
  const std::map<int, figures::Figures> figs = compute_periods(read, side, s, worker_threads(o.threads), o.quiet);
  t.figures = Clock::now();

  util::OutputFiles outputs(o.output_dir);  // the only writer there: scratch files go to the temp folder
  outputs.on_lock_wait([&](const std::string& m) { if (!o.quiet) std::cerr << "ctreport: " << m << "\n"; });
  RenderOutcome rendered = render_reports(o, s, read, sites, figs, outputs);
  if (rendered.reported.empty())
    throw DataError(s.plan.years.size() == 1
                        ? fmt::format("{}: {}: nothing to report", o.input, no_data(read, s.plan, figs.at(s.plan.years[0])))
                        : fmt::format("{}: no stay overlaps {}: nothing to report", o.input, o.year));
  add_index(s, figs, outputs);
  auto written = outputs.commit();
  t.end = Clock::now();

  if (o.verbose) print_verbose(o, s, read, t);
  if (o.verbose && activities) print_verbose_activities(*activities);
  if (o.verbose && side.followup) print_verbose_followup(*side.followup);
  if (!o.quiet) print_outcome(o, s, read, figs, sites, rendered, written);
  return static_cast<int>(ExitCode::ok);
}

}  // namespace ctreport::cli
