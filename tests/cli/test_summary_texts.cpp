// The summary `ctreport report` prints on the terminal, in each language.
#include <doctest/doctest.h>

#include <string>

#include "support/cli.hpp"

using ctreport::test::run_cli;
using ctreport::test::ScratchDir;

namespace {

const std::string k_csv =
    "N° dossier;Sexe;Date de naissance;Date d'entrée;Date de sortie;Orientation;Motif de sortie\r\n"
    "D-0001;F;12/05/1985;15/11/2023;10/01/2024;CSAPA;Fin de contrat\r\n"
    "D-0002;H;03/03/1990;01/03/2024;;SPIP;\r\n"
    "D-0003;M;07/07/1971;01/06/2024;30/09/2024;hôpital;départ volontaire\r\n";
const std::string k_config =
    "establishment:\n  name: CT Test\ncapacity: 3\n"
    "columns: {origin: [], housing_at_exit: [], activity_at_exit: [], stage: []}\n";

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_SUITE("cli::summary") {

TEST_CASE("the summary's lines in French") {
  ScratchDir dir;
  dir.write("sejours.csv", k_csv);
  dir.write("ctreport.yaml", k_config);
  auto r = run_cli({"2024", "sejours.csv"}, dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "Rapport 2024 — CT Test\n"));
  CHECK(contains(r.out, "\n  personnes accueillies   3 (présentes au début 1, admises 2)\n"));
  CHECK(contains(r.out, "\n  sorties                 2 personnes, 2 séjours\n"));
  CHECK(contains(r.out, "\n  taux d'occupation       "));
  CHECK(contains(r.out, " journées)\n"));
  CHECK(contains(r.out, "\n  avertissements          "));
  CHECK(contains(r.out, "\n  écrit                   ./rapport-2024.md\n"));
}

TEST_CASE("the summary's lines in English") {
  ScratchDir dir;
  dir.write("sejours.csv", k_csv);
  dir.write("ctreport.yaml", k_config);
  auto r = run_cli({"2024", "sejours.csv", "--lang", "en"}, dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "Report 2024 — CT Test\n"));
  CHECK(contains(r.out, "\n  people present          3 (present at start 1, admitted 2)\n"));
  CHECK(contains(r.out, "\n  exits                   2 people, 2 stays\n"));
  CHECK(contains(r.out, "\n  occupancy rate          "));
  CHECK(contains(r.out, " days)\n"));
  CHECK(contains(r.out, "\n  warnings                "));
  CHECK(contains(r.out, "\n  written                 "));
  CHECK_FALSE(contains(r.out, "personnes"));
}

}  // TEST_SUITE
