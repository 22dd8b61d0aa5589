// Serialisation of the figures to JSON: shares as fractions, unrounded.
#include "render/figures_json.hpp"

#include <fmt/format.h>

#include "render/figures_json_validation.hpp"
#include "util/errors.hpp"
#include "version.hpp"

namespace ctreport::render {

namespace {
using json = nlohmann::ordered_json;

json opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }
json opt(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }

json lines(const figures::Distribution& d) {
  json a = json::array();
  for (const auto& l : d.lines) a.push_back({{"key", l.key}, {"label", l.label}, {"count", l.count}, {"share", opt(l.share)}});
  return a;
}

json headcount(const figures::Headcount& h) {
  if (!h.available) return {{"available", false}};
  return {{"count", h.count}, {"share", opt(h.share)}, {"available", true}};
}

// A distribution the export has no column for: no total and no lines, only
// what is missing (docs/figures.md, "A missing column").
json not_available(const figures::Distribution& d) {
  return {{"population", d.population}, {"available", false}, {"missing", d.missing_fields}};
}

// A distribution written as an object: {total, population, KEY: lines, available}.
json distribution(const figures::Distribution& d, const char* lines_key) {
  if (!d.available) return not_available(d);
  return {{"total", d.total}, {"population", d.population}, {lines_key, lines(d)}, {"available", true}};
}

// A distribution written as its array of lines (exits, stage), or, not available, as the object.
json lines_or_not_available(const figures::Distribution& d) { return d.available ? lines(d) : not_available(d); }
}  // namespace

json figures_to_json(const figures::Figures& f) {
  json j;
  j["schema"] = "ctreport/figures/v1";
  j["generator"] = std::string("ctreport ") + CTREPORT_VERSION;
  j["period"] = {{"label", f.period.label}, {"start", f.period.start}, {"end", f.period.end}, {"days", f.period.days}};
  j["establishment"] = {{"name", f.establishment.name},
                        {"departement", f.establishment.departement},
                        {"region", f.establishment.region}};
  if (!f.network.establishments.empty())
    j["network"] = {{"establishments", f.network.establishments}, {"not_mergeable", f.network.not_mergeable}};
  j["counting"] = {{"bed_days", f.counting.bed_days},
                   {"age_reference", f.counting.age_reference},
                   {"contract_months", f.counting.contract_months}};
  j["people"] = {{"present", f.people.present},
                 {"admitted", f.people.admitted},
                 {"exited", f.people.exited},
                 {"present_at_start", f.people.present_at_start},
                 {"present_at_end", f.people.present_at_end}};
  j["stays"] = {{"overlapping", f.stays.overlapping}, {"admissions", f.stays.admissions}, {"exits", f.stays.exits}};
  json monthly = json::array();
  for (const auto& m : f.occupancy.monthly)
    monthly.push_back({{"month", m.month},
                       {"rate", opt(m.rate)},
                       {"bed_days", m.bed_days},
                       {"capacity_days", m.capacity_days},
                       {"average_present", m.average_present}});
  j["occupancy"] = {{"rate", opt(f.occupancy.rate)},
                    {"bed_days", f.occupancy.bed_days},
                    {"capacity_days", f.occupancy.capacity_days},
                    {"average_present", f.occupancy.average_present},
                    {"peak_present", f.occupancy.peak_known ? json(f.occupancy.peak_present) : json(nullptr)},
                    {"peak_date", f.occupancy.peak_date.empty() ? json(nullptr) : json(f.occupancy.peak_date)},
                    {"places_start", opt(f.occupancy.places_start)},
                    {"places_end", opt(f.occupancy.places_end)},
                    {"monthly", monthly}};
  j["sex"] = distribution(f.sex, "categories");
  if (f.age.brackets.available)
    j["age"] = {{"total", f.age.brackets.total},
                {"population", f.age.brackets.population},
                {"mean", opt(f.age.mean)},
                {"median", opt(f.age.median)},
                {"min", opt(f.age.min)},
                {"max", opt(f.age.max)},
                {"unknown", f.age.unknown},
                {"brackets", lines(f.age.brackets)},
                {"available", true}};
  else
    j["age"] = not_available(f.age.brackets);
  j["stay_length"] = {{"count", f.stay_length.count},
                      {"population", f.stay_length.brackets.population},
                      {"mean_days", opt(f.stay_length.mean_days)},
                      {"median_days", opt(f.stay_length.median_days)},
                      {"brackets", lines(f.stay_length.brackets)},
                      {"at_most_3_months", headcount(f.stay_length.at_most_3_months)},
                      {"over_6_months", headcount(f.stay_length.over_6_months)},
                      {"reached_term", headcount(f.stay_length.reached_term)}};
  j["referral"] = distribution(f.referral, "categories");
  j["origin"] = distribution(f.origin, "categories");
  j["origin"]["same_region"] = headcount(f.origin_same_region);
  j["exits"] = {{"total", f.exits.total},
                {"population", f.exits.reasons.population},
                {"reasons", lines_or_not_available(f.exits.reasons)},
                {"housing", lines_or_not_available(f.exits.housing)},
                {"activity", lines_or_not_available(f.exits.activity)},
                {"outcomes", lines_or_not_available(f.exits.outcomes)},
                {"housing_solution", headcount(f.exits.housing_solution)},
                {"employment", headcount(f.exits.employment)},
                {"training", headcount(f.exits.training)}};
  j["stage"] = json::object();
  j["stage"]["exits"] = lines_or_not_available(f.stage.exits);
  if (f.stage.exits.available) j["stage"]["exits_total"] = f.stage.exits.total;
  j["stage"]["present_at_end"] = lines_or_not_available(f.stage.present_at_end);
  if (f.stage.present_at_end.available) j["stage"]["present_at_end_total"] = f.stage.present_at_end.total;
  json warnings = json::array();
  for (const auto& w : f.quality.warnings) {
    json jw = {{"code", w.code}, {"message", w.message}, {"row", w.row == 0 ? json(nullptr) : json(w.row)}, {"count", w.count}};
    if (!w.column.empty()) jw["column"] = w.column;
    if (w.severity == model::Severity::notice) jw["severity"] = "notice";  // information to verify, not a warning
    warnings.push_back(jw);
  }
  json columns = json::array();
  for (const auto& [header, field] : f.quality.columns) columns.push_back({{"header", header}, {"field", field}});
  j["quality"] = {{"source", f.quality.source},
                  {"rows_read", f.quality.rows_read},
                  {"rows_used", f.quality.rows_used},
                  {"warning_count", f.quality.warning_rows},
                  {"warnings", warnings},
                  {"columns", columns},
                  {"unused_columns", f.quality.unused_columns}};
  return j;
}

