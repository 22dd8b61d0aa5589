// Writing the follow-up sheet with libxlsxwriter: numbers as numbers, texts
// never as formulas, a sentence where a figure cannot be known.
#include "render/xlsx_followup.hpp"

#include <string>

#include <fmt/format.h>

#include "model/followup_texts.hpp"
#include "model/warning_texts.hpp"
#include "util/errors.hpp"

namespace ctreport::render {

namespace {

void check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw DataError(fmt::format("cannot write the workbook ({}: {})", what, lxw_strerror(e)));
}

struct Writer {
  lxw_worksheet* ws;
  lxw_row_t r = 0;
  void text(lxw_col_t c, std::string_view s, lxw_format* f = nullptr) {
    check(worksheet_write_string(ws, r, c, std::string(s).c_str(), f), "text");
  }
  void number(lxw_col_t c, double v, lxw_format* f = nullptr) { check(worksheet_write_number(ws, r, c, v, f), "number"); }
};

// Why a horizon has no figures, shortly (the report says it in full).
std::string_view why(const figures::FollowupHorizon& h, const model::FollowupTexts& t) {
  if (h.not_available == "not_covered") return t.not_covered.substr(0, t.not_covered.find(" ("));
  if (h.not_available == "export_starts_later") return t.export_starts_later;
  return t.no_stay_identifiers;
}

void horizons_table(Writer& w, const figures::Followup& f, const model::FollowupTexts& t, lxw_format* bold,
                    lxw_format* percent, model::Lang lang) {
  w.text(0, t.horizon_column, bold), w.text(1, t.cohort_column, bold), w.text(2, t.excluded_column, bold);
  w.text(3, t.contacted_column, bold), w.text(4, t.reached_column, bold), w.text(5, t.share_column, bold);
  ++w.r;
  for (const auto& h : f.horizons) {
    w.text(0, model::followup_horizon_label(h.months, lang));
    if (!h.available) {
      w.text(1, why(h, t));
    } else {
      w.number(1, static_cast<double>(h.cohort)), w.number(2, static_cast<double>(h.excluded));
      w.number(3, static_cast<double>(h.contacted)), w.number(4, static_cast<double>(h.reached));
      if (h.reached_share) w.number(5, *h.reached_share, percent);
      else w.text(5, t.empty_cohort);
    }
    ++w.r;
  }
}

void situation(Writer& w, std::string_view title, const figures::Distribution& d, const model::FollowupTexts& t,
               lxw_format* bold, lxw_format* percent) {
  w.text(0, title, bold);
  if (!d.available) {
    w.text(1, fmt::format(fmt::runtime(t.no_column), title));
    ++w.r;
    return;
  }
  ++w.r;
  for (const auto& l : d.lines) {
    w.text(0, l.label), w.number(1, static_cast<double>(l.count));
    if (l.share) w.number(2, *l.share, percent);
    ++w.r;
  }
}

}  // namespace

void followup_sheet(lxw_workbook* wb, lxw_format* bold, lxw_format* percent, const figures::Followup& f,
                    const NumberFormat& nf) {
  if (!f.given) return;
  const model::Lang lang = nf.french ? model::Lang::fr : model::Lang::en;
  const auto& t = model::followup_texts(lang);
  lxw_worksheet* ws = workbook_add_worksheet(wb, std::string(t.sheet_name).c_str());
  if (!ws) throw DataError(fmt::format("cannot add the sheet '{}' to the workbook", t.sheet_name));
  worksheet_set_column(ws, 0, 0, 44, nullptr);
  worksheet_set_column(ws, 1, 5, 20, nullptr);
  Writer w{ws};
  w.text(0, t.title, bold);
  w.r = 2;
  horizons_table(w, f, t, bold, percent, lang);
  for (const auto& h : f.horizons) {
    if (!h.available || h.reached == 0) continue;
    ++w.r;
    w.text(0, fmt::format(fmt::runtime(t.situation_title), h.months), bold);
    w.text(1, t.people_column, bold), w.text(2, "%", bold);
    ++w.r;
    situation(w, t.housing, h.housing, t, bold, percent);
    situation(w, t.activity, h.activity, t, bold, percent);
    situation(w, t.consumption, h.consumption, t, bold, percent);
    situation(w, t.care, h.care, t, bold, percent);
  }
}

}  // namespace ctreport::render
