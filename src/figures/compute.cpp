// The figures engine. One pass over the stays fills per-person state and a
// difference array of daily presence; distributions are then read off them.
#include "figures/compute.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "figures/invariants.hpp"
#include "figures/stay_checks.hpp"
#include "model/geography.hpp"
#include "model/warning_texts.hpp"

namespace ctreport::figures {

namespace {

using model::CategoryIndex;
using model::Stay;
using util::Day;

constexpr uint8_t k_admitted = 1, k_exited = 2, k_at_start = 4, k_at_end = 8;

struct Labels {
  bool en;
  std::string unknown() const { return en ? "Not recorded" : "Non renseigné"; }
  std::string other() const { return en ? "Other (unmapped)" : "Autre (non classé)"; }
};

std::optional<double> ratio(double num, double den) {
  if (den <= 0) return std::nullopt;
  return num / den;
}

Headcount headcount(int64_t count, int64_t total) { return {count, ratio(static_cast<double>(count), static_cast<double>(total))}; }

// Counts per category index, plus other and unknown.
struct Tally {
  std::vector<int64_t> counts;
  int64_t other = 0, unknown = 0;
  explicit Tally(size_t n) : counts(n, 0) {}
  void add(CategoryIndex c) {
    if (c == model::k_unknown_category) ++unknown;
    else if (c == model::k_other_category) ++other;
    else ++counts[c];
  }
};

void finish(Distribution& d) {
  d.total = 0;
  for (const auto& l : d.lines) d.total += l.count;
  for (auto& l : d.lines) l.share = ratio(static_cast<double>(l.count), static_cast<double>(d.total));
}

void add_other_unknown(Distribution& d, int64_t other, int64_t unknown, const Labels& labels) {
  if (other > 0) d.lines.push_back({"other", labels.other(), other, std::nullopt});
  if (unknown > 0) d.lines.push_back({"unknown", labels.unknown(), unknown, std::nullopt});
  finish(d);
}

Distribution category_distribution(std::string population, const model::CategorySet& set, const Tally& t,
                                   const Labels& labels) {
  Distribution d;
  d.population = std::move(population);
  const auto& cats = set.categories();
  for (size_t i = 0; i < cats.size(); ++i)
    d.lines.push_back({cats[i].key, labels.en ? cats[i].label_en : cats[i].label, t.counts[i], std::nullopt});
  add_other_unknown(d, t.other, t.unknown, labels);
  return d;
}

double median_of(std::vector<int64_t>& v) {
  size_t n = v.size();
  auto mid = v.begin() + static_cast<std::ptrdiff_t>(n / 2);
  std::nth_element(v.begin(), mid, v.end());
  double hi = static_cast<double>(*mid);
  if (n % 2 == 1) return hi;
  double lo = static_cast<double>(*std::max_element(v.begin(), mid));
  return (lo + hi) / 2;
}

int whole_years(Day from, Day to) {
  // Whole years from `from` to `to` (may be negative), by calendar anniversaries.
  auto a = util::to_ymd(from), b = util::to_ymd(to);
  int years = b.year - a.year;
  if (b.month < a.month || (b.month == a.month && b.day < a.day)) --years;
  return years;
}

std::optional<int> age_of(const Stay& s, Day reference) {
  switch (s.birth_kind) {
    case model::BirthKind::none: return std::nullopt;
    case model::BirthKind::birth_date: return whole_years(s.birth, reference);
    case model::BirthKind::birth_year: return util::to_ymd(reference).year - s.birth;
    case model::BirthKind::age_at_entry:
      return reference >= s.entry ? s.birth + whole_years(s.entry, reference)
                                  : s.birth - whole_years(reference, s.entry) - (reference == s.entry ? 0 : 1);
  }
  return std::nullopt;
}

// A breakdown whose field has no column in the export is not a figure: no
// lines, no total, the missing fields named (docs/figures.md, "A missing column").
void not_available(Distribution& d, std::vector<model::Field> fields) {
  d.available = false;
  d.missing_fields.clear();
  for (model::Field fd : fields) d.missing_fields.emplace_back(model::field_info(fd).name);
  d.total = 0;
  d.lines.clear();
}

void not_available(Headcount& h) {
  h = Headcount{};
  h.available = false;
}

void mark_missing_columns(Figures& f, const model::StayTable& table) {
  using model::Field;
  auto has = [&](Field fd) { return table.has_column[static_cast<size_t>(fd)]; };
  if (!has(Field::sex)) not_available(f.sex, {Field::sex});
  if (!has(Field::birth_date) && !has(Field::birth_year) && !has(Field::age_at_entry)) {
    not_available(f.age.brackets, {Field::birth_date, Field::birth_year, Field::age_at_entry});
    f.age.mean.reset();
    f.age.median.reset();
    f.age.min.reset();
    f.age.max.reset();
    f.age.unknown = 0;
  }
  if (!has(Field::referral)) not_available(f.referral, {Field::referral});
  if (!has(Field::origin)) {
    not_available(f.origin, {Field::origin});
    not_available(f.origin_same_region);
  }
  // The term reached is computed from the dates: the exit reason's term flag only adds.
  if (!has(Field::exit_reason)) {
    not_available(f.exits.reasons, {Field::exit_reason});
    not_available(f.exits.outcomes, {Field::exit_reason});
  }
  if (!has(Field::housing_at_exit)) {
    not_available(f.exits.housing, {Field::housing_at_exit});
    not_available(f.exits.housing_solution);
  }
  if (!has(Field::activity_at_exit)) {
    not_available(f.exits.activity, {Field::activity_at_exit});
    not_available(f.exits.employment);
    not_available(f.exits.training);
  }
  if (!has(Field::stage)) {
    not_available(f.stage.exits, {Field::stage});
    not_available(f.stage.present_at_end, {Field::stage});
  }
}

std::string fr_date_range(Day a, Day b) { return a == b ? util::iso(a) : fmt::format("{} .. {}", util::iso(a), util::iso(b)); }

}  // namespace

Figures compute_figures(const ComputeInput& in) {
  const auto& cfg = in.config;
  const auto& period = in.period;
  const auto& stays = in.table.stays;
  const Labels labels{cfg.lang == "en"};
  const auto& geo = model::Geography::builtin();
  const bool nights = cfg.bed_days == model::BedDayRule::nights;

  Figures f;
  f.period.label = period.label;
  f.period.start = util::iso(period.start);
  f.period.end = util::iso(period.end);
  f.period.days = period.days();
  f.period.year = period.year;
  f.establishment.name = cfg.establishment_name;
  f.establishment.organisation = cfg.identity.organisation;
  f.establishment.address = cfg.identity.address;
  f.establishment.finess = cfg.identity.finess;
  f.establishment.phone = cfg.identity.phone;
  f.establishment.logo = cfg.identity.logo;
  f.establishment.signatory = cfg.identity.signatory;
  f.establishment.departement = cfg.departement;
  const model::Departement* home = cfg.departement.empty() ? nullptr : geo.find(cfg.departement);
  if (home) {
    f.establishment.departement_name = home->name;
    f.establishment.region = home->region;
  }
  f.counting.bed_days = std::string(model::to_string(cfg.bed_days));
  f.counting.age_reference = std::string(model::to_string(cfg.age_reference));
  f.counting.contract_months = cfg.contract_months;

  // Pass 1: per-person state, per-stay counts, daily presence.
  const size_t persons = in.table.person_count;
  std::vector<int32_t> latest(persons, -1);   // latest stay overlapping the period
  std::vector<int32_t> at_end(persons, -1);   // latest stay present at the period's end
  std::vector<uint8_t> flags(persons, 0);
  std::vector<int64_t> diff(static_cast<size_t>(period.days()) + 1, 0);
  std::vector<uint32_t> exit_stays;
  std::vector<uint32_t> present_persons;  // persons with a stay overlapping the period, first seen first
  auto later = [&](int32_t current, size_t candidate) {
    if (current < 0) return true;
    const Stay& a = stays[static_cast<size_t>(current)];
    const Stay& b = stays[candidate];
    return b.entry > a.entry || (b.entry == a.entry && b.row > a.row);
  };

  // A period after the source's latest date has no data: open stays are not
  // carried into it (docs/figures.md, "Periods and batches").
  const bool has_data = in.table.has_data_for(period.start);
  for (size_t i = 0; i < stays.size() && has_data; ++i) {
    const Stay& s = stays[i];
    if (s.entry > period.end || (!s.is_open() && s.exit < period.start)) continue;
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
      exit_stays.push_back(static_cast<uint32_t>(i));
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
      ++diff[static_cast<size_t>(first - period.start)];
      --diff[static_cast<size_t>(last - period.start + 1)];
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
  }

  // Occupancy, daily then monthly.
  model::WarningLog own_warnings;
  {
    auto& occ = f.occupancy;
    occ.has_capacity = cfg.capacity.defined();
    int64_t present = 0;
    Day over_from = 0;
    int64_t over_peak = 0, over_places = 0;
    bool in_over = false;
    auto close_over = [&](Day until) {
      if (!in_over) return;
      model::Warning w;
      w.code = "over_capacity";
      w.value = fr_date_range(over_from, until);
      w.params = {{"peak", std::to_string(over_peak)}, {"places", std::to_string(over_places)}};
      model::describe(w);
      own_warnings.add(std::move(w));
      in_over = false;
    };
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
      int places = occ.has_capacity ? cfg.capacity.places_on(d) : 0;
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
      if (occ.has_capacity && present > places && cfg.capacity.covers(d)) {
        if (!in_over || places != over_places) {
          close_over(d - 1);
          in_over = true;
          over_from = d;
          over_peak = 0;
          over_places = places;
        }
        over_peak = std::max(over_peak, present);
      } else {
        close_over(d - 1);
      }
    }
    close_over(period.end);
    flush_month();
    occ.rate = occ.has_capacity ? ratio(static_cast<double>(occ.bed_days), static_cast<double>(occ.capacity_days))
                                : std::nullopt;
    occ.average_present = static_cast<double>(occ.bed_days) / period.days();
    if (occ.has_capacity) {
      occ.places_start = cfg.capacity.places_on(period.start);
      occ.places_end = cfg.capacity.places_on(period.end);
      for (const auto& [a, b] : cfg.capacity.gaps(period.start, period.end)) {
        model::Warning w;
        w.code = "capacity_gap";
        w.value = fr_date_range(a, b);
        model::describe(w);
        own_warnings.add(std::move(w));
      }
    }
  }

