// The profile at entry (substance, substitution treatment, court-ordered care,
// housing, income, activity and family situation at entry) and the entry →
// exit cross-tables, against small datasets counted by hand.
#include <doctest/doctest.h>

#include "support/pipeline.hpp"

using ctreport::test::figures_of;
using ctreport::test::line;
using ctreport::test::run_pipeline;

namespace {

const char* k_header =
    "N° dossier;Sexe;Date d'entrée;Date de sortie;Logement à la sortie;Situation professionnelle à la sortie;"
    "Produit principal;TSO;Mesure judiciaire;Logement à l'entrée;Ressources;Situation professionnelle à l'entrée;"
    "Situation familiale\n";

// Year 2024. Rows 2..9.
//  P1 2023-03-01 -> 2024-02-10  exit: rue at entry, CHRS at exit (solution); RSA/sans emploi -> CDI
//  P1 2024-05-01 -> open        P1's latest stay: alcool, méthadone? no: alcool, aucun, own housing...
//  P2 2024-01-10 -> 2024-06-30  exit: hôpital at entry (care, not a solution) -> rue (none); job seeking -> formation
//  P3 2022-06-01 -> 2024-01-01  exit on the first day: prison at entry -> famille (solution); AAH -> AAH
//  P4 2024-03-01 -> 2024-09-01  exit: famille at entry (a solution) -> logement autonome; CDI -> CDI
//  P5 2024-04-01 -> 2024-10-01  exit: entry housing missing -> rue; entry activity "Divers" (other) -> emploi
//  P6 2024-12-01 -> 2025-03-01  present at the end, no exit in 2024: not in the cross-tables
//  P7 2023-01-01 -> 2023-12-31  before the period: counted nowhere
const std::string k_data = std::string(k_header) +
    "P1;H;01/03/2023;10/02/2024;CHRS;CDI;héroïne;méthadone;obligation de soins;rue;RSA;sans emploi;seul\n"
    "P1;H;01/05/2024;;;;alcool;aucun;aucune;logement autonome;salaire;CDI;en couple\n"
    "P2;F;10/01/2024;30/06/2024;rue;formation;cocaïne;non;;hôpital;ARE;demandeur d'emploi;seule avec enfants\n"
    "P3;H;01/06/2022;01/01/2024;famille;AAH;alcool;;injonction thérapeutique;maison d'arrêt;AAH;AAH;enfants placés\n"
    "P4;F;01/03/2024;01/09/2024;logement autonome;CDI;cannabis;BHD;aucune;famille;salaire;CDI;\n"
    "P5;H;01/04/2024;01/10/2024;rue;emploi;;Subutex;aucune;;RSA;Divers;seul\n"
    "P6;H;01/12/2024;01/03/2025;;;alcool;aucun;aucune;SDF;aucune ressource;sans emploi;seul\n"
    "P7;H;01/01/2023;31/12/2023;rue;RSA;alcool;aucun;aucune;SDF;RSA;sans emploi;seul\n";

}  // namespace

