// The figures engine against a straightforward reference computation on a
// generated 100k-stay export: per-day loops and plain maps, no difference
// array, no compact records, its own CSV splitting, date parsing and value
// folding. One year read alone, and several years from one read (the batch path).
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "figures/compute.hpp"
#include "input/csv_reader.hpp"
#include "model/period.hpp"
#include "support/cli.hpp"
#include "support/pipeline.hpp"

namespace chr = std::chrono;

namespace {

struct RefStay {
  std::string id, sex, birth, referral, origin, reason, housing, activity, stage;
  int entry = 0;
  std::optional<int> exit;
  size_t row = 0;
};

using Counts = std::map<std::string, int64_t>;

// What the figures of one year should be.
struct Expected {
  int64_t overlapping = 0, admissions = 0, exits = 0, present = 0, admitted = 0, exited = 0, at_start = 0, at_end = 0;
  int64_t bed_days = 0, peak = 0, age_unknown = 0;
  Counts sex, age, referral, origin, length, reasons, housing, activity, stage_exits, stage_end;
  std::vector<int64_t> ages, lengths;
};

int ref_date(const std::string& s) {  // dd/mm/yyyy only, as the generator writes
  int d = std::stoi(s.substr(0, 2)), m = std::stoi(s.substr(3, 2)), y = std::stoi(s.substr(6, 4));
  return static_cast<int>(chr::sys_days{chr::year{y} / m / d}.time_since_epoch().count());
}

int ref_add_months(int day, int months) {
  chr::year_month_day ymd{chr::sys_days{chr::days{day}}};
  auto ym = chr::year_month{ymd.year(), ymd.month()} + chr::months{months};
  auto last = chr::year_month_day_last{ym.year(), chr::month_day_last{ym.month()}}.day();
  auto d = std::min(ymd.day(), last);
  return static_cast<int>(chr::sys_days{ym / d}.time_since_epoch().count());
}

// RFC 4180 records of a whole file, the simple way.
std::vector<std::vector<std::string>> split_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') rows.back().back() += '"', ++i;
      else if (c == '"') quoted = false;
      else rows.back().back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ';') {
      rows.back().emplace_back();
    } else if (c == '\n') {
      rows.emplace_back(1);
    } else if (c != '\r') {
      rows.back().back() += c;
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}


// Lower case, accents off, letters and digits only: how a person reads "Hôpital " as "hopital".
std::string fold(const std::string& s) {
  static const std::vector<std::pair<std::string, std::string>> accents = {
      {"à", "a"}, {"â", "a"}, {"ä", "a"}, {"á", "a"}, {"À", "a"}, {"Â", "a"}, {"é", "e"}, {"è", "e"}, {"ê", "e"},
      {"ë", "e"}, {"É", "e"}, {"È", "e"}, {"Ê", "e"}, {"Ë", "e"}, {"î", "i"}, {"ï", "i"}, {"Î", "i"}, {"Ï", "i"},
      {"ô", "o"}, {"ö", "o"}, {"Ô", "o"}, {"Ö", "o"}, {"ù", "u"}, {"û", "u"}, {"ü", "u"}, {"Ù", "u"}, {"Û", "u"},
      {"Ü", "u"}, {"ç", "c"}, {"Ç", "c"}, {"œ", "oe"}, {"Œ", "oe"}, {"æ", "ae"}, {"Æ", "ae"}};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
      ++i;
      continue;
    }
    bool found = false;
    for (const auto& [from, to] : accents)
      if (s.compare(i, from.size(), from) == 0) {
        out += to;
        i += from.size();
        found = true;
        break;
      }
    if (!found) ++i;  // other non-ASCII: punctuation such as ’ « »
  }
  return out;
}

