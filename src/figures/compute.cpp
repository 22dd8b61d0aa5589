// The figures engine. One pass over the stays fills per-person state and a
// difference array of daily presence; occupancy and the breakdowns are then
// read off them.
#include "figures/compute.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "figures/breakdown_compute.hpp"
#include "figures/returns.hpp"
#include "figures/invariants.hpp"
#include "figures/progress.hpp"
#include "figures/stay_checks.hpp"
#include "model/geography.hpp"
#include "model/warning_texts.hpp"

namespace ctreport::figures {

namespace {

using model::Stay;
using util::Day;

constexpr uint8_t k_admitted = 1, k_exited = 2, k_at_start = 4, k_at_end = 8;

std::optional<double> ratio(double num, double den) {
  if (den <= 0) return std::nullopt;
  return num / den;
}

std::string fr_date_range(Day a, Day b) { return a == b ? util::iso(a) : fmt::format("{} .. {}", util::iso(a), util::iso(b)); }

// What the pass over the stays finds: the stays each population counts, and
// the difference array of daily presence (diff[d] - diff[d-1] people arrive on day d).
struct StayPass {
  Populations populations;
  std::vector<int64_t> presence_diff;
};

// The stays of the period: counts of stays and people, the population of each
// breakdown, and daily presence.
StayPass pass_over_stays(Figures& f, const ComputeInput& in, const std::vector<uint32_t>& period_stays) {
  const auto& period = in.period;
  const auto& stays = in.table.stays;
  const bool nights = in.config.bed_days == model::BedDayRule::nights;
  const size_t persons = in.table.person_count;
  std::vector<int32_t> latest(persons, -1);  // latest stay overlapping the period
  std::vector<int32_t> at_end(persons, -1);  // latest stay present at the period's end
  std::vector<uint8_t> flags(persons, 0);
  std::vector<uint32_t> present_persons;  // persons with a stay overlapping the period, first seen first
  StayPass out;
  out.presence_diff.assign(static_cast<size_t>(period.days()) + 1, 0);
  auto later = [&](int32_t current, size_t candidate) {
    if (current < 0) return true;
    const Stay& a = stays[static_cast<size_t>(current)];
    const Stay& b = stays[candidate];
    return b.entry > a.entry || (b.entry == a.entry && b.row > a.row);
  };
  // A period after the source's latest date has no data: open stays are not
  // carried into it (docs/figures.md, "Periods and batches").
  const bool has_data = in.table.has_data_for(period.start);
  for (size_t k = 0; k < period_stays.size() && has_data; ++k) {
    const size_t i = period_stays[k];
    const Stay& s = stays[i];
    ++f.stays.overlapping;
    if (latest[s.person] < 0) present_persons.push_back(s.person);
    if (later(latest[s.person], i)) latest[s.person] = static_cast<int32_t>(i);
    if (period.contains(s.entry)) {
      ++f.stays.admissions;
      flags[s.person] |= k_admitted;
    }
    if (!s.is_open() && period.contains(s.exit)) {
      ++f.stays.exits;
      flags[s.person] |= k_exited;
      out.populations.exits.push_back(static_cast<uint32_t>(i));
    }
    if (s.entry < period.start) flags[s.person] |= k_at_start;  // overlapping, so exit >= start
    if (s.is_open() || s.exit > period.end) {
      flags[s.person] |= k_at_end;
      if (later(at_end[s.person], i)) at_end[s.person] = static_cast<int32_t>(i);
    }
    // Presence: nights = entry <= d < exit; days = entry <= d <= exit; open = to the end.
    Day first = std::max(s.entry, period.start);
    Day last = s.is_open() ? period.end : std::min(nights ? s.exit - 1 : s.exit, period.end);
    if (last >= first) {
      ++out.presence_diff[static_cast<size_t>(first - period.start)];
      --out.presence_diff[static_cast<size_t>(last - period.start + 1)];
    }
  }
  // Only the persons of the period: a batch's table holds the persons of every year.
  for (uint32_t p : present_persons) {
    ++f.people.present;
    f.people.admitted += (flags[p] & k_admitted) ? 1 : 0;
    f.people.exited += (flags[p] & k_exited) ? 1 : 0;
    f.people.present_at_start += (flags[p] & k_at_start) ? 1 : 0;
    f.people.present_at_end += (flags[p] & k_at_end) ? 1 : 0;
    f.people.admitted_not_at_start += ((flags[p] & k_admitted) && !(flags[p] & k_at_start)) ? 1 : 0;
    out.populations.people_present.push_back(static_cast<uint32_t>(latest[p]));
    if (at_end[p] >= 0) out.populations.people_present_at_end.push_back(static_cast<uint32_t>(at_end[p]));
  }
  return out;
}

// The days above capacity, as over_capacity findings: one per run of days
// with the same number of places.
class OverCapacity {
 public:
  explicit OverCapacity(model::WarningLog& out) : m_out(out) {}
  void day(Day d, int64_t present, int64_t places, bool over) {
    if (!over) return close(d - 1);
    if (!m_open || places != m_places) {
      close(d - 1);
      m_open = true;
      m_from = d;
      m_peak = 0;
      m_places = places;
    }
    m_peak = std::max(m_peak, present);
  }
  void close(Day until) {
    if (!m_open) return;
    model::Warning w;
    w.code = "over_capacity";
    w.value = fr_date_range(m_from, until);
    w.params = {{"peak", std::to_string(m_peak)}, {"places", std::to_string(m_places)}};
    model::describe(w);
    m_out.add(std::move(w));
    m_open = false;
  }