TEST_SUITE("figures::entry profile") {

TEST_CASE("each person present counts once, by their latest stay of the period") {
  auto f = figures_of(k_data, 2024);
  // Present: P1 (latest stay from 2024-05-01), P2, P3, P4, P5, P6 = 6 people.
  const auto& substance = f.breakdown("substance");
  REQUIRE(substance.available);
  CHECK(substance.population == "people_present");
  CHECK(substance.total == 6);
  CHECK(line(substance, "alcohol").count == 3);   // P1 (latest stay, not héroïne), P3, P6
  CHECK(line(substance, "opioids").count == 0);   // P1's earlier stay does not count
  CHECK(line(substance, "cocaine").count == 1);   // P2
  CHECK(line(substance, "cannabis").count == 1);  // P4
  CHECK(line(substance, "unknown").count == 1);   // P5
  CHECK(*line(substance, "alcohol").share == doctest::Approx(0.5));

  const auto& substitution = f.breakdown("substitution");
  CHECK(line(substitution, "none").count == 3);           // P1 aucun, P2 non, P6 aucun
  CHECK(line(substitution, "buprenorphine").count == 2);  // P4 BHD, P5 Subutex
  CHECK(line(substitution, "methadone").count == 0);      // only P1's earlier stay
  CHECK(line(substitution, "unknown").count == 1);        // P3

  const auto& court = f.breakdown("court_order");
  CHECK(line(court, "none").count == 4);  // P1, P4, P5, P6
  CHECK(line(court, "therapeutic_injunction").count == 1);
  CHECK(line(court, "care_obligation").count == 0);
  CHECK(line(court, "unknown").count == 1);  // P2

  const auto& housing = f.breakdown("housing_at_entry");
  CHECK(line(housing, "own_housing").count == 1);  // P1
  CHECK(line(housing, "care").count == 1);         // P2 hôpital
  CHECK(line(housing, "prison").count == 1);       // P3
  CHECK(line(housing, "family").count == 1);       // P4
  CHECK(line(housing, "none").count == 1);         // P6 SDF
  CHECK(line(housing, "unknown").count == 1);      // P5

  const auto& income = f.breakdown("income");
  CHECK(line(income, "earnings").count == 2);  // P1 (latest), P4
  CHECK(line(income, "unemployment_benefit").count == 1);
  CHECK(line(income, "aah").count == 1);
  CHECK(line(income, "rsa").count == 1);        // P5
  CHECK(line(income, "no_income").count == 1);  // P6

  const auto& activity = f.breakdown("activity_at_entry");
  CHECK(line(activity, "employment").count == 2);  // P1 (latest), P4
  CHECK(line(activity, "job_seeking").count == 1);
  CHECK(line(activity, "benefits").count == 2);  // P3 AAH, P6 sans emploi
  CHECK(line(activity, "other").count == 1);     // P5 "Divers"

  const auto& family = f.breakdown("family_situation");
  CHECK(line(family, "couple").count == 1);  // P1's latest stay
  CHECK(line(family, "alone").count == 2);   // P5, P6
  CHECK(line(family, "alone_with_children").count == 1);
  CHECK(line(family, "children_in_care").count == 1);
  CHECK(line(family, "unknown").count == 1);  // P4
}

TEST_CASE("without its column, a profile breakdown is not available, never zeros, and raises no warning") {
  const std::string csv =
      "N° dossier;Date d'entrée;Date de sortie;Produit principal\n"
      "P1;01/02/2024;;alcool\n"
      "P2;01/03/2024;01/06/2024;cannabis\n";
  auto r = run_pipeline(csv, 2024);
  const auto& f = r.figures;
  CHECK(f.breakdown("substance").available);
  for (const char* key : {"substitution", "court_order", "housing_at_entry", "income", "activity_at_entry", "family_situation"}) {
    CAPTURE(key);
    const auto& d = f.breakdown(key);
    CHECK_FALSE(d.available);
    CHECK(d.lines.empty());
    CHECK(d.total == 0);
    REQUIRE(d.missing_fields.size() == 1);
    CHECK(d.missing_fields[0] == key);
  }
  for (const auto& w : f.quality.warnings) {
    if (w.code != "missing_column") continue;
    CHECK(w.value != "substitution");
    CHECK(w.value != "housing_at_entry");
    CHECK(w.value != "family_situation");
  }
}

TEST_CASE("a profile value missing for more than max_unknown_share is an unknown_share warning") {
  const std::string csv =
      "N° dossier;Date d'entrée;Date de sortie;Produit principal;TSO\n"
      "P1;01/02/2024;;alcool;aucun\n"
      "P2;01/03/2024;;;aucun\n"
      "P3;01/04/2024;;NR;méthadone\n"
      "P4;01/05/2024;;héroïne;\n";
  auto f = figures_of(csv, 2024, "check: {max_unknown_share: 0.3}\n");
  // substance: 2 missing of 4 (50 %) > 30 %: a warning; substitution: 1 of 4 (25 %): none.
  int substance = 0, substitution = 0;
  for (const auto& w : f.quality.warnings) {
    if (w.code != "unknown_share") continue;
    substance += w.column == "Produit principal";
    substitution += w.column == "TSO";
  }
  CHECK(substance == 1);
  CHECK(substitution == 0);
}

}  // TEST_SUITE