std::string figures_json_text(const figures::Figures& f) { return figures_to_json(f).dump(2) + "\n"; }

namespace {

std::optional<double> get_opt(const nlohmann::json& j, const char* key) {
  if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
  return j.at(key).get<double>();
}

std::optional<int> get_opt_int(const nlohmann::json& j, const char* key) {
  if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
  return j.at(key).get<int>();
}

// False for a distribution written as not available: {"available": false, "missing": [...]}.
// Files written before the `available` keys read as available.
bool is_available(const nlohmann::json& j) {
  return !j.is_object() || !j.contains("available") || j.at("available").get<bool>();
}

figures::Distribution not_available(const nlohmann::json& j, std::string population) {
  figures::Distribution d;
  d.population = j.value("population", population);
  d.available = false;
  if (j.contains("missing")) d.missing_fields = j.at("missing").get<std::vector<std::string>>();
  return d;
}

figures::Distribution dist(const nlohmann::json& lines, std::string population) {
  if (!is_available(lines)) return not_available(lines, std::move(population));
  figures::Distribution d;
  d.population = std::move(population);
  for (const auto& l : lines) {
    d.lines.push_back({l.at("key").get<std::string>(), l.at("label").get<std::string>(), l.at("count").get<int64_t>(),
                       get_opt(l, "share")});
    d.total += d.lines.back().count;
  }
  return d;
}

figures::Headcount head(const nlohmann::json& j) {
  if (!is_available(j)) return {0, std::nullopt, false};
  return {j.at("count").get<int64_t>(), get_opt(j, "share")};
}

// A distribution written as an object whose lines are under `lines_key`.
figures::Distribution dist_object(const nlohmann::json& j, const char* lines_key, std::string population) {
  if (!is_available(j)) return not_available(j, std::move(population));
  return dist(j.at(lines_key), std::move(population));
}

}  // namespace

