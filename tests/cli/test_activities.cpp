// `ctreport YEAR FILE --activities LOG` and `ctreport check … --activities LOG`
// as a user runs them: the files written, the exit codes, the messages, and
// no identifier in any output.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "support/cli.hpp"

using ctreport::test::run_cli;
using ctreport::test::ScratchDir;

namespace {

const std::string k_stays =
    "N° dossier;Sexe;Date d'entrée;Date de sortie\n"
    "R-001;F;01/01/2024;\n"
    "R-002;H;01/01/2024;02/07/2024\n"
    "R-003;H;01/06/2023;\n";

const std::string k_log =
    "Date;Heure;Type d'activité;Résidents;Durée;Intervenant\n"
    "05/01/2024;09:00;Réunion communautaire;R-001, R-002, R-003;45;éducateur\n"
    "12/01/2024;10:00;Entretien individuel;R-001;45;éducateur\n"
    "12/01/2024;11:00;Entretien individuel;INCONNU-77;45;éducateur\n"
    "15/06/2023;10:00;Entretien individuel;R-003;45;éducateur\n";

}  // namespace

TEST_SUITE("cli::activities") {

TEST_CASE("a report with an activity log: the section, its chart, the JSON object, the sheet, no identifier") {
  ScratchDir dir;
  dir.write("sejours.csv", k_stays);
  dir.write("activites.csv", k_log);
  auto r = run_cli({"2024", "sejours.csv", "--activities", "activites.csv", "-f", "md,json,xlsx", "-o", "out"}, dir.path());
  CHECK(r.exit_code == 0);
  CAPTURE(r.err);
  CHECK(dir.exists("out/rapport-2024-activites.svg"));
  CHECK(dir.exists("out/rapport-2024.xlsx"));
  std::string md = dir.read("out/rapport-2024.md");
  CHECK(md.find("## L'activité de l'équipe") != std::string::npos);
  CHECK(md.find("| Réunion communautaire | collective | 1 | 3 | 1 |") != std::string::npos);
  auto j = nlohmann::json::parse(dir.read("out/figures-2024.json"));
  CHECK(j["activities"]["sessions"] == 3);
  CHECK(j["activities"]["people_reached"]["count"] == 3);
  CHECK(r.err.find("1 row(s) of the activity log name a person who has no stay") != std::string::npos);
  for (const auto& name : dir.files()) {
    if (name.ends_with(".csv") || name.ends_with(".xlsx")) continue;
    CAPTURE(name);
    CHECK(dir.read(name).find("INCONNU") == std::string::npos);
  }
  CHECK(r.out.find("INCONNU") == std::string::npos);
  CHECK(r.err.find("INCONNU") == std::string::npos);
}

TEST_CASE("--verbose counts the rows outside the period") {
  ScratchDir dir;
  dir.write("sejours.csv", k_stays);
  dir.write("activites.csv", k_log);
  auto r = run_cli({"2024", "sejours.csv", "--activities", "activites.csv", "-v", "-f", "json"}, dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("ctreport: activities: 4 rows read, 3 in the periods reported, 1 outside them (ignored)") !=
        std::string::npos);
}

TEST_CASE("a bad value in the log: exit 1, nothing written, the file, row, column and value named") {
  ScratchDir dir;
  dir.write("sejours.csv", k_stays);
  dir.write("activites.csv", "Date;Type\n05/01/2024;Atelier\n32/01/2024;Atelier\n");
  auto r = run_cli({"2024", "sejours.csv", "--activities", "activites.csv", "-o", "out"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err == "ctreport: error: activites.csv: row 3, column A (Date): '32/01/2024' is not a possible date; expected "
                 "a date such as 31/12/2024 or 2024-12-31\n");
  CHECK_FALSE(dir.exists("out/rapport-2024.md"));
  auto missing = run_cli({"2024", "sejours.csv", "--activities", "absent.csv"}, dir.path());
  CHECK(missing.exit_code == 2);
}

TEST_CASE("check --activities: the unknown person is a finding, without the identifier") {
  ScratchDir dir;
  dir.write("sejours.csv", k_stays);
  dir.write("activites.csv", k_log);
  auto r = run_cli({"check", "2024", "sejours.csv", "--activities", "activites.csv", "--format", "json"}, dir.path());
  CHECK(r.exit_code == 0);  // a warning: fails only with --strict
  auto j = nlohmann::json::parse(r.out);
  bool found = false;
  for (const auto& f : j["findings"]) found |= f["code"] == "unknown_activity_person";
  CHECK(found);
  CHECK(r.out.find("INCONNU") == std::string::npos);
  auto strict = run_cli({"check", "2024", "sejours.csv", "--activities", "activites.csv", "--strict"}, dir.path());
  CHECK(strict.exit_code == 1);
  dir.write("bad.csv", "Date;Type;Durée\n05/01/2024;Atelier;longtemps\n");
  auto bad = run_cli({"check", "2024", "sejours.csv", "--activities", "bad.csv"}, dir.path());
  CHECK(bad.exit_code == 1);
  CHECK(bad.out.find("'longtemps' is not a duration") != std::string::npos);
}

}  // TEST_SUITE
