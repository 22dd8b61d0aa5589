// Several years in one run: one report per year equal to the single-year runs,
// an index, years without data said so, comparison with earlier years.
#include <doctest/doctest.h>

#include "support/cli.hpp"

using ctreport::test::run_cli;
using ctreport::test::ScratchDir;

namespace {
const std::string k_csv =
    "N° dossier;Sexe;Date d'entrée;Date de sortie;Orientation\n"
    "1;F;15/03/2021;10/01/2022;CSAPA\n"
    "2;H;01/06/2022;;SPIP\n"
    "3;M;01/02/2023;30/09/2023;hôpital\n"
    "4;F;01/02/2024;;CSAPA\n"
    "5;M;01/07/2024;01/08/2024;Autre\n";
bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }
}  // namespace

TEST_SUITE("cli::batch") {

TEST_CASE("a range of years gives the same files as the single-year runs, and an index") {
  ScratchDir dir;
  dir.write("d.csv", k_csv);
  dir.write("ctreport.yaml", "capacity: 3\n");
  auto batch = run_cli({"2021..2024", "d.csv", "-o", "batch", "-f", "md,json"}, dir.path());
  REQUIRE(batch.exit_code == 0);
  for (const char* year : {"2021", "2022", "2023", "2024"}) {
    CAPTURE(year);
    auto single = run_cli({year, "d.csv", "-o", std::string("single-") + year, "-f", "md,json"}, dir.path());
    REQUIRE(single.exit_code == 0);
    for (std::string file : {std::string("rapport-") + year + ".md", std::string("figures-") + year + ".json"})
      CHECK(dir.read("batch/" + file) == dir.read(std::string("single-") + year + "/" + file));
  }
  std::string index = dir.read("batch/index.md");
  CHECK(contains(index, "| 2023 | 2 | 1 | 1 |"));
  CHECK(contains(index, "[rapport-2024.md](rapport-2024.md)"));
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
  CHECK(contains(md, "| Indicateur | 2024 | 2023 | Évolution |"));
  CHECK(contains(md, "| Personnes accueillies (file active) | 3 | 2 | +1 |"));
  auto c = run_cli({"2024", "d.csv", "--compare", "2022", "-o", "c"}, dir.path());
  REQUIRE(c.exit_code == 0);
  CHECK(contains(dir.read("c/rapport-2024.md"), "| Indicateur | 2024 | 2022 | Évolution |"));
  auto first = run_cli({"2021", "d.csv", "-o", "f"}, dir.path());
  CHECK_FALSE(contains(dir.read("f/rapport-2021.md"), "Évolution"));  // no data for 2020
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