figures::Figures figures_from_json(std::string_view text, const std::string& source) {
  figures::Figures f;
  if (text.size() > k_max_figures_bytes)
    throw DataError("figures_error", fmt::format("{}: larger than {} MiB: not a figures file", source, k_max_figures_bytes >> 20), source);
  try {
    auto j = nlohmann::json::parse(text, figures_json_depth_guard(source));
    if (!j.is_object() || j.value("schema", "") != "ctreport/figures/v1")
      throw DataError(fmt::format("{}: not a ctreport figures file (schema ctreport/figures/v1 expected)", source));
    validate_figures_json(j, source);
    const auto& p = j.at("period");
    f.period.label = p.at("label").get<std::string>();
    f.period.start = p.at("start").get<std::string>();
    f.period.end = p.at("end").get<std::string>();
    f.period.days = p.at("days").get<int>();
    const auto& e = j.at("establishment");
    f.establishment.name = e.value("name", "");
    f.establishment.departement = e.value("departement", "");
    f.establishment.region = e.value("region", "");
    if (j.contains("network")) {
      f.network.establishments = j.at("network").at("establishments").get<std::vector<std::string>>();
      f.network.not_mergeable = j.at("network").at("not_mergeable").get<std::vector<std::string>>();
    }
    const auto& c = j.at("counting");
    f.counting.bed_days = c.at("bed_days").get<std::string>();
    f.counting.age_reference = c.at("age_reference").get<std::string>();
    f.counting.contract_months = c.at("contract_months").get<int>();
    const auto& pe = j.at("people");
    f.people.present = pe.at("present").get<int64_t>();
    f.people.admitted = pe.at("admitted").get<int64_t>();
    f.people.exited = pe.at("exited").get<int64_t>();
    f.people.present_at_start = pe.at("present_at_start").get<int64_t>();
    f.people.present_at_end = pe.at("present_at_end").get<int64_t>();
    const auto& st = j.at("stays");
    f.stays.overlapping = st.at("overlapping").get<int64_t>();
    f.stays.admissions = st.at("admissions").get<int64_t>();
    f.stays.exits = st.at("exits").get<int64_t>();
    const auto& o = j.at("occupancy");
    f.occupancy.rate = get_opt(o, "rate");
    f.occupancy.has_capacity = f.occupancy.rate.has_value() || o.at("capacity_days").get<int64_t>() > 0;
    f.occupancy.bed_days = o.at("bed_days").get<int64_t>();
    f.occupancy.capacity_days = o.at("capacity_days").get<int64_t>();
    f.occupancy.average_present = o.at("average_present").get<double>();
    f.occupancy.peak_known = !o.at("peak_present").is_null();
    f.occupancy.peak_present = f.occupancy.peak_known ? o.at("peak_present").get<int64_t>() : 0;
    f.occupancy.peak_date = o.at("peak_date").is_null() ? "" : o.at("peak_date").get<std::string>();
    f.occupancy.places_start = get_opt_int(o, "places_start");
    f.occupancy.places_end = get_opt_int(o, "places_end");
    for (const auto& m : o.at("monthly"))
      f.occupancy.monthly.push_back({m.at("month").get<std::string>(), m.at("bed_days").get<int64_t>(),
                                     m.at("capacity_days").get<int64_t>(), get_opt(m, "rate"),
                                     m.at("average_present").get<double>()});
    f.sex = dist_object(j.at("sex"), "categories", "people_present");
    const auto& a = j.at("age");
    f.age.brackets = dist_object(a, "brackets", "people_present");
    if (f.age.brackets.available) {
      f.age.mean = get_opt(a, "mean");
      f.age.median = get_opt(a, "median");
      f.age.min = get_opt_int(a, "min");
      f.age.max = get_opt_int(a, "max");
      f.age.unknown = a.at("unknown").get<int64_t>();
    }
    const auto& sl = j.at("stay_length");
    f.stay_length.count = sl.at("count").get<int64_t>();
    f.stay_length.mean_days = get_opt(sl, "mean_days");
    f.stay_length.median_days = get_opt(sl, "median_days");
    f.stay_length.brackets = dist(sl.at("brackets"), "exits");
    f.stay_length.at_most_3_months = head(sl.at("at_most_3_months"));
    f.stay_length.over_6_months = head(sl.at("over_6_months"));
    f.stay_length.reached_term = head(sl.at("reached_term"));
    f.referral = dist_object(j.at("referral"), "categories", "people_present");
    f.origin = dist_object(j.at("origin"), "categories", "people_present");
    f.origin_same_region = head(j.at("origin").at("same_region"));
    const auto& x = j.at("exits");
    f.exits.total = x.at("total").get<int64_t>();
    f.exits.reasons = dist(x.at("reasons"), "exits");
    f.exits.housing = dist(x.at("housing"), "exits");
    f.exits.activity = dist(x.at("activity"), "exits");
    f.exits.outcomes = dist(x.at("outcomes"), "exits");
    f.exits.housing_solution = head(x.at("housing_solution"));
    f.exits.employment = head(x.at("employment"));
    f.exits.training = head(x.at("training"));
    f.stage.exits = dist(j.at("stage").at("exits"), "exits");
    f.stage.present_at_end = dist(j.at("stage").at("present_at_end"), "people_present_at_end");
    const auto& q = j.at("quality");
    f.quality.source = q.value("source", "");
    f.quality.rows_read = q.at("rows_read").get<uint64_t>();
    f.quality.rows_used = q.at("rows_used").get<uint64_t>();
    f.quality.warning_rows = q.value("warning_count", uint64_t{0});
    if (q.contains("columns"))
      for (const auto& c : q.at("columns"))
        f.quality.columns.emplace_back(c.at("header").get<std::string>(), c.at("field").get<std::string>());
    if (q.contains("unused_columns")) f.quality.unused_columns = q.at("unused_columns").get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception& e) {
    throw DataError(fmt::format("{}: not a valid ctreport figures file: {}", source, e.what()));
  }
  return f;
}

}  // namespace ctreport::render
