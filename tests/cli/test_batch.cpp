// Several years in one run: one report per year equal to the single-year runs,
// an index, years without data said so, comparison with earlier years.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "support/cli.hpp"

using ctreport::test::run_cli;
using ctreport::test::ScratchDir;

namespace {

// The fields a small test file has no column for, declared absent (no missing_column warnings).
const char* k_no_other_columns =
    "columns: {birth_date: [], referral: [], origin: [], exit_reason: [], housing_at_exit: [], activity_at_exit: [], "
    "stage: []}\n";
const std::string k_csv =
    "N° dossier;Sexe;Date d'entrée;Date de sortie;Orientation\n"
    "1;F;15/03/2021;10/01/2022;CSAPA\n"
    "2;H;01/06/2022;;SPIP\n"
    "3;M;01/02/2023;30/09/2023;hôpital\n"
    "4;F;01/02/2024;;CSAPA\n"
    "5;M;01/07/2024;01/08/2024;Autre\n";
bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// Walks `total` and checks that each additive figure (an integer count: people,
// stays, bed-days, distribution lines matched by key, months matched by month)
// equals the sum of the same figure in `parts`. Rates, shares, means, medians,
// extremes, the peak, places and the file's own data (period, counting,
// quality…) are not additive and are skipped, as are the names in `skip`.
// Returns the paths that differ; `compared` counts the figures checked.
void check_additive(const nlohmann::json& total, const std::vector<const nlohmann::json*>& parts, const std::string& path,
                    const std::set<std::string>& skip, std::vector<std::string>& differ, int& compared) {
  static const std::set<std::string> k_not_additive = {
      "schema", "generator", "period", "establishment", "network", "counting", "quality", "share", "rate",
      "mean", "median", "mean_days", "median_days", "min", "max", "average_present", "peak_present", "peak_date",
      "places_start", "places_end", "key", "label", "month", "available", "missing", "window_months"};
  if (total.is_object()) {
    for (const auto& [k, v] : total.items()) {
      if (k_not_additive.count(k) || skip.count(k)) continue;
      std::vector<const nlohmann::json*> children;
      for (const auto* p : parts) children.push_back(p && p->contains(k) ? &(*p)[k] : nullptr);
      check_additive(v, children, path + "." + k, skip, differ, compared);
    }
  } else if (total.is_array()) {
    for (const auto& e : total) {
      std::string id = e.contains("key") ? "key" : "month";
      std::vector<const nlohmann::json*> children;
      for (const auto* p : parts) {
        const nlohmann::json* match = nullptr;
        if (p)
          for (const auto& q : *p)
            if (q[id] == e[id]) match = &q;
        children.push_back(match);
      }
      check_additive(e, children, path + "[" + e[id].get<std::string>() + "]", skip, differ, compared);
    }
    for (const auto* p : parts)  // a line of a part missing from the total
      if (p)
        for (const auto& q : *p) {
          std::string id = q.contains("key") ? "key" : "month";
          if (std::none_of(total.begin(), total.end(), [&](const nlohmann::json& e) { return e[id] == q[id]; }) &&
              q.value("count", 0) != 0)
            differ.push_back(path + "[" + q[id].get<std::string>() + "] missing");
        }
  } else if (total.is_number_integer()) {
    int64_t sum = 0;
    for (const auto* p : parts)
      if (p && !p->is_null()) sum += p->get<int64_t>();
    ++compared;
    if (sum != total.get<int64_t>()) differ.push_back(path + ": " + std::to_string(sum) + " ≠ " + total.dump());
  }
}

std::vector<std::string> additive_differences(const nlohmann::json& total, const std::vector<nlohmann::json>& parts,
                                              const std::set<std::string>& skip, int& compared) {
  std::vector<const nlohmann::json*> ptrs;
  for (const auto& p : parts) ptrs.push_back(&p);
  std::vector<std::string> differ;
  compared = 0;
  check_additive(total, ptrs, "", skip, differ, compared);
  return differ;
}
}  // namespace

