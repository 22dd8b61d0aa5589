// Excel workbook output with native charts.
#include "render/xlsx_output.hpp"

#include "render/identity_line.hpp"
#include "render/origin_lines.hpp"
#include "render/xlsx_activities.hpp"
#include "render/xlsx_progress.hpp"

#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "model/breakdown_texts.hpp"
#include "model/missing_column_texts.hpp"
#include "model/fields.hpp"
#include "model/warning_texts.hpp"
#include "util/date.hpp"
#include "util/errors.hpp"

namespace ctreport::render {

namespace {

void check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw DataError(fmt::format("cannot write the workbook ({}: {})", what, lxw_strerror(e)));
}

struct Formats {
  lxw_format* bold;
  lxw_format* percent;
  lxw_format* decimal;
  lxw_format* title;
};

// A distribution sheet: label, count, share, a total row, and a bar chart of
// the first distribution; `more` adds further distributions below it (a blank
// row, then a header row naming each).
void distribution_sheet(lxw_workbook* wb, const Formats& fm, const std::string& name, const figures::Distribution& d,
                        bool english, const std::vector<std::pair<std::string, const figures::Distribution*>>& more = {}) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (!ws) throw DataError(fmt::format("cannot add the sheet '{}' to the workbook", name));
  worksheet_set_column(ws, 0, 0, 48, nullptr);
  worksheet_set_column(ws, 1, 2, 12, nullptr);
  if (!d.available) {  // one line saying so, no count, no chart (docs/figures.md, "A missing column")
    std::string text = model::not_available_text(d.missing_fields, english ? model::Lang::en : model::Lang::fr);
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    check(worksheet_write_string(ws, 0, 0, name.c_str(), fm.bold), "title");
    check(worksheet_write_string(ws, 1, 0, text.c_str(), nullptr), "not available");
    return;
  }
  lxw_row_t r = 0;
  auto block = [&](const std::string& heading, const figures::Distribution& dist) {
    check(worksheet_write_string(ws, r, 0, heading.c_str(), fm.bold), "title");
    check(worksheet_write_string(ws, r, 1, english ? "Count" : "Effectif", fm.bold), "header");
    check(worksheet_write_string(ws, r++, 2, "%", fm.bold), "header");
    for (const auto& l : dist.lines) {
      check(worksheet_write_string(ws, r, 0, l.label.c_str(), nullptr), "label");  // a string, never a formula
      check(worksheet_write_number(ws, r, 1, static_cast<double>(l.count), nullptr), "count");
      if (l.share) check(worksheet_write_number(ws, r, 2, *l.share, fm.percent), "share");
      ++r;
    }
    check(worksheet_write_string(ws, r, 0, "Total", fm.bold), "total");
    check(worksheet_write_number(ws, r++, 1, static_cast<double>(dist.total), fm.bold), "total");
  };
  block(name, d);
  for (const auto& [heading, dist] : more) {
    ++r;
    block(heading, *dist);
  }
  if (d.lines.empty()) return;
  lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_BAR);
  lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
  chart_series_set_categories(series, name.c_str(), 1, 0, static_cast<lxw_row_t>(d.lines.size()), 0);
  chart_series_set_values(series, name.c_str(), 1, 1, static_cast<lxw_row_t>(d.lines.size()), 1);
  chart_title_set_name(chart, name.c_str());
  chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
  chart_axis_set_reverse(chart->y_axis);
  check(worksheet_insert_chart(ws, 1, 4, chart), "chart");
}

// A sheet per breakdown declared with one (model/breakdowns.hpp), each
// followed by the breakdowns declared below it, in the table's order.
void breakdown_sheets(lxw_workbook* wb, const Formats& fm, const figures::Figures& f, const NumberFormat& nf) {
  const bool en = !nf.french;
  const model::Lang lang = en ? model::Lang::en : model::Lang::fr;
  struct Sheet {
    std::string name;
    figures::Distribution first;
    std::vector<std::pair<std::string, figures::Distribution>> more;
  };
  std::vector<Sheet> sheets;
  for (size_t i = 0; i < model::k_breakdown_count; ++i) {
    const model::Breakdown& b = model::k_breakdowns[i];
    std::string heading(model::breakdown_text(b, lang).sheet);
    if (b.sheet == model::SheetPlacement::own) {
      sheets.push_back({heading, distribution_as_shown(f, i, en), {}});
    } else if (b.sheet == model::SheetPlacement::below_previous && !sheets.empty()) {
      if (auto at = heading.find("{end}"); at != std::string::npos)
        heading.replace(at, 5, nf.date(util::parse_date(f.period.end, 2200).day));
      sheets.back().more.emplace_back(heading, distribution_as_shown(f, i, en));
    }
  }
  for (const auto& sheet : sheets) {
    std::vector<std::pair<std::string, const figures::Distribution*>> more;
    for (const auto& [heading, d] : sheet.more) more.emplace_back(heading, &d);
    distribution_sheet(wb, fm, sheet.name, sheet.first, en, more);
  }
}

