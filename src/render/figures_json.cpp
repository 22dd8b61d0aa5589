// Serialisation of the figures to JSON and back: shares as fractions,
// unrounded; the breakdowns where model/breakdowns.hpp declares them.
#include "render/figures_json.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "render/figures_json_validation.hpp"
#include "render/activities_json.hpp"
#include "render/followup_json.hpp"
#include "render/progress_json.hpp"
#include "util/errors.hpp"
#include "version.hpp"

namespace ctreport::render {

namespace {
using json = nlohmann::ordered_json;

json opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }
json opt(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }

json lines(const figures::Distribution& d) {
  json a = json::array();
  for (const auto& l : d.lines) {
    json line = {{"key", l.key}, {"label", l.label}, {"count", l.count}, {"share", opt(l.share)}};
    if (l.excluded_from_share) line["excluded_from_share"] = true;  // docs/figures.md, "Denominators"
    if (l.unknown_answer) line["unknown_answer"] = true;
    a.push_back(std::move(line));
  }
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

// A breakdown of JsonLayout::object: {total, population, EXTRAS..., LINES_KEY: lines, available}.
json distribution_object(const figures::Distribution& d, const std::string& lines_key, const json& extras) {
  if (!d.available) return not_available(d);
  json o = {{"total", d.total}, {"population", d.population}};
  for (const auto& [key, value] : extras.items()) o[key] = value;
  o[lines_key] = lines(d);
  o["available"] = true;
  return o;
}

// A breakdown written as its array of lines (exits, stage), or, not available, as the object.
json lines_or_not_available(const figures::Distribution& d) { return d.available ? lines(d) : not_available(d); }

// The figures a section of figures.json begins with, before its breakdowns' lines.
json section_head(const std::string& section, const figures::Figures& f) {
  if (section == "stay_length")
    return {{"count", f.stay_length.count},
            {"population", f.breakdown("stay_length").population},
            {"mean_days", opt(f.stay_length.mean_days)},
            {"median_days", opt(f.stay_length.median_days)}};
  if (section == "stay_length.stayers")
    return {{"count", f.stay_length.stayers.count},
            {"population", f.breakdown("stayer_length").population},
            {"mean_days", opt(f.stay_length.stayers.mean_days)},
            {"median_days", opt(f.stay_length.stayers.median_days)}};
  if (section == "exits") return {{"total", f.exits.total}, {"population", f.breakdown("exit_reason").population}};
  return json::object();
}

// The figures a breakdown's own object holds between its population and its lines.
json object_extras(const model::Breakdown& b, const figures::Figures& f) {
  if (b.source != model::BreakdownSource::age_brackets) return json::object();
  return {{"mean", opt(f.age.mean)},
          {"median", opt(f.age.median)},
          {"min", opt(f.age.min)},
          {"max", opt(f.age.max)},
          {"unknown", f.age.unknown}};
}

// The object at the dotted `path` of `root`, made when absent (with its section's head).
json& object_at(json& root, std::string_view path, const figures::Figures& f) {
  json* at = &root;
  std::string prefix;
  for (size_t from = 0; !path.empty() && from <= path.size();) {
    size_t dot = std::min(path.find('.', from), path.size());
    std::string name(path.substr(from, dot - from));
    prefix += (prefix.empty() ? "" : ".") + name;
    if (!at->contains(name)) (*at)[name] = section_head(prefix, f);
    at = &(*at)[name];
    from = dot + 1;
  }
  return *at;
}

// Every declared breakdown at its place in ctreport/figures/v1 (docs/figures.md,
// "Output: figures.json"), in the declaration table's order.
void write_breakdowns(json& j, const figures::Figures& f) {
  for (size_t i = 0; i < model::k_breakdown_count; ++i) {
    const model::Breakdown& b = model::k_breakdowns[i];
    const figures::Distribution& d = f.breakdowns[i];
    auto [parent, leaf] = model::parent_and_leaf(b.json_path);
    if (b.json_layout == model::JsonLayout::object) {
      auto [grandparent, name] = model::parent_and_leaf(parent);
      object_at(j, grandparent, f)[std::string(name)] = distribution_object(d, std::string(leaf), object_extras(b, f));
      continue;
    }
    json& section = object_at(j, parent, f);
    section[std::string(leaf)] = lines_or_not_available(d);
    if (b.json_layout == model::JsonLayout::lines_and_total && d.available) section[std::string(leaf) + "_total"] = d.total;
  }
  j["stay_length"]["at_most_3_months"] = headcount(f.stay_length.at_most_3_months);
  j["stay_length"]["over_6_months"] = headcount(f.stay_length.over_6_months);
  j["stay_length"]["reached_term"] = headcount(f.stay_length.reached_term);
  j["origin"]["same_region"] = headcount(f.origin_same_region);
  j["exits"]["housing_solution"] = headcount(f.exits.housing_solution);
  j["exits"]["employment"] = headcount(f.exits.employment);
  j["exits"]["training"] = headcount(f.exits.training);
  j["exits"]["positive_by_exit_to_work"] = f.exits.positive_by_exit_to_work;
}
// Returns: the counts, or why they cannot be given (docs/figures.md, "Returns").
json returns_json(const figures::Figures& f) {
  const auto& r = f.returns;
  if (!r.available) {
    json o = {{"available", false}, {"window_months", r.window_months}, {"reason", r.not_available}};
    if (r.not_available == "export_starts_later") {
      o["window_start"] = r.window_start;
      o["earliest_entry"] = r.earliest_entry;
    }
    return o;
  }
  return {{"available", true},
          {"window_months", r.window_months},
          {"exited_before", r.exited_before},
          {"readmitted", headcount(r.readmitted)},
          {"admissions", r.admissions},
          {"within_6_months", headcount(r.within_6_months)},
          {"within_12_months", headcount(r.within_12_months)}};
}
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
                   {"contract_months", f.counting.contract_months},
                   {"exit_to_work", f.counting.exit_to_work}};
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
  write_breakdowns(j, f);
  j["returns"] = returns_json(f);
  j["progress"] = progress_to_json(f.progress);
  if (f.activities.given) j["activities"] = activities_to_json(f.activities);
  if (f.followup.given) j["followup"] = followup_to_json(f.followup);
  json warnings = json::array();
  for (const auto& w : f.quality.warnings) {
    json jw = {{"code", w.code}, {"message", w.message}, {"row", w.row == 0 ? json(nullptr) : json(w.row)}, {"count", w.count}};
    if (!w.column.empty()) jw["column"] = w.column;
    if (w.severity == model::Severity::notice) jw["severity"] = "notice";  // information to verify, not a warning
    // What the message is made of, never personal data (model/warnings.hpp), so
    // that a network's report says it in its own language.
    if (!w.value.empty()) jw["value"] = w.value;
    json params = json::object();
    for (const auto& [name, value] : w.params) params[name] = value;
    jw["params"] = params;
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

json distribution_to_json(const figures::Distribution& d) { return distribution_object(d, "lines", json::object()); }

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
    d.lines.back().excluded_from_share = l.value("excluded_from_share", false);
    d.lines.back().unknown_answer = l.value("unknown_answer", false);
    d.total += d.lines.back().count;
  }
  return d;
}

