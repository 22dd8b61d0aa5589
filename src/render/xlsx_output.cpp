// Excel workbook output with native charts, in the report's order, with the
// compared years' columns, set up for printing.
#include "render/xlsx_output.hpp"

#include "render/xlsx_activities.hpp"
#include "render/xlsx_followup.hpp"

#include <unistd.h>

#include <fstream>
#include <mutex>
#include <optional>
#include <random>
#include <sstream>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "model/breakdown_texts.hpp"
#include "model/document_texts.hpp"
#include "model/fields.hpp"
#include "model/missing_column_texts.hpp"
#include "model/warning_texts.hpp"
#include "model/workbook_texts.hpp"
#include "render/identity_line.hpp"
#include "render/origin_lines.hpp"
#include "render/report_view.hpp"
#include "render/xlsx_progress.hpp"
#include "render/xlsx_sheet.hpp"
#include "util/date.hpp"
#include "util/errors.hpp"

namespace ctreport::render {

namespace {

using Previous = std::vector<const figures::Figures*>;

// What every sheet is written from.
struct Report {
  const figures::Figures& f;
  const Previous& previous;  // most recent first
  const NumberFormat& nf;
  model::Lang lang;
  const model::WorkbookTexts& text;
};

std::string with_label(std::string_view pattern, const std::string& label) {
  return fmt::format(fmt::runtime(pattern), label);
}

// "Non disponible dans l'export (…)": the sentence with a capital.
std::string not_available_sentence(const std::vector<std::string>& fields, model::Lang lang) {
  std::string text = model::not_available_text(fields, lang);
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

// A line of `d` by its key: its count and share, 0 when the category is absent.
std::pair<double, std::optional<double>> line_in(const figures::Distribution& d, const std::string& key) {
  for (const auto& l : d.lines)
    if (l.key == key) return {static_cast<double>(l.count), l.share};
  return {0.0, d.total > 0 ? std::optional<double>(0.0) : std::nullopt};
}

// A distribution's block: its header row, a row per line, the total; per
// compared year, its count, share and the changes since then. Returns the row after it.
lxw_row_t distribution_block(XlsxSheet& s, const XlsxBook& book, const Report& rep, const std::string& heading,
                             size_t index, lxw_row_t r) {
  const bool en = rep.lang == model::Lang::en;
  const figures::Distribution d = distribution_as_shown(rep.f, index, en);
  std::vector<std::pair<std::string, figures::Distribution>> before;
  for (const auto* p : rep.previous) before.emplace_back(p->period.label, distribution_as_shown(*p, index, en));
  s.text(r, 0, heading, book.fm.bold);
  s.header(r, 1, rep.text.count, book.fm.header);
  s.header(r, 2, "%", book.fm.header);
  lxw_col_t c = 3;
  for (const auto& [label, b] : before) {
    s.header(r, c++, label, book.fm.header);
    s.header(r, c++, with_label(rep.text.share_in, label), book.fm.header);
    s.header(r, c++, with_label(rep.text.change_since, label), book.fm.header);
    s.header(r, c++, with_label(rep.text.points_since, label), book.fm.header);
  }
  ++r;
  for (const auto& l : d.lines) {
    s.text(r, 0, l.label);  // a string, never a formula
    s.number(r, 1, static_cast<double>(l.count), book.fm.count);
    if (l.share) s.number(r, 2, *l.share, book.fm.percent);
    c = 3;
    for (const auto& [label, b] : before) {
      std::optional<double> count, share;
      if (b.available) std::tie(count, share) = line_in(b, l.key);
      s.value(r, c++, XlsxValue::count, count);
      s.value(r, c++, XlsxValue::share, share);
      s.change(r, c++, XlsxValue::count, static_cast<double>(l.count), count, rep.nf);
      s.change(r, c++, XlsxValue::share, l.share, share, rep.nf);
    }
    ++r;
  }
  s.text(r, 0, rep.text.total, book.fm.bold);
  s.number(r, 1, static_cast<double>(d.total), book.fm.count_bold);
  c = 3;
  for (const auto& [label, b] : before) {
    std::optional<double> total = b.available ? std::optional<double>(static_cast<double>(b.total)) : std::nullopt;
    s.value(r, c, XlsxValue::count, total);
    s.change(r, c + 2, XlsxValue::count, static_cast<double>(d.total), total, rep.nf);
    c += 4;
  }
  return r + 1;
}

// A bar chart of the first block's lines (rows 1 to `lines`).
lxw_chart* bar_chart(const XlsxBook& book, const std::string& sheet, size_t lines) {
  lxw_chart* chart = workbook_add_chart(book.wb, LXW_CHART_BAR);
  lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
  chart_series_set_categories(series, sheet.c_str(), 1, 0, static_cast<lxw_row_t>(lines), 0);
  chart_series_set_values(series, sheet.c_str(), 1, 1, static_cast<lxw_row_t>(lines), 1);
  chart_title_set_name(chart, sheet.c_str());
  chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
  chart_axis_set_reverse(chart->y_axis);
  return chart;
}

// The sheet of breakdown `index`, with the breakdowns declared below it
// (SheetPlacement::below_previous) as further blocks, and its chart.
void breakdown_sheet(const XlsxBook& book, const Report& rep, size_t index) {
  const std::string name(model::breakdown_text(model::k_breakdowns[index], rep.lang).sheet);
  XlsxSheet s(book, name);
  const figures::Distribution& first = rep.f.breakdowns[index];
  if (!first.available) {  // one line saying so, no count, no chart (docs/figures.md, "A missing column")
    s.text(0, 0, name, book.fm.bold);
    s.text(1, 0, not_available_sentence(first.missing_fields, rep.lang));
    return s.finish(1, 0);
  }
  lxw_row_t r = distribution_block(s, book, rep, name, index, 0);
  for (size_t i = index + 1; i < model::k_breakdown_count && model::k_breakdowns[i].sheet != model::SheetPlacement::own;
       ++i) {
    if (model::k_breakdowns[i].sheet != model::SheetPlacement::below_previous) continue;
    std::string heading(model::breakdown_text(model::k_breakdowns[i], rep.lang).sheet);
    if (auto at = heading.find("{end}"); at != std::string::npos)
      heading.replace(at, 5, rep.nf.date(util::parse_date(rep.f.period.end, 2200).day));
    r = distribution_block(s, book, rep, heading, i, r + 1);
  }
  const size_t lines = distribution_as_shown(rep.f, index, rep.lang == model::Lang::en).lines.size();
  if (lines > 0) s.chart_below(bar_chart(book, name, lines));
  s.finish(0, 0);
}

// A key figure: its label, how it is shown, its value in a period (none when
// the export has no column for it).
struct KeyFigure {
  std::string_view model::KeyFigureLabels::*label;
  XlsxValue kind;
  std::optional<double> (*value)(const figures::Figures&);
};

std::optional<double> headcount(const figures::Headcount& h) {
  return h.available ? std::optional<double>(static_cast<double>(h.count)) : std::nullopt;
}
std::optional<double> share(const figures::Headcount& h) { return h.available ? h.share : std::nullopt; }
std::optional<double> number(int64_t n) { return static_cast<double>(n); }

using L = model::KeyFigureLabels;
using F = figures::Figures;
// clang-format off
const KeyFigure k_key_figures[] = {
  {&L::people_present, XlsxValue::count, [](const F& f) { return number(f.people.present); }},
  {&L::people_admitted, XlsxValue::count, [](const F& f) { return number(f.people.admitted); }},
  {&L::people_exited, XlsxValue::count, [](const F& f) { return number(f.people.exited); }},
  {&L::present_at_start, XlsxValue::count, [](const F& f) { return number(f.people.present_at_start); }},
  {&L::present_at_end, XlsxValue::count, [](const F& f) { return number(f.people.present_at_end); }},
  {&L::admissions, XlsxValue::count, [](const F& f) { return number(f.stays.admissions); }},
  {&L::exits, XlsxValue::count, [](const F& f) { return number(f.stays.exits); }},
  {&L::bed_days, XlsxValue::count, [](const F& f) { return number(f.occupancy.bed_days); }},
  {&L::capacity_days, XlsxValue::count, [](const F& f) { return number(f.occupancy.capacity_days); }},
  {&L::occupancy_rate, XlsxValue::share, [](const F& f) { return f.occupancy.rate; }},
  {&L::average_present, XlsxValue::decimal, [](const F& f) { return std::optional<double>(f.occupancy.average_present); }},
  {&L::women_share, XlsxValue::share, [](const F& f) {  // none without a sex column: the distribution has no lines
     for (const auto& l : f.breakdown("sex").lines)
       if (l.key == "F") return l.share;
     return std::optional<double>();
   }},
  {&L::mean_age, XlsxValue::decimal, [](const F& f) { return f.age.mean; }},
  {&L::mean_stay_days, XlsxValue::decimal, [](const F& f) { return f.stay_length.mean_days; }},
  {&L::median_stay_days, XlsxValue::decimal, [](const F& f) { return f.stay_length.median_days; }},
  {&L::stayers_mean_days, XlsxValue::decimal, [](const F& f) { return f.stay_length.stayers.mean_days; }},
  {&L::housing_solution, XlsxValue::count, [](const F& f) { return headcount(f.exits.housing_solution); }},
  {&L::share_of_exits, XlsxValue::share, [](const F& f) { return share(f.exits.housing_solution); }},
  {&L::employment, XlsxValue::count, [](const F& f) { return headcount(f.exits.employment); }},
  {&L::training, XlsxValue::count, [](const F& f) { return headcount(f.exits.training); }},
  // Returns: no values when the export cannot say (the report says why).
  {&L::readmitted, XlsxValue::count,
   [](const F& f) { return f.returns.available ? headcount(f.returns.readmitted) : std::nullopt; }},
  {&L::share_of_those_who_left, XlsxValue::share,
   [](const F& f) { return f.returns.available ? share(f.returns.readmitted) : std::nullopt; }},
  {&L::within_12_months, XlsxValue::count,
   [](const F& f) { return f.returns.available ? headcount(f.returns.within_12_months) : std::nullopt; }},
  {&L::share_of_admissions, XlsxValue::share,
   [](const F& f) { return f.returns.available ? share(f.returns.within_12_months) : std::nullopt; }},
};
// clang-format on

// The title, the establishment, then the headline figures, each with the
// compared years' values and the changes since them.
void key_figures_sheet(const XlsxBook& book, const Report& rep) {
  XlsxSheet s(book, std::string(rep.text.key_figures_sheet));
  s.title(0, model::report_title(rep.lang, rep.f.period.label), book.fm.title);
  lxw_row_t r = 1;
  if (!rep.f.establishment.name.empty()) s.title(r++, rep.f.establishment.name, book.fm.bold);
  const std::string identity = identity_line(rep.f, rep.lang);  // its parts one a row: the line is wider than the page
  for (size_t start = 0; !identity.empty() && start <= identity.size();) {
    size_t end = std::min(identity.find(" · ", start), identity.size());
    s.title(r++, identity.substr(start, end - start), nullptr);
    start = end + std::string_view(" · ").size();
  }
  const lxw_row_t header_row = ++r;
  s.text(r, 0, rep.text.indicator, book.fm.bold);
  s.header(r, 1, rep.f.period.label, book.fm.header);
  lxw_col_t c = 2;
  for (const auto* p : rep.previous) {
    s.header(r, c++, p->period.label, book.fm.header);
    s.header(r, c++, with_label(rep.text.change_since, p->period.label), book.fm.header);
  }
  for (const KeyFigure& k : k_key_figures) {
    ++r;
    s.text(r, 0, rep.text.key.*k.label);
    const std::optional<double> now = k.value(rep.f);
    if (now) s.value(r, 1, k.kind, now);
    c = 2;
    for (const auto* p : rep.previous) {
      const std::optional<double> then = k.value(*p);
      s.value(r, c++, k.kind, then);
      s.change(r, c++, k.kind, now, then, rep.nf);
    }
  }
  s.finish(header_row, header_row);
}

// The monthly occupancy and its chart.
void occupancy_sheet(const XlsxBook& book, const Report& rep) {
  const std::string name(rep.text.occupancy_sheet);
  XlsxSheet s(book, name);
  const auto& t = rep.text;
  s.text(0, 0, t.month, book.fm.bold);
  lxw_col_t c = 1;
  for (std::string_view head : {t.bed_days, t.capacity_days, t.rate, t.average_present}) s.header(0, c++, head, book.fm.header);
  lxw_row_t r = 1;
  for (const auto& m : rep.f.occupancy.monthly) {
    const int year = std::stoi(m.month.substr(0, 4));
    const auto month = static_cast<unsigned>(std::stoi(m.month.substr(5, 2)));
    s.text(r, 0, rep.nf.month(year, month));
    s.number(r, 1, static_cast<double>(m.bed_days), book.fm.count);
    s.number(r, 2, static_cast<double>(m.capacity_days), book.fm.count);
    if (m.rate) s.number(r, 3, *m.rate, book.fm.percent);
    s.number(r++, 4, m.average_present, book.fm.decimal);
  }
  const auto months = static_cast<lxw_row_t>(rep.f.occupancy.monthly.size());
  if (months > 0) {
    lxw_chart* chart = workbook_add_chart(book.wb, LXW_CHART_COLUMN);
    for (lxw_col_t col : {lxw_col_t{1}, lxw_col_t{2}}) {
      lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
      chart_series_set_categories(series, name.c_str(), 1, 0, months, 0);
      chart_series_set_values(series, name.c_str(), 1, col, months, col);
      chart_series_set_name(series, std::string(col == 1 ? t.bed_days : t.capacity_days).c_str());
    }
    chart_title_set_name(chart, name.c_str());
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    s.chart_below(chart);
  }
  s.finish(0, 0);
}

// "à l'entrée du dernier séjour de la période", "au 1er janvier 2024"…
std::string age_reference(const Report& rep) {
  const auto& m = rep.text.method;
  const std::string& ref = rep.f.counting.age_reference;
  auto day = [&](const std::string& iso) { return rep.nf.date(util::parse_date(iso, 2200).day); };
  if (ref == "entry") return std::string(m.age_at_entry);
  if (ref == "period_start") return with_label(m.age_on, day(rep.f.period.start));
  if (ref == "period_end") return with_label(m.age_on, day(rep.f.period.end));
  return with_label(m.age_at_entry_or_on, day(rep.f.period.start));
}

// The columns used ("N° dossier (identifiant de la personne), …") and not used.
std::pair<std::string, std::string> columns_text(const Report& rep) {
  std::string used, unused;
  for (const auto& [header, field] : rep.f.quality.columns) {
    auto fd = model::field_by_name(field);
    used += fmt::format("{}{} ({})", used.empty() ? "" : ", ", header, fd ? model::field_label(*fd, rep.lang) : field);
  }
  for (const auto& header : rep.f.quality.unused_columns) unused += (unused.empty() ? "" : ", ") + header;
  return {used, unused};
}

// The data warnings: their kind in plain words, the message, the row and the rows concerned.
lxw_row_t warnings_table(XlsxSheet& s, const XlsxBook& book, const Report& rep, lxw_row_t r) {
  const auto& m = rep.text.method;
  if (rep.f.quality.warnings.empty()) return r;
  s.text(r, 0, m.warning_category, book.fm.bold);
  s.text(r, 1, m.warning, book.fm.bold);
  s.header(r, 2, m.warning_row, book.fm.header);
  s.header(r++, 3, m.rows_concerned, book.fm.header);
  for (const auto& w : rep.f.quality.warnings) {
    s.text(r, 0, model::warning_kind(w.code, rep.lang), book.fm.wrap);
    s.text(r, 1, model::warning_text(w, rep.lang), book.fm.wrap);
    if (w.row) s.number(r, 2, static_cast<double>(w.row), book.fm.count_left);
    s.number(r++, 3, static_cast<double>(w.count), book.fm.count_left);
  }
  return r;
}

// The method note: the period, the source, the columns, the definitions and the data warnings.
void method_sheet(const XlsxBook& book, const Report& rep) {
  const auto& m = rep.text.method;
  const figures::Figures& f = rep.f;
  XlsxSheet s(book, std::string(rep.text.method_sheet));
  s.fixed_column(1, 80);
  lxw_row_t r = 0;
  auto line = [&](std::string_view label, const std::string& value) {
    s.text(r, 0, label, book.fm.label_top);
    s.text(r++, 1, value, book.fm.wrap);
  };
  auto number = [&](std::string_view label, uint64_t value) {
    s.text(r, 0, label, book.fm.label_top);
    s.number(r++, 1, static_cast<double>(value), book.fm.count_left);
  };
  auto day = [&](const std::string& iso) { return rep.nf.date(util::parse_date(iso, 2200).day); };
  line(m.period, fmt::format(fmt::runtime(m.period_value), fmt::arg("start", day(f.period.start)),
                             fmt::arg("end", day(f.period.end)), fmt::arg("days", f.period.days)));
  line(m.source, f.quality.source);
  number(m.rows_read, f.quality.rows_read);
  number(m.stays_of_period, f.quality.rows_used);
  if (!f.quality.columns.empty()) {  // every column accounted for (docs/figures.md, "Recognising headers")
    auto [used, unused] = columns_text(rep);
    line(m.columns_used, used);
    if (!unused.empty()) line(m.columns_not_used, unused);
  }
  line(m.people_present, std::string(m.people_present_definition));
  line(m.bed_days, std::string(f.counting.bed_days == "nights" ? m.nights_definition : m.days_definition));
  if (f.occupancy.has_capacity) line(m.occupancy_rate, std::string(m.occupancy_rate_definition));
  line(m.age, with_label(m.age_definition, age_reference(rep)));
  line(m.stay_length, std::string(m.stay_length_definition));
  number(m.warnings, f.quality.warning_rows);
  const lxw_row_t header_row = r + 1;
  r = warnings_table(s, book, rep, header_row);
  if (r > header_row) s.finish(header_row, header_row);
  else s.finish(1, 0);
}

// A text in a page header: & doubled (ECMA-376 18.3.1.39, headerFooter codes),
// cut to fit the 255 characters Excel allows the whole header.
std::string header_text(const std::string& text) {
  size_t cut = std::min<size_t>(text.size(), 110);
  while (cut > 0 && cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole characters
  std::string out;
  for (char c : text.substr(0, cut)) out += c == '&' ? std::string("&&") : std::string(1, c);
  return out;
}

// The sheets, in the report's order.
// The activity log's sheet (only with a log), set up for printing like the others.
// The last sheet added, set up for printing like the others.
void print_last_sheet(const XlsxBook& book) {
  lxw_worksheet* ws = nullptr;
  lxw_worksheet* last = nullptr;
  LXW_FOREACH_WORKSHEET(ws, book.wb) last = ws;
  if (!last) return;
  worksheet_set_paper(last, 9);  // A4
  worksheet_set_margins(last, 0.5, 0.5, 0.75, 0.75);
  worksheet_fit_to_pages(last, 1, 0);
  check_xlsx(worksheet_set_header(last, book.page_header.c_str()), "page header");
  check_xlsx(worksheet_set_footer(last, book.page_footer.c_str()), "page footer");
}

void activity_log_sheet(const XlsxBook& book, const Report& rep) {
  if (!rep.f.activities.given) return;
  activities_sheet(book.wb, book.fm.bold, book.fm.decimal, book.fm.percent, rep.f.activities, rep.lang);
  print_last_sheet(book);
}

// The follow-up's sheet (only with a follow-up file).
void followup_workbook_sheet(const XlsxBook& book, const Report& rep) {
  if (!rep.f.followup.given) return;
  followup_sheet(book.wb, book.fm.bold, book.fm.percent, rep.f.followup, rep.nf);
  print_last_sheet(book);
}

void write_sheets(const XlsxBook& book, const Report& rep) {
  std::vector<bool> written(model::k_breakdown_count, false);
  for (std::string_view key : workbook_sheet_order()) {
    if (key == "key_figures") {
      key_figures_sheet(book, rep);
    } else if (key == "occupancy") {
      occupancy_sheet(book, rep);
    } else if (key == "progress") {
      progress_sheets(book, rep.f, rep.previous, rep.nf);
    } else if (key == "activities") {
      activity_log_sheet(book, rep);
    } else if (key == "followup") {
      followup_workbook_sheet(book, rep);
    } else if (key == "method") {
      for (size_t i = 0; i < model::k_breakdown_count; ++i)  // a breakdown the order does not list yet
        if (model::k_breakdowns[i].sheet == model::SheetPlacement::own && !written[i]) breakdown_sheet(book, rep, i);
      method_sheet(book, rep);
    } else {
      const size_t i = model::breakdown_index(key);
      breakdown_sheet(book, rep, i);
      written[i] = true;
    }
  }
}

}  // namespace

std::vector<std::string_view> workbook_sheet_order() {
  return {"key_figures",  "occupancy",        "sex",       "age",         "referral",
          "origin",       "substance",        "substitution", "court_order", "housing_at_entry",
          "income",       "activity_at_entry", "family_situation", "activities", "stay_length", "exit_reason",
          "housing_at_exit", "activity_at_exit", "progress",  "stage",       "followup",  "method"};
}

std::string xlsx_workbook_report(const figures::Figures& f, const NumberFormat& nf, const std::filesystem::path& scratch_dir,
                                 const std::vector<const figures::Figures*>& previous) {
  std::error_code ec;
  std::filesystem::create_directories(scratch_dir, ec);
  std::random_device rd;
  auto path = scratch_dir / fmt::format(".ctreport-xlsx-{}-{:x}.xlsx", ::getpid(), rd());
  struct Cleanup {
    std::filesystem::path p;
    ~Cleanup() {
      std::error_code e;
      std::filesystem::remove(p, e);
    }
  } cleanup{path};
  lxw_workbook_options options = {};
  options.tmpdir = const_cast<char*>(scratch_dir.c_str());
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (!wb) throw DataError(fmt::format("cannot create the workbook in '{}'", scratch_dir.string()));
  // A fixed creation date (the day after the period) keeps the bytes reproducible.
  lxw_doc_properties props = {};
  props.title = const_cast<char*>(f.period.label.c_str());
  props.created = static_cast<time_t>((static_cast<long long>(util::parse_date(f.period.end, 2200).day) + 1) * 86400);
  check_xlsx(workbook_set_properties(wb, &props), "properties");
  const model::Lang lang = nf.french ? model::Lang::fr : model::Lang::en;
  const model::WorkbookTexts& text = model::workbook_texts(lang);
  // Every printed page: the establishment on the left, the report on the right, the page number below.
  XlsxBook book{wb, XlsxFormats::make(wb, nf.french),
                fmt::format("&L{}&R{}", header_text(f.establishment.name),
                            header_text(model::report_title(lang, f.period.label))),
                std::string(text.page_footer)};
  const Previous compared = compared_periods(f, previous);
  write_sheets(book, Report{f, compared, nf, lang, text});
  {
    // libxlsxwriter writes the document's dates through gmtime(), whose result is one buffer for
    // the whole process: workbooks rendered on several threads are closed one at a time.
    static std::mutex closing;
    std::lock_guard lock(closing);
    check_xlsx(workbook_close(wb), "close");
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace ctreport::render
