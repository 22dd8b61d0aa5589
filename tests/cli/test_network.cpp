// `ctreport merge` as a user runs it: the network's report has a table of its
// establishments, lists each one's data warnings with its name, names the
// region only when they share it, and compares with the earlier years given.
#include <doctest/doctest.h>

#include <string>

#include "support/cli.hpp"

using ctreport::test::run_cli;
using ctreport::test::ScratchDir;

namespace {

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

const std::string k_csv =
    "N° dossier;Date d'entrée;Date de sortie;Sexe;Département d'origine\n"
    "1;15/11/2023;10/03/2024;F;42\n2;01/06/2024;;Z;75\n3;01/02/2023;01/03/2023;M;69\n";

// The figures of 2023 and 2024 of establishment `folder`, named `name`, in `departement`.
void establishment(const ScratchDir& dir, const std::string& folder, const std::string& name, const std::string& departement) {
  dir.write(folder + "/d.csv", k_csv);
  dir.write(folder + "/ctreport.yaml", "establishment: {name: " + name + (departement.empty() ? "" : ", departement: '" + departement + "'") +
                                           "}\ncapacity: 2\n"
                                           "columns: {birth_date: [], referral: [], exit_reason: [], housing_at_exit: [], "
                                           "activity_at_exit: [], stage: []}\n");
  REQUIRE(run_cli({"2023..2024", folder + "/d.csv", "-o", folder, "-f", "json", "-q"}, dir.path()).exit_code == 0);
}

}  // namespace

TEST_SUITE("cli::network") {

TEST_CASE("the network's report has a table of its establishments and each one's warnings with its name") {
  ScratchDir dir;
  establishment(dir, "a", "CT Loire", "42");
  establishment(dir, "b", "CT Rhône", "69");
  auto r = run_cli({"merge", "a/figures-2024.json", "b/figures-2024.json", "-o", "net", "-q"}, dir.path());
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  std::string md = dir.read("net/rapport-2024.md");
  CHECK(contains(md, "### Les établissements du réseau\n\n| Établissement | Personnes accueillies | Admissions | Sorties | "
                     "Journées réalisées | Taux d'occupation |\n"));
  // 2 people, 1 admission, 1 exit each; 69 + 214 nights on 2 places over 366 days.
  CHECK(contains(md, "| CT Loire | 2 | 1 | 1 | 283 | 39\u00A0% |\n| CT Rhône | 2 | 1 | 1 | 283 | 39\u00A0% |\n"
                     "| **Réseau** | **4** | **2** | **2** | **566** | **39\u00A0%** |\n"));
  CHECK(contains(md, "- Avertissements sur les données\u00A0: 2.\n"
                     "  - CT Loire\u00A0: «\u00A0Z\u00A0» (colonne Sexe) ne correspond à aucune catégorie\u00A0: compté en "
                     "«\u00A0autre\u00A0» (ligne 3, 1 ligne concernée)\n"
                     "  - CT Rhône\u00A0: «\u00A0Z\u00A0» (colonne Sexe)"));
  CHECK(contains(md, "viennent de la région Auvergne-Rhône-Alpes, celle de tous les établissements du réseau (2 personnes), "
                     "dont 1 du département de leur établissement."));
  auto en = run_cli({"merge", "a/figures-2024.json", "b/figures-2024.json", "-o", "en", "-q", "--lang", "en"}, dir.path());
  REQUIRE(en.exit_code == 0);
  std::string md_en = dir.read("en/rapport-2024.md");
  CHECK(contains(md_en, "| CT Loire | 2 | 1 | 1 | 283 | 39% |\n"));
  CHECK(contains(md_en, "  - CT Rhône: 'Z' maps to no sex category: counted as other (row 3, 1 row concerned)\n"));
}

TEST_CASE("the origin sentence names no region when the establishments are in two, and none without their départements") {
  ScratchDir dir;
  establishment(dir, "a", "CT Loire", "42");
  establishment(dir, "p", "CT Paris", "75");
  establishment(dir, "x", "CT X", "");
  REQUIRE(run_cli({"merge", "a/figures-2024.json", "p/figures-2024.json", "-o", "two", "-q"}, dir.path()).exit_code == 0);
  std::string two = dir.read("two/rapport-2024.md");
  CHECK(contains(two, "des personnes accueillies viennent de la région de l'établissement qui les a accueillies (2 personnes), "
                      "dont 2 de son département\u202F; les établissements du réseau ne sont pas tous dans la même région."));
  CHECK_FALSE(contains(two, "Auvergne"));
  CHECK_FALSE(contains(two, "Île-de-France"));
  REQUIRE(run_cli({"merge", "a/figures-2024.json", "x/figures-2024.json", "-o", "without", "-q"}, dir.path()).exit_code == 0);
  std::string without = dir.read("without/rapport-2024.md");
  CHECK_FALSE(contains(without, "viennent de la région"));
  CHECK_FALSE(contains(without, "Département de l'établissement |"));  // its lines would undercount: France / abroad
  CHECK(contains(without, "venaient de France"));
}

TEST_CASE("merge compares the network with the earlier years given for the same establishments") {
  ScratchDir dir;
  establishment(dir, "a", "CT Loire", "42");
  establishment(dir, "b", "CT Rhône", "69");
  auto r = run_cli({"merge", "a/figures-2023.json", "a/figures-2024.json", "b/figures-2024.json", "b/figures-2023.json", "-o",
                    "net", "-q"},
                   dir.path());
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(dir.files() == std::vector<std::string>{"a/ctreport.yaml", "a/d.csv", "a/figures-2023.json", "a/figures-2024.json",
                                                 "b/ctreport.yaml", "b/d.csv", "b/figures-2023.json", "b/figures-2024.json",
                                                 "net/figures-2024.json", "net/rapport-2024-duree.svg",
                                                 "net/rapport-2024-occupation.svg",
                                                 "net/rapport-2024-origine.svg", "net/rapport-2024-sexe.svg",
                                                 "net/rapport-2024.md"});
  std::string md = dir.read("net/rapport-2024.md");
  CHECK(contains(md, "| Indicateur | 2024 | 2023 | Évolution depuis 2023 |\n"));
  CHECK(contains(md, "| Personnes accueillies (file active) | 4 | 4 |"));
  CHECK(contains(md, "| Journées réalisées | 566 | 150 | +416 |"));
  auto missing = run_cli({"merge", "a/figures-2024.json", "b/figures-2024.json", "a/figures-2023.json", "-o", "m"}, dir.path());
  CHECK(missing.exit_code == 1);
  CHECK(missing.err == "ctreport: error: b/figures-2024.json: no figures of 'CT Rhône' for 2023 are given beside it: to "
                       "compare the network with 2023, give the figures of 2023 of each of its establishments (named by "
                       "establishment.name in their config)\n");
  CHECK_FALSE(dir.exists("m"));
}

}  // TEST_SUITE