 private:
  model::WarningLog& m_out;
  bool m_open = false;
  Day m_from = 0;
  int64_t m_peak = 0, m_places = 0;
};

// Occupancy, day by day then month by month, from the daily presence.
void compute_occupancy(Figures& f, const ComputeInput& in, const std::vector<int64_t>& diff, model::WarningLog& warnings) {
  const auto& period = in.period;
  const auto& capacity = in.capacity ? *in.capacity : in.config.capacity;
  auto& occ = f.occupancy;
  occ.has_capacity = capacity.defined();
  int64_t present = 0;
  OverCapacity over(warnings);
  MonthOccupancy month;
  int month_days = 0;
  auto flush_month = [&]() {
    if (month_days == 0) return;
    month.rate = occ.has_capacity ? ratio(static_cast<double>(month.bed_days), static_cast<double>(month.capacity_days))
                                  : std::nullopt;
    month.average_present = static_cast<double>(month.bed_days) / month_days;
    occ.monthly.push_back(month);
    month = {};
    month_days = 0;
  };
  for (Day d = period.start; d <= period.end; ++d) {
    present += diff[static_cast<size_t>(d - period.start)];
    auto ymd = util::to_ymd(d);
    if (ymd.day == 1 || d == period.start) {
      flush_month();
      month.month = fmt::format("{:04}-{:02}", ymd.year, ymd.month);
    }
    int places = occ.has_capacity ? capacity.places_on(d) : 0;
    ++month_days;
    month.bed_days += present;
    month.capacity_days += places;
    occ.bed_days += present;
    occ.capacity_days += places;
    if (present > occ.peak_present) {
      occ.peak_present = present;
      occ.peak_date = util::iso(d);
    }
    // Days no capacity period covers are capacity_gap findings, not over_capacity ones.
    over.day(d, present, places, occ.has_capacity && present > places && capacity.covers(d));
  }
  over.close(period.end);
  flush_month();
  occ.rate = occ.has_capacity ? ratio(static_cast<double>(occ.bed_days), static_cast<double>(occ.capacity_days))
                              : std::nullopt;
  occ.average_present = static_cast<double>(occ.bed_days) / period.days();
  if (!occ.has_capacity) return;
  occ.places_start = capacity.places_on(period.start);
  occ.places_end = capacity.places_on(period.end);
  for (const auto& [a, b] : capacity.gaps(period.start, period.end)) {
    model::Warning w;
    w.code = "capacity_gap";
    w.value = fr_date_range(a, b);
    model::describe(w);
    warnings.add(std::move(w));
  }
}

// The period, the establishment and the counting conventions, from the config.
void describe_period(Figures& f, const ComputeInput& in, const model::Departement* home) {
  const auto& cfg = in.config;
  f.period.label = in.period.label;
  f.period.start = util::iso(in.period.start);
  f.period.end = util::iso(in.period.end);
  f.period.days = in.period.days();
  f.period.year = in.period.year;
  f.establishment.name = cfg.establishment_name;
  f.establishment.organisation = cfg.identity.organisation;
  f.establishment.address = cfg.identity.address;
  f.establishment.finess = cfg.identity.finess;
  f.establishment.phone = cfg.identity.phone;
  f.establishment.logo = cfg.identity.logo;
  f.establishment.signatory = cfg.identity.signatory;
  f.establishment.departement = cfg.departement;
  if (home) {
    f.establishment.departement_name = home->name;
    f.establishment.region = home->region;
  }
  f.counting.bed_days = std::string(model::to_string(cfg.bed_days));
  f.counting.age_reference = std::string(model::to_string(cfg.age_reference));
  f.counting.contract_months = cfg.contract_months;
  f.counting.exit_to_work = std::string(model::to_string(cfg.exit_to_work));
  for (const auto& c : cfg.category_set(model::CategoryField::exit_reason).categories()) {
    if (c.excluded_from_share) continue;  // counted apart (a death), in no outcome
    const std::string& label = cfg.lang == "en" ? c.label_en : c.label;
    if (c.outcome == model::Outcome::positive) f.outcome_reasons.positive.push_back(label);
    if (c.outcome == model::Outcome::neutral) f.outcome_reasons.neutral.push_back(label);
    if (c.outcome == model::Outcome::negative) f.outcome_reasons.negative.push_back(label);
  }
}

// The source, its columns, and every finding: the reader's, then the figures' own.
void describe_quality(Figures& f, const ComputeInput& in, const PeriodStays& period_stays, model::WarningLog& own_warnings,
                      bool warn_no_home) {
  f.quality.rows_read = in.rows_read;
  f.quality.rows_used = static_cast<uint64_t>(f.stays.overlapping);
  f.quality.source = in.source;
  for (const auto& info : model::all_fields())
    if (in.table.has_column[static_cast<size_t>(info.field)])
      f.quality.columns.emplace_back(in.table.headers[static_cast<size_t>(info.field)], std::string(info.name));
  f.quality.unused_columns = in.table.unused_headers;
  if (warn_no_home) {
    model::Warning w;
    w.code = "missing_departement";
    model::describe(w);
    own_warnings.add(std::move(w));
  }
  check_stays(in.table, in.config, in.period, period_stays.by_person, own_warnings);
  check_figures(f, in.config, in.table, own_warnings);
  model::WarningLog all;
  if (in.read_warnings) all.merge(*in.read_warnings);
  all.merge(own_warnings);
  f.quality.warnings = all.list();
  f.quality.warning_rows = all.rows_concerned();
}

}  // namespace

Figures compute_figures(const ComputeInput& in) {
  const auto& cfg = in.config;
  const model::Departement* home = cfg.departement.empty() ? nullptr : model::Geography::builtin().find(cfg.departement);
  Figures f;
  describe_period(f, in, home);
  const PeriodStays period_stays = figures::period_stays(
      in.table, in.period_stays ? *in.period_stays : std::move(stays_of_periods(in.table, {in.period}).front()));
  StayPass pass = pass_over_stays(f, in, period_stays.in_table_order);
  model::WarningLog own_warnings;
  compute_occupancy(f, in, pass.presence_diff, own_warnings);
  compute_breakdowns(f, {in.table, cfg, in.period, pass.populations, home});
  compute_returns(f, in.table, cfg, in.period, period_stays.by_person, in.exits_by_person);
  f.progress = compute_progress(in.table, cfg, pass.populations.exits);
  // Without the establishment's département, every French origin falls in other_region: say so.
  const bool warn_no_home = !home && in.table.has_column[static_cast<size_t>(model::Field::origin)];
  describe_quality(f, in, period_stays, own_warnings, warn_no_home);
  return f;
}

}  // namespace ctreport::figures
