// Building the template view from the figures.
#include "render/report_view.hpp"

#include <cmath>
#include <map>

#include <fmt/format.h>

#include "model/warning_texts.hpp"
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

data headcount(const figures::Headcount& h, const NumberFormat& nf) {
  data d;
  d.set("count", nf.integer(h.count));
  d.set("share", nf.percent(h.share));
  d.set("any", h.count > 0);
  d.set("plural", h.count > 1);
  return d;
}

// {total, lines: [{key, label, count, share, is_unknown, is_other}], by_key: {KEY: {count, share}}, has_lines}
// "+6", "−3", "=" (U+2212 minus, as typeset).
std::string signed_change(int64_t diff, const NumberFormat& nf) {
  if (diff == 0) return "=";
  return (diff > 0 ? "+" : "\u2212") + nf.integer(diff > 0 ? diff : -diff);
}

// Difference of two shares in percentage points: "+6 points", "−2 points".
std::string points_change(std::optional<double> now, std::optional<double> before, const NumberFormat& nf) {
  if (!now || !before) return "–";
  long diff = std::lround((*now - *before) * 100.0);
  std::string unit = nf.french ? (std::labs(diff) > 1 ? " points" : " point") : (std::labs(diff) == 1 ? " point" : " points");
  if (diff == 0) return "=";
  return (diff > 0 ? "+" : "\u2212") + std::to_string(std::labs(diff)) + unit;
}

data distribution(const figures::Distribution& dist, const NumberFormat& nf,
                  const figures::Distribution* before = nullptr) {
  data d;
  list lines;
  data by_key;
  int index = 0;
  for (const auto& l : dist.lines) {
    data line;
    const figures::Line* prev = nullptr;
    if (before)
      for (const auto& b : before->lines)
        if (b.key == l.key) prev = &b;
    line.set("has_previous", before != nullptr);
    line.set("previous_count", prev ? nf.integer(prev->count) : (before ? "0" : "–"));
    line.set("previous_share", prev ? nf.percent(prev->share) : (before ? nf.percent(0.0) : "–"));
    line.set("share_change", points_change(l.share, prev ? prev->share : (before ? std::optional<double>(0.0) : std::nullopt), nf));
    line.set("key", l.key);
    line.set("label", l.label);
    line.set("count", nf.integer(l.count));
    line.set("share", nf.percent(l.share));
    line.set("count_raw", std::to_string(l.count));  // for charts: no thousands separator
    line.set("index", std::to_string(index++));
    line.set("is_unknown", l.key == "unknown");
    line.set("is_other", l.key == "other");
    lines.push_back(line);
    data k;
    k.set("count", nf.integer(l.count));
    k.set("share", nf.percent(l.share));
    k.set("label", l.label);
    by_key.set(l.key, k);
  }
  d.set("total", nf.integer(dist.total));
  d.set("lines", lines);
  d.set("by_key", by_key);
  d.set("has_lines", dist.total > 0);
  return d;
}

std::string warning_text(const model::Warning& w, bool french) {
  return model::warning_text(w, french ? model::Lang::fr : model::Lang::en);
}