TEST_SUITE("cli::batch") {

TEST_CASE("a range of years gives the same files as the single-year runs, and an index") {
  ScratchDir dir;
  dir.write("d.csv", k_csv);
  dir.write("ctreport.yaml", "capacity: 3\n");
  auto batch = run_cli({"2021..2024", "d.csv", "-o", "batch", "-f", "md,json,tex,xlsx"}, dir.path());
  REQUIRE(batch.exit_code == 0);
  std::set<std::string> single_files;
  for (const char* year : {"2021", "2022", "2023", "2024"}) {
    CAPTURE(year);
    std::string folder = std::string("single-") + year;
    auto single = run_cli({year, "d.csv", "-o", folder, "-f", "md,json,tex,xlsx"}, dir.path());
    REQUIRE(single.exit_code == 0);
    for (const auto& f : dir.files())
      if (f.rfind(folder + "/", 0) == 0) {
        std::string name = f.substr(folder.size() + 1);
        CAPTURE(name);
        single_files.insert(name);
        CHECK(dir.read("batch/" + name) == dir.read(f));
      }
  }
  std::set<std::string> batch_files;
  for (const auto& f : dir.files())
    if (f.rfind("batch/", 0) == 0 && f != "batch/index.md" && f != "batch/index-tendance.svg" &&
        f != "batch/index-occupation.svg")
      batch_files.insert(f.substr(6));
  CHECK(batch_files == single_files);
  // md with 4 charts (sex, referral, length, occupancy: no age, origin or exit-reason column), json, tex, xlsx per year
  CHECK(single_files.size() == 4 * (1 + 4 + 1 + 1 + 1));
  std::string index = dir.read("batch/index.md");
  CHECK(contains(index, "| [2023](rapport-2023.md) | 2 | 1 | 1 |"));  // each year links to its report
  CHECK(contains(index, "[2024](rapport-2024.md)"));
  CHECK(dir.exists("batch/index-occupation.svg"));  // places in the config: the occupancy trend too
}

TEST_CASE("the batch index fits: years link to their reports, units in the headers, occupancy trend only with places") {
  ScratchDir dir;
  dir.write("d.csv", k_csv);
  dir.write("ctreport.yaml", k_no_other_columns);
  REQUIRE(run_cli({"2022..2024", "d.csv", "-o", "none", "-q"}, dir.path()).exit_code == 0);
  std::string index = dir.read("none/index.md");
  CHECK(contains(index, "| Année | Personnes accueillies | Admises | Sorties | Journées réalisées | Part des femmes | "
                        "Âge moyen (ans) |\n"));  // 7 columns: no occupancy without places, no report column
  CHECK(contains(index, "| [2023](rapport-2023.md) | 2 | 1 | 1 | "));
  CHECK_FALSE(contains(index, "occupation"));
  CHECK_FALSE(dir.exists("none/index-occupation.svg"));
  dir.write("places.yaml", std::string("capacity: 3\n") + k_no_other_columns);
  REQUIRE(run_cli({"2022..2024", "d.csv", "-c", "places.yaml", "-o", "places", "-q", "--lang", "en"}, dir.path()).exit_code == 0);
  std::string en = dir.read("places/index.md");
  CHECK(contains(en, "| Year | People present | Admitted | Exited | Bed-days | Occupancy rate | Share of women | Mean age "
                     "(years) |\n"));
  CHECK(contains(en, "![People present per year](index-tendance.svg)"));
  CHECK(contains(en, "![Occupancy rate per year](index-occupation.svg)"));
  std::string svg = dir.read("places/index-occupation.svg");
  CHECK(contains(svg, "<title id=\"title\">Occupancy rate per year</title>"));
  CHECK(contains(svg, ">100%</text>"));
}

TEST_CASE("a year without any stay is said so, not reported as zeros") {
  ScratchDir dir;
  dir.write("d.csv", k_csv);
  auto r = run_cli({"2019..2021", "d.csv", "-o", "out"}, dir.path());
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "no stay overlaps 2019: no report for it"));
  CHECK_FALSE(dir.exists("out/rapport-2019.md"));
  CHECK(dir.exists("out/rapport-2021.md"));
  CHECK(contains(dir.read("out/index.md"), "| 2019 | pas de données |"));
  // The trend chart keeps a place for each year: 2019 and 2020 without data are drawn as a dash, not left out.
  std::string trend = dir.read("out/index-tendance.svg");
  auto at = [&](const std::string& text) { return trend.find(text); };
  CHECK(contains(trend, "<desc id=\"desc\">2019: \u2013; 2020: \u2013; 2021: 1</desc>"));
  REQUIRE(at(">2019</text>") != std::string::npos);
  CHECK(at(">2019</text>") < at(">2020</text>"));
  CHECK(at(">2020</text>") < at(">2021</text>"));
  auto none = run_cli({"2010", "d.csv"}, dir.path());
  CHECK(none.exit_code == 1);
  CHECK(none.err == "ctreport: error: d.csv: no stay overlaps 2010: nothing to report\n");
}

TEST_CASE("reports compare with the year before, or the years named by --compare") {
  ScratchDir dir;
  dir.write("d.csv", k_csv);
  dir.write("ctreport.yaml", "capacity: 3\n");
  auto r = run_cli({"2024", "d.csv"}, dir.path());
  REQUIRE(r.exit_code == 0);
  std::string md = dir.read("rapport-2024.md");
  CHECK(contains(md, "| Indicateur | 2024 | 2023 | Évolution depuis 2023 |"));
  CHECK(contains(md, "| Personnes accueillies (file active) | 3 | 2 | +1 |"));
  auto c = run_cli({"2024", "d.csv", "--compare", "2022", "-o", "c"}, dir.path());
  REQUIRE(c.exit_code == 0);
  CHECK(contains(dir.read("c/rapport-2024.md"), "| Indicateur | 2024 | 2022 | Évolution depuis 2022 |"));
  auto first = run_cli({"2021", "d.csv", "-o", "f"}, dir.path());
  CHECK_FALSE(contains(dir.read("f/rapport-2021.md"), "Évolution"));  // no data for 2020
}

// The cells of the Markdown tables of `md`: for each table, the header's cell
// count and each row's, to check that every row has the header's columns.
std::vector<std::string> malformed_rows(const std::string& md) {
  std::vector<std::string> bad;
  size_t header_cells = 0;
  bool in_table = false;
  std::istringstream in(md);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] != '|') {
      in_table = false;
      continue;
    }
    size_t cells = static_cast<size_t>(std::count(line.begin(), line.end(), '|')) - 1;
    if (!in_table) {
      in_table = true;
      header_cells = cells;
    } else if (cells != header_cells) {
      bad.push_back(line);
    }
  }
  return bad;
}

size_t table_count(const std::string& md) {
  size_t n = 0;
  std::istringstream in(md);
  for (std::string line; std::getline(in, line);) n += line.rfind("|---", 0) == 0;
  return n;
}