// The headline figures, each with its label.
void key_figures_sheet(lxw_workbook* wb, const Formats& fm, const figures::Figures& f, const NumberFormat& nf) {
  const bool en = !nf.french;
  lxw_worksheet* key = workbook_add_worksheet(wb, en ? "Key figures" : "Chiffres clés");
  worksheet_set_column(key, 0, 0, 52, nullptr);
  worksheet_set_column(key, 1, 2, 14, nullptr);
  std::string title = fmt::format("{} {}{}", en ? "Activity report" : "Rapport d'activité", f.period.label,
                                  f.establishment.name.empty() ? "" : " — " + f.establishment.name);
  check(worksheet_write_string(key, 0, 0, title.c_str(), fm.title), "title");
  const std::string identity = identity_line(f, en ? model::Lang::en : model::Lang::fr);
  if (!identity.empty()) check(worksheet_write_string(key, 1, 0, identity.c_str(), nullptr), "identity");
  lxw_row_t r = 3;
  auto count = [&](const char* fr_label, const char* en_label, double v) {
    check(worksheet_write_string(key, r, 0, en ? en_label : fr_label, nullptr), "label");
    check(worksheet_write_number(key, r++, 1, v, nullptr), "value");
  };
  auto share = [&](const char* fr_label, const char* en_label, std::optional<double> v) {
    check(worksheet_write_string(key, r, 0, en ? en_label : fr_label, nullptr), "label");
    if (v) check(worksheet_write_number(key, r, 1, *v, fm.percent), "value");
    ++r;
  };
  auto decimal = [&](const char* fr_label, const char* en_label, std::optional<double> v) {
    check(worksheet_write_string(key, r, 0, en ? en_label : fr_label, nullptr), "label");
    if (v) check(worksheet_write_number(key, r, 1, *v, fm.decimal), "value");
    ++r;
  };
  count("Personnes accueillies (file active)", "People present", static_cast<double>(f.people.present));
  count("Personnes admises", "People admitted", static_cast<double>(f.people.admitted));
  count("Personnes sorties", "People exited", static_cast<double>(f.people.exited));
  count("Présentes au début de la période", "Present at the start", static_cast<double>(f.people.present_at_start));
  count("Présentes à la fin de la période", "Present at the end", static_cast<double>(f.people.present_at_end));
  count("Admissions (séjours)", "Admissions (stays)", static_cast<double>(f.stays.admissions));
  count("Sorties (séjours)", "Exits (stays)", static_cast<double>(f.stays.exits));
  count("Journées réalisées", "Bed-days", static_cast<double>(f.occupancy.bed_days));
  count("Journées de capacité", "Capacity-days", static_cast<double>(f.occupancy.capacity_days));
  share("Taux d'occupation", "Occupancy rate", f.occupancy.rate);
  decimal("Présents par jour (moyenne)", "Present per day (average)", f.occupancy.average_present);
  std::optional<double> women;  // none when there is no sex column: the distribution has no lines
  for (const auto& l : f.breakdown("sex").lines)
    if (l.key == "F") women = l.share;
  share("Part des femmes", "Share of women", women);
  decimal("Âge moyen", "Mean age", f.age.mean);
  decimal("Durée moyenne des séjours terminés (jours)", "Mean length of the stays that ended (days)", f.stay_length.mean_days);
  decimal("Durée médiane (jours)", "Median length (days)", f.stay_length.median_days);
  decimal("Ancienneté moyenne des présents à la fin (jours)", "Mean time so far of those present at the end (days)",
          f.stay_length.stayers.mean_days);
  // A headcount the export has no column for: its label, no value.
  auto headcount = [&](const char* fr_label, const char* en_label, const figures::Headcount& h) {
    if (h.available) count(fr_label, en_label, static_cast<double>(h.count));
    else share(fr_label, en_label, std::nullopt);
  };
  headcount("Sorties avec une solution de logement", "Exits with a housing solution", f.exits.housing_solution);
  share("  part des sorties", "  share of exits", f.exits.housing_solution.share);
  headcount("Sorties vers l'emploi", "Exits to employment", f.exits.employment);
  headcount("Sorties vers une formation", "Exits to training", f.exits.training);
  // Returns: no values when the export cannot say (the report says why).
  const auto& rt = f.returns;
  const figures::Headcount none{0, std::nullopt, false};
  headcount("Personnes sorties avant la période, réadmises", "People who left before the period and came back",
            rt.available ? rt.readmitted : none);
  share("  part des personnes sorties", "  share of those who left", rt.available ? rt.readmitted.share : std::nullopt);
  headcount("Admissions moins de 12 mois après une sortie", "Admissions within 12 months of an exit",
            rt.available ? rt.within_12_months : none);
  share("  part des admissions", "  share of admissions", rt.available ? rt.within_12_months.share : std::nullopt);
}