std::optional<double> share_of(const figures::Distribution& d, const std::string& key) {
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
  h.set("occupancy_rate", nf.percent(f.occupancy.rate));
  h.set("average_present", nf.decimal_places(f.occupancy.average_present, 1));
  h.set("women_share", nf.percent(share_of(f.sex, "F")));
  h.set("mean_age", nf.number(f.age.mean, 1));
  h.set("median_stay_days", nf.number(f.stay_length.median_days, 0));
  h.set("housing_solution", nf.integer(f.exits.housing_solution.count));
  h.set("housing_solution_share", nf.percent(f.exits.housing_solution.share));
  h.set("report_file", fmt::format("rapport-{}.md", f.period.label));
  return h;
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

data report_view(const figures::Figures& f, const NumberFormat& nf, const std::vector<const figures::Figures*>& previous) {
  data v;
  const figures::Figures* before = previous.empty() ? nullptr : previous.front();
  v.set("generator", std::string("ctreport ") + CTREPORT_VERSION);
  v.set("lang", nf.french ? "fr" : "en");

  data est;
  est.set("name", f.establishment.name);
  est.set("departement", f.establishment.departement);
  est.set("departement_name", f.establishment.departement_name);
  est.set("region", f.establishment.region);
  est.set("has_departement", !f.establishment.departement_name.empty());
  v.set("establishment", est);
  data network;
  network.set("is_network", !f.network.establishments.empty());
  network.set("count", nf.integer(static_cast<int64_t>(f.network.establishments.size())));
  list members;
  for (const auto& n : f.network.establishments) {
    data member;
    member.set("name", n);
    members.push_back(member);
  }
  network.set("establishments", members);
  v.set("network", network);

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
    obj.set(name + "_plural", n > 1);
  };
  count(people, "present", f.people.present);
  count(people, "admitted", f.people.admitted);
  count(people, "exited", f.people.exited);
  count(people, "present_at_start", f.people.present_at_start);
  count(people, "present_at_end", f.people.present_at_end);
  v.set("people", people);

  data stays;
  count(stays, "overlapping", f.stays.overlapping);
  count(stays, "admissions", f.stays.admissions);
  count(stays, "exits", f.stays.exits);
  v.set("stays", stays);

  data occ;
  const auto& o = f.occupancy;
  occ.set("has_capacity", o.has_capacity);
  occ.set("rate", nf.percent(o.rate));
  occ.set("bed_days", nf.integer(o.bed_days));
  occ.set("capacity_days", nf.integer(o.capacity_days));
  occ.set("average_present", nf.decimal_places(o.average_present, 1));
  occ.set("peak_present", o.peak_known ? nf.integer(o.peak_present) : "–");
  occ.set("peak_known", o.peak_known);
  occ.set("peak_date", o.peak_date.empty() ? "–" : nf.date(parse_iso(o.peak_date)));
  std::string places;
  if (o.places_start && o.places_end)
    places = *o.places_start == *o.places_end
                 ? nf.integer(*o.places_start)
                 : fmt::format("{} {} {}", nf.integer(*o.places_start), nf.french ? "puis" : "then", nf.integer(*o.places_end));
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
  v.set("occupancy", occ);

  v.set("sex", distribution(f.sex, nf, before ? &before->sex : nullptr));

  data age = distribution(f.age.brackets, nf, before ? &before->age.brackets : nullptr);
  age.set("mean", nf.number(f.age.mean, 1));
  age.set("median", nf.number(f.age.median, 1));
  age.set("min", f.age.min ? nf.integer(*f.age.min) : "–");
  age.set("max", f.age.max ? nf.integer(*f.age.max) : "–");
  age.set("unknown", nf.integer(f.age.unknown));
  age.set("has_unknown", f.age.unknown > 0);
  age.set("has_ages", f.age.mean.has_value());
  v.set("age", age);

  data sl = distribution(f.stay_length.brackets, nf, before ? &before->stay_length.brackets : nullptr);
  const auto& s = f.stay_length;
  sl.set("count", nf.integer(s.count));
  sl.set("mean_days", nf.number(s.mean_days, 0));
  sl.set("median_days", nf.number(s.median_days, 0));
  sl.set("mean_months", nf.number(s.mean_days ? std::optional<double>(*s.mean_days / 30.4375) : std::nullopt, 1));
  sl.set("median_months", nf.number(s.median_days ? std::optional<double>(*s.median_days / 30.4375) : std::nullopt, 1));
  sl.set("at_most_3_months", headcount(s.at_most_3_months, nf));
  sl.set("over_6_months", headcount(s.over_6_months, nf));
  sl.set("reached_term", headcount(s.reached_term, nf));
  sl.set("has_exits", s.count > 0);
  v.set("stay_length", sl);

  v.set("referral", distribution(f.referral, nf, before ? &before->referral : nullptr));
  data origin = distribution(f.origin, nf, before ? &before->origin : nullptr);
  origin.set("same_region", headcount(f.origin_same_region, nf));
  v.set("origin", origin);

  data exits;
  exits.set("total", nf.integer(f.exits.total));
  exits.set("reasons", distribution(f.exits.reasons, nf, before ? &before->exits.reasons : nullptr));
  exits.set("housing", distribution(f.exits.housing, nf, before ? &before->exits.housing : nullptr));
  exits.set("activity", distribution(f.exits.activity, nf, before ? &before->exits.activity : nullptr));
  exits.set("outcomes", distribution(f.exits.outcomes, nf, before ? &before->exits.outcomes : nullptr));
  exits.set("housing_solution", headcount(f.exits.housing_solution, nf));
  exits.set("employment", headcount(f.exits.employment, nf));
  exits.set("training", headcount(f.exits.training, nf));
  v.set("exits", exits);

  data stage;
  stage.set("exits", distribution(f.stage.exits, nf, before ? &before->stage.exits : nullptr));
  stage.set("present_at_end", distribution(f.stage.present_at_end, nf, before ? &before->stage.present_at_end : nullptr));
  v.set("stage", stage);

  data counting;
  bool nights = f.counting.bed_days == "nights";
  counting.set("bed_days", f.counting.bed_days);
  counting.set("nights", nights);
  counting.set("age_reference", f.counting.age_reference);
  counting.set("age_at_entry", f.counting.age_reference == "entry");
  counting.set("age_at_period_start", f.counting.age_reference == "period_start");
  counting.set("age_at_period_end", f.counting.age_reference == "period_end");
  counting.set("contract_months", nf.integer(f.counting.contract_months));
  v.set("counting", counting);

  // Comparison with earlier years (docs/templates.md, "Comparison").
  v.set("has_previous", before != nullptr);
  data headline_now = headline(f, nf);
  v.set("headline", headline_now);
  if (before) {
    v.set("previous", headline(*before, nf));
    data change;
    change.set("people_present", signed_change(f.people.present - before->people.present, nf));
    change.set("people_admitted", signed_change(f.people.admitted - before->people.admitted, nf));
    change.set("people_exited", signed_change(f.people.exited - before->people.exited, nf));
    change.set("admissions", signed_change(f.stays.admissions - before->stays.admissions, nf));
    change.set("exits", signed_change(f.stays.exits - before->stays.exits, nf));
    change.set("bed_days", signed_change(f.occupancy.bed_days - before->occupancy.bed_days, nf));
    change.set("occupancy_rate", points_change(f.occupancy.rate, before->occupancy.rate, nf));
    change.set("women_share", points_change(share_of(f.sex, "F"), share_of(before->sex, "F"), nf));
    change.set("housing_solution_share", points_change(f.exits.housing_solution.share, before->exits.housing_solution.share, nf));
    v.set("change", change);
  }
  list comparisons;
  for (const auto* p : previous) comparisons.push_back(headline(*p, nf));
  v.set("comparisons", comparisons);

  data quality;
  quality.set("source", f.quality.source);
  quality.set("rows_read", nf.integer(static_cast<int64_t>(f.quality.rows_read)));
  quality.set("rows_used", nf.integer(static_cast<int64_t>(f.quality.rows_used)));
  quality.set("warning_count", nf.integer(static_cast<int64_t>(f.quality.warning_rows)));
  quality.set("has_warnings", !f.quality.warnings.empty());
  list warnings;
  // Findings about a row are one per row: the note lists k_note_findings_per_code
  // of a code, then says how many more there are (ctreport check lists them all).
  std::map<std::string, size_t> per_code;
  for (const auto& w : f.quality.warnings) {
    if (++per_code[w.code] > k_note_findings_per_code) continue;
    data wd;
    wd.set("code", w.code);
    wd.set("message", warning_text(w, nf.french));
    wd.set("column", w.column);
    wd.set("row", w.row ? nf.integer(static_cast<int64_t>(w.row)) : "");
    wd.set("has_row", w.row != 0);
    wd.set("count", nf.integer(static_cast<int64_t>(w.count)));
    warnings.push_back(wd);
  }
  for (const auto& [code, n] : per_code) {
    if (n <= k_note_findings_per_code) continue;
    data wd;
    size_t more = n - k_note_findings_per_code;
    wd.set("code", code);
    wd.set("message", nf.french ? fmt::format("… et {} autres avertissements {} (ctreport check les liste tous)", more, code)
                                : fmt::format("… and {} more {} warnings (ctreport check lists them all)", more, code));
    wd.set("column", "");
    wd.set("row", "");
    wd.set("has_row", false);
    wd.set("count", nf.integer(static_cast<int64_t>(more)));
    warnings.push_back(wd);
  }
  quality.set("warnings", warnings);
  v.set("quality", quality);
  return v;
}

}  // namespace ctreport::render