  // People present: sex, age, referral, origin (their latest overlapping stay).
  const auto& sex_set = cfg.category_set(model::CategoryField::sex);
  const auto& ref_set = cfg.category_set(model::CategoryField::referral);
  Tally sex(sex_set.categories().size()), referral(ref_set.categories().size());
  std::vector<int64_t> ages;
  ages.reserve(static_cast<size_t>(f.people.present));
  std::vector<int64_t> age_counts(cfg.age_brackets.size(), 0);
  int64_t age_other = 0;
  int64_t origin_counts[5] = {0, 0, 0, 0, 0};  // departement, region, other_region, abroad, unknown
  for (uint32_t p : present_persons) {
    const Stay& s = stays[static_cast<size_t>(latest[p])];
    sex.add(s.sex);
    referral.add(s.referral);
    Day reference = cfg.age_reference == model::AgeReference::entry          ? s.entry
                    : cfg.age_reference == model::AgeReference::period_start ? period.start
                    : cfg.age_reference == model::AgeReference::period_end   ? period.end
                                                                             : std::max(s.entry, period.start);
    auto age = age_of(s, reference);
    if (age && *age >= 0) {
      ages.push_back(*age);
      bool placed = false;
      for (size_t b = 0; b < cfg.age_brackets.size() && !placed; ++b) {
        const auto& br = cfg.age_brackets[b];
        if (*age >= br.min && (!br.max || *age <= *br.max)) {
          ++age_counts[b];
          placed = true;
        }
      }
      if (!placed) ++age_other;
    } else {
      ++f.age.unknown;
    }
    if (s.origin == model::k_origin_abroad) {
      ++origin_counts[3];
    } else if (s.origin >= geo.departements().size()) {
      ++origin_counts[4];
    } else {
      const auto& d = geo.departements()[s.origin];
      if (home && d.code == home->code) ++origin_counts[0];
      else if (home && d.region_code == home->region_code) ++origin_counts[1];
      else ++origin_counts[2];
    }
  }
  f.sex = category_distribution("people_present", sex_set, sex, labels);
  f.referral = category_distribution("people_present", ref_set, referral, labels);

