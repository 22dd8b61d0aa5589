// Adding up figures of several establishments.
#include "figures/merge.hpp"

#include "figures/shares.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "figures/activity_merge.hpp"
#include "model/geography.hpp"
#include "model/line_texts.hpp"
#include "model/network_texts.hpp"
#include "figures/followup_merge.hpp"
#include "util/date.hpp"
#include "util/errors.hpp"

namespace ctreport::figures {

namespace {

std::optional<double> ratio(double a, double b) { return b > 0 ? std::optional<double>(a / b) : std::nullopt; }

// total += more, refused when the sum would overflow (checked before adding).
template <typename T>
void sum(T& total, T more) {
  T result{};
  if (__builtin_add_overflow(total, more, &result))
    throw DataError("figures_error", "the merged counts are too large to add up: merge figures files written by ctreport");
  total = result;
}

// The number of days of `month` ("2024-02"); figures_from_json checks the
// months it reads, this guards every other caller.
int days_of_month(const std::string& month) {
  bool ok = month.size() == 7 && month[4] == '-';
  for (size_t i = 0; ok && i < 7; ++i) ok = i == 4 || (month[i] >= '0' && month[i] <= '9');
  int year = ok ? std::stoi(month.substr(0, 4)) : 0, m = ok ? std::stoi(month.substr(5, 2)) : 0;
  if (!ok || m < 1 || m > 12) throw DataError("figures_error", fmt::format("'{}' is not a month (expected YYYY-MM)", month));
  return util::days_in_month(year, static_cast<unsigned>(m));
}

std::set<std::string> category_keys(const Distribution& d) {
  std::set<std::string> keys;
  for (const auto& l : d.lines)
    if (l.key != "unknown" && l.key != "other" && l.key != "excluded") keys.insert(l.key);  // lines present only when not 0
  return keys;
}

// Not available in any establishment: not available in the network, the
// missing fields of each united (docs/figures.md, "A missing column").
void unite_missing(Distribution& a, const Distribution& b) {
  a.available = false;
  a.lines.clear();
  a.total = 0;
  for (const auto& field : b.missing_fields)
    if (std::find(a.missing_fields.begin(), a.missing_fields.end(), field) == a.missing_fields.end())
      a.missing_fields.push_back(field);
}

// Adds `b` into `a` line by line (same keys), `other` and `unknown` included.
void add(Distribution& a, const Distribution& b, const std::string& what, const std::string& name) {
  if (!b.available) return unite_missing(a, b);
  if (!a.available) return;
  if (category_keys(a) != category_keys(b))
    throw DataError(fmt::format("{}: the categories of {} differ from the first file's: merge figures made with the "
                                "same categories",
                                name, what));
  for (const auto& l : b.lines) {
    auto it = std::find_if(a.lines.begin(), a.lines.end(), [&](const Line& x) { return x.key == l.key; });
    if (it != a.lines.end()) {
      sum(it->count, l.count);
      it->excluded_from_share = it->excluded_from_share || l.excluded_from_share;
    } else {
      Line added = l;
      added.share.reset();
      a.lines.push_back(std::move(added));
    }
  }
}

// The entry → exit cross-tables, cell by cell (counts are additive).
void add(Progress& a, const Progress& b, const std::string& name) {
  for (auto [into, more, what] : {std::tuple{&a.housing, &b.housing, "progress.housing"},
                                  std::tuple{&a.activity, &b.activity, "progress.activity"}})
    if (auto problem = add_cross_table(*into, *more))
      throw DataError(fmt::format("{}: the categories of {} differ from the first file's: merge figures made with the "
                                  "same categories",
                                  name, what));
}

void finish(Distribution& d) {
  if (!d.available) return;
  // other, then unknown, last
  std::stable_partition(d.lines.begin(), d.lines.end(), [](const Line& l) { return l.key != "other" && l.key != "unknown"; });
  std::stable_partition(d.lines.begin(), d.lines.end(), [](const Line& l) { return l.key != "unknown"; });
  d.total = 0;
  for (const auto& l : d.lines) sum(d.total, l.count);  // checked against overflow
  set_total_and_shares(d);
}

void add(Headcount& a, const Headcount& b) {
  sum(a.count, b.count);
  a.available = a.available && b.available;
}
void finish(Headcount& h, int64_t total) {
  if (!h.available) h = {0, std::nullopt, false};
  else h.share = ratio(static_cast<double>(h.count), static_cast<double>(total));
}

// Refuses `in[i]` when it cannot be added to the figures `m` (the first
// file's): another period, other counting conventions or brackets, or an
// establishment already given.
void check_mergeable(const Figures& m, const std::vector<Figures>& in, const std::vector<std::string>& names, size_t i) {
  const Figures& f = in[i];
  const std::string& name = names[i];
  const std::string& first = names.front();
  if (f.period.start != m.period.start || f.period.end != m.period.end)
    throw DataError(fmt::format("{}: its period {} ({} – {}) is not the period of {}, {} ({} – {}): merge figures of the "
                                "same period",
                                name, f.period.label, f.period.start, f.period.end, first, m.period.label,
                                m.period.start, m.period.end));
  // The counting conventions must be the same, else the sums mean nothing.
  auto same = [&](const std::string& setting, const std::string& here, const std::string& there) {
    if (here != there)
      throw DataError(fmt::format("{}: counted with {} {}, but {} with {} {}: merge figures made with the same "
                                  "counting conventions",
                                  name, setting, here, first, setting, there));
  };
  same("bed_days", f.counting.bed_days, m.counting.bed_days);
  same("age_reference", f.counting.age_reference, m.counting.age_reference);
  same("contract_months", std::to_string(f.counting.contract_months), std::to_string(m.counting.contract_months));
  same("exit_to_work", f.counting.exit_to_work, m.counting.exit_to_work);
  same("returns_window_months", std::to_string(f.returns.window_months), std::to_string(m.returns.window_months));
  auto keys = [](const Distribution& d) {
    std::string all;
    for (const auto& k : category_keys(d)) all += (all.empty() ? "" : ", ") + k;
    return all;
  };
  const Distribution &ages = f.breakdown("age"), &merged_ages = m.breakdown("age");
  if (ages.available && merged_ages.available) same("age brackets", keys(ages), keys(merged_ages));
  same("stay-length brackets", keys(f.breakdown("stay_length")), keys(m.breakdown("stay_length")));
  // The same establishment twice would count its people twice.
  for (size_t k = 0; k < i; ++k)
    if (!f.establishment.name.empty() && in[k].establishment.name == f.establishment.name)
      throw DataError(fmt::format("{}: the figures of '{}' for {} are already given by {}: each establishment once (two establishments need different names: establishment.name in their config)", name,
                                  f.establishment.name, f.period.label, names[k]));
}

// Adds the additive figures of `f` into `m`: counts, bed-days, places and
// every breakdown line by line.
// Returns add up; one establishment that cannot say makes the network unable to.
void add_returns(decltype(Figures::returns)& m, const decltype(Figures::returns)& f) {
  if (!m.available) return;
  if (!f.available) {
    m = f;
    return;
  }
  sum(m.exited_before, f.exited_before);
  sum(m.admissions, f.admissions);
  add(m.readmitted, f.readmitted);
  add(m.within_6_months, f.within_6_months);
  add(m.within_12_months, f.within_12_months);
}

void add_counts(Figures& m, const Figures& f, const std::string& name) {
  add_returns(m.returns, f.returns);
  sum(m.people.present, f.people.present);
  sum(m.people.admitted, f.people.admitted);
  sum(m.people.exited, f.people.exited);
  sum(m.people.present_at_start, f.people.present_at_start);
  sum(m.people.present_at_end, f.people.present_at_end);
  sum(m.people.admitted_not_at_start, f.people.admitted_not_at_start);
  sum(m.stays.overlapping, f.stays.overlapping);
  sum(m.stays.admissions, f.stays.admissions);
  sum(m.stays.exits, f.stays.exits);
  m.occupancy.has_capacity = m.occupancy.has_capacity && f.occupancy.has_capacity;
  sum(m.occupancy.bed_days, f.occupancy.bed_days);
  sum(m.occupancy.capacity_days, f.occupancy.capacity_days);
  if (m.occupancy.places_start && f.occupancy.places_start) sum(*m.occupancy.places_start, *f.occupancy.places_start);
  else m.occupancy.places_start.reset();
  if (m.occupancy.places_end && f.occupancy.places_end) sum(*m.occupancy.places_end, *f.occupancy.places_end);
  else m.occupancy.places_end.reset();
  for (size_t b = 0; b < model::k_breakdown_count; ++b)
    add(m.breakdowns[b], f.breakdowns[b], std::string(model::k_breakdowns[b].path), name);
  sum(m.age.unknown, f.age.unknown);
  if (f.age.min) m.age.min = m.age.min ? std::min(*m.age.min, *f.age.min) : *f.age.min;
  if (f.age.max) m.age.max = m.age.max ? std::max(*m.age.max, *f.age.max) : *f.age.max;
  sum(m.stay_length.count, f.stay_length.count);
  sum(m.stay_length.stayers.count, f.stay_length.stayers.count);
  add(m.stay_length.at_most_3_months, f.stay_length.at_most_3_months);
  add(m.stay_length.over_6_months, f.stay_length.over_6_months);
  add(m.stay_length.reached_term, f.stay_length.reached_term);
  add(m.origin_same_region, f.origin_same_region);
  sum(m.exits.total, f.exits.total);
  sum(m.exits.positive_by_exit_to_work, f.exits.positive_by_exit_to_work);
  add(m.progress, f.progress, name);
  add(m.exits.housing_solution, f.exits.housing_solution);
  add(m.exits.employment, f.exits.employment);
  add(m.exits.training, f.exits.training);
  sum(m.quality.rows_read, f.quality.rows_read);
  sum(m.quality.rows_used, f.quality.rows_used);
  sum(m.quality.warning_rows, f.quality.warning_rows);
}

// One establishment as the network's report lists it. Its département counts
// only when model/geography knows it: its figures' origin lines are relative
// to it (a file without one, or with an unknown code, has every French origin
// in other_region).
Figures::NetworkMember member_of(const Figures& f, const std::string& name) {
  Figures::NetworkMember n;
  n.name = f.establishment.name.empty() ? name : f.establishment.name;
  const auto& geography = model::Geography::builtin();
  auto code = geography.normalize_code(f.establishment.departement);
  if (const model::Departement* d = code ? geography.find(*code) : nullptr; d && !d->is_collectivity()) {
    n.departement = d->code;
    n.region = d->region;
  }
  n.people_present = f.people.present;
  n.admissions = f.stays.admissions;
  n.exits = f.stays.exits;
  n.bed_days = f.occupancy.bed_days;
  n.capacity_days = f.occupancy.capacity_days;
  if (f.occupancy.has_capacity) n.occupancy_rate = ratio(static_cast<double>(f.occupancy.bed_days), static_cast<double>(f.occupancy.capacity_days));
  n.warning_rows = f.quality.warning_rows;
  n.warnings = f.quality.warnings;
  n.warnings_described = f.quality.warnings_described;
  return n;
}

// The region of every establishment, by its département, or "" when one has
// none or two differ: the only case in which the network's report names a region.
std::string shared_region(const std::vector<Figures::NetworkMember>& members) {
  if (members.empty()) return {};
  for (const auto& n : members)
    if (n.departement.empty() || n.region != members.front().region) return {};
  return members.front().region;
}

}  // namespace

Figures merge_figures(const std::vector<Figures>& in, const std::vector<std::string>& names, bool english) {
  if (in.empty()) throw DataError("nothing to merge");
  Figures m = in.front();
  m.network.establishments.clear();
  m.network.members.clear();
  double age_sum = 0, length_sum = 0, stayer_sum = 0;
  int64_t age_known = 0;
  std::map<std::string, MonthOccupancy> months;
  for (size_t i = 0; i < in.size(); ++i) {
    const Figures& f = in[i];
    const std::string& name = names[i];
    check_mergeable(m, in, names, i);
    m.network.establishments.push_back(f.establishment.name.empty() ? name : f.establishment.name);
    m.network.members.push_back(member_of(f, name));
    int64_t known = f.breakdown("age").total - f.age.unknown;
    if (f.age.mean) {
      age_sum += *f.age.mean * static_cast<double>(known);
      sum(age_known, known);
    }
    if (f.stay_length.mean_days) length_sum += *f.stay_length.mean_days * static_cast<double>(f.stay_length.count);
    const auto& st = f.stay_length.stayers;
    if (st.mean_days) stayer_sum += *st.mean_days * static_cast<double>(st.count);
    for (const auto& mo : f.occupancy.monthly) {
      auto& t = months[mo.month];
      t.month = mo.month;
      sum(t.bed_days, mo.bed_days);
      sum(t.capacity_days, mo.capacity_days);
    }
    if (i == 0) continue;
    add_counts(m, f, name);
  }
  // Recomputed from the sums.
  m.occupancy.rate = m.occupancy.has_capacity ? ratio(static_cast<double>(m.occupancy.bed_days),
                                                      static_cast<double>(m.occupancy.capacity_days))
                                              : std::nullopt;
  m.occupancy.average_present = static_cast<double>(m.occupancy.bed_days) / m.period.days;
  m.occupancy.monthly.clear();
  for (auto& [key, mo] : months) {
    int days = days_of_month(key);
    mo.rate = m.occupancy.has_capacity ? ratio(static_cast<double>(mo.bed_days), static_cast<double>(mo.capacity_days))
                                       : std::nullopt;
    mo.average_present = static_cast<double>(mo.bed_days) / days;
    m.occupancy.monthly.push_back(mo);
  }
  for (Distribution& d : m.breakdowns) finish(d);
  m.age.mean = age_known > 0 ? std::optional<double>(age_sum / static_cast<double>(age_known)) : std::nullopt;
  if (!m.breakdown("age").available) {  // no age in one establishment: no network age
    m.age.mean.reset();
    m.age.min.reset();
    m.age.max.reset();
    m.age.unknown = 0;
  }
  m.stay_length.mean_days = m.stay_length.count > 0 ? std::optional<double>(length_sum / static_cast<double>(m.stay_length.count))
                                                     : std::nullopt;
  auto& stayers = m.stay_length.stayers;
  stayers.mean_days = stayers.count > 0 ? std::optional<double>(stayer_sum / static_cast<double>(stayers.count)) : std::nullopt;
  if (!m.breakdown("stayer_length").available) stayers = {};  // a file written before stayers were counted
  finish(m.stay_length.at_most_3_months, m.stay_length.count);
  finish(m.stay_length.over_6_months, m.stay_length.count);
  finish(m.stay_length.reached_term, m.stay_length.count);
  finish(m.origin_same_region, m.breakdown("origin").total);
  if (m.returns.available) {
    finish(m.returns.readmitted, m.returns.exited_before);
    finish(m.returns.within_6_months, m.returns.admissions);
    finish(m.returns.within_12_months, m.returns.admissions);
  }
  finish_cross_table(m.progress.housing);
  finish_cross_table(m.progress.activity);
  finish(m.exits.housing_solution, m.exits.total);
  finish(m.exits.employment, m.exits.total);
  finish(m.exits.training, m.exits.total);
  // Left out: not additive.
  m.age.median.reset();
  m.stay_length.median_days.reset();
  stayers.median_days.reset();
  m.occupancy.peak_known = false;
  m.occupancy.peak_present = 0;
  m.occupancy.peak_date.clear();
  m.network.not_mergeable = {"age.median", "stay_length.median_days", "stay_length.stayers.median_days",
                             "occupancy.peak_present"};
  merge_activities(in, m);  // after the people and occupancy: its share and rate are recomputed from them
  merge_followup(in, m);
  // The origin lines are relative to each establishment's own département.
  for (auto& l : m.breakdown("origin").lines) {
    const auto& texts = model::line_texts(english ? model::Lang::en : model::Lang::fr);
    if (l.key == "departement") l.label = texts.network_departement;
    if (l.key == "region") l.label = texts.network_region;
  }
  m.establishment = {};
  m.establishment.region = shared_region(m.network.members);
  m.quality.warnings.clear();  // each establishment's, with its name, are in network.members
  m.quality.warnings_described = true;
  m.quality.columns.clear();  // each establishment's export has its own columns
  m.quality.unused_columns.clear();
  m.quality.source = model::network_source(english ? model::Lang::en : model::Lang::fr, in.size());
  return m;
}

namespace {

std::string period_error(const Figures& f, const std::string& name, const Figures& m, const std::string& first) {
  return fmt::format("{}: its period {} ({} – {}) is not the period of {}, {} ({} – {}): merge figures of the same period",
                     name, f.period.label, f.period.start, f.period.end, first, m.period.label, m.period.start,
                     m.period.end);
}

// The establishments' names of a period's files, which must be the report's.
void check_same_establishments(const std::vector<size_t>& year, const std::vector<size_t>& report,
                               const std::vector<Figures>& in, const std::vector<std::string>& names) {
  auto has = [&](const std::vector<size_t>& files, const std::string& name) {
    return std::any_of(files.begin(), files.end(), [&](size_t k) { return in[k].establishment.name == name; });
  };
  const Figures& y = in[year.front()];
  for (size_t k : report)
    if (in[k].establishment.name.empty() || !has(year, in[k].establishment.name))
      throw DataError(fmt::format(
          "{}: no figures of {} for {} are given beside it: to compare the network with {}, give the figures of {} of "
          "each of its establishments (named by establishment.name in their config)",
          names[k], in[k].establishment.name.empty() ? "its establishment (it has no name)" : "'" + in[k].establishment.name + "'",
          y.period.label, y.period.label, y.period.label));
  for (size_t k : year)
    if (in[k].establishment.name.empty() || !has(report, in[k].establishment.name))
      throw DataError(fmt::format("{}: {} is not one of the network's establishments in {}: compare the network with "
                                  "the same establishments",
                                  names[k], in[k].establishment.name.empty() ? "its establishment (it has no name)"
                                                                             : "'" + in[k].establishment.name + "'",
                                  in[report.front()].period.label));
}

}  // namespace

NetworkYears merge_network(const std::vector<Figures>& in, const std::vector<std::string>& names, bool english) {
  if (in.empty()) throw DataError("nothing to merge");
  size_t latest = 0;
  for (size_t i = 1; i < in.size(); ++i)
    if (in[i].period.start > in[latest].period.start) latest = i;
  const Figures& r = in[latest];
  // The files of each period, in the order given; the report's first.
  std::vector<std::vector<size_t>> periods;
  for (size_t i = 0; i < in.size(); ++i) {
    auto same = [&](const std::vector<size_t>& p) {
      return in[p.front()].period.start == in[i].period.start && in[p.front()].period.end == in[i].period.end;
    };
    auto it = std::find_if(periods.begin(), periods.end(), same);
    if (it != periods.end()) it->push_back(i);
    else periods.push_back({i});
  }
  std::stable_partition(periods.begin(), periods.end(), [&](const std::vector<size_t>& p) {
    return in[p.front()].period.start == r.period.start && in[p.front()].period.end == r.period.end;
  });
  const std::vector<size_t>& report = periods.front();
  for (size_t p = 1; p < periods.size(); ++p) {
    size_t k = periods[p].front();
    // One file of the report's period, or a period overlapping it: not a comparison.
    if (report.size() < 2 || in[k].period.end >= r.period.start)
      throw DataError(period_error(in[k], names[k], in[report.front()], names[report.front()]));
  }
  auto merged = [&](const std::vector<size_t>& files) {
    std::vector<Figures> group;
    std::vector<std::string> group_names;
    for (size_t k : files) {
      group.push_back(in[k]);
      group_names.push_back(names[k]);
    }
    return merge_figures(group, group_names, english);
  };
  NetworkYears out;
  out.report = merged(report);
  for (size_t p = 1; p < periods.size(); ++p) {
    check_same_establishments(periods[p], report, in, names);
    const auto& files = periods[p];
    // An establishment without any stay that year: the network's year is not known.
    if (std::any_of(files.begin(), files.end(), [&](size_t k) { return in[k].stays.overlapping == 0; }))
      out.not_covered.push_back(in[files.front()].period.label);
    else
      out.compared.push_back(merged(files));
  }
  return out;
}

}  // namespace ctreport::figures