// Category key of a raw value from the default config's lists: "unknown" when
// empty or a missing marker, "other" when no category lists it.
struct RefCategories {
  std::map<std::string, std::string> key_of;
  explicit RefCategories(const ctreport::model::CategorySet& set) {
    for (const auto& c : set.categories())
      for (const auto& v : c.values) key_of.emplace(fold(v), c.key);
    for (const auto& c : set.categories())
      for (const auto& v : {c.key, c.label, c.label_en}) key_of.emplace(fold(v), c.key);
  }
  std::string operator()(const std::string& raw) const {
    std::string f = fold(raw);
    static const std::set<std::string> missing = {"",     "nr", "nonrenseigne", "inconnu", "inconnue", "na",
                                                  "nd",   "nondisponible", "unknown", "null",  "none", "nonconnu"};
    if (missing.count(f)) return "unknown";
    auto it = key_of.find(f);
    return it == key_of.end() ? "other" : it->second;
  }
};

int whole_years(int from, int to) {
  chr::year_month_day a{chr::sys_days{chr::days{from}}}, b{chr::sys_days{chr::days{to}}};
  int y = static_cast<int>(b.year()) - static_cast<int>(a.year());
  if (chr::month_day{b.month(), b.day()} < chr::month_day{a.month(), a.day()}) --y;
  return y;
}

Expected reference(const std::vector<RefStay>& stays, int year, const ctreport::model::Config& config) {
  using ctreport::model::CategoryField;
  RefCategories sex_of(config.category_set(CategoryField::sex)), referral_of(config.category_set(CategoryField::referral)),
      reason_of(config.category_set(CategoryField::exit_reason)),
      housing_of(config.category_set(CategoryField::housing_at_exit)),
      activity_of(config.category_set(CategoryField::activity_at_exit)), stage_of(config.category_set(CategoryField::stage));
  const int start = static_cast<int>(chr::sys_days{chr::year{year} / 1 / 1}.time_since_epoch().count());
  const int end = static_cast<int>(chr::sys_days{chr::year{year} / 12 / 31}.time_since_epoch().count());
  Expected e;
  std::map<std::string, const RefStay*> latest, latest_at_end;
  std::set<std::string> admitted, exited, at_start;
  std::vector<int64_t> present(static_cast<size_t>(end - start + 1), 0);
  auto later = [](const RefStay* l, const RefStay& s) { return !l || s.entry > l->entry || (s.entry == l->entry && s.row > l->row); };
  for (const auto& s : stays) {
    bool overlaps = s.entry <= end && (!s.exit || *s.exit >= start);
    if (!overlaps) continue;
    ++e.overlapping;
    auto& l = latest[s.id];
    if (later(l, s)) l = &s;
    if (s.entry >= start && s.entry <= end) ++e.admissions, admitted.insert(s.id);
    if (s.exit && *s.exit >= start && *s.exit <= end) {
      ++e.exits;
      exited.insert(s.id);
      const char* keys[] = {"0-1m", "1-3m", "3-6m", "6-12m", "12-24m"};
      int months[] = {1, 3, 6, 12, 24};
      std::string key = "24m+";
      for (int k = 0; k < 5; ++k)
        if (*s.exit <= ref_add_months(s.entry, months[k])) {
          key = keys[k];
          break;
        }
      ++e.length[key];
      e.lengths.push_back(*s.exit - s.entry);
      const std::string reason = reason_of(s.reason);
      ++e.reasons[reason];
      // The exits whose reason is left out of shares (death, by default) are one line of their own
      // in the situations at exit (docs/figures.md, "Denominators").
      const bool excluded = std::any_of(config.category_set(CategoryField::exit_reason).categories().begin(),
                                        config.category_set(CategoryField::exit_reason).categories().end(),
                                        [&](const auto& c) { return c.key == reason && c.excluded_from_share; });
      ++e.housing[excluded ? std::string("excluded") : housing_of(s.housing)];
      ++e.activity[excluded ? std::string("excluded") : activity_of(s.activity)];
      ++e.stage_exits[stage_of(s.stage)];
    }
    if (s.entry < start) at_start.insert(s.id);
    if (!s.exit || *s.exit > end) {
      auto& le = latest_at_end[s.id];
      if (later(le, s)) le = &s;
    }
    for (int d = start; d <= end; ++d)
      if (s.entry <= d && (!s.exit || d < *s.exit)) ++present[static_cast<size_t>(d - start)];
  }
  for (auto p : present) e.bed_days += p, e.peak = std::max(e.peak, p);
  e.present = static_cast<int64_t>(latest.size());
  e.admitted = static_cast<int64_t>(admitted.size());
  e.exited = static_cast<int64_t>(exited.size());
  e.at_start = static_cast<int64_t>(at_start.size());
  e.at_end = static_cast<int64_t>(latest_at_end.size());
  for (const auto& [id, s] : latest_at_end) ++e.stage_end[stage_of(s->stage)];

  // People present, by their latest overlapping stay. The generator writes
  // origins as French codes, postal codes or names, or one of a few countries;
  // with no establishment département set, every French origin is "other_region".
  const std::set<std::string> abroad = {"algerie", "etranger", "maroc", "portugal"};
  for (const auto& [id, s] : latest) {
    ++e.sex[sex_of(s->sex)];
    ++e.referral[referral_of(s->referral)];
    std::string o = fold(s->origin);
    ++e.origin[o.empty() ? "unknown" : abroad.count(o) ? "abroad" : "other_region"];
    std::optional<int> age;
    if (!s->birth.empty()) {
      int birth = ref_date(s->birth);
      if (birth <= s->entry) age = whole_years(birth, s->entry);
    }
    if (!age) {
      ++e.age_unknown;
      ++e.age["unknown"];
      continue;
    }
    e.ages.push_back(*age);
    ++e.age[*age <= 29 ? "0-29" : *age <= 39 ? "30-39" : *age <= 49 ? "40-49" : "50+"];
  }
  return e;
}