// The monthly occupancy and its chart.
void occupancy_sheet(lxw_workbook* wb, const Formats& fm, const figures::Figures& f, const NumberFormat& nf) {
  const bool en = !nf.french;
  const char* occ_name = en ? "Occupancy" : "Occupation";
  lxw_worksheet* occ = workbook_add_worksheet(wb, occ_name);
  const char* heads_fr[] = {"Mois", "Journées réalisées", "Journées de capacité", "Taux"};
  const char* heads_en[] = {"Month", "Bed-days", "Capacity-days", "Rate"};
  for (int c = 0; c < 4; ++c) check(worksheet_write_string(occ, 0, static_cast<lxw_col_t>(c), en ? heads_en[c] : heads_fr[c], fm.bold), "header");
  lxw_row_t r = 1;
  for (const auto& m : f.occupancy.monthly) {
    int year = std::stoi(m.month.substr(0, 4));
    unsigned month = static_cast<unsigned>(std::stoi(m.month.substr(5, 2)));
    check(worksheet_write_string(occ, r, 0, nf.month(year, month).c_str(), nullptr), "month");
    check(worksheet_write_number(occ, r, 1, static_cast<double>(m.bed_days), nullptr), "bed-days");
    check(worksheet_write_number(occ, r, 2, static_cast<double>(m.capacity_days), nullptr), "capacity");
    if (m.rate) check(worksheet_write_number(occ, r, 3, *m.rate, fm.percent), "rate");
    ++r;
  }
  if (!f.occupancy.monthly.empty()) {
    lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_COLUMN);
    lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(s, occ_name, 1, 0, static_cast<lxw_row_t>(f.occupancy.monthly.size()), 0);
    chart_series_set_values(s, occ_name, 1, 1, static_cast<lxw_row_t>(f.occupancy.monthly.size()), 1);
    chart_series_set_name(s, en ? "Bed-days" : "Journées réalisées");
    lxw_chart_series* c = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(c, occ_name, 1, 0, static_cast<lxw_row_t>(f.occupancy.monthly.size()), 0);
    chart_series_set_values(c, occ_name, 1, 2, static_cast<lxw_row_t>(f.occupancy.monthly.size()), 2);
    chart_series_set_name(c, en ? "Capacity-days" : "Journées de capacité");
    chart_title_set_name(chart, occ_name);
    check(worksheet_insert_chart(occ, 1, 5, chart), "chart");
  }
}