const std::string k_stage_csv =
    "N° dossier;Sexe;Date de naissance;Date d'entrée;Date de sortie;Orientation;Motif de sortie;Étape;Logement à la sortie;"
    "Activité à la sortie;Origine géographique\n"
    "1;F;01/01/1980;15/03/2021;10/01/2022;CSAPA;fin de contrat;1;;;42\n"
    "2;H;01/01/1990;01/06/2022;;SPIP;;2;;;69\n"
    "3;M;01/01/1970;01/02/2023;30/09/2023;hôpital;exclusion;3;;;75\n"
    "4;F;01/01/2000;01/02/2024;;CSAPA;;1;;;42\n"
    "5;M;01/01/1985;01/07/2024;01/08/2024;Autre;départ volontaire;2;;;2A\n";

TEST_CASE("every table row has the header's columns, with no, one and two comparisons, in French and English") {
  ScratchDir dir;
  dir.write("d.csv", k_stage_csv);
  dir.write("ctreport.yaml", "capacity: 3\nestablishment: {departement: \"42\"}\n");
  for (const char* lang : {"fr", "en"}) {
    CAPTURE(std::string(lang));
    for (const auto& entry : std::vector<std::pair<std::string, int>>{{"", 0}, {"2023", 1}, {"2022,2023", 2}}) {
      const std::string& compare = entry.first;  // not a structured binding: CAPTURE's lambda takes it (clang 14)
      const int groups = entry.second;
      CAPTURE(compare);
      std::string out = std::string("out-") + lang + "-" + std::to_string(groups);
      std::vector<std::string> args = {"2024", "d.csv", "-o", out, "--lang", lang, "-q"};
      if (!compare.empty()) args.insert(args.end(), {"--compare", compare});
      else args[0] = "2021";  // no data before 2021: no comparison
      REQUIRE(run_cli(args, dir.path()).exit_code == 0);
      std::string md = dir.read(out + "/rapport-" + args[0] + ".md");
      CHECK(table_count(md) == 12);  // 11 before the stayers' table
      CHECK(malformed_rows(md) == std::vector<std::string>{});
    }
  }
  std::string two = dir.read("out-fr-2/rapport-2024.md");
  CHECK(contains(two, "| Indicateur | 2024 | 2023 | Évolution depuis 2023 | 2022 | Évolution depuis 2022 |\n"));
  CHECK(contains(two, "| Personnes accueillies (file active) | 3 | 2 | +1 | 2 | +1 |\n"));
  CHECK(contains(two, "| dont présentes au 1er janvier 2024 | 1 | 1 | = | 1 | = |\n"));
  CHECK(contains(two, "| Présents par jour (moyenne) | 2,0 | 1,7 | +0,3 | 0,6 | +1,4 |\n"));
  CHECK(contains(two, "| Femmes | 1 | 33\u00A0% | 0 (0\u00A0%) | +1 (+33 points) | 1 (50\u00A0%) | = (\u221217 points) |\n"));
  CHECK(contains(two, "| **Total** | **3** | | 2 | +1 | 2 | +1 |\n"));
  // The stage table: one row per stage, exits and present at the end side by side.
  CHECK(contains(two, "| Étape | À la sortie | % | Présents au 31 décembre 2024 | % | À la sortie en 2023 | Présents au 31 "
                      "décembre 2023 | À la sortie en 2022 | Présents au 31 décembre 2022 |\n"));
  CHECK(contains(two, "| Étape 2 | 1 | 100\u00A0% | 1 | 50\u00A0% | 0 (0\u00A0%) | 1 (100\u00A0%) | 0 (0\u00A0%) | 1 (100\u00A0%) |\n"));
  CHECK(contains(two, "| **Total** | **1** | | **2** | | **1** | **1** | **1** | **1** |\n"));
}

TEST_CASE("--compare with two years shows both, most recent first, and a batch never compares a year with itself") {
  ScratchDir dir;
  dir.write("d.csv", k_stage_csv);
  REQUIRE(run_cli({"2022..2024", "d.csv", "--compare", "2023", "-o", "b", "-q"}, dir.path()).exit_code == 0);
  CHECK(contains(dir.read("b/rapport-2024.md"), "| Indicateur | 2024 | 2023 | Évolution depuis 2023 |\n"));
  CHECK(contains(dir.read("b/rapport-2022.md"), "| Indicateur | 2022 | 2023 | Évolution depuis 2023 |\n"));
  CHECK(contains(dir.read("b/rapport-2023.md"), "| Indicateur | 2023 |\n"));  // not "| 2023 | 2023 |"
  REQUIRE(run_cli({"2024", "d.csv", "--compare", "2023,2022", "-o", "c", "-q"}, dir.path()).exit_code == 0);
  CHECK(contains(dir.read("c/rapport-2024.md"), "| Indicateur | 2024 | 2023 | Évolution depuis 2023 | 2022 | Évolution depuis 2022 |\n"));
}