double ref_median(std::vector<int64_t> v) {
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? static_cast<double>(v[n / 2]) : (static_cast<double>(v[n / 2 - 1]) + static_cast<double>(v[n / 2])) / 2;
}

double ref_mean(const std::vector<int64_t>& v) {
  int64_t total = 0;
  for (auto x : v) total += x;
  return static_cast<double>(total) / static_cast<double>(v.size());
}

// Every line of the distribution equals the expected count, and no expected key is missing.
void check_distribution(const ctreport::figures::Distribution& d, Counts expected, const char* what) {
  CAPTURE(what);
  int64_t total = 0;
  for (const auto& l : d.lines) {
    CAPTURE(l.key);
    CHECK(l.count == expected[l.key]);
    expected.erase(l.key);
    total += l.count;
  }
  for (const auto& entry : expected) {
    const auto& key = entry.first;  // not a structured binding: CAPTURE's lambda takes it (clang 14)
    const auto& count = entry.second;
    CAPTURE(key);
    CHECK(count == 0);  // a key the engine has no line for must count nothing
  }
  CHECK(d.total == total);
}

void check_year(const ctreport::figures::Figures& f, const Expected& e) {
  CAPTURE(f.period.label);
  CHECK(f.stays.overlapping == e.overlapping);
  CHECK(f.people.present == e.present);
  CHECK(f.people.admitted == e.admitted);
  CHECK(f.people.exited == e.exited);
  CHECK(f.people.present_at_start == e.at_start);
  CHECK(f.people.present_at_end == e.at_end);
  CHECK(f.stays.admissions == e.admissions);
  CHECK(f.stays.exits == e.exits);
  CHECK(f.occupancy.bed_days == e.bed_days);
  CHECK(f.occupancy.peak_present == e.peak);
  check_distribution(f.breakdown("stay_length"), e.length, "stay length");
  REQUIRE(!e.lengths.empty());
  CHECK(*f.stay_length.mean_days == doctest::Approx(ref_mean(e.lengths)));
  CHECK(*f.stay_length.median_days == ref_median(e.lengths));
  check_distribution(f.breakdown("sex"), e.sex, "sex");
  check_distribution(f.breakdown("age"), e.age, "age");
  CHECK(f.age.unknown == e.age_unknown);
  REQUIRE(!e.ages.empty());
  CHECK(*f.age.mean == doctest::Approx(ref_mean(e.ages)));
  CHECK(*f.age.median == ref_median(e.ages));
  CHECK(*f.age.min == *std::min_element(e.ages.begin(), e.ages.end()));
  CHECK(*f.age.max == *std::max_element(e.ages.begin(), e.ages.end()));
  check_distribution(f.breakdown("referral"), e.referral, "referral");
  check_distribution(f.breakdown("origin"), e.origin, "origin");
  check_distribution(f.breakdown("exit_reason"), e.reasons, "exit reasons");
  check_distribution(f.breakdown("housing_at_exit"), e.housing, "housing at exit");
  check_distribution(f.breakdown("activity_at_exit"), e.activity, "activity at exit");
  check_distribution(f.breakdown("stage"), e.stage_exits, "stage at exit");
  check_distribution(f.breakdown("stage_at_end"), e.stage_end, "stage present at end");
}

}  // namespace

