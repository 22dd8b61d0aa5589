// The outcome sentence of the report as a reader sees it: the exit-to-work
// rule said and counted, the exits left out of the shares (a death) given,
// and the method note naming the rule in force (docs/figures.md).
#include <doctest/doctest.h>

#include <string>

#include "support/cli.hpp"

using ctreport::test::run_cli;
using ctreport::test::ScratchDir;

namespace {

// A dropout to a CDI (positive by the rule), a term reached, a dropout to the
// street, a death.
const std::string k_csv =
    "N° dossier;Date d'entrée;Date de sortie;Motif de sortie;Activité à la sortie\n"
    "A;01/01/2024;01/03/2024;départ volontaire;CDI\n"
    "E;01/01/2022;15/01/2024;fin de contrat;\n"
    "F;01/01/2024;01/07/2024;départ volontaire;\n"
    "G;01/01/2024;01/08/2024;décès;\n";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_SUITE("cli::exit_outcomes") {

TEST_CASE("the report says which exits the exit-to-work rule made positive, and the deaths apart") {
  ScratchDir dir;
  dir.write("sejours.csv", k_csv);
  REQUIRE(run_cli({"2024", "sejours.csv", "-f", "md", "-q"}, dir.path()).exit_code == 0);
  std::string md = dir.read("rapport-2024.md");
  CHECK(contains(md, "Issue des 4 sorties\u00A0: 2 positives (67\u00A0%), 0 neutre (0\u00A0%), 1 négative (33\u00A0%)"
                     "\u202F; hors des parts (Décès)\u00A0: 1.\n"));
  CHECK(contains(md, "même avant le terme du séjour\u00A0: 1 sortie est ainsi comptée positive, son motif ne l'étant pas.*"));
  CHECK(contains(md, "neutres\u00A0: «\u00A0Réorientation\u00A0» et «\u00A0Hospitalisation\u00A0»\u202F;"));  // not the death
  CHECK(contains(md, "- Issue des sorties\u00A0: celle du motif de sortie, sauf une sortie vers un emploi ou une formation, "
                     "toujours positive (règle `exit_to_work: positive` de ctreport.yaml)."));
}

TEST_CASE("under the rule 'reason' the report says so and counts the dropout negative") {
  ScratchDir dir;
  dir.write("sejours.csv", k_csv);
  dir.write("ctreport.yaml", "counting: {exit_to_work: reason}\n");
  REQUIRE(run_cli({"2024", "sejours.csv", "-f", "md", "--lang", "en", "-q"}, dir.path()).exit_code == 0);
  std::string md = dir.read("rapport-2024.md");  // file names stay French (docs)
  CHECK(contains(md, "Outcome of the 4 exits: 1 positive (33%), 0 neutral (0%), 2 negative (67%); outside the shares (Death): 1."));
  CHECK_FALSE(contains(md, "whatever its reason, even before"));
  CHECK(contains(md, "- Outcome of exits: that of the exit reason alone, even for an exit to employment or training "
                     "(rule `exit_to_work: reason` of ctreport.yaml)."));
}

}  // TEST_SUITE