figures::Headcount head(const nlohmann::json& j) {
  if (!is_available(j)) return {0, std::nullopt, false};
  return {j.at("count").get<int64_t>(), get_opt(j, "share")};
}

// A distribution written as an object whose lines are under `lines_key`.
figures::Distribution dist_object(const nlohmann::json& j, const std::string& lines_key, std::string population) {
  if (!is_available(j)) return not_available(j, std::move(population));
  return dist(j.at(lines_key), std::move(population));
}

}  // namespace

figures::Distribution distribution_from_json(const nlohmann::json& j, std::string population) {
  return dist_object(j, "lines", std::move(population));
}

namespace {

// The value at the dotted `path`, or null when a part of it is absent.
const nlohmann::json* find_path(const nlohmann::json& j, std::string_view path) {
  const nlohmann::json* at = &j;
  for (size_t from = 0; from <= path.size();) {
    size_t dot = std::min(path.find('.', from), path.size());
    auto it = at->find(std::string(path.substr(from, dot - from)));
    if (!at->is_object() || it == at->end()) return nullptr;
    at = &*it;
    from = dot + 1;
  }
  return at;
}

// One declared breakdown; one added since ctreport/figures/v1, absent from an
// older file, reads as not available.
figures::Distribution read_breakdown(const nlohmann::json& j, const model::Breakdown& b) {
  std::string population(model::population_name(b.population));
  auto [parent, leaf] = model::parent_and_leaf(b.json_path);
  const bool own_object = b.json_layout == model::JsonLayout::object;
  const nlohmann::json* at = find_path(j, own_object ? parent : b.json_path);
  if (!at) {
    figures::Distribution d;
    d.population = population;
    d.available = false;
    for (model::Field fd : b.fields) d.missing_fields.emplace_back(model::field_info(fd).name);
    return d;
  }
  return own_object ? dist_object(*at, std::string(leaf), population) : dist(*at, population);
}

// Every declared breakdown, and the figures that go with some of them.
void read_breakdowns(const nlohmann::json& j, figures::Figures& f) {
  for (size_t i = 0; i < model::k_breakdown_count; ++i) f.breakdowns[i] = read_breakdown(j, model::k_breakdowns[i]);
  const auto& a = j.at("age");
  if (f.breakdown("age").available) {
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
  f.stay_length.at_most_3_months = head(sl.at("at_most_3_months"));
  f.stay_length.over_6_months = head(sl.at("over_6_months"));
  f.stay_length.reached_term = head(sl.at("reached_term"));
  if (auto st = sl.find("stayers"); st != sl.end()) {  // since ctreport 0.2
    f.stay_length.stayers.count = st->at("count").get<int64_t>();
    f.stay_length.stayers.mean_days = get_opt(*st, "mean_days");
    f.stay_length.stayers.median_days = get_opt(*st, "median_days");
  }
  f.origin_same_region = head(j.at("origin").at("same_region"));
  const auto& x = j.at("exits");
  f.exits.total = x.at("total").get<int64_t>();
  f.exits.housing_solution = head(x.at("housing_solution"));
  f.exits.employment = head(x.at("employment"));
  f.exits.training = head(x.at("training"));
  f.exits.positive_by_exit_to_work = x.value("positive_by_exit_to_work", int64_t{0});  // absent from older files
}

// The period, the establishment, the counting conventions, the people and the stays.
void read_counts(const nlohmann::json& j, figures::Figures& f) {
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
  f.counting.exit_to_work = c.value("exit_to_work", "reason");  // older files: the reason's outcome only
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
}

void read_occupancy(const nlohmann::json& o, figures::Figures& f) {
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
}

// Returns; a figures file written before ctreport 0.2 has none: not available.
void read_returns(const nlohmann::json& j, figures::Figures& f) {
  auto& r = f.returns;
  auto it = j.find("returns");
  if (it == j.end()) {
    r.available = false;
    r.not_available = "not_in_file";
    return;
  }
  const auto& o = *it;
  r.window_months = o.at("window_months").get<int>();
  if (!is_available(o)) {
    r.available = false;
    r.not_available = o.value("reason", "");
    r.window_start = o.value("window_start", "");
    r.earliest_entry = o.value("earliest_entry", "");
    return;
  }
  r.exited_before = o.at("exited_before").get<int64_t>();
  r.readmitted = head(o.at("readmitted"));
  r.admissions = o.at("admissions").get<int64_t>();
  r.within_6_months = head(o.at("within_6_months"));
  r.within_12_months = head(o.at("within_12_months"));
}

// One warning of quality.warnings; `described` becomes false when it carries
// only its English message (a file written before the parameters were kept).
model::Warning read_warning(const nlohmann::json& jw, bool& described) {
  model::Warning w;
  w.code = jw.at("code").get<std::string>();
  w.message = jw.at("message").get<std::string>();
  w.row = jw.at("row").is_null() ? 0 : jw.at("row").get<uint64_t>();
  w.count = jw.at("count").get<uint64_t>();
  w.column = jw.value("column", "");
  if (jw.value("severity", "") == "notice") w.severity = model::Severity::notice;
  w.value = jw.value("value", "");
  if (auto params = jw.find("params"); params != jw.end()) {
    for (const auto& [name, value] : params->items()) w.params.emplace_back(name, value.get<std::string>());
  } else {
    described = false;
  }
  return w;
}

void read_quality(const nlohmann::json& q, figures::Figures& f) {
  f.quality.source = q.value("source", "");
  f.quality.rows_read = q.at("rows_read").get<uint64_t>();
  f.quality.rows_used = q.at("rows_used").get<uint64_t>();
  f.quality.warning_rows = q.value("warning_count", uint64_t{0});
  if (q.contains("columns"))
    for (const auto& c : q.at("columns"))
      f.quality.columns.emplace_back(c.at("header").get<std::string>(), c.at("field").get<std::string>());
  if (q.contains("unused_columns")) f.quality.unused_columns = q.at("unused_columns").get<std::vector<std::string>>();
  if (q.contains("warnings"))
    for (const auto& jw : q.at("warnings")) f.quality.warnings.push_back(read_warning(jw, f.quality.warnings_described));
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
    read_counts(j, f);
    read_occupancy(j.at("occupancy"), f);
    read_breakdowns(j, f);
    read_returns(j, f);
    f.progress = progress_from_json(j);
    f.activities = activities_from_json(j);
    f.followup = followup_from_json(j);
    read_quality(j.at("quality"), f);
  } catch (const nlohmann::json::exception& e) {
    throw DataError(fmt::format("{}: not a valid ctreport figures file: {}", source, e.what()));
  }
  return f;
}

}  // namespace ctreport::render