// The method note: the period, the source, the columns, the definitions and the data warnings.
void method_sheet(lxw_workbook* wb, const Formats& fm, const figures::Figures& f, const NumberFormat& nf) {
  const bool en = !nf.french;
  lxw_worksheet* method = workbook_add_worksheet(wb, en ? "Method" : "Méthode");
  worksheet_set_column(method, 0, 0, 30, nullptr);
  worksheet_set_column(method, 1, 1, 90, nullptr);
  lxw_row_t r = 0;
  auto line = [&](const char* fr_label, const char* en_label, const std::string& v) {
    check(worksheet_write_string(method, r, 0, en ? en_label : fr_label, fm.bold), "label");
    check(worksheet_write_string(method, r++, 1, v.c_str(), nullptr), "value");
  };
  auto number = [&](const char* fr_label, const char* en_label, uint64_t v) {
    check(worksheet_write_string(method, r, 0, en ? en_label : fr_label, fm.bold), "label");
    check(worksheet_write_number(method, r++, 1, static_cast<double>(v), nullptr), "value");
  };
  auto day = [&](const std::string& iso) { return nf.date(util::parse_date(iso, 2200).day); };
  line("Période", "Period",
       en ? fmt::format("{} to {} ({} days)", day(f.period.start), day(f.period.end), f.period.days)
          : fmt::format("du {} au {} ({} jours)", day(f.period.start), day(f.period.end), f.period.days));
  line("Source", "Source", f.quality.source);
  number("Lignes lues", "Rows read", f.quality.rows_read);
  number("Séjours de la période", "Stays of the period", f.quality.rows_used);
  if (!f.quality.columns.empty()) {  // every column accounted for (docs/figures.md, "Recognising headers")
    std::string used, unused;
    for (const auto& [header, field] : f.quality.columns) {
      auto fd = model::field_by_name(field);
      used += fmt::format("{}{} ({})", used.empty() ? "" : ", ", header,
                          fd ? model::field_label(*fd, en ? model::Lang::en : model::Lang::fr) : field);
    }
    for (const auto& header : f.quality.unused_columns) unused += (unused.empty() ? "" : ", ") + header;
    line("Colonnes utilisées", "Columns used", used);
    if (!unused.empty()) line("Colonnes non utilisées", "Columns not used", unused);
  }
  // The definitions of the report's method note.
  line("Personnes accueillies", "People present",
       en ? "distinct people with at least one stay during the period; a person who came back counts once"
          : "personnes distinctes ayant au moins un séjour pendant la période ; une personne revenue plusieurs fois compte une fois");
  line("Journées réalisées", "Bed-days",
       f.counting.bed_days == "nights"
           ? (en ? "nights (the entry day counts, the exit day does not)" : "nuitées (le jour d'entrée compte, le jour de sortie non)")
           : (en ? "days of presence (entry and exit days both count)" : "jours de présence (jours d'entrée et de sortie comptés)"));
  if (f.occupancy.has_capacity)
    line("Taux d'occupation", "Occupancy rate",
         en ? "bed-days / capacity-days (places x days)" : "journées réalisées / journées de capacité (places x jours)");
  std::string age_ref = f.counting.age_reference == "entry"
                            ? (en ? "at the entry of the latest stay of the period" : "à l'entrée du dernier séjour de la période")
                        : f.counting.age_reference == "period_start" ? (en ? "on " : "au ") + day(f.period.start)
                        : f.counting.age_reference == "period_end"   ? (en ? "on " : "au ") + day(f.period.end)
                                                                     : (en ? "at the entry, or on " : "à l'entrée, ou au ") +
                                                                           day(f.period.start) +
                                                                           (en ? " for people present then"
                                                                               : " pour les personnes alors présentes");
  line("Âge", "Age", (en ? "in whole years " : "en années révolues ") + age_ref);
  line("Durée des séjours", "Length of stay",
       en ? "stays that ended during the period, from entry to exit, in calendar months"
          : "séjours terminés pendant la période, de l'entrée à la sortie, en mois calendaires");
  number("Avertissements", "Warnings", f.quality.warning_rows);
  ++r;
  if (!f.quality.warnings.empty()) {
    const char* heads_fr_w[] = {"Code", "Avertissement", "Ligne", "Lignes concernées"};
    const char* heads_en_w[] = {"Code", "Warning", "Row", "Rows concerned"};
    for (int c = 0; c < 4; ++c)
      check(worksheet_write_string(method, r, static_cast<lxw_col_t>(c), en ? heads_en_w[c] : heads_fr_w[c], fm.bold), "header");
    ++r;
  }
  for (const auto& w : f.quality.warnings) {
    check(worksheet_write_string(method, r, 0, w.code.c_str(), nullptr), "warning");
    std::string text = model::warning_text(w, en ? model::Lang::en : model::Lang::fr);
    check(worksheet_write_string(method, r, 1, text.c_str(), nullptr), "warning");
    if (w.row) check(worksheet_write_number(method, r, 2, static_cast<double>(w.row), nullptr), "warning");
    check(worksheet_write_number(method, r, 3, static_cast<double>(w.count), nullptr), "warning");
    ++r;
  }
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

// Every printed page: the establishment on the left, the report on the right.
void set_page_headers(lxw_workbook* wb, const figures::Figures& f, const NumberFormat& nf) {
  const std::string report = fmt::format("{} {}", nf.french ? "Rapport d'activité" : "Activity report", f.period.label);
  std::string header = fmt::format("&L{}&R{}", header_text(f.establishment.name), header_text(report));
  lxw_worksheet* sheet = nullptr;
  LXW_FOREACH_WORKSHEET(sheet, wb) check(worksheet_set_header(sheet, header.c_str()), "header");
}

}  // namespace

std::string xlsx_workbook_report(const figures::Figures& f, const NumberFormat& nf, const std::filesystem::path& scratch_dir) {
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
  check(workbook_set_properties(wb, &props), "properties");
  Formats fm{workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb)};
  format_set_bold(fm.bold);
  format_set_num_format(fm.percent, "0%");
  format_set_num_format(fm.decimal, "0.0");
  format_set_bold(fm.title);
  format_set_font_size(fm.title, 14);

  key_figures_sheet(wb, fm, f, nf);
  breakdown_sheets(wb, fm, f, nf);
  progress_sheets(wb, fm.bold, fm.percent, f.progress, nf.french ? model::Lang::fr : model::Lang::en);
  occupancy_sheet(wb, fm, f, nf);
  activities_sheet(wb, fm.bold, fm.decimal, fm.percent, f.activities, nf.french ? model::Lang::fr : model::Lang::en);
  method_sheet(wb, fm, f, nf);
  set_page_headers(wb, f, nf);
  check(workbook_close(wb), "close");
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace ctreport::render