TEST_CASE("a year the data does not cover is not compared with, and the user is told") {
  ScratchDir dir;
  // An export of the stays overlapping 2023-2024: the stay still present on 1 January 2023 entered in 2022, but no
  // stay ended in 2022 or before, so the file does not cover 2022.
  dir.write("d.csv",
            "Dossier;Date d'entrée;Date de sortie;Sexe\n"
            "A;01/06/2022;10/02/2023;F\n"
            "B;01/03/2023;01/05/2024;H\n"
            "C;01/02/2024;;F\n");
  dir.write("ctreport.yaml", k_no_other_columns);
  auto r = run_cli({"2023..2024", "d.csv", "-o", "out"}, dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "  sans comparaison        2022 : les données ne couvrent pas cette année (aucune sortie jusqu'au 31 "
                        "décembre 2022)\n"));
  std::string y2023 = dir.read("out/rapport-2023.md");
  CHECK(contains(y2023, "| Indicateur | 2023 |\n"));
  CHECK(contains(y2023, "- Pas de comparaison avec 2022\u00A0: les données ne couvrent pas cette année"));
  CHECK(contains(dir.read("out/rapport-2024.md"), "| Indicateur | 2024 | 2023 | Évolution depuis 2023 |\n"));
  CHECK_FALSE(contains(dir.read("out/rapport-2024.md"), "Pas de comparaison"));
  auto explicit_year = run_cli({"2024", "d.csv", "--compare", "2022", "-o", "e"}, dir.path());
  REQUIRE(explicit_year.exit_code == 0);
  CHECK(explicit_year.err ==
        "ctreport: warning: --compare 2022: the data does not cover 2022 (no stay ended on or before 2022-12-31: the export "
        "seems to start later): no comparison with it\n");
  CHECK(contains(dir.read("e/rapport-2024.md"), "| Indicateur | 2024 |\n"));
  // The LaTeX reports say it too, in both languages.
  REQUIRE(run_cli({"2024", "d.csv", "--compare", "2022", "-o", "t", "-f", "tex", "-q"}, dir.path()).exit_code == 0);
  CHECK(contains(dir.read("t/rapport-2024.tex"),
                 "\\item Pas de comparaison avec 2022\u00A0: les données ne couvrent pas cette année (aucun séjour terminé au "
                 "plus tard cette année-là, ou aucun séjour pendant cette année\u202F; l'export commence sans doute après).\n"));
  REQUIRE(run_cli({"2024", "d.csv", "--compare", "2022", "-o", "te", "-f", "tex", "--lang", "en", "-q"}, dir.path())
              .exit_code == 0);
  CHECK(contains(dir.read("te/rapport-2024.tex"),
                 "\\item No comparison with 2022: the data does not cover that year (no stay ended in or before it, or "
                 "no stay during it; the export probably starts later).\n"));
  auto empty_year = run_cli({"2024", "d.csv", "--compare", "2019", "-o", "f"}, dir.path());
  CHECK(empty_year.err ==
        "ctreport: warning: --compare 2019: the data does not cover 2019 (no stay overlaps 2019): no comparison with it\n");
}

TEST_CASE("a finding about a row outside every period is in the last year's report only") {
  ScratchDir dir;
  dir.write("d.csv",
            "Dossier;Date d'entrée;Date de sortie;Sexe\n"
            "A;01/06/2022;10/02/2023;F\n"
            "B;01/03/2023;01/05/2024;H\n"
            "C;01/02/2042;;F\n");
  dir.write("ctreport.yaml", k_no_other_columns);
  REQUIRE(run_cli({"2023..2024", "d.csv", "-o", "out", "-f", "json", "-q"}, dir.path()).exit_code == 0);
  auto y2023 = nlohmann::json::parse(dir.read("out/figures-2023.json"));
  auto y2024 = nlohmann::json::parse(dir.read("out/figures-2024.json"));
  CHECK(y2023["quality"]["warnings"].size() == 0);
  REQUIRE(y2024["quality"]["warnings"].size() == 1);
  CHECK(y2024["quality"]["warnings"][0]["code"] == "future_date");
  CHECK(y2024["quality"]["warnings"][0]["row"] == 4);
  // A single year still lists it.
  REQUIRE(run_cli({"2023", "d.csv", "-o", "one", "-f", "json", "-q"}, dir.path()).exit_code == 0);
  CHECK(nlohmann::json::parse(dir.read("one/figures-2023.json"))["quality"]["warnings"].size() == 1);
}

TEST_CASE("a batch of years gives each year the figures counted by hand") {
  ScratchDir dir;
  dir.write("d.csv", k_stage_csv);
  dir.write("ctreport.yaml", "capacity: 3\n");
  REQUIRE(run_cli({"2021..2024", "d.csv", "-o", "out", "-f", "json", "-q"}, dir.path()).exit_code == 0);
  struct Expected {
    const char* year;
    int present, at_start, admitted, exited, at_end, bed_days, women, exits_stage_1;
  };
  // Nights: 2021 #1 15/03-31/12 (292); 2022 #1 1-10/01 (9) + #2 from 01/06 (214); 2023 #2 (365) + #3 01/02-30/09
  // (241); 2024 #2 (366) + #4 from 01/02 (335) + #5 01/07-01/08 (31).
  for (const auto& e : std::vector<Expected>{{"2021", 1, 0, 1, 0, 1, 292, 1, 0},
                                             {"2022", 2, 1, 1, 1, 1, 9 + 214, 1, 1},
                                             {"2023", 2, 1, 1, 1, 1, 365 + 241, 0, 0},
                                             {"2024", 3, 1, 2, 1, 2, 366 + 335 + 31, 1, 0}}) {
    CAPTURE(e.year);
    auto j = nlohmann::json::parse(dir.read(std::string("out/figures-") + e.year + ".json"));
    CHECK(j["people"]["present"] == e.present);
    CHECK(j["people"]["present_at_start"] == e.at_start);
    CHECK(j["people"]["admitted"] == e.admitted);
    CHECK(j["people"]["exited"] == e.exited);
    CHECK(j["people"]["present_at_end"] == e.at_end);
    CHECK(j["occupancy"]["bed_days"] == e.bed_days);
    CHECK(j["sex"]["categories"][0]["key"] == "F");
    CHECK(j["sex"]["categories"][0]["count"] == e.women);
    CHECK(j["stage"]["exits"][0]["count"] == e.exits_stage_1);
  }
}

