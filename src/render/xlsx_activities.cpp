// Writing the activity sheet with libxlsxwriter: numbers as numbers, texts
// never as formulas.
#include "render/xlsx_activities.hpp"

#include <string>

#include <fmt/format.h>

#include "model/activity_texts.hpp"
#include "util/errors.hpp"

namespace ctreport::render {

namespace {

void check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw DataError(fmt::format("cannot write the workbook ({}: {})", what, lxw_strerror(e)));
}

struct Writer {
  lxw_worksheet* ws;
  lxw_format* bold;
  lxw_row_t r = 0;
  void text(lxw_col_t c, std::string_view s, lxw_format* f = nullptr) {
    check(worksheet_write_string(ws, r, c, std::string(s).c_str(), f), "text");
  }
  void number(lxw_col_t c, double v, lxw_format* f = nullptr) { check(worksheet_write_number(ws, r, c, v, f), "number"); }
  // A label and a value, or the sentence saying why there is none.
  void figure(std::string_view label, std::optional<double> v, lxw_format* f, std::string_view missing = {}) {
    text(0, label);
    if (v) number(1, *v, f);
    else if (!missing.empty()) text(1, missing);
    ++r;
  }
};

void headline(Writer& w, const figures::Activities& a, const model::ActivityTexts& t, lxw_format* decimal,
              lxw_format* percent) {
  w.figure(t.sessions_column, static_cast<double>(a.sessions), nullptr);
  w.figure(fmt::format("{} — {}", t.sessions_column, t.individual), static_cast<double>(a.individual), nullptr);
  w.figure(fmt::format("{} — {}", t.sessions_column, t.collective), static_cast<double>(a.collective), nullptr);
  w.figure(t.hours_column, a.hours_available ? std::optional<double>(a.hours) : std::nullopt, decimal, t.no_duration);
  auto reached = a.people_reached_available ? std::optional<double>(static_cast<double>(a.people_reached)) : std::nullopt;
  std::string_view why = a.people_reached_reason == "no_stay_identifiers" ? t.no_stay_identifiers : t.no_log_identifiers;
  w.figure(t.people_reached, reached, nullptr, why);
  w.figure(t.people_reached_share, a.people_reached_available ? a.people_reached_share : std::nullopt, percent);
  w.figure(t.mean_participants, a.mean_participants, decimal);
  w.figure(t.sessions_per_resident_month, a.sessions_per_resident_month, decimal);
}

}  // namespace

void activities_sheet(lxw_workbook* wb, lxw_format* bold, lxw_format* decimal, lxw_format* percent,
                      const figures::Activities& a, model::Lang lang) {
  if (!a.given) return;
  const auto& t = model::activity_texts(lang);
  lxw_worksheet* ws = workbook_add_worksheet(wb, std::string(t.sheet_name).c_str());
  if (!ws) throw DataError(fmt::format("cannot add the sheet '{}' to the workbook", t.sheet_name));
  worksheet_set_column(ws, 0, 0, 44, nullptr);
  worksheet_set_column(ws, 1, 4, 14, nullptr);
  Writer w{ws, bold};
  w.text(0, t.title, bold);
  w.r = 2;
  headline(w, a, t, decimal, percent);
  ++w.r;
  w.text(0, t.type_column, bold), w.text(1, t.kind_column, bold), w.text(2, t.sessions_column, bold);
  w.text(3, t.participants_column, bold), w.text(4, t.hours_column, bold);
  ++w.r;
  for (const auto& l : a.types) {
    w.text(0, l.label), w.text(1, l.collective ? t.collective : t.individual);
    w.number(2, static_cast<double>(l.sessions)), w.number(3, static_cast<double>(l.participants));
    if (a.hours_available) w.number(4, l.hours, decimal);
    ++w.r;
  }
  ++w.r;
  w.text(0, t.professional_column, bold), w.text(2, t.sessions_column, bold), w.text(4, t.hours_column, bold);
  ++w.r;
  if (!a.professionals_available) w.text(0, t.no_professional), ++w.r;
  for (const auto& p : a.professionals) {
    w.text(0, p.label), w.number(2, static_cast<double>(p.sessions));
    if (a.hours_available) w.number(4, p.hours, decimal);
    ++w.r;
  }
  ++w.r;
  w.text(0, t.month_column, bold), w.text(2, t.sessions_column, bold);
  ++w.r;
  for (const auto& m : a.monthly) {
    w.text(0, m.month), w.number(2, static_cast<double>(m.sessions));
    ++w.r;
  }
}

}  // namespace ctreport::render
