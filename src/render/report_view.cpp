// Building the template view from the figures.
#include "render/report_view.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <tuple>

#include <fmt/format.h>

#include "figures/compute.hpp"
#include "model/breakdown_texts.hpp"
#include "model/document_texts.hpp"
#include "model/returns_texts.hpp"
#include "model/breakdowns.hpp"
#include "model/fields.hpp"
#include "model/missing_column_texts.hpp"
#include "model/network_texts.hpp"
#include "model/warning_texts.hpp"
#include "model/period.hpp"
#include "util/text.hpp"
#include "render/activities_view.hpp"
#include "render/followup_view.hpp"
#include "render/change_format.hpp"
#include "render/distribution_view.hpp"
#include "render/network_view.hpp"
#include "render/origin_lines.hpp"
#include "render/progress_view.hpp"
#include "render/svg_charts.hpp"
#include "version.hpp"

namespace ctreport::render {

namespace {
using kainjow::mustache::data;

constexpr size_t k_note_findings_per_code = 20;  // warnings of one code listed in the method note
using kainjow::mustache::list;

util::Day parse_iso(const std::string& iso) {
  auto p = util::parse_date(iso, 2100);
  return p.day;
}

model::Lang lang_of(const NumberFormat& nf) { return nf.french ? model::Lang::fr : model::Lang::en; }

// {count, share, any, plural, available}: "–" for a headcount the export has no column for.
data headcount(const figures::Headcount& h, const NumberFormat& nf) {
  data d;
  d.set("count", h.available ? nf.integer(h.count) : "–");
  d.set("share", h.available ? nf.percent(h.share) : "–");
  d.set("any", h.available && h.count > 0);
  d.set("plural", h.available && nf.plural(h.count));
  d.set("available", h.available);
  return d;
}

// A line's share; none when the line is absent or the distribution not available.
std::optional<double> share_of(const figures::Distribution& d, const std::string& key) {
  if (!d.available) return std::nullopt;
  for (const auto& l : d.lines)
    if (l.key == key) return l.share;
  return std::nullopt;
}

// The headline figures of one period, for comparisons and the batch index.
data headline(const figures::Figures& f, const NumberFormat& nf) {
  data h;
  h.set("label", f.period.label);
  h.set("has_data", f.stays.overlapping > 0);
  h.set("people_present", nf.integer(f.people.present));
  h.set("people_admitted", nf.integer(f.people.admitted));
  h.set("people_exited", nf.integer(f.people.exited));
  h.set("present_at_start", nf.integer(f.people.present_at_start));
  h.set("present_at_end", nf.integer(f.people.present_at_end));
  h.set("admissions", nf.integer(f.stays.admissions));
  h.set("exits", nf.integer(f.stays.exits));
  h.set("bed_days", nf.integer(f.occupancy.bed_days));
  h.set("capacity_days", nf.integer(f.occupancy.capacity_days));
  h.set("start", nf.date(parse_iso(f.period.start)));
  h.set("end", nf.date(parse_iso(f.period.end)));
  h.set("occupancy_rate", nf.percent(f.occupancy.rate));
  h.set("average_present", nf.decimal_places(f.occupancy.average_present, 1));
  h.set("women_share", nf.percent(share_of(f.breakdown("sex"), "F")));
  h.set("mean_age", nf.number(f.age.mean, 1));
  h.set("median_stay_days", nf.number(f.stay_length.median_days, 0));
  h.set("housing_solution", f.exits.housing_solution.available ? nf.integer(f.exits.housing_solution.count) : "–");
  h.set("housing_solution_share", nf.percent(f.exits.housing_solution.share));
  h.set("housing_progress_share", f.progress.housing.available ? nf.percent(f.progress.housing.share) : "–");
  h.set("activity_progress_share", f.progress.activity.available ? nf.percent(f.progress.activity.share) : "–");
  h.set("report_file", fmt::format("rapport-{}.md", f.period.label));
  return h;
}

// This period's change since a compared year, for every headline figure.
data change_since(const figures::Figures& f, const figures::Figures& p, const NumberFormat& nf) {
  data change;
  change.set("people_present", signed_change(f.people.present - p.people.present, nf));
  change.set("people_admitted", signed_change(f.people.admitted - p.people.admitted, nf));
  change.set("people_exited", signed_change(f.people.exited - p.people.exited, nf));
  change.set("present_at_start", signed_change(f.people.present_at_start - p.people.present_at_start, nf));
  change.set("present_at_end", signed_change(f.people.present_at_end - p.people.present_at_end, nf));
  change.set("admissions", signed_change(f.stays.admissions - p.stays.admissions, nf));
  change.set("exits", signed_change(f.stays.exits - p.stays.exits, nf));
  change.set("bed_days", signed_change(f.occupancy.bed_days - p.occupancy.bed_days, nf));
  change.set("capacity_days", signed_change(f.occupancy.capacity_days - p.occupancy.capacity_days, nf));
  change.set("occupancy_rate", points_change(f.occupancy.rate, p.occupancy.rate, nf));
  change.set("average_present", decimal_change(f.occupancy.average_present, p.occupancy.average_present, nf));
  change.set("women_share", points_change(share_of(f.breakdown("sex"), "F"), share_of(p.breakdown("sex"), "F"), nf));
  change.set("housing_solution_share", points_change(f.exits.housing_solution.share, p.exits.housing_solution.share, nf));
  change.set("housing_progress_share", points_change(f.progress.housing.share, p.progress.housing.share, nf));
  change.set("activity_progress_share", points_change(f.progress.activity.share, p.progress.activity.share, nf));
  return change;
}

// A compared year's headline figures, with the change since then under `change`.
data comparison(const figures::Figures& f, const figures::Figures& p, const NumberFormat& nf) {
  data c = headline(p, nf);
  c.set("change", change_since(f, p, nf));
  return c;
}


// The establishment's identity (docs/templates.md, "Establishment"): each text
// with its has_ boolean; the address also line by line, for covers.
void set_identity(data& est, const figures::Figures& f) {
  const auto& e = f.establishment;
  std::string address_line;
  list address_lines;
  size_t start = 0;
  while (start <= e.address.size()) {
    size_t end = e.address.find('\n', start);
    std::string line(util::trim(e.address.substr(start, end == std::string::npos ? std::string::npos : end - start)));
    if (!line.empty()) {
      data l;
      l.set("line", line);
      address_lines.push_back(l);
      address_line += (address_line.empty() ? "" : ", ") + line;
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  for (size_t i = 0; i < address_lines.size(); ++i) address_lines[i].set("last", i + 1 == address_lines.size());
  for (const auto& [name, value] : {std::pair<const char*, const std::string*>{"organisation", &e.organisation},
                                    {"finess", &e.finess}, {"phone", &e.phone}, {"signatory", &e.signatory}}) {
    est.set(name, *value);
    est.set(std::string("has_") + name, !value->empty());
  }
  est.set("address", address_line);
  est.set("address_lines", address_lines);
  est.set("has_address", !address_line.empty());
  // The logo's name beside a document that embeds it (docx, odt, pdf): "logo.png".
  std::string ext = std::filesystem::path(e.logo).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  est.set("logo", e.logo.empty() ? "" : "logo" + (ext == ".jpeg" ? std::string(".jpg") : ext));
  est.set("has_logo", !e.logo.empty());
}

// `value` at the dotted `path` of `root` ("exits.reasons"), its parents made as needed.
void place(data& root, std::string_view path, const data& value) {
  auto [parent, leaf] = model::parent_and_leaf(path);
  data* at = &root;
  for (size_t from = 0; !parent.empty() && from <= parent.size();) {
    size_t dot = std::min(parent.find('.', from), parent.size());
    at = &(*at)[std::string(parent.substr(from, dot - from))];
    from = dot + 1;
  }
  at->set(std::string(leaf), value);
}

// The age's figures besides its lines.
void add_age_figures(data& age, const figures::Figures& f, const NumberFormat& nf) {
  age.set("mean", nf.number(f.age.mean, 1));
  age.set("median", nf.number(f.age.median, 1));
  age.set("has_median", f.age.median.has_value());
  age.set("min", f.age.min ? nf.integer(*f.age.min) : "–");
  age.set("max", f.age.max ? nf.integer(*f.age.max) : "–");
  age.set("unknown", nf.integer(f.age.unknown));
  age.set("has_unknown", f.age.unknown > 0);
  age.set("unknown_plural", nf.plural(f.age.unknown));
  age.set("has_ages", f.age.mean.has_value());
}

// The stay lengths' figures besides their lines.
void add_stay_length_figures(data& sl, const figures::Figures& f, const NumberFormat& nf) {
  const auto& s = f.stay_length;
  sl.set("count", nf.integer(s.count));
  sl.set("mean_days", nf.number(s.mean_days, 0));
  sl.set("median_days", nf.number(s.median_days, 0));
  sl.set("has_median", s.median_days.has_value());
  sl.set("mean_months", nf.number(s.mean_days ? std::optional<double>(*s.mean_days / 30.4375) : std::nullopt, 1));
  sl.set("median_months", nf.number(s.median_days ? std::optional<double>(*s.median_days / 30.4375) : std::nullopt, 1));
  sl.set("at_most_3_months", headcount(s.at_most_3_months, nf));
  sl.set("over_6_months", headcount(s.over_6_months, nf));
  sl.set("reached_term", headcount(s.reached_term, nf));
  sl.set("has_exits", s.count > 0);
  // The people present at the end, by the length so far of their stay.
  data& st = sl["stayers"];
  st.set("count", nf.integer(s.stayers.count));
  st.set("plural", nf.plural(s.stayers.count));
  st.set("has_stayers", s.stayers.count > 0);
  st.set("mean_days", nf.number(s.stayers.mean_days, 0));
  st.set("median_days", nf.number(s.stayers.median_days, 0));
  st.set("has_median", s.stayers.median_days.has_value());
  st.set("mean_months",
         nf.number(s.stayers.mean_days ? std::optional<double>(*s.stayers.mean_days / 30.4375) : std::nullopt, 1));
}

// The origin's figures besides its lines: the same region, France as a whole
// (what can be said when the establishment's département is not set), and
// whether the département / region lines mean something.
void add_origin_figures(data& origin, const figures::Figures& f, const NumberFormat& nf) {
  const figures::Distribution& d = f.breakdown("origin");
  origin.set("same_region", headcount(f.origin_same_region, nf));
  int64_t france = 0;
  for (const auto& l : d.lines)
    if (is_french_origin(l.key)) france += l.count;
  figures::Headcount h{france,
                       d.total > 0 ? std::optional<double>(static_cast<double>(france) / static_cast<double>(d.total))
                                   : std::nullopt,
                       d.available};
  origin.set("france", headcount(h, nf));
  // Relative to the establishment, or to each one of a network.
  origin.set("relative", origin_is_relative(f));
}

// The profile at entry as a whole (`entry_profile`): whether the export has a
// column for any of its breakdowns, else the one sentence saying none is there.
void add_entry_profile(data& v, const figures::Figures& f, const NumberFormat& nf) {
  static constexpr std::string_view k_profile[] = {"substance", "substitution",      "court_order",     "housing_at_entry",
                                                   "income",    "activity_at_entry", "family_situation"};
  bool any = false;
  std::vector<std::string> missing;
  for (auto key : k_profile) {
    const figures::Distribution& d = f.breakdown(key);
    any |= d.available;
    missing.insert(missing.end(), d.missing_fields.begin(), d.missing_fields.end());
  }
  data profile;
  profile.set("any_available", any);
  profile.set("missing_text", any ? "" : model::not_available_text(missing, lang_of(nf)));
  v.set("entry_profile", profile);
}

// The exit reasons of each outcome, from the config: `reasons.positive`…
// (« Fin de contrat » et « Sortie préparée »), `has_reasons` (false for a
// network's figures, read from figures.json without them).
void add_outcome_reasons(data& outcomes, const figures::Figures& f, const NumberFormat& nf) {
  const model::DocumentTexts& t = model::document_texts(lang_of(nf));
  const auto& r = f.outcome_reasons;
  auto joined = [&](const std::vector<std::string>& labels) {
    if (labels.empty()) return std::string(t.no_reason);
    std::string out;
    for (size_t i = 0; i < labels.size(); ++i)
      out += std::string(i == 0 ? "" : i + 1 == labels.size() ? t.and_word : ", ") + std::string(t.quote_open) +
             labels[i] + std::string(t.quote_close);
    return out;
  };
  data reasons;
  reasons.set("positive", joined(r.positive));
  reasons.set("neutral", joined(r.neutral));
  reasons.set("negative", joined(r.negative));
  outcomes.set("reasons", reasons);
  outcomes.set("has_reasons", !(r.positive.empty() && r.neutral.empty() && r.negative.empty()));
}

// Every declared breakdown at its template variable (model/breakdowns.hpp),
// with its texts, and the figures that go with some of them.
void add_breakdowns(data& v, const figures::Figures& f, const NumberFormat& nf,
                    const std::vector<const figures::Figures*>& previous) {
  list excluded_shares;  // the breakdowns with lines left out of their shares
  for (size_t i = 0; i < model::k_breakdown_count; ++i) {
    const model::Breakdown& b = model::k_breakdowns[i];
    ComparedDistributions before;
    for (const auto* p : previous) before.emplace_back(p->period.label, &p->breakdowns[i]);
    data d = distribution_view(f.breakdowns[i], nf, before);
    const auto& text = model::breakdown_text(b, lang_of(nf));
    d.set("title", std::string(text.title));
    d.set("chart_title", std::string(text.chart_title));
    d.set("column", std::string(text.column));
    place(v, b.path, d);
    if (d.get("has_excluded")->is_true()) {
      data e;
      e.set("title", std::string(text.title));
      e.set("labels", d.get("excluded_labels")->string_value());
      e.set("count", d.get("excluded_count")->string_value());
      e.set("exits_too", b.key == "exit_reason");  // its exits also leave the outcome and situation shares
      excluded_shares.push_back(e);
    }
  }
  v.set("excluded_shares", excluded_shares);
  v.set("has_excluded_shares", !excluded_shares.empty());
  add_age_figures(v["age"], f, nf);
  add_stay_length_figures(v["stay_length"], f, nf);
  add_origin_figures(v["origin"], f, nf);
  data& exits = v["exits"];
  exits.set("total", nf.integer(f.exits.total));
  exits.set("housing_solution", headcount(f.exits.housing_solution, nf));
  exits.set("employment", headcount(f.exits.employment, nf));
  exits.set("training", headcount(f.exits.training, nf));
  data by_work;  // exits made positive by the exit-to-work rule (docs/figures.md)
  by_work.set("count", nf.integer(f.exits.positive_by_exit_to_work));
  by_work.set("any", f.exits.positive_by_exit_to_work > 0);
  by_work.set("plural", f.exits.positive_by_exit_to_work > 1);
  exits.set("positive_by_exit_to_work", by_work);
  add_outcome_reasons(exits["outcomes"], f, nf);
  add_stage_table(v["stage"], f, nf, previous);
  v.set("progress", progress_view(f.progress, nf, previous));
  add_entry_profile(v, f, nf);
}

// Returns: every variable whether available or not (the schema has them all),
// with the sentence that says why when not.
data returns_view(const figures::Figures& f, const NumberFormat& nf, const figures::Figures* before) {
  const auto& r = f.returns;
  data d;
  // The most recent compared year's shares, when both years have returns.
  const bool compared = before && before->returns.available && r.available;
  d.set("has_previous", compared);
  d.set("previous_label", before ? before->period.label : "");
  for (const auto& [name, now, then] :
       {std::tuple{"readmitted", r.readmitted.share, before ? before->returns.readmitted.share : std::nullopt},
        std::tuple{"within_12_months", r.within_12_months.share, before ? before->returns.within_12_months.share : std::nullopt}}) {
    d.set(std::string("previous_") + name + "_share", compared ? nf.percent(then) : "–");
    d.set(std::string(name) + "_share_change", compared ? points_change(now, then, nf) : "–");
  }
  d.set("available", r.available);
  d.set("window_months", nf.integer(r.window_months));
  d.set("exited_before", r.available ? nf.integer(r.exited_before) : "–");
  d.set("exited_before_plural", r.available && nf.plural(r.exited_before));
  d.set("has_exited_before", r.available && r.exited_before > 0);
  d.set("readmitted", headcount(r.available ? r.readmitted : figures::Headcount{0, std::nullopt, false}, nf));
  d.set("admissions", r.available ? nf.integer(r.admissions) : "–");
  d.set("admissions_plural", r.available && nf.plural(r.admissions));
  d.set("has_admissions", r.available && r.admissions > 0);
  d.set("within_6_months", headcount(r.available ? r.within_6_months : figures::Headcount{0, std::nullopt, false}, nf));
  d.set("within_12_months", headcount(r.available ? r.within_12_months : figures::Headcount{0, std::nullopt, false}, nf));
  std::string why;
  if (!r.available) {
    why = model::returns_not_available_text(r.not_available, lang_of(nf));
    auto fill = [&](std::string_view key, const std::string& value) {
      for (size_t at; (at = why.find(key)) != std::string::npos;) why.replace(at, key.size(), value);
    };
    fill("{months}", nf.integer(r.window_months));
    if (!r.window_start.empty()) fill("{window_start}", nf.date(parse_iso(r.window_start)));
    if (!r.earliest_entry.empty()) fill("{earliest_entry}", nf.date(parse_iso(r.earliest_entry)));
  }
  d.set("not_available_text", nf.prose(why));
  return d;
}

// Occupancy: the year's rate, bed-days and places, and month by month.
data occupancy_view(const figures::Figures& f, const NumberFormat& nf) {
  data occ;
  const auto& o = f.occupancy;
  occ.set("has_capacity", o.has_capacity);
  occ.set("rate", nf.percent(o.rate));
  occ.set("bed_days", nf.integer(o.bed_days));
  occ.set("capacity_days", nf.integer(o.capacity_days));
  occ.set("average_present", nf.decimal_places(o.average_present, 1));
  occ.set("peak_present", o.peak_known ? nf.integer(o.peak_present) : "–");
  occ.set("peak_known", o.peak_known);
  occ.set("peak_plural", nf.plural(o.peak_present));
  occ.set("bed_days_plural", nf.plural(o.bed_days));
  // A mean as shown (one decimal): plural from 2 in French ("1,5 personne"), other than 1 in English.
  occ.set("average_plural", nf.french ? o.average_present >= 1.95 : std::lround(o.average_present * 10) != 10);
  occ.set("peak_date", o.peak_date.empty() ? "–" : nf.date(parse_iso(o.peak_date)));
  std::string places;
  if (o.places_start && o.places_end)
    places = *o.places_start == *o.places_end
                 ? nf.integer(*o.places_start)
                 : fmt::format("{} {} {}", nf.integer(*o.places_start), model::document_texts(lang_of(nf)).then,
                                   nf.integer(*o.places_end));
  occ.set("places", places);
  occ.set("places_changed", o.places_start && o.places_end && *o.places_start != *o.places_end);
  list monthly;
  for (const auto& m : o.monthly) {
    data md;
    int y = std::stoi(m.month.substr(0, 4));
    unsigned mo = static_cast<unsigned>(std::stoi(m.month.substr(5, 2)));
    md.set("month", nf.month(y, mo));
    md.set("month_iso", m.month);
    md.set("rate", nf.percent(m.rate));
    md.set("bed_days", nf.integer(m.bed_days));
    md.set("capacity_days", nf.integer(m.capacity_days));
    md.set("average_present", nf.decimal_places(m.average_present, 1));
    int days = util::days_in_month(y, mo);
    md.set("index", std::to_string(monthly.size()));
    md.set("average_present_raw", fmt::format("{:.1f}", m.average_present));
    md.set("places_raw", fmt::format("{:.1f}", static_cast<double>(m.capacity_days) / days));
    md.set("month_short", m.month.substr(5, 2) + "/" + m.month.substr(2, 2));
    monthly.push_back(md);
  }
  occ.set("monthly", monthly);
  return occ;
}

// The method note's data quality: the source, the warnings (at most
// k_note_findings_per_code of a code), the notices, the columns used and not.
data quality_view(const figures::Figures& f, const NumberFormat& nf) {
  data quality;
  quality.set("source", f.quality.source);
  quality.set("rows_read", nf.integer(static_cast<int64_t>(f.quality.rows_read)));
  quality.set("rows_used", nf.integer(static_cast<int64_t>(f.quality.rows_used)));
  quality.set("warning_count", nf.integer(static_cast<int64_t>(f.quality.warning_rows)));
  quality.set("has_warnings", !f.quality.warnings.empty());
  list warnings, notices;
  // Findings about a row are one per row: the note lists k_note_findings_per_code
  // of a code, then says how many more there are (ctreport check lists them all).
  // A network's are each establishment's, with its name (render/network_view).
  std::map<std::pair<std::string, std::string>, size_t> per_code;  // (establishment, code) -> findings
  for (const NoteFinding& finding : note_findings(f)) {
    const model::Warning& w = finding.warning;
    if (w.severity == model::Severity::notice) {  // values classified by their words: every one listed
      data n;
      n.set("message", note_finding_text(finding, nf));
      n.set("count", nf.integer(static_cast<int64_t>(w.count)));
      n.set("plural", nf.plural(static_cast<int64_t>(w.count)));
      notices.push_back(n);
      continue;
    }
    if (++per_code[{finding.establishment, w.code}] > k_note_findings_per_code) continue;
    data wd;
    wd.set("code", w.code);
    wd.set("message", note_finding_text(finding, nf));
    wd.set("column", w.column);
    wd.set("row", w.row ? nf.integer(static_cast<int64_t>(w.row)) : "");
    wd.set("has_row", w.row != 0);
    wd.set("count", nf.integer(static_cast<int64_t>(w.count)));
    wd.set("plural", nf.plural(static_cast<int64_t>(w.count)));
    warnings.push_back(wd);
  }
  for (const auto& [key, n] : per_code) {
    if (n <= k_note_findings_per_code) continue;
    const auto& [establishment, code] = key;
    data wd;
    size_t more = n - k_note_findings_per_code;
    wd.set("code", code);
    std::string message = fmt::format(fmt::runtime(model::document_texts(lang_of(nf)).more_warnings), more, code);
    wd.set("message", establishment.empty() ? message : model::network_finding(lang_of(nf), establishment, message));
    wd.set("column", "");
    wd.set("row", "");
    wd.set("has_row", false);
    wd.set("count", nf.integer(static_cast<int64_t>(more)));
    wd.set("plural", nf.plural(static_cast<int64_t>(more)));  // every warning has the schema's names
    warnings.push_back(wd);
  }
  quality.set("warnings", warnings);
  quality.set("notices", notices);
  quality.set("has_notices", !notices.empty());
  list columns, unused;
  for (const auto& [header, field] : f.quality.columns) {
    data c;
    c.set("header", header);
    auto fd = model::field_by_name(field);
    c.set("field", fd ? std::string(model::field_label(*fd, lang_of(nf))) : field);
    c.set("last", &header == &f.quality.columns.back().first);
    columns.push_back(c);
  }
  for (const auto& header : f.quality.unused_columns) {
    data c;
    c.set("header", header);
    c.set("last", &header == &f.quality.unused_columns.back());
    unused.push_back(c);
  }
  quality.set("columns", columns);
  quality.set("has_columns", !columns.empty());
  quality.set("unused_columns", unused);
  quality.set("has_unused_columns", !unused.empty());
  return quality;
}

// The establishment, or the network of establishments the figures are of.
void add_establishment(data& v, const figures::Figures& f, const NumberFormat& nf) {
  data est;
  est.set("name", f.establishment.name);
  est.set("departement", f.establishment.departement);
  est.set("departement_name", f.establishment.departement_name);
  est.set("region", f.establishment.region);
  est.set("has_departement", !f.establishment.departement_name.empty());
  set_identity(est, f);
  v.set("establishment", est);
  v.set("network", network_view(f, nf));
}

}  // namespace

data index_view(const std::vector<const figures::Figures*>& years, const model::Config& config, const NumberFormat& nf) {
  data v;
  v.set("generator", std::string("ctreport ") + CTREPORT_VERSION);
  data est;
  est.set("name", config.establishment_name);
  v.set("establishment", est);

  list rows;
  for (const auto* f : years) rows.push_back(headline(*f, nf));
  v.set("years", rows);
  v.set("first", years.empty() ? "" : years.front()->period.label);
  v.set("last", years.empty() ? "" : years.back()->period.label);
  v.set("has_capacity", config.capacity.defined());
  return v;
}

std::vector<const figures::Figures*> compared_periods(const figures::Figures& f,
                                                      const std::vector<const figures::Figures*>& compared) {
  std::vector<const figures::Figures*> previous;
  for (const auto* p : compared)
    if (p->period.start != f.period.start) previous.push_back(p);
  std::stable_sort(previous.begin(), previous.end(),
                   [](const figures::Figures* a, const figures::Figures* b) { return a->period.start > b->period.start; });
  return previous;
}

data report_view(const figures::Figures& f, const NumberFormat& nf, const std::vector<const figures::Figures*>& compared,
                 const std::vector<std::string>& not_covered) {
  data v;
  const std::vector<const figures::Figures*> previous = compared_periods(f, compared);
  const figures::Figures* before = previous.empty() ? nullptr : previous.front();
  v.set("generator", std::string("ctreport ") + CTREPORT_VERSION);
  v.set("lang", nf.french ? "fr" : "en");  // the language's code for the templates, not a text

  add_establishment(v, f, nf);

  data period;
  util::Day start = parse_iso(f.period.start), end = parse_iso(f.period.end);
  period.set("label", f.period.label);
  period.set("start", nf.date(start));
  period.set("end", nf.date(end));
  period.set("start_iso", f.period.start);
  period.set("end_iso", f.period.end);
  period.set("days", nf.integer(f.period.days));
  period.set("is_calendar_year", f.period.label.find('-') == std::string::npos);
  v.set("period", period);

  data people;
  auto count = [&](data& obj, const std::string& name, int64_t n) {
    obj.set(name, nf.integer(n));
    obj.set(name + "_plural", nf.plural(n));
  };
  count(people, "present", f.people.present);
  count(people, "admitted", f.people.admitted);
  count(people, "exited", f.people.exited);
  count(people, "present_at_start", f.people.present_at_start);
  count(people, "present_at_end", f.people.present_at_end);
  // The people counted twice in the sums the report writes out (docs/templates.md, "Headline counts").
  count(people, "present_at_start_and_admitted",
        std::max<int64_t>(0, f.people.present_at_start + f.people.admitted - f.people.present));
  count(people, "exited_and_present_at_end", std::max<int64_t>(0, f.people.exited + f.people.present_at_end - f.people.present));
  people.set("has_present_at_start_and_admitted", f.people.present_at_start + f.people.admitted > f.people.present);
  people.set("has_exited_and_present_at_end", f.people.exited + f.people.present_at_end > f.people.present);
  v.set("people", people);

  data stays;
  count(stays, "overlapping", f.stays.overlapping);
  count(stays, "admissions", f.stays.admissions);
  count(stays, "exits", f.stays.exits);
  v.set("stays", stays);

  v.set("occupancy", occupancy_view(f, nf));

  add_breakdowns(v, f, nf, previous);
  v.set("returns", returns_view(f, nf, previous.empty() ? nullptr : previous.front()));
  v.set("activities", activities_view(f.activities, nf, previous));
  v.set("followup", followup_view(f.followup, nf, previous));
  data counting;
  bool nights = f.counting.bed_days == "nights";
  counting.set("bed_days", f.counting.bed_days);
  counting.set("nights", nights);
  counting.set("age_reference", f.counting.age_reference);
  counting.set("age_at_entry", f.counting.age_reference == "entry");
  counting.set("age_at_period_start", f.counting.age_reference == "period_start");
  counting.set("age_at_period_end", f.counting.age_reference == "period_end");
  counting.set("age_at_entry_or_period_start", f.counting.age_reference == "entry_or_period_start");
  counting.set("contract_months", nf.integer(f.counting.contract_months));
  counting.set("exit_to_work_positive", f.counting.exit_to_work == "positive");
  v.set("counting", counting);

  // Comparison with earlier years (docs/templates.md, "Comparison"): `previous`
  // and `change` are the most recent compared year, `comparisons` all of them.
  v.set("has_previous", before != nullptr);
  v.set("headline", headline(f, nf));
  list comparisons;
  for (const auto* p : previous) comparisons.push_back(comparison(f, *p, nf));
  if (before) {
    v.set("previous", headline(*before, nf));
    v.set("change", change_since(f, *before, nf));
  }
  v.set("comparisons", comparisons);
  list uncovered;
  for (const auto& label : not_covered) {
    data u;
    u.set("label", label);
    uncovered.push_back(u);
  }
  v.set("not_covered", uncovered);
  v.set("has_not_covered", !not_covered.empty());

  v.set("quality", quality_view(f, nf));
  return v;
}

namespace {

// Every optional part present: other and unknown lines in every distribution,
// a network, a warning.
figures::Figures completed(figures::Figures f) {
  if (auto& r = f.breakdown("exit_reason"); r.available && std::none_of(r.lines.begin(), r.lines.end(), [](const auto& l) {
        return l.excluded_from_share && l.count > 0;
      })) {  // a line left out of the shares, so that excluded_shares has its variables
    figures::Line excluded{"excluded_category", "excluded", 1, std::nullopt};
    excluded.excluded_from_share = true;
    r.lines.push_back(excluded);
    r.total += 1;
  }
  for (figures::Distribution& d : f.breakdowns)
    for (const char* key : {"other", "unknown"})
      if (std::none_of(d.lines.begin(), d.lines.end(), [&](const figures::Line& l) { return l.key == key; }))
        d.lines.push_back({key, key, 0, std::nullopt});
  for (figures::CrossTable* t : {&f.progress.housing, &f.progress.activity})
    if (!t->available || t->rows.empty() || t->columns.empty()) {
      *t = figures::CrossTable{};
      t->rows = {{"other", "other"}};
      t->columns = {{"other", "other"}};
      t->counts = {{0}};
    }
  if (f.network.establishments.size() < 2 || f.network.members.size() != f.network.establishments.size()) {
    f.network.establishments = {"A", "B"};  // with their figures, so that every establishment's variable is there
    f.network.members = {{.name = "A", .departement = "42", .region = "R"}, {.name = "B"}};
    f.network.members[0].occupancy_rate = 1;
  }
  if (!f.activities.given || f.activities.types.empty() || f.activities.professionals.empty()) {
    // every variable of `activities.*`, lines included
    f.activities.given = true;
    f.activities.types = {{"other", "other", true, 0, 0, 0}};
    f.activities.professionals = {{"other", "other", 0, 0}};
    f.activities.monthly = {{"2024-01", 0}};
  }
  if (!f.followup.given || f.followup.horizons.empty()) {
    // every variable of `followup.*`, a horizon's situations' lines included
    f.followup.given = true;
    figures::FollowupHorizon h;
    h.months = 3;
    for (auto* d : {&h.housing, &h.activity, &h.consumption, &h.care}) d->lines = {{"other", "other", 0, std::nullopt}};
    f.followup.horizons = {h};
  }
  model::Warning w;
  w.code = "unmapped_value";
  w.row = 2;
  f.quality.warnings.push_back(w);
  w.code = "mapped_by_phrase";
  w.severity = model::Severity::notice;
  f.quality.warnings.push_back(w);
  if (f.quality.columns.empty()) f.quality.columns = {{"Date d'entrée", "entry_date"}};
  if (f.quality.unused_columns.empty()) f.quality.unused_columns = {"Commentaire"};
  auto& e = f.establishment;  // the identity, so that its variables and lists are all there
  if (e.organisation.empty()) e.organisation = "Association";
  if (e.address.empty()) e.address = "1 rue de la Paix\n42000 Saint-Étienne";
  if (e.finess.empty()) e.finess = "420000000";
  if (e.phone.empty()) e.phone = "04 00 00 00 00";
  if (e.logo.empty()) e.logo = "logo.png";
  if (e.signatory.empty()) e.signatory = "Direction";
  return f;
}

figures::Figures complete_figures(const model::Config& config) {
  model::StayTable none;
  none.has_column.fill(true);  // every distribution available, so that its variables are all there
  model::Period period = model::make_period(2024, config.start_month);
  return completed(figures::compute_figures({none, config, period, 0, "", nullptr}));
}

// `f` with each distribution it has not available (a network's, from an
// export without the column) taken from the default config's figures, so
// that the schema has every line variable (`X.by_key.KEY`) all the same.
figures::Figures with_every_distribution(figures::Figures f) {
  std::optional<figures::Figures> defaults;
  for (size_t i = 0; i < model::k_breakdown_count; ++i) {
    if (f.breakdowns[i].available) continue;
    if (!defaults) defaults = complete_figures(model::default_config());
    f.breakdowns[i] = defaults->breakdowns[i];
  }
  return f;
}

}  // namespace

data report_view_schema(const model::Config& config, bool with_charts) {
  return report_view_schema(complete_figures(config), NumberFormat::for_lang(config.lang), with_charts);
}

data report_view_schema(const figures::Figures& figures, const NumberFormat& nf, bool with_charts) {
  figures::Figures f = completed(with_every_distribution(figures));
  // A compared year (the view never compares a period with itself) and a year
  // not covered, so that every comparison variable is present.
  figures::Figures before = f;
  before.period.start = f.period.start == "2023-01-01" ? "2022-01-01" : "2023-01-01";
  before.period.label = "2023";
  data v = report_view(f, nf, {&before}, {"2022"});
  if (with_charts) {
    data names;
    for (const auto& [key, file] : report_charts(f, "rapport", nf).names) names.set(key, file);
    v.set("charts", names);
  }
  return v;
}

data index_view_schema(const model::Config& config) {
  figures::Figures f = complete_figures(config);
  return index_view({&f}, config, NumberFormat::for_lang(config.lang));
}

}  // namespace ctreport::render