TEST_CASE("fiscal years through the command line: labels, file names and the boundary night") {
  ScratchDir dir;
  dir.write("d.csv", "Date d'entrée;Date de sortie\n31/03/2025;01/04/2025\n");
  dir.write("ctreport.yaml", "period: {start_month: 4}\n");
  auto r = run_cli({"2024..2025", "d.csv", "-o", "out", "-f", "json,md", "-q"}, dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK(dir.exists("out/rapport-2024-2025.md"));
  CHECK(dir.exists("out/rapport-2025-2026.md"));
  auto first = nlohmann::json::parse(dir.read("out/figures-2024-2025.json"));
  auto second = nlohmann::json::parse(dir.read("out/figures-2025-2026.json"));
  CHECK(first["period"]["start"] == "2024-04-01");
  CHECK(first["period"]["end"] == "2025-03-31");
  CHECK(first["occupancy"]["bed_days"] == 1);  // the night of 31 March
  CHECK(first["stays"]["exits"] == 0);
  CHECK(first["people"]["present_at_end"] == 1);
  CHECK(second["occupancy"]["bed_days"] == 0);  // the exit day is no night
  CHECK(second["stays"]["exits"] == 1);
  CHECK(second["people"]["present_at_start"] == 1);
  CHECK(contains(dir.read("out/index.md"), "[2025-2026](rapport-2025-2026.md)"));
  // The fiscal label is accepted for the year it starts in, and refused with the right form otherwise.
  auto label = run_cli({"2024-2025", "d.csv", "-o", "label", "-f", "json", "-q"}, dir.path());
  CHECK(label.exit_code == 0);
  CHECK(dir.read("label/figures-2024-2025.json") == dir.read("out/figures-2024-2025.json"));
  dir.write("calendar.yaml", "period: {start_month: 1}\n");
  auto calendar = run_cli({"2024-2025", "d.csv", "-c", "calendar.yaml"}, dir.path());
  CHECK(calendar.exit_code == 2);
  CHECK(calendar.err == "ctreport: error: '2024-2025' is a fiscal year, but the periods are calendar years "
                        "(period.start_month is 1): give 2024, or set period.start_month in the config\n");
  auto gap = run_cli({"2024-2026", "d.csv"}, dir.path());
  CHECK(gap.exit_code == 2);
  CHECK(gap.err == "ctreport: error: '2024-2026' is not a year (a fiscal year is two consecutive years, e.g. 2024-2025, "
                   "or give the year it starts in: 2024)\n");
}

TEST_CASE("year lists and bad ranges") {
  ScratchDir dir;
  dir.write("d.csv", k_csv);
  auto list = run_cli({"2022,2024", "d.csv", "-o", "l", "-f", "json"}, dir.path());
  CHECK(list.exit_code == 0);
  CHECK(dir.files() == std::vector<std::string>{"d.csv", "l/figures-2022.json", "l/figures-2024.json"});
  auto bad = run_cli({"2024..2020", "d.csv"}, dir.path());
  CHECK(bad.exit_code == 2);
  CHECK(bad.err == "ctreport: error: '2024..2020' is not a range of years (expected e.g. 2019..2024)\n");
}

}  // TEST_SUITE

