// The figures engine against a straightforward reference computation on a
// generated 100k-stay export: per-day loops and plain maps, no difference
// array, no compact records, its own CSV splitting and date parsing.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "support/cli.hpp"
#include "support/pipeline.hpp"

namespace chr = std::chrono;

namespace {

struct RefStay {
  std::string id, sex;
  int entry = 0;
  std::optional<int> exit;
  size_t row = 0;
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

}  // namespace

TEST_SUITE("figures") {

TEST_CASE("a generated 100k-stay export: fast path equals the reference computation") {
  ctreport::test::ScratchDir dir;
  std::string file = (dir.path() / "big.csv").string();
  std::string cmd = std::string("'") + CTREPORT_GEN_BINARY + "' --stays 100k --from 2015 --to 2024 --encoding utf8 --seed 7 -q -o '" + file + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();

  const int year = 2024;
  auto fast = ctreport::test::run_pipeline(text, year, "capacity: 0\n");
  const auto& f = fast.figures;

  // Reference.
  auto rows = split_csv(text);
  REQUIRE(rows.size() > 100000);
  const auto& header = rows[0];
  auto col = [&](const std::string& name) {
    for (size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
    FAIL("no column " << name);
    return size_t{0};
  };
  size_t c_id = col("N° dossier"), c_sex = col("Sexe"), c_entry = col("Date d'entrée"), c_exit = col("Date de sortie");
  const int start = ref_date("01/01/2024"), end = ref_date("31/12/2024");
  std::vector<RefStay> stays;
  for (size_t r = 1; r < rows.size(); ++r) {
    RefStay s;
    s.id = rows[r][c_id];
    s.sex = rows[r][c_sex];
    s.entry = ref_date(rows[r][c_entry]);
    if (!rows[r][c_exit].empty()) s.exit = ref_date(rows[r][c_exit]);
    s.row = r + 1;
    if (s.id.empty()) s.id = "row-" + std::to_string(r);
    stays.push_back(s);
  }
  CHECK(f.quality.rows_read == stays.size());

  std::map<std::string, const RefStay*> latest;
  std::set<std::string> admitted, exited, at_start, at_end;
  int64_t admissions = 0, exits = 0, overlapping = 0;
  std::vector<int64_t> present(static_cast<size_t>(end - start + 1), 0);
  std::map<std::string, int64_t> bracket;  // stay length of exits
  std::vector<int64_t> lengths;
  for (const auto& s : stays) {
    bool overlaps = s.entry <= end && (!s.exit || *s.exit >= start);
    if (!overlaps) continue;
    ++overlapping;
    auto& l = latest[s.id];
    if (!l || s.entry > l->entry || (s.entry == l->entry && s.row > l->row)) l = &s;
    if (s.entry >= start && s.entry <= end) ++admissions, admitted.insert(s.id);
    if (s.exit && *s.exit >= start && *s.exit <= end) {
      ++exits;
      exited.insert(s.id);
      const char* keys[] = {"0-1m", "1-3m", "3-6m", "6-12m", "12-24m"};
      int months[] = {1, 3, 6, 12, 24};
      std::string key = "24m+";
      for (int k = 0; k < 5; ++k)
        if (*s.exit <= ref_add_months(s.entry, months[k])) {
          key = keys[k];
          break;
        }
      ++bracket[key];
      lengths.push_back(*s.exit - s.entry);
    }
    if (s.entry < start) at_start.insert(s.id);
    if (!s.exit || *s.exit > end) at_end.insert(s.id);
    for (int d = start; d <= end; ++d)
      if (s.entry <= d && (!s.exit || d < *s.exit)) ++present[static_cast<size_t>(d - start)];
  }
  int64_t bed_days = 0, peak = 0;
  for (auto p : present) bed_days += p, peak = std::max(peak, p);

  CHECK(f.stays.overlapping == overlapping);
  CHECK(f.people.present == static_cast<int64_t>(latest.size()));
  CHECK(f.people.admitted == static_cast<int64_t>(admitted.size()));
  CHECK(f.people.exited == static_cast<int64_t>(exited.size()));
  CHECK(f.people.present_at_start == static_cast<int64_t>(at_start.size()));
  CHECK(f.people.present_at_end == static_cast<int64_t>(at_end.size()));
  CHECK(f.stays.admissions == admissions);
  CHECK(f.stays.exits == exits);
  CHECK(f.occupancy.bed_days == bed_days);
  CHECK(f.occupancy.peak_present == peak);
  for (const auto& l : f.stay_length.brackets.lines) {
    CAPTURE(l.key);
    CHECK(l.count == bracket[l.key]);
  }
  int64_t total_length = 0;
  for (auto v : lengths) total_length += v;
  CHECK(*f.stay_length.mean_days == doctest::Approx(static_cast<double>(total_length) / static_cast<double>(lengths.size())));

  // Sex of the latest overlapping stay, mapped as a person would read the values.
  std::map<std::string, int64_t> sex;
  for (const auto& [id, s] : latest) {
    std::string v;
    for (char c : s->sex) v += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (v == "f" || v == "femme") ++sex["F"];
    else if (v == "h" || v == "m" || v == "homme") ++sex["M"];
    else if (v.empty()) ++sex["unknown"];
    else ++sex["other:" + v];
  }
  for (const auto& l : f.sex.lines) {
    CAPTURE(l.key);
    if (l.key == "F" || l.key == "M" || l.key == "unknown") CHECK(l.count == sex[l.key]);
  }
}

}  // TEST_SUITE
