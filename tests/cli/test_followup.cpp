// `ctreport YEAR FILE --followup FILE` and `ctreport check … --followup FILE`
// as a user runs them: the files written, the exit codes, the findings, and
// no identifier in any output.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "support/cli.hpp"

using ctreport::test::run_cli;
using ctreport::test::ScratchDir;

namespace {

const std::string k_stays =
    "N° dossier;Sexe;Date d'entrée;Date de sortie\n"
    "R-001;F;01/01/2023;31/01/2024\n"
    "R-002;H;01/02/2023;15/03/2023\n"
    "R-003;H;01/06/2023;\n";

const std::string k_contacts =
    "N° dossier;Date de l'appel;Joint;Logement\n"
    "R-002;01/01/2024;non;\n"
    "R-001;25/04/2024;oui;locataire\n"
    "R-002;20/03/2024;non;\n"
    "INCONNU-77;01/06/2024;oui;\n"
    "R-002;31/12/2024;non;\n";

}  // namespace

TEST_SUITE("cli::followup") {

TEST_CASE("a report with a follow-up file: the section, the JSON object, the sheet, no identifier") {
  ScratchDir dir;
  dir.write("sejours.csv", k_stays);
  dir.write("suivi.csv", k_contacts);
  auto r = run_cli({"2024", "sejours.csv", "--followup", "suivi.csv", "-f", "md,json,xlsx", "-o", "out"}, dir.path());
  CHECK(r.exit_code == 0);
  CAPTURE(r.err);
  std::string md = dir.read("out/rapport-2024.md");
  CHECK(md.find("## Que deviennent les personnes après leur sortie\u202F?") != std::string::npos);
  auto j = nlohmann::json::parse(dir.read("out/figures-2024.json"));
  CHECK(j["followup"]["horizons"][0]["reached"]["count"] == 1);
  CHECK(j["followup"]["unknown_person_rows"] == 1);
  CHECK(dir.exists("out/rapport-2024.xlsx"));
  CHECK(r.err.find("1 contact(s) of the follow-up file name a person who has no stay") != std::string::npos);
  for (const auto& name : dir.files()) {
    if (name.ends_with(".csv") || name.ends_with(".xlsx")) continue;
    CAPTURE(name);
    CHECK(dir.read(name).find("INCONNU") == std::string::npos);
  }
  CHECK(r.out.find("INCONNU") == std::string::npos);
  CHECK(r.err.find("INCONNU") == std::string::npos);
}

TEST_CASE("a bad value in the follow-up file: exit 1, nothing written, the file, row, column and value named") {
  ScratchDir dir;
  dir.write("sejours.csv", k_stays);
  dir.write("suivi.csv", "N° dossier;Date;Joint\nR-001;05/04/2024;peut-être\n");
  auto r = run_cli({"2024", "sejours.csv", "--followup", "suivi.csv", "-o", "out"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err == "ctreport: error: suivi.csv: row 2, column C (Joint): 'peut-être' does not say whether the person "
                 "was reached; expected oui or non (yes or no, joint or non joint, 1 or 0)\n");
  CHECK_FALSE(dir.exists("out/rapport-2024.md"));
  auto missing = run_cli({"2024", "sejours.csv", "--followup", "absent.csv"}, dir.path());
  CHECK(missing.exit_code == 2);
}

TEST_CASE("check --followup: an unknown person is a warning, a contact before its exit an error") {
  ScratchDir dir;
  dir.write("sejours.csv", k_stays);
  dir.write("suivi.csv", k_contacts);
  auto r = run_cli({"check", "2024", "sejours.csv", "--followup", "suivi.csv", "--format", "json"}, dir.path());
  CHECK(r.exit_code == 0);  // a warning: fails only with --strict
  auto j = nlohmann::json::parse(r.out);
  bool found = false;
  for (const auto& f : j["findings"]) found |= f["code"] == "unknown_followup_person";
  CHECK(found);
  CHECK(r.out.find("INCONNU") == std::string::npos);
  // R-003 never left: a contact with them is before any exit of theirs.
  dir.write("avant.csv", k_contacts + "R-003;01/07/2024;non;\n");
  auto before = run_cli({"check", "2024", "sejours.csv", "--followup", "avant.csv", "--format", "json"}, dir.path());
  CHECK(before.exit_code == 1);
  auto b = nlohmann::json::parse(before.out);
  bool error = false;
  for (const auto& f : b["findings"]) error |= f["code"] == "followup_before_exit" && f["severity"] == "error";
  CHECK(error);
  CHECK(b["error_count"] == 1);
}

TEST_CASE("--verbose counts the contacts far from the period") {
  ScratchDir dir;
  dir.write("sejours.csv", k_stays);
  dir.write("suivi.csv", k_contacts + "R-001;01/01/2021;non;\n");
  auto r = run_cli({"2024", "sejours.csv", "--followup", "suivi.csv", "-v", "-f", "json"}, dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("ctreport: follow-up: 6 rows read, 5 near the periods reported, 1 far from them (ignored)") !=
        std::string::npos);
}

}  // TEST_SUITE
