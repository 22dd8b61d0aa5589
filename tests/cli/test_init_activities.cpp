// `ctreport init FILE --activities LOG`: the activity log's columns, types
// and professionals written into ctreport.yaml under the categories they map
// to (the unmapped ones commented out), never a person's identifier, and a
// config that the report then reads.
#include <doctest/doctest.h>

#include <string>

#include "support/cli.hpp"

using ctreport::test::run_cli;
using ctreport::test::ScratchDir;

namespace {

const std::string k_stays =
    "N° dossier;Date d'entrée;Date de sortie\n"
    "ZQ-7781;01/01/2024;\n"
    "ZQ-7782;01/02/2024;30/06/2024\n";

const std::string k_log =
    "Date;Nature de l'acte;N° dossier;Intervenant;Durée\n"
    "05/01/2024;Entretien individuel;ZQ-7781;Psychologue;45\n"
    "06/02/2024;Groupe de parole;ZQ-7782;Éducatrice;1h\n"
    "07/02/2024;Atelier poterie;;Art-thérapeute;2h\n"
    "08/02/2024;Entretien individuel;ZQ-7782;Psychologue;45\n";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_SUITE("cli::init_activities") {

TEST_CASE("init FILE --activities LOG writes the log's columns and values under their categories") {
  ScratchDir dir;
  dir.write("sejours.csv", k_stays);
  dir.write("actes.csv", k_log);
  auto r = run_cli({"init", "sejours.csv", "--activities", "actes.csv", "-q"}, dir.path());
  REQUIRE(r.exit_code == 0);
  std::string yaml = dir.read("ctreport.yaml");
  CHECK(contains(yaml, "# Le journal d'activité (actes.csv, 4 lignes ; à donner par --activities)"));
  CHECK(contains(yaml, "activities:\n  columns:\n    date: \"Date\"\n    type: \"Nature de l'acte\"\n"));
  CHECK(contains(yaml, "    person_id: \"N° dossier\"\n"));
  CHECK(contains(yaml, "    \"individual_interview\":  # Entretien individuel\n      - \"Entretien individuel\"  # 2 lignes\n"));
  CHECK(contains(yaml, "      - \"Atelier poterie\"  # 1 ligne, classé d'après ses mots : à vérifier\n"));
  CHECK(contains(yaml, "    \"psychologist\":  # Psychologue\n      - \"Psychologue\"  # 2 lignes\n"));
  CHECK(contains(yaml, "    # - \"Art-thérapeute\"  # 1 ligne\n"));  // to classify: no category has its words
  CHECK_FALSE(contains(yaml, "ZQ-778"));                              // no identifier, of the stays or of the log
  CHECK_FALSE(contains(r.out + r.err, "ZQ-778"));

  // The written config is read by the report, the log's types as mapped.
  auto report = run_cli({"2024", "sejours.csv", "--activities", "actes.csv", "-c", "ctreport.yaml", "-f", "md", "-q"},
                        dir.path());
  CHECK(report.exit_code == 0);
  CHECK(contains(dir.read("rapport-2024.md"), "| Atelier | collective | 1 |"));
}

TEST_CASE("init --activities without the stays export, or a log without a type column, is refused") {
  ScratchDir dir;
  dir.write("sejours.csv", k_stays);
  dir.write("actes.csv", "Date;Commentaire\n05/01/2024;x\n");
  auto alone = run_cli({"init", "--activities", "actes.csv", "-q"}, dir.path());
  CHECK(alone.exit_code == 2);
  CHECK(contains(alone.err, "--activities goes with the stays export"));
  auto no_type = run_cli({"init", "sejours.csv", "--activities", "actes.csv", "-q"}, dir.path());
  CHECK(no_type.exit_code == 1);
  CHECK(contains(no_type.err, "actes.csv"));
  CHECK(contains(no_type.err, "no activity-log header found"));
  CHECK_FALSE(dir.exists("ctreport.yaml"));
}

}  // TEST_SUITE
