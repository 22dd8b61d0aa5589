// Building the template view from the figures.
#include "render/report_view.hpp"

#include <fmt/format.h>

#include "version.hpp"

namespace ctreport::render {

namespace {
using kainjow::mustache::data;
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
data distribution(const figures::Distribution& dist, const NumberFormat& nf) {
  data d;
  list lines;
  data by_key;
  for (const auto& l : dist.lines) {
    data line;
    line.set("key", l.key);
    line.set("label", l.label);
    line.set("count", nf.integer(l.count));
    line.set("share", nf.percent(l.share));
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
  if (!french) return w.message;
  const std::string& v = w.value;
  if (w.code == "unmapped_value")
    return fmt::format("« {} » (colonne {}) ne correspond à aucune catégorie : compté en « autre »", v, w.column);
  if (w.code == "unresolved_origin")
    return fmt::format("origine « {} » non reconnue (ni département, ni code postal, ni pays) : comptée en non renseigné", v);
  if (w.code == "invalid_birth_date") return "date de naissance illisible (valeur non affichée) : âge inconnu";
  if (w.code == "birth_after_entry") return "date de naissance postérieure à l'entrée : âge inconnu";
  if (w.code == "invalid_birth_year") return "année de naissance illisible ou postérieure à l'entrée : âge inconnu";
  if (w.code == "invalid_age") return fmt::format("âge « {} » invalide : âge inconnu", v);
  if (w.code == "missing_person_id") return "identifiant de la personne absent : le séjour compte comme une personne";
  if (w.code == "over_capacity") return fmt::format("{} : plus de personnes présentes que de places", v);
  if (w.code == "capacity_gap") return fmt::format("{} : aucune période de capacité ne couvre ces jours (0 place)", v);
  return w.message;
}

}  // namespace

data report_view(const figures::Figures& f, const NumberFormat& nf) {
  data v;
  v.set("generator", std::string("ctreport ") + CTREPORT_VERSION);
  v.set("lang", nf.french ? "fr" : "en");

  data est;
  est.set("name", f.establishment.name);
  est.set("departement", f.establishment.departement);
  est.set("departement_name", f.establishment.departement_name);
  est.set("region", f.establishment.region);
  est.set("has_departement", !f.establishment.departement_name.empty());
  v.set("establishment", est);

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
  occ.set("peak_present", nf.integer(o.peak_present));
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
    monthly.push_back(md);
  }
  occ.set("monthly", monthly);
  v.set("occupancy", occ);

  v.set("sex", distribution(f.sex, nf));

  data age = distribution(f.age.brackets, nf);
  age.set("mean", nf.number(f.age.mean, 1));
  age.set("median", nf.number(f.age.median, 1));
  age.set("min", f.age.min ? nf.integer(*f.age.min) : "–");
  age.set("max", f.age.max ? nf.integer(*f.age.max) : "–");
  age.set("unknown", nf.integer(f.age.unknown));
  age.set("has_unknown", f.age.unknown > 0);
  age.set("has_ages", f.age.mean.has_value());
  v.set("age", age);

  data sl = distribution(f.stay_length.brackets, nf);
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

  v.set("referral", distribution(f.referral, nf));
  data origin = distribution(f.origin, nf);
  origin.set("same_region", headcount(f.origin_same_region, nf));
  v.set("origin", origin);

  data exits;
  exits.set("total", nf.integer(f.exits.total));
  exits.set("reasons", distribution(f.exits.reasons, nf));
  exits.set("housing", distribution(f.exits.housing, nf));
  exits.set("activity", distribution(f.exits.activity, nf));
  exits.set("outcomes", distribution(f.exits.outcomes, nf));
  exits.set("housing_solution", headcount(f.exits.housing_solution, nf));
  exits.set("employment", headcount(f.exits.employment, nf));
  exits.set("training", headcount(f.exits.training, nf));
  v.set("exits", exits);

  data stage;
  stage.set("exits", distribution(f.stage.exits, nf));
  stage.set("present_at_end", distribution(f.stage.present_at_end, nf));
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

  data quality;
  quality.set("source", f.quality.source);
  quality.set("rows_read", nf.integer(static_cast<int64_t>(f.quality.rows_read)));
  quality.set("rows_used", nf.integer(static_cast<int64_t>(f.quality.rows_used)));
  quality.set("warning_count", nf.integer(static_cast<int64_t>(f.quality.warning_rows)));
  quality.set("has_warnings", !f.quality.warnings.empty());
  list warnings;
  for (const auto& w : f.quality.warnings) {
    data wd;
    wd.set("code", w.code);
    wd.set("message", warning_text(w, nf.french));
    wd.set("column", w.column);
    wd.set("row", w.row ? nf.integer(static_cast<int64_t>(w.row)) : "");
    wd.set("has_row", w.row != 0);
    wd.set("count", nf.integer(static_cast<int64_t>(w.count)));
    warnings.push_back(wd);
  }
  quality.set("warnings", warnings);
  v.set("quality", quality);
  return v;
}

}  // namespace ctreport::render