  f.age.brackets.population = "people_present";
  for (size_t b = 0; b < cfg.age_brackets.size(); ++b) {
    const auto& br = cfg.age_brackets[b];
    f.age.brackets.lines.push_back({br.key, labels.en ? br.label_en : br.label, age_counts[b], std::nullopt});
  }
  add_other_unknown(f.age.brackets, age_other, f.age.unknown, labels);
  if (!ages.empty()) {
    f.age.mean = static_cast<double>(std::accumulate(ages.begin(), ages.end(), int64_t{0})) / static_cast<double>(ages.size());
    f.age.min = static_cast<int>(*std::min_element(ages.begin(), ages.end()));
    f.age.max = static_cast<int>(*std::max_element(ages.begin(), ages.end()));
    f.age.median = median_of(ages);
  }

  {
    auto& d = f.origin;
    d.population = "people_present";
    std::string home_label = home ? fmt::format("{} ({})", home->name, home->code) : (labels.en ? "Département" : "Département");
    std::string region_label = home ? (labels.en ? fmt::format("{}, outside {}", home->region, home->name)
                                                 : fmt::format("{}, hors {}", home->region, home->name))
                                    : (labels.en ? "Region" : "Région");
    d.lines.push_back({"departement", home_label, origin_counts[0], std::nullopt});
    d.lines.push_back({"region", region_label, origin_counts[1], std::nullopt});
    d.lines.push_back({"other_region", labels.en ? "Other regions" : "Autres régions", origin_counts[2], std::nullopt});
    d.lines.push_back({"abroad", labels.en ? "Abroad" : "Étranger", origin_counts[3], std::nullopt});
    add_other_unknown(d, 0, origin_counts[4], labels);
    f.origin_same_region = headcount(origin_counts[0] + origin_counts[1], d.total);
  }
  // Without the establishment's département, every French origin falls in other_region: say so.
  const bool warn_no_home = !home && in.table.has_column[static_cast<size_t>(model::Field::origin)];