TEST_SUITE("figures") {

TEST_CASE("a generated 100k-stay export: fast path equals the reference computation, one year and a batch") {
  ctreport::test::ScratchDir dir;
  std::string file = (dir.path() / "big.csv").string();
  // The generator is built with the project (target ctreport-gen).
  std::string cmd = std::string("'") + CTREPORT_GEN_BINARY + "' --stays 100k --from 2015 --to 2024 --encoding utf8 --seed 7 -q -o '" + file + "'";
  INFO("generating the export with ", CTREPORT_GEN_BINARY, " (built with the project: cmake --build build --target ctreport-gen)");
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  const std::string yaml = "capacity: 0\n";
  const auto config = ctreport::test::config_with(yaml);

  // Reference input.
  auto rows = split_csv(text);
  REQUIRE(rows.size() > 100000);
  const auto& header = rows[0];
  auto col = [&](const std::string& name) {
    for (size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
    FAIL("no column " << name);
    return size_t{0};
  };
  size_t c_id = col("N° dossier"), c_sex = col("Sexe"), c_birth = col("Date de naissance"), c_entry = col("Date d'entrée"),
         c_exit = col("Date de sortie"), c_referral = col("Orientation"), c_origin = col("Département d'origine"),
         c_reason = col("Motif de sortie"), c_housing = col("Logement à la sortie"),
         c_activity = col("Situation professionnelle à la sortie"), c_stage = col("Étape");
  std::vector<RefStay> stays;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    RefStay s;
    s.id = row[c_id];
    s.sex = row[c_sex];
    s.birth = row[c_birth];
    s.entry = ref_date(row[c_entry]);
    if (!row[c_exit].empty()) s.exit = ref_date(row[c_exit]);
    s.referral = row[c_referral];
    s.origin = row[c_origin];
    s.reason = row[c_reason];
    s.housing = row[c_housing];
    s.activity = row[c_activity];
    s.stage = row[c_stage];
    s.row = r + 1;
    if (s.id.empty()) s.id = "row-" + std::to_string(r);
    stays.push_back(s);
  }

  SUBCASE("one year read alone") {
    auto fast = ctreport::test::run_pipeline(text, 2024, yaml);
    CHECK(fast.figures.quality.rows_read == stays.size());
    check_year(fast.figures, reference(stays, 2024, config));
  }

  SUBCASE("several years from one read") {
    std::vector<int> years = {2016, 2020, 2023, 2024};
    ctreport::input::ReadOptions options;
    for (int y : years) options.periods.push_back(ctreport::model::make_period(y, config.start_month));
    auto read = ctreport::input::read_stays(ctreport::input::CsvReader::from_string(text), "test.csv", config, options);
    ctreport::input::throw_if_errors(read, "test.csv");
    for (const auto& period : options.periods) {
      auto warnings = read.warnings_for(period);
      auto f = ctreport::figures::compute_figures({read.table, config, period, read.rows_read, read.source, &warnings});
      check_year(f, reference(stays, period.year, config));
    }
  }
}

}  // TEST_SUITE
