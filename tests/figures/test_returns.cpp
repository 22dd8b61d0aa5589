// Returns (docs/figures.md, "Returns"): people who left in the window before
// the period and came back in it, and admissions soon after an exit, on a
// small hand-computed export; not available when the export cannot say.
#include <doctest/doctest.h>

#include "figures/merge.hpp"
#include "render/figures_json.hpp"
#include "support/cli.hpp"
#include "support/pipeline.hpp"

using namespace ctreport;
using ctreport::test::figures_of;

namespace {

// 2024, window 01/01/2022 … 31/12/2023.
const std::string k_returns_csv =
    "N° dossier;Date d'entrée;Date de sortie\n"
    "H;01/01/2020;01/06/2020\n"   // the export starts before the window; H's exit is outside it
    "A;01/01/2021;01/03/2022\n"   // A left in the window (a past exit: no stay of 2024)…
    "B;01/01/2023;30/09/2023\n"   // B left in the window
    "C;01/06/2023;01/12/2023\n"   // C left in the window and did not come back
    "D;01/01/2023;01/05/2023\n"   // D left in the window…
    "D;01/07/2023;\n"             // … but was back before 2024: present at the start, not in the cohort
    "E;01/01/2022;31/03/2023\n"   // E left in the window
    "A;01/02/2024;\n"             // … A came back, 23 months after its exit
    "B;15/03/2024;30/06/2024\n"   // B came back 5.5 months after its exit: within 6 and 12 months
    "E;15/02/2024;\n"             // E came back 10.5 months after its exit: within 12 months only
    "F;10/01/2024;20/01/2024\n"   // F's first admission follows no exit
    "F;01/03/2024;\n"             // F's second, 6 weeks after the first's exit: within 6 and 12 months
    "G;01/02/2024;\n";            // a new person

constexpr const char* k_quiet =
    "columns: {sex: [], birth_date: [], referral: [], origin: [], exit_reason: [], housing_at_exit: [],\n"
    "          activity_at_exit: [], stage: []}\n";

}  // namespace

TEST_SUITE("figures::returns") {

TEST_CASE("people who left in the 24 months before and came back, and admissions within 6 and 12 months of an exit") {
  auto f = figures_of(k_returns_csv, 2024, k_quiet);
  const auto& r = f.returns;
  REQUIRE(r.available);
  CHECK(r.window_months == 24);
  CHECK(r.exited_before == 4);     // A, B, C, E (not D, back before the period; not H, before the window)
  CHECK(r.readmitted.count == 3);  // A, B, E
  CHECK(*r.readmitted.share == doctest::Approx(0.75));
  CHECK(r.admissions == 6);        // A, B, E, F twice, G
  CHECK(r.within_6_months.count == 2);   // B, F's second
  CHECK(*r.within_6_months.share == doctest::Approx(2.0 / 6));
  CHECK(r.within_12_months.count == 3);  // and E
  CHECK(*r.within_12_months.share == doctest::Approx(0.5));
}

TEST_CASE("a shorter window leaves earlier exits out") {
  auto f = figures_of(k_returns_csv, 2024, std::string(k_quiet) + "counting: {returns_window_months: 12}\n");
  // Window 01/01/2023 … 31/12/2023: B, C, E (A left in 2022); B and E came back.
  CHECK(f.returns.exited_before == 3);
  CHECK(f.returns.readmitted.count == 2);
  CHECK(f.returns.within_12_months.count == 3);  // the admissions' own rule does not depend on the window
}

TEST_CASE("returns are not available when the export cannot say") {
  SUBCASE("the export starts after the window's first day") {
    auto f = figures_of("N° dossier;Date d'entrée;Date de sortie\nA;01/06/2022;01/03/2023\nA;01/02/2024;\n", 2024,
                        k_quiet);
    CHECK_FALSE(f.returns.available);
    CHECK(f.returns.not_available == "export_starts_later");
    CHECK(f.returns.window_start == "2022-01-01");
    CHECK(f.returns.earliest_entry == "2022-06-01");
    auto json = render::figures_json_text(f);
    CHECK(json.find("\"reason\": \"export_starts_later\"") != std::string::npos);
    CHECK(json.find("\"exited_before\"") == std::string::npos);  // no zero in its place
  }
  SUBCASE("no person identifier") {
    auto f = figures_of("Date d'entrée;Date de sortie\n01/01/2020;01/03/2023\n01/02/2024;\n", 2024, k_quiet);
    CHECK_FALSE(f.returns.available);
    CHECK(f.returns.not_available == "no_person_id");
  }
  SUBCASE("a window of 0 months") {
    auto f = figures_of(k_returns_csv, 2024, std::string(k_quiet) + "counting: {returns_window_months: 0}\n");
    CHECK_FALSE(f.returns.available);
    CHECK(f.returns.not_available == "off");
  }
}

TEST_CASE("returns round-trip through figures.json and add up in a merge") {
  auto f = figures_of(k_returns_csv, 2024, k_quiet);
  auto back = render::figures_from_json(render::figures_json_text(f), "f.json");
  CHECK(back.returns.exited_before == 4);
  CHECK(back.returns.readmitted.count == 3);
  CHECK(back.returns.within_12_months.count == 3);
  CHECK(render::figures_json_text(back) == render::figures_json_text(f));

  auto a = f, b = f;
  a.establishment.name = "A";
  b.establishment.name = "B";
  b.returns.readmitted.count = 1;  // B: 1 of its 4 came back
  auto m = figures::merge_figures({a, b}, {"a.json", "b.json"}, false);
  CHECK(m.returns.exited_before == 8);
  CHECK(m.returns.readmitted.count == 4);
  CHECK(*m.returns.readmitted.share == doctest::Approx(0.5));
  CHECK(m.returns.within_6_months.count == 4);
  CHECK(*m.returns.within_6_months.share == doctest::Approx(4.0 / 12));

  b.returns = {};
  b.returns.available = false;
  b.returns.not_available = "export_starts_later";
  auto partial = figures::merge_figures({a, b}, {"a.json", "b.json"}, false);
  CHECK_FALSE(partial.returns.available);  // one establishment cannot say: the network cannot either
}

TEST_CASE("a batch gives each year the returns of its single run, and the report says them or why not") {
  test::ScratchDir dir;
  dir.write("d.csv", k_returns_csv);
  dir.write("ctreport.yaml", k_quiet);
  REQUIRE(test::run_cli({"2022..2024", "d.csv", "-o", "batch", "--format", "json,md", "-q"}, dir.path()).exit_code == 0);
  REQUIRE(test::run_cli({"2024", "d.csv", "-o", "single", "--format", "json", "-q"}, dir.path()).exit_code == 0);
  CHECK(dir.read("batch/figures-2024.json") == dir.read("single/figures-2024.json"));
  std::string md = dir.read("batch/rapport-2024.md");
  CHECK(md.find("Sur les 4 personnes sorties au cours des 24 mois précédant la période (et absentes au 1er janvier "
                "2024), 3 (75\u00a0%) ont été réadmises pendant l'année (0\u00a0% en 2023, soit +75 points).") != std::string::npos);
  // compared with 2023, whose window (2021-2022) holds A's exit only, and A came back in 2024: 0 %.
  // 2022's window starts on 01/01/2020, the export's first day: covered.
  CHECK(dir.read("batch/rapport-2022.md").find("Retours non disponibles") == std::string::npos);
}

}