  // Exits: stay length, reasons, housing, activity, stage.
  const auto& reason_set = cfg.category_set(model::CategoryField::exit_reason);
  const auto& housing_set = cfg.category_set(model::CategoryField::housing_at_exit);
  const auto& activity_set = cfg.category_set(model::CategoryField::activity_at_exit);
  const auto& stage_set = cfg.category_set(model::CategoryField::stage);
  Tally reasons(reason_set.categories().size()), housing(housing_set.categories().size()),
      activity(activity_set.categories().size()), stage_exits(stage_set.categories().size()),
      stage_end(stage_set.categories().size());
  std::vector<int64_t> lengths;
  lengths.reserve(exit_stays.size());
  std::vector<int64_t> length_counts(cfg.stay_length_brackets.size(), 0);
  int64_t at_most_3 = 0, over_6 = 0, term = 0, housing_solution = 0, employment = 0, training = 0;
  int64_t outcome_counts[4] = {0, 0, 0, 0};  // positive, neutral, negative, unclassified
  for (uint32_t i : exit_stays) {
    const Stay& s = stays[i];
    lengths.push_back(s.exit - s.entry);
    // s.exit <= add_months(s.entry, k) exactly when k >= months.
    const int months = util::months_to_reach(s.entry, s.exit);
    for (size_t b = 0; b < cfg.stay_length_brackets.size(); ++b) {
      const auto& br = cfg.stay_length_brackets[b];
      bool last = b + 1 == cfg.stay_length_brackets.size();
      bool within = br.max_months ? months <= *br.max_months
                    : br.max_days ? s.exit - s.entry <= *br.max_days
                                  : true;
      if (within || last) {
        ++length_counts[b];
        break;
      }
    }
    at_most_3 += months <= 3 ? 1 : 0;
    over_6 += months > 6 ? 1 : 0;
    bool reason_known = s.exit_reason < reason_set.categories().size();
    const model::Category* reason = reason_known ? &reason_set.categories()[s.exit_reason] : nullptr;
    // exit >= add_months(entry, c): beyond it (months > c), or on it (months == c and equal).
    const int c = cfg.contract_months;
    bool reached = months > c || (months == c && s.exit == util::add_months(s.entry, c));
    term += (reached || (reason && reason->term)) ? 1 : 0;
    reasons.add(s.exit_reason);
    housing.add(s.housing);
    activity.add(s.activity);
    stage_exits.add(s.stage);
    if (s.housing < housing_set.categories().size() && housing_set.categories()[s.housing].solution) ++housing_solution;
    if (s.activity < activity_set.categories().size()) {
      employment += activity_set.categories()[s.activity].employment ? 1 : 0;
      training += activity_set.categories()[s.activity].training ? 1 : 0;
    }
    switch (reason ? reason->outcome : model::Outcome::none) {
      case model::Outcome::positive: ++outcome_counts[0]; break;
      case model::Outcome::neutral: ++outcome_counts[1]; break;
      case model::Outcome::negative: ++outcome_counts[2]; break;
      case model::Outcome::none: ++outcome_counts[3]; break;
    }
  }
  const int64_t n_exits = static_cast<int64_t>(exit_stays.size());
  {
    auto& sl = f.stay_length;
    sl.count = n_exits;
    sl.brackets.population = "exits";
    for (size_t b = 0; b < cfg.stay_length_brackets.size(); ++b) {
      const auto& br = cfg.stay_length_brackets[b];
      sl.brackets.lines.push_back({br.key, labels.en ? br.label_en : br.label, length_counts[b], std::nullopt});
    }
    finish(sl.brackets);
    if (!lengths.empty()) {
      sl.mean_days = static_cast<double>(std::accumulate(lengths.begin(), lengths.end(), int64_t{0})) /
                     static_cast<double>(lengths.size());
      sl.median_days = median_of(lengths);
    }
    sl.at_most_3_months = headcount(at_most_3, n_exits);
    sl.over_6_months = headcount(over_6, n_exits);
    sl.reached_term = headcount(term, n_exits);
  }
  f.exits.total = n_exits;
  f.exits.reasons = category_distribution("exits", reason_set, reasons, labels);
  f.exits.housing = category_distribution("exits", housing_set, housing, labels);
  f.exits.activity = category_distribution("exits", activity_set, activity, labels);
  f.exits.housing_solution = headcount(housing_solution, n_exits);
  f.exits.employment = headcount(employment, n_exits);
  f.exits.training = headcount(training, n_exits);
  {
    auto& d = f.exits.outcomes;
    d.population = "exits";
    d.lines.push_back({"positive", labels.en ? "Positive" : "Positive", outcome_counts[0], std::nullopt});
    d.lines.push_back({"neutral", labels.en ? "Neutral" : "Neutre", outcome_counts[1], std::nullopt});
    d.lines.push_back({"negative", labels.en ? "Negative" : "Négative", outcome_counts[2], std::nullopt});
    add_other_unknown(d, 0, outcome_counts[3], labels);
  }

  for (uint32_t p : present_persons)
    if (at_end[p] >= 0) stage_end.add(stays[static_cast<size_t>(at_end[p])].stage);
  f.stage.exits = category_distribution("exits", stage_set, stage_exits, labels);
  f.stage.present_at_end = category_distribution("people_present_at_end", stage_set, stage_end, labels);

  mark_missing_columns(f, in.table);

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
  check_stays(in.table, cfg, period, own_warnings, in.stays_by_person);
  check_figures(f, cfg, in.table, own_warnings);
  model::WarningLog all;
  if (in.read_warnings) all.merge(*in.read_warnings);
  all.merge(own_warnings);
  f.quality.warnings = all.list();
  f.quality.warning_rows = all.rows_concerned();
  return f;
}

}  // namespace ctreport::figures