TEST_SUITE("figures::progress") {

TEST_CASE("the exits of the period by housing at entry and at exit, with the headline") {
  auto f = figures_of(k_data, 2024);
  const auto& h = f.progress.housing;
  REQUIRE(h.available);
  // Exits in 2024: P1's first stay, P2, P3 (on 1 January), P4, P5 = 5; P6 leaves in 2025, P7 in 2023.
  CHECK(h.total == 5);
  CHECK(h.count("none", "shelter") == 1);    // P1: rue -> CHRS (each exit with its own entry values)
  CHECK(h.count("care", "none") == 1);       // P2
  CHECK(h.count("prison", "family") == 1);   // P3
  CHECK(h.count("family", "own_housing") == 1);  // P4
  CHECK(h.count("unknown", "none") == 1);    // P5: no housing at entry
  // Without housing at entry: a known category not flagged `solution`: P1 (none), P2 (care), P3 (prison).
  CHECK(h.without_at_entry == 3);
  CHECK(h.with_at_exit == 2);  // P1 shelter, P3 family; P2 left without a solution
  CHECK(*h.share == doctest::Approx(2.0 / 3.0));
  // Rows: every entry category, then unknown (it holds an exit); no empty other.
  CHECK(h.rows.size() == 8);
  CHECK(h.rows.back().key == "unknown");
  CHECK(h.columns.size() == 7);  // no other nor unknown exit housing
}

TEST_CASE("activity at entry and at exit: employment or training at exit for those with neither at entry") {
  auto f = figures_of(k_data, 2024);
  const auto& a = f.progress.activity;
  REQUIRE(a.available);
  CHECK(a.total == 5);
  CHECK(a.count("benefits", "employment") == 1);     // P1 sans emploi -> CDI
  CHECK(a.count("job_seeking", "training") == 1);    // P2
  CHECK(a.count("benefits", "benefits") == 1);       // P3
  CHECK(a.count("employment", "employment") == 1);   // P4: already in work, not in the headline
  CHECK(a.count("other", "employment") == 1);        // P5 "Divers": unmapped, not in the headline
  CHECK(a.without_at_entry == 3);  // P1, P2, P3
  CHECK(a.with_at_exit == 2);      // P1 employment, P2 training
  CHECK(*a.share == doctest::Approx(2.0 / 3.0));
}

TEST_CASE("without a column at entry or at exit, the cross-table is not available") {
  const std::string csv =
      "N° dossier;Date d'entrée;Date de sortie;Logement à la sortie;Situation professionnelle à l'entrée\n"
      "P1;01/02/2024;01/06/2024;CHRS;RSA\n";
  auto f = figures_of(csv, 2024);
  CHECK_FALSE(f.progress.housing.available);
  CHECK(f.progress.housing.missing_fields == std::vector<std::string>{"housing_at_entry"});
  CHECK(f.progress.housing.total == 0);
  CHECK(f.progress.housing.rows.empty());
  CHECK_FALSE(f.progress.activity.available);
  CHECK(f.progress.activity.missing_fields == std::vector<std::string>{"activity_at_exit"});
}

TEST_CASE("no exit in the period: the table is available, empty, its share unknown") {
  const std::string csv =
      "N° dossier;Date d'entrée;Date de sortie;Logement à la sortie;Logement à l'entrée\n"
      "P1;01/02/2024;;;rue\n";
  auto f = figures_of(csv, 2024);
  const auto& h = f.progress.housing;
  CHECK(h.available);
  CHECK(h.total == 0);
  CHECK(h.without_at_entry == 0);
  CHECK_FALSE(h.share.has_value());
}

}  // TEST_SUITE

TEST_SUITE("figures::checks") {

TEST_CASE("a situation at exit on an open stay is a finding, one per row") {
  const std::string csv =
      "N° dossier;Date d'entrée;Date de sortie;Logement à la sortie;Activité à la sortie\n"
      "P1;01/02/2024;;CHRS;\n"              // row 2: housing at exit, no exit date
      "P2;01/03/2024;;;CDI\n"               // row 3: activity at exit
      "P3;01/03/2024;;NR;\n"                // row 4: a missing marker is no situation
      "P4;01/03/2024;01/06/2024;CHRS;CDI\n" // row 5: the stay has its exit
      "P5;01/03/2024;;;\n";                 // row 6: nothing
  auto f = figures_of(csv, 2024);
  std::vector<uint32_t> rows;
  for (const auto& w : f.quality.warnings)
    if (w.code == "exit_situation_open_stay") {
      rows.push_back(w.row);
      CHECK(w.value == "2024-0" + std::string(w.row == 2 ? "2" : "3") + "-01");
    }
  CHECK(rows == std::vector<uint32_t>{2, 3});
}

TEST_CASE("without an exit-date column every stay is open: no exit_situation_open_stay finding") {
  const std::string csv =
      "N° dossier;Date d'entrée;Logement à la sortie\n"
      "P1;01/02/2024;CHRS\n";
  auto f = figures_of(csv, 2024);
  for (const auto& w : f.quality.warnings) CHECK(w.code != "exit_situation_open_stay");
}

}  // TEST_SUITE