TEST_SUITE("cli::merge") {

TEST_CASE("merging three establishments equals their concatenated data for every additive figure") {
  ScratchDir dir;
  const std::string header =
      "N° dossier;Sexe;Date de naissance;Date d'entrée;Date de sortie;Orientation;Motif de sortie;Département d'origine;"
      "Étape;Logement à la sortie;Activité à la sortie\n";
  const std::string a = "A1;F;01/01/1980;15/11/2023;10/01/2024;CSAPA;Fin de contrat;42;1;logement autonome;CDI\n"
                        "A2;H;01/01/1990;01/03/2024;;SPIP;;69;2;;\n";
  const std::string b = "B1;F;01/01/1970;01/02/2024;01/05/2024;hôpital;départ volontaire;75;1;rue;RSA\n"
                        "B2;M;;01/06/2024;;Autre;;;;;\n";
  const std::string c = "C1;X;01/01/2000;01/01/2022;;famille;;2A;2;;\n"
                        "C2;F;01/01/1985;01/10/2024;02/10/2024;CSAPA;exclusion;42;;foyer;formation\n";
  dir.write("a/d.csv", header + a);
  dir.write("b/d.csv", header + b);
  dir.write("c/d.csv", header + c);
  dir.write("all/d.csv", header + a + b + c);
  for (const char* x : {"a", "b", "c", "all"}) {
    dir.write(std::string(x) + "/ctreport.yaml", std::string("establishment: {name: CT ") + x + "}\ncapacity: 5\n");
    REQUIRE(run_cli({"2024", std::string(x) + "/d.csv", "-o", std::string(x), "-f", "json", "-q"}, dir.path()).exit_code == 0);
  }
  auto r = run_cli({"merge", "a/figures-2024.json", "b/figures-2024.json", "c/figures-2024.json", "-o", "net", "--name",
                    "Réseau test"},
                   dir.path());
  REQUIRE(r.exit_code == 0);
  auto merged = nlohmann::json::parse(dir.read("net/figures-2024.json"));
  auto whole = nlohmann::json::parse(dir.read("all/figures-2024.json"));
  int compared = 0;
  // Returns need each export to cover the 24 months before the period: A's and B's start later, so the
  // network has none, whereas the concatenated export (starting with C's) has them.
  CHECK(additive_differences(whole, {merged}, {"capacity_days", "returns"}, compared) == std::vector<std::string>{});
  CHECK(merged["returns"]["available"] == false);
  CHECK(whole["returns"]["available"] == true);
  CHECK(compared > 80);  // every count, bed-day total, month and distribution line
  for (const char* k : {"present", "admitted", "exited", "present_at_start", "present_at_end"}) CHECK(merged["people"][k] == whole["people"][k]);
  for (const char* k : {"overlapping", "admissions", "exits"}) CHECK(merged["stays"][k] == whole["stays"][k]);
  CHECK(merged["occupancy"]["bed_days"] == whole["occupancy"]["bed_days"]);
  CHECK(merged["occupancy"]["capacity_days"] == 3 * whole["occupancy"]["capacity_days"].get<int>());  // three establishments of 5 places
  CHECK(merged["occupancy"]["monthly"][5]["bed_days"] == whole["occupancy"]["monthly"][5]["bed_days"]);
  for (const char* d : {"sex", "referral"}) {
    CAPTURE(std::string(d));
    CHECK(merged[d]["categories"] == whole[d]["categories"]);
  }
  CHECK(merged["age"]["brackets"] == whole["age"]["brackets"]);
  CHECK(merged["age"]["mean"].get<double>() == doctest::Approx(whole["age"]["mean"].get<double>()));
  CHECK(merged["stay_length"]["brackets"] == whole["stay_length"]["brackets"]);
  CHECK(merged["stay_length"]["mean_days"].get<double>() == doctest::Approx(whole["stay_length"]["mean_days"].get<double>()));
  CHECK(merged["exits"]["reasons"] == whole["exits"]["reasons"]);
  CHECK(merged["age"]["median"].is_null());  // not mergeable: left out, never averaged
  CHECK(merged["occupancy"]["peak_present"].is_null());
  CHECK(merged["network"]["establishments"].size() == 3);
  std::string md = dir.read("net/rapport-2024.md");
  CHECK(contains(md, "# Rapport d'activité 2024 — Réseau test"));
  CHECK(contains(md, "Chiffres du réseau\u00A0: somme des chiffres de 3 établissements (CT a\u202F; CT b\u202F; CT c)\u202F; une "
                    "personne"));
  CHECK(contains(md, "Âge à l'entrée\u00A0: moyenne "));
  CHECK_FALSE(contains(md, "médiane –"));  // not given for a network, not "médiane – ans"
  CHECK_FALSE(contains(md, "durée médiane"));
  CHECK_FALSE(contains(md, " ; )"));
}

TEST_CASE("merging the same file twice, or the same establishment twice, is an error") {
  ScratchDir dir;
  dir.write("d.csv", "Date d'entrée;Sexe\n01/02/2024;F\n");
  dir.write("ctreport.yaml", "establishment: {name: CT Loire}\n");
  REQUIRE(run_cli({"2024", "d.csv", "-o", "a", "-f", "json", "-q"}, dir.path()).exit_code == 0);
  REQUIRE(run_cli({"2024", "d.csv", "-o", "b", "-f", "json", "-q"}, dir.path()).exit_code == 0);
  auto twice = run_cli({"merge", "a/figures-2024.json", "./a/../a/figures-2024.json", "-o", "net"}, dir.path());
  CHECK(twice.exit_code == 2);
  CHECK(twice.err == "ctreport: error: ./a/../a/figures-2024.json: given twice (as 'a/figures-2024.json' and "
                     "'./a/../a/figures-2024.json'): merge each establishment's figures once\n");
  auto same = run_cli({"merge", "a/figures-2024.json", "b/figures-2024.json", "-o", "net"}, dir.path());
  CHECK(same.exit_code == 1);
  CHECK(same.err == "ctreport: error: b/figures-2024.json: the figures of 'CT Loire' for 2024 are already given by "
                    "a/figures-2024.json: each establishment once (two establishments need different names: "
                    "establishment.name in their config)\n");
  CHECK_FALSE(dir.exists("net"));
}

TEST_CASE("merge checks its template whole before writing anything, and renders the network with it") {
  ScratchDir dir;
  dir.write("d.csv", "Date d'entrée;Sexe\n01/02/2024;F\n");
  dir.write("a.yaml", "establishment: {name: CT a}\n");
  dir.write("b.yaml", "establishment: {name: CT b}\n");
  REQUIRE(run_cli({"2024", "d.csv", "-c", "a.yaml", "-o", "a", "-f", "json", "-q"}, dir.path()).exit_code == 0);
  REQUIRE(run_cli({"2024", "d.csv", "-c", "b.yaml", "-o", "b", "-f", "json", "-q"}, dir.path()).exit_code == 0);
  dir.write("net.md", "Réseau : {{people.present}}\n{{#comparisons}}\n{{labl}}\n{{/comparisons}}\n");
  auto typo = run_cli({"merge", "a/figures-2024.json", "b/figures-2024.json", "-o", "net", "--template", "net.md"},
                      dir.path());
  CHECK(typo.exit_code == 1);
  CHECK(typo.err ==
        "ctreport: error: template net.md:3: unknown variable 'labl' (the variables are listed in docs/templates.md)\n");
  CHECK_FALSE(dir.exists("net"));
  dir.write("net.md", "Réseau : {{people.present}} ({{#sex.by_key.F}}{{count}}{{/sex.by_key.F}} F)\n");
  auto ok = run_cli({"merge", "a/figures-2024.json", "b/figures-2024.json", "-o", "net", "--template", "net.md", "-q"},
                    dir.path());
  CHECK(ok.exit_code == 0);
  CHECK(dir.read("net/rapport-2024.md") == "Réseau : 2 (2 F)\n");
}

TEST_CASE("merging figures counted with different conventions is an error naming the files and the setting") {
  ScratchDir dir;
  dir.write("d.csv", "Date d'entrée;Sexe\n01/02/2024;F\n");
  REQUIRE(run_cli({"2024", "d.csv", "-o", "a", "-f", "json", "-q"}, dir.path()).exit_code == 0);
  dir.write("age.yaml", "counting: {age_reference: period_end}\n");
  dir.write("contract.yaml", "counting: {contract_months: 12}\n");
  dir.write("days.yaml", "counting: {bed_days: days}\n");
  for (const char* c : {"age", "contract", "days"})
    REQUIRE(run_cli({"2024", "d.csv", "-c", std::string(c) + ".yaml", "-o", c, "-f", "json", "-q"}, dir.path()).exit_code == 0);
  auto age = run_cli({"merge", "a/figures-2024.json", "age/figures-2024.json"}, dir.path());
  CHECK(age.exit_code == 1);
  CHECK(age.err == "ctreport: error: age/figures-2024.json: counted with age_reference period_end, but a/figures-2024.json "
                   "with age_reference entry: merge figures made with the same counting conventions\n");
  auto contract = run_cli({"merge", "a/figures-2024.json", "contract/figures-2024.json"}, dir.path());
  CHECK(contract.err == "ctreport: error: contract/figures-2024.json: counted with contract_months 12, but "
                        "a/figures-2024.json with contract_months 24: merge figures made with the same counting "
                        "conventions\n");
  auto days = run_cli({"merge", "a/figures-2024.json", "days/figures-2024.json"}, dir.path());
  CHECK(days.err == "ctreport: error: days/figures-2024.json: counted with bed_days days, but a/figures-2024.json with "
                    "bed_days nights: merge figures made with the same counting conventions\n");
}

TEST_CASE("merging different periods or categories is an error") {
  ScratchDir dir;
  const std::string csv = "Date d'entrée;Sexe\n01/02/2023;F\n01/02/2024;F\n";
  dir.write("d.csv", csv);
  REQUIRE(run_cli({"2024", "d.csv", "-o", "y24", "-f", "json", "-q"}, dir.path()).exit_code == 0);
  REQUIRE(run_cli({"2023", "d.csv", "-o", "y23", "-f", "json", "-q"}, dir.path()).exit_code == 0);
  auto r = run_cli({"merge", "y24/figures-2024.json", "y23/figures-2023.json"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err == "ctreport: error: y23/figures-2023.json: its period 2023 (2023-01-01 – 2023-12-31) is not the period of "
                 "y24/figures-2024.json, 2024 (2024-01-01 – 2024-12-31): merge figures of the same period\n");
  dir.write("other.yaml", "establishment: {name: Autre CT}\ncategories:\n  sex:\n    - {key: W, values: [F]}\n");
  REQUIRE(run_cli({"2024", "d.csv", "-c", "other.yaml", "-o", "cat", "-f", "json", "-q"}, dir.path()).exit_code == 0);
  auto c = run_cli({"merge", "y24/figures-2024.json", "cat/figures-2024.json"}, dir.path());
  CHECK(c.exit_code == 1);
  CHECK(contains(c.err, "the categories of sex differ"));
  dir.write("bad.json", "{\"schema\": \"other\"}");
  auto bad = run_cli({"merge", "y24/figures-2024.json", "bad.json"}, dir.path());
  CHECK(bad.exit_code == 1);
  CHECK(contains(bad.err, "bad.json: not a ctreport figures file"));
}

}  // TEST_SUITE

TEST_SUITE("cli::sites") {

TEST_CASE("--by site gives one report per site, with its capacity, that sum to the total") {
  ScratchDir dir;
  dir.write("d.csv",
            "N° dossier;Site;Sexe;Date d'entrée;Date de sortie\n"
            "1;Les Tilleuls;F;15/11/2023;10/01/2024\n"
            "2;Le Moulin;H;01/03/2024;\n"
            "3;les tilleuls;M;01/06/2024;30/09/2024\n"
            "4;Le Moulin;F;01/02/2024;01/05/2024\n");
  dir.write("ctreport.yaml",
            "establishment: {name: CT}\ncapacity: 5\nsites:\n  Les Tilleuls: {capacity: 3}\n  Le Moulin: {capacity: 2}\n");
  auto r = run_cli({"2024", "d.csv", "--by", "site", "-f", "md,json", "-q"}, dir.path());
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> reports;
  for (const auto& f : dir.files())
    if (f.size() < 4 || f.substr(f.size() - 4) != ".svg") reports.push_back(f);
  CHECK(reports == std::vector<std::string>{"ctreport.yaml", "d.csv", "figures-2024-le-moulin.json",
                                            "figures-2024-les-tilleuls.json", "figures-2024.json",
                                            "rapport-2024-le-moulin.md", "rapport-2024-les-tilleuls.md", "rapport-2024.md"});
  CHECK(dir.exists("rapport-2024-le-moulin-sexe.svg"));
  auto total = nlohmann::json::parse(dir.read("figures-2024.json"));
  auto a = nlohmann::json::parse(dir.read("figures-2024-les-tilleuls.json"));
  auto b = nlohmann::json::parse(dir.read("figures-2024-le-moulin.json"));
  int compared = 0;
  CHECK(additive_differences(total, {a, b}, {}, compared) == std::vector<std::string>{});
  CHECK(compared > 45);  // no age, referral, origin, exit or stage column: those are not available
  CHECK(a["people"]["present"] == 2);
  CHECK(b["people"]["present"] == 2);
  for (const char* k : {"present", "admitted", "exited", "present_at_start", "present_at_end"})
    CHECK(a["people"][k].get<int>() + b["people"][k].get<int>() == total["people"][k].get<int>());
  CHECK(a["occupancy"]["bed_days"].get<int>() + b["occupancy"]["bed_days"].get<int>() == total["occupancy"]["bed_days"].get<int>());
  CHECK(a["occupancy"]["capacity_days"] == 3 * 366);
  CHECK(b["occupancy"]["capacity_days"] == 2 * 366);
  CHECK(total["occupancy"]["capacity_days"] == 5 * 366);
  CHECK(contains(dir.read("rapport-2024-le-moulin.md"), "# Rapport d'activité 2024 — CT — Le Moulin"));
}

TEST_CASE("--by site: sites whose names give the same file name get -2, the empty site is named") {
  ScratchDir dir;
  dir.write("d.csv",
            "Date d'entrée;Site\n"
            "01/02/2024;Sans site\n"
            "01/03/2024;\n"
            "01/04/2024;Дом\n"
            "01/05/2024;Σπίτι\n"
            "01/06/2024;../../evil\n");
  dir.write("ctreport.yaml", "establishment: {name: CT}\n");
  auto r = run_cli({"2024", "d.csv", "--by", "site", "-f", "md,json", "-o", "out", "-q"}, dir.path());
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> json;
  for (const auto& f : dir.files())
    if (f.size() > 5 && f.substr(f.size() - 5) == ".json") json.push_back(f);
  CHECK(json == std::vector<std::string>{"out/figures-2024-evil.json", "out/figures-2024-sans-site-2.json",
                                         "out/figures-2024-sans-site.json", "out/figures-2024-x-2.json",
                                         "out/figures-2024-x.json", "out/figures-2024.json"});
  CHECK(contains(dir.read("out/rapport-2024-sans-site-2.md"), "# Rapport d'activité 2024 — CT — sans site renseigné\n"));
  CHECK(contains(dir.read("out/rapport-2024-sans-site.md"), "# Rapport d'activité 2024 — CT — Sans site\n"));
}

TEST_CASE("--by site: a site without capacity and a config site without data are warned about, the total capacity is the sites' sum") {
  ScratchDir dir;
  dir.write("d.csv",
            "Date d'entrée;Site\n"
            "01/02/2024;Les Tilleuls\n"
            "01/03/2024;Le Moulin\n"
            "01/04/2024;La Forge\n");
  dir.write("ctreport.yaml", "sites:\n  Les Tilleuls: {capacity: 3}\n  Le Moulinn: {capacity: 2}\n");
  auto r = run_cli({"2024", "d.csv", "--by", "site", "-f", "json", "-o", "out"}, dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "ctreport: warning: ctreport.yaml: site 'Le Moulin' has no capacity in the config (sites: "
                        "{\"Le Moulin\": {capacity: …}}): its report has no occupancy rate\n"));
  CHECK(contains(r.err, "ctreport: warning: ctreport.yaml: site 'La Forge' has no capacity in the config"));
  CHECK(contains(r.err, "ctreport: warning: ctreport.yaml: site 'Le Moulinn' of the config matches no stay of the "
                        "period(s) reported (sites in the data: 'Les Tilleuls', 'Le Moulin', 'La Forge')\n"));
  auto total = nlohmann::json::parse(dir.read("out/figures-2024.json"));
  CHECK(total["occupancy"]["capacity_days"] == 5 * 366);  // 3 + 2 places from the sites
  auto alone = run_cli({"2024", "d.csv", "-f", "json", "-o", "alone", "-q"}, dir.path());
  REQUIRE(alone.exit_code == 0);
  CHECK(nlohmann::json::parse(dir.read("alone/figures-2024.json"))["occupancy"]["capacity_days"] == 5 * 366);
}

TEST_CASE("--by names the column, without one it is a usage error") {
  ScratchDir dir;
  dir.write("d.csv", "Date d'entrée;Pavillon\n01/02/2024;A\n01/03/2024;B\n");
  auto r = run_cli({"2024", "d.csv", "--by", "Pavillon", "-f", "json", "-q"}, dir.path());
  CHECK(r.exit_code == 0);
  CHECK(dir.exists("figures-2024-a.json"));
  CHECK(dir.exists("figures-2024-b.json"));
  dir.write("e.csv", "Date d'entrée\n01/02/2024\n");
  auto none = run_cli({"2024", "e.csv", "--by", "site"}, dir.path());
  CHECK(none.exit_code == 2);
  CHECK(contains(none.err, "e.csv: no site column to split by"));
}

}  // TEST_SUITE
