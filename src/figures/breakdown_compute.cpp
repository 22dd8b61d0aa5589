// Computing the declared breakdowns: a tally per category set for the
// categorical ones, brackets for the age and the stay lengths, the origin
// relative to the establishment, the outcomes of the exit reasons.
#include "figures/breakdown_compute.hpp"

#include "figures/shares.hpp"
#include "model/line_texts.hpp"

#include <algorithm>
#include <numeric>
#include <optional>

#include <fmt/format.h>

namespace ctreport::figures {

namespace {

using model::Breakdown;
using model::CategoryIndex;
using model::Stay;
using util::Day;

// The lines' labels in the report's language, and the categories' own labels.
struct Labels {
  bool en;  // the categories' label_en rather than label (config data)
  model::Lang lang;
  const model::LineTexts& texts;
  std::string unknown() const { return std::string(texts.unknown); }
  std::string other() const { return std::string(texts.other); }
  // The exits whose reason is excluded from shares, by the reasons' labels.
  std::string excluded_exits(const std::string& reasons) const { return reasons + std::string(texts.not_in_shares); }
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

// An empty distribution of `b`'s population.
Distribution empty_of(const Breakdown& b) {
  Distribution d;
  d.population = std::string(model::population_name(b.population));
  return d;
}

void finish(Distribution& d) { set_total_and_shares(d); }

// Whether an exit's reason is a category excluded from shares (death by default).
bool reason_excluded(const Stay& s, const model::Config& config) {
  const auto& reasons = config.category_set(model::CategoryField::exit_reason).categories();
  CategoryIndex r = s.category(model::CategoryField::exit_reason);
  return r < reasons.size() && reasons[r].excluded_from_share;
}

// The labels of the exit reasons excluded from shares, joined.
std::string excluded_reasons(const model::Config& config, const Labels& labels) {
  std::string out;
  for (const auto& c : config.category_set(model::CategoryField::exit_reason).categories())
    if (c.excluded_from_share) out += (out.empty() ? "" : ", ") + (labels.en ? c.label_en : c.label);
  return out;
}

// The exits' situations at exit leave out, as one excluded line, the exits whose reason is excluded.
bool situation_at_exit(const Breakdown& b) {
  return b.population == model::Population::exits && b.category_set &&
         (*b.category_set == model::CategoryField::housing_at_exit || *b.category_set == model::CategoryField::activity_at_exit);
}

void add_other_unknown(Distribution& d, int64_t other, int64_t unknown, const Labels& labels) {
  if (other > 0) d.lines.push_back({"other", labels.other(), other, std::nullopt});
  if (unknown > 0) d.lines.push_back({"unknown", labels.unknown(), unknown, std::nullopt});
  finish(d);
}

const util::LargeVector<Stay>& stays_of(const BreakdownInput& in) { return in.table.stays; }

// The tally of a categorical breakdown over its population's stays.
struct CategoryTally {
  Tally tally;
  int64_t excluded_exits = 0;  // exits whose reason is excluded from shares, left out (situation at exit)
};

// The tallies of every categorical breakdown, counted in one pass over each
// population's stays (each stay is read once, not once per breakdown: the
// stays are large and read in no order the cache can guess). Indexed as
// model::k_breakdowns; empty for the other sources.
std::vector<std::optional<CategoryTally>> category_tallies(const BreakdownInput& in) {
  std::vector<std::optional<CategoryTally>> tallies(model::k_breakdown_count);
  for (model::Population population :
       {model::Population::people_present, model::Population::exits, model::Population::people_present_at_end}) {
    struct Counted {
      model::CategoryField field;
      bool leave_out_excluded_exits;
      CategoryTally* tally;
    };
    std::vector<Counted> counted;
    for (size_t i = 0; i < model::k_breakdown_count; ++i) {
      const Breakdown& b = model::k_breakdowns[i];
      if (b.source != model::BreakdownSource::categories || b.population != population) continue;
      tallies[i].emplace(CategoryTally{Tally(in.config.category_set(*b.category_set).categories().size())});
      counted.push_back({*b.category_set, situation_at_exit(b), &*tallies[i]});
    }
    if (counted.empty()) continue;
    for (uint32_t i : in.populations.of(population)) {
      const Stay& s = stays_of(in)[i];
      const bool excluded = population == model::Population::exits && reason_excluded(s, in.config);
      for (const Counted& c : counted) {
        if (c.leave_out_excluded_exits && excluded) ++c.tally->excluded_exits;
        else c.tally->tally.add(s.category(c.field));
      }
    }
  }
  return tallies;
}

// Source `categories`: the population's stays by the categories of the field, from their tally.
Distribution category_breakdown(const Breakdown& b, const BreakdownInput& in, const Labels& labels,
                                const CategoryTally& counted) {
  const auto& cats = in.config.category_set(*b.category_set).categories();
  const Tally& t = counted.tally;
  const int64_t excluded_exits = counted.excluded_exits;
  Distribution d = empty_of(b);
  for (size_t i = 0; i < cats.size(); ++i) {
    Line l{cats[i].key, labels.en ? cats[i].label_en : cats[i].label, t.counts[i], std::nullopt};
    l.excluded_from_share = cats[i].excluded_from_share;
    l.unknown_answer = cats[i].unknown;
    d.lines.push_back(std::move(l));
  }
  if (excluded_exits > 0) {
    Line l{"excluded", labels.excluded_exits(excluded_reasons(in.config, labels)), excluded_exits, std::nullopt};
    l.excluded_from_share = true;
    d.lines.push_back(std::move(l));
  }
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

double mean_of(const std::vector<int64_t>& v) {
  return static_cast<double>(std::accumulate(v.begin(), v.end(), int64_t{0})) / static_cast<double>(v.size());
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

Day age_reference(const Stay& s, const BreakdownInput& in) {
  switch (in.config.age_reference) {
    case model::AgeReference::entry: return s.entry;
    case model::AgeReference::period_start: return in.period.start;
    case model::AgeReference::period_end: return in.period.end;
    case model::AgeReference::entry_or_period_start: return std::max(s.entry, in.period.start);
  }
  return s.entry;
}

// Source `age_brackets`: the config's brackets, and the age's mean, median, min and max.
Distribution age_breakdown(decltype(Figures::age)& age, const Breakdown& b, const BreakdownInput& in, const Labels& labels) {
  const auto& brackets = in.config.age_brackets;
  std::vector<int64_t> ages, counts(brackets.size(), 0);
  int64_t outside = 0;
  for (uint32_t i : in.populations.of(b.population)) {
    auto a = age_of(stays_of(in)[i], age_reference(stays_of(in)[i], in));
    if (!a || *a < 0) {
      ++age.unknown;
      continue;
    }
    ages.push_back(*a);
    auto it = std::find_if(brackets.begin(), brackets.end(),
                           [&](const model::AgeBracket& br) { return *a >= br.min && (!br.max || *a <= *br.max); });
    if (it == brackets.end()) ++outside;
    else ++counts[static_cast<size_t>(it - brackets.begin())];
  }
  Distribution d = empty_of(b);
  for (size_t i = 0; i < brackets.size(); ++i)
    d.lines.push_back({brackets[i].key, labels.en ? brackets[i].label_en : brackets[i].label, counts[i], std::nullopt});
  add_other_unknown(d, outside, age.unknown, labels);
  if (!ages.empty()) {
    age.mean = mean_of(ages);
    age.min = static_cast<int>(*std::min_element(ages.begin(), ages.end()));
    age.max = static_cast<int>(*std::max_element(ages.begin(), ages.end()));
    age.median = median_of(ages);
  }
  return d;
}

// The stay-length bracket of a stay `months` calendar months and `days` days long: the first it fits, else the last.
size_t stay_length_bracket(const std::vector<model::StayLengthBracket>& brackets, int months, int64_t days) {
  for (size_t i = 0; i + 1 < brackets.size(); ++i) {
    const auto& br = brackets[i];
    if (br.max_months ? months <= *br.max_months : br.max_days ? days <= *br.max_days : true) return i;
  }
  return brackets.size() - 1;
}

// Source `stay_length_brackets`: the stays that ended, by length, with their
// mean and median, and the counts of the short, long and full-term ones.
Distribution stay_length_breakdown(decltype(Figures::stay_length)& sl, const Breakdown& b, const BreakdownInput& in,
                                   const Labels& labels) {
  const auto& brackets = in.config.stay_length_brackets;
  const auto& reasons = in.config.category_set(model::CategoryField::exit_reason).categories();
  std::vector<int64_t> lengths, counts(brackets.size(), 0);
  int64_t at_most_3 = 0, over_6 = 0, term = 0;
  for (uint32_t i : in.populations.of(b.population)) {
    const Stay& s = stays_of(in)[i];
    lengths.push_back(s.exit - s.entry);
    // s.exit <= add_months(s.entry, k) exactly when k >= months.
    const int months = util::months_to_reach(s.entry, s.exit);
    ++counts[stay_length_bracket(brackets, months, s.exit - s.entry)];
    at_most_3 += months <= 3 ? 1 : 0;
    over_6 += months > 6 ? 1 : 0;
    CategoryIndex reason = s.category(model::CategoryField::exit_reason);
    // exit >= add_months(entry, c): beyond it (months > c), or on it (months == c and equal).
    const int c = in.config.contract_months;
    bool reached = months > c || (months == c && s.exit == util::add_months(s.entry, c));
    term += (reached || (reason < reasons.size() && reasons[reason].term)) ? 1 : 0;
  }
  Distribution d = empty_of(b);
  for (size_t i = 0; i < brackets.size(); ++i)
    d.lines.push_back({brackets[i].key, labels.en ? brackets[i].label_en : brackets[i].label, counts[i], std::nullopt});
  finish(d);
  const auto n = static_cast<int64_t>(lengths.size());
  sl.count = n;
  if (!lengths.empty()) {
    sl.mean_days = mean_of(lengths);
    sl.median_days = median_of(lengths);
  }
  sl.at_most_3_months = headcount(at_most_3, n);
  sl.over_6_months = headcount(over_6, n);
  sl.reached_term = headcount(term, n);
  return d;
}

// Source `stayer_length_brackets`: the people present at the period's end, by
// the length so far of their stay: from its entry to the period's last day,
// both counted (HUD APR Q22a1/Q22b "stayers"), with its mean and median.
Distribution stayer_length_breakdown(decltype(Figures::stay_length.stayers)& st, const Breakdown& b,
                                     const BreakdownInput& in, const Labels& labels) {
  const auto& brackets = in.config.stay_length_brackets;
  const Day until = in.period.end + 1;  // the day after the period: its last day is counted
  std::vector<int64_t> lengths, counts(brackets.size(), 0);
  for (uint32_t i : in.populations.of(b.population)) {
    const Stay& s = stays_of(in)[i];
    lengths.push_back(until - s.entry);
    ++counts[stay_length_bracket(brackets, util::months_to_reach(s.entry, until), until - s.entry)];
  }
  Distribution d = empty_of(b);
  for (size_t i = 0; i < brackets.size(); ++i)
    d.lines.push_back({brackets[i].key, labels.en ? brackets[i].label_en : brackets[i].label, counts[i], std::nullopt});
  finish(d);
  st.count = static_cast<int64_t>(lengths.size());
  if (!lengths.empty()) {
    st.mean_days = mean_of(lengths);
    st.median_days = median_of(lengths);
  }
  return d;
}

// Source `geographic_origin`: département, rest of the region, other regions,
// abroad, relative to the establishment's département; and the same region's count.
Distribution origin_breakdown(Headcount& same_region, const Breakdown& b, const BreakdownInput& in, const Labels& labels) {
  const auto& geo = model::Geography::builtin();
  const model::Departement* home = in.home;
  int64_t counts[5] = {0, 0, 0, 0, 0};  // departement, region, other_region, abroad, unknown
  for (uint32_t i : in.populations.of(b.population)) {
    const Stay& s = stays_of(in)[i];
    if (s.origin == model::k_origin_abroad) {
      ++counts[3];
    } else if (s.origin >= geo.departements().size()) {
      ++counts[4];
    } else {
      const auto& d = geo.departements()[s.origin];
      if (home && d.code == home->code) ++counts[0];
      else if (home && d.region_code == home->region_code) ++counts[1];
      else ++counts[2];
    }
  }
  Distribution d = empty_of(b);
  std::string home_label = home ? fmt::format("{} ({})", home->name, home->code) : std::string(labels.texts.departement);
  std::string region_label = home ? model::region_outside_label(labels.lang, home->region, home->name)
                                  : std::string(labels.texts.region);
  d.lines.push_back({"departement", home_label, counts[0], std::nullopt});
  d.lines.push_back({"region", region_label, counts[1], std::nullopt});
  d.lines.push_back({"other_region", std::string(labels.texts.other_regions), counts[2], std::nullopt});
  d.lines.push_back({"abroad", std::string(labels.texts.abroad), counts[3], std::nullopt});
  add_other_unknown(d, 0, counts[4], labels);
  same_region = headcount(counts[0] + counts[1], d.total);
  return d;
}

// An exit to employment or training: its activity at exit is in a category
// marked `employment` or `training`.
bool exits_to_work(const Stay& s, const model::Config& config) {
  const auto& activity = config.category_set(model::CategoryField::activity_at_exit).categories();
  CategoryIndex a = s.category(model::CategoryField::activity_at_exit);
  return a < activity.size() && (activity[a].employment || activity[a].training);
}

// Source `exit_outcome`: the outcome the config gives each exit reason's category;
// under the rule `counting.exit_to_work: positive`, an exit to employment or
// training is positive whatever its reason (counted in `positive_by_exit_to_work`).
Distribution outcome_breakdown(const Breakdown& b, const BreakdownInput& in, const Labels& labels,
                               int64_t& positive_by_exit_to_work) {
  const auto& reasons = in.config.category_set(*b.category_set).categories();
  const bool work_is_positive = in.config.exit_to_work == model::ExitToWorkRule::positive;
  int64_t counts[4] = {0, 0, 0, 0};  // positive, neutral, negative, unclassified
  int64_t excluded = 0;
  positive_by_exit_to_work = 0;
  for (uint32_t i : in.populations.of(b.population)) {
    const Stay& s = stays_of(in)[i];
    CategoryIndex reason = s.category(*b.category_set);
    if (reason < reasons.size() && reasons[reason].excluded_from_share) {
      ++excluded;
      continue;
    }
    model::Outcome outcome = reason < reasons.size() ? reasons[reason].outcome : model::Outcome::none;
    if (work_is_positive && outcome != model::Outcome::positive && exits_to_work(s, in.config)) {
      outcome = model::Outcome::positive;
      ++positive_by_exit_to_work;
    }
    switch (outcome) {
      case model::Outcome::positive: ++counts[0]; break;
      case model::Outcome::neutral: ++counts[1]; break;
      case model::Outcome::negative: ++counts[2]; break;
      case model::Outcome::none: ++counts[3]; break;
    }
  }
  Distribution d = empty_of(b);
  d.lines.push_back({"positive", std::string(labels.texts.positive), counts[0], std::nullopt});
  d.lines.push_back({"neutral", std::string(labels.texts.neutral), counts[1], std::nullopt});
  d.lines.push_back({"negative", std::string(labels.texts.negative), counts[2], std::nullopt});
  if (excluded > 0) {
    Line l{"excluded", labels.excluded_exits(excluded_reasons(in.config, labels)), excluded, std::nullopt};
    l.excluded_from_share = true;
    d.lines.push_back(std::move(l));
  }
  add_other_unknown(d, 0, counts[3], labels);
  return d;
}

// The exits' headline counts: a housing solution, employment, training.
void exit_headcounts(decltype(Figures::exits)& exits, const BreakdownInput& in) {
  const auto& housing = in.config.category_set(model::CategoryField::housing_at_exit).categories();
  const auto& activity = in.config.category_set(model::CategoryField::activity_at_exit).categories();
  int64_t solution = 0, employment = 0, training = 0;
  const auto& stays = in.populations.of(model::Population::exits);
  int64_t excluded = 0;
  for (uint32_t i : stays) {
    const Stay& s = stays_of(in)[i];
    if (reason_excluded(s, in.config)) {  // out of the shares of the situations at exit
      ++excluded;
      continue;
    }
    CategoryIndex h = s.category(model::CategoryField::housing_at_exit);
    CategoryIndex a = s.category(model::CategoryField::activity_at_exit);
    if (h < housing.size() && housing[h].solution) ++solution;
    if (a < activity.size()) {
      employment += activity[a].employment ? 1 : 0;
      training += activity[a].training ? 1 : 0;
    }
  }
  const auto n = static_cast<int64_t>(stays.size());
  exits.total = n;
  exits.housing_solution = headcount(solution, n - excluded);
  exits.employment = headcount(employment, n - excluded);
  exits.training = headcount(training, n - excluded);
}

// A breakdown whose fields have no column in the export is not a figure: no
// lines, no total, the missing fields named (docs/figures.md, "A missing column").
void not_available(Distribution& d, const model::FieldSet& fields) {
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
  for (size_t i = 0; i < model::k_breakdown_count; ++i) {
    const auto& fields = model::k_breakdowns[i].fields;
    if (!fields.empty() &&
        std::none_of(fields.begin(), fields.end(), [&](model::Field fd) { return table.has_column[static_cast<size_t>(fd)]; }))
      not_available(f.breakdowns[i], fields);
  }
  // The figures that go with them. The term reached is computed from the
  // dates: the exit reason's term flag only adds to it.
  if (!f.breakdown("age").available) f.age = {};
  if (!f.breakdown("origin").available) not_available(f.origin_same_region);
  if (!f.breakdown("exit_outcome").available) f.exits.positive_by_exit_to_work = 0;
  if (!f.breakdown("housing_at_exit").available) not_available(f.exits.housing_solution);
  if (!f.breakdown("activity_at_exit").available) {
    not_available(f.exits.employment);
    not_available(f.exits.training);
  }
}

}  // namespace

const std::vector<uint32_t>& Populations::of(model::Population p) const {
  switch (p) {
    case model::Population::people_present: return people_present;
    case model::Population::exits: return exits;
    case model::Population::people_present_at_end: return people_present_at_end;
  }
  return people_present;
}

void compute_breakdowns(Figures& f, const BreakdownInput& in) {
  const bool en = in.config.lang == "en";
  const model::Lang lang = en ? model::Lang::en : model::Lang::fr;
  const Labels labels{en, lang, model::line_texts(lang)};
  const auto tallies = category_tallies(in);
  for (size_t i = 0; i < model::k_breakdown_count; ++i) {
    const Breakdown& b = model::k_breakdowns[i];
    Distribution& d = f.breakdowns[i];
    switch (b.source) {
      case model::BreakdownSource::categories: d = category_breakdown(b, in, labels, *tallies[i]); break;
      case model::BreakdownSource::age_brackets: d = age_breakdown(f.age, b, in, labels); break;
      case model::BreakdownSource::stay_length_brackets: d = stay_length_breakdown(f.stay_length, b, in, labels); break;
      case model::BreakdownSource::stayer_length_brackets:
        d = stayer_length_breakdown(f.stay_length.stayers, b, in, labels);
        break;
      case model::BreakdownSource::geographic_origin: d = origin_breakdown(f.origin_same_region, b, in, labels); break;
      case model::BreakdownSource::exit_outcome:
        d = outcome_breakdown(b, in, labels, f.exits.positive_by_exit_to_work);
        break;
    }
  }
  exit_headcounts(f.exits, in);
  mark_missing_columns(f, in.table);
}

}  // namespace ctreport::figures
