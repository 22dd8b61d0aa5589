// The follow-up's figures on small hand-computed files (docs/figures.md, "The
// follow-up after exit"): each horizon's cohort, contacted, reached and
// share, contacts inside and outside the window, the nearest reached contact,
// a person with two exits, deaths, unknown persons, contacts before any exit,
// an empty cohort, a file that does not cover the period, month ends.
#include <doctest/doctest.h>

#include "support/followup.hpp"

using namespace ctreport;

namespace {

// A left 31/01/2024: targets 30/04/2024 (3 months, the month's end) and
// 31/07/2024 (6). B left 15/03/2023: target 15/03/2024 (12). C died
// 10/02/2024: out of the cohorts at 3 and 6 months. D left twice:
// 30/06/2023 (target 30/06/2024 at 12 months) and 31/03/2024 (30/06/2024 at
// 3, 30/09/2024 at 6). E is still present. F left 31/10/2024 (no target in 2024).
const char* k_stays =
    "N° dossier;Date d'entrée;Date de sortie;Motif de sortie\n"
    "A;01/01/2023;31/01/2024;fin de séjour\n"
    "B;01/02/2023;15/03/2023;fin de séjour\n"
    "C;01/01/2023;10/02/2024;décès\n"
    "D;01/01/2023;30/06/2023;fin de séjour\n"
    "D;01/09/2023;31/03/2024;fin de séjour\n"
    "E;01/06/2023;;\n"
    "F;01/01/2024;31/10/2024;fin de séjour\n";

const char* k_contacts =
    "N° dossier;Date de l'appel;Joint;Logement;Activité;Consommation;Soins en cours\n"
    "A;10/04/2024;non;;;;\n"                                              // row 2: A at 3 months, 20 days before
    "A;20/04/2024;oui;logement autonome;CDI;abstinent;suivi CSAPA\n"      // row 3: reached, 10 days before
    "A;05/05/2024;oui;CHRS;RSA;reprise;aucun suivi\n"                     // row 4: reached, 5 days after: the nearest
    "A;20/09/2024;oui;locataire;CDI;abstinent;oui\n"                      // row 5: 51 days after 31/07: outside
    "B;01/03/2024;oui;famille;formation;consommation maîtrisée;CMP\n"     // row 6: B at 12 months
    "D;01/07/2024;oui;logement autonome;formation;abstinent;soins en cours\n"  // row 7: D's second exit
    "D;25/09/2024;non;;;;\n"                                              // row 8: D at 6 months, not reached
    "ZZZ-SECRET;01/06/2024;oui;locataire;CDI;abstinent;oui\n"             // row 9: no stay
    "E;01/03/2024;non;;;;\n"                                              // row 10: E never left
    "A;15/12/2022;non;;;;\n"                                              // row 11: long before: ignored
    "F;15/12/2024;non;;;;\n";                                             // row 12: F, no target in 2024

const figures::FollowupHorizon& at(const figures::Followup& f, int months) {
  for (const auto& h : f.horizons)
    if (h.months == months) return h;
  FAIL("no horizon " << months);
  return f.horizons.front();
}

int64_t count_of(const figures::Distribution& d, const std::string& key) {
  for (const auto& l : d.lines)
    if (l.key == key) return l.count;
  return -1;
}

}  // namespace

TEST_SUITE("figures::followup") {

TEST_CASE("the cohort, contacted and reached at each horizon of a hand-computed file") {
  auto run = test::run_followup(k_stays, k_contacts, 2024);
  const auto& f = run.figures.followup;
  REQUIRE(f.given);
  REQUIRE(f.horizons.size() == 3);
  CHECK(f.first_contact == "2022-12-15");
  CHECK(f.last_contact == "2024-12-15");
  CHECK(f.rows_used == 10);  // every row but row 11

  const auto& h3 = at(f, 3);  // A and D's second exit; C's death left out
  CHECK(h3.available);
  CHECK(h3.cohort == 2);
  CHECK(h3.excluded == 1);
  CHECK(h3.contacted == 2);
  CHECK(h3.reached == 2);
  REQUIRE(h3.reached_share);
  CHECK(*h3.reached_share == doctest::Approx(1.0));

  const auto& h6 = at(f, 6);  // A (no contact within 45 days of 31/07) and D (called, not reached)
  CHECK(h6.cohort == 2);
  CHECK(h6.excluded == 1);
  CHECK(h6.contacted == 1);
  CHECK(h6.reached == 0);
  REQUIRE(h6.reached_share);
  CHECK(*h6.reached_share == doctest::Approx(0.0));  // a real 0 %: two exits, nobody reached

  const auto& h12 = at(f, 12);  // B reached; D's first exit: its contacts follow the second exit
  CHECK(h12.cohort == 2);
  CHECK(h12.excluded == 0);
  CHECK(h12.contacted == 1);
  CHECK(h12.reached == 1);
  CHECK(*h12.reached_share == doctest::Approx(0.5));
}

TEST_CASE("the situation is the reached contact's nearest the target date, in the stays' categories at exit") {
  auto run = test::run_followup(k_stays, k_contacts, 2024);
  const auto& h3 = at(run.figures.followup, 3);
  // A: row 4 (5 days) over row 3 (10 days); D: row 7.
  CHECK(count_of(h3.housing, "shelter") == 1);
  CHECK(count_of(h3.housing, "own_housing") == 1);
  CHECK(h3.housing.total == 2);
  CHECK(h3.housing.population == "reached");
  CHECK(count_of(h3.activity, "benefits") == 1);
  CHECK(count_of(h3.activity, "training") == 1);
  CHECK(count_of(h3.consumption, "relapse") == 1);
  CHECK(count_of(h3.consumption, "abstinent") == 1);
  CHECK(count_of(h3.care, "no_care") == 1);
  CHECK(count_of(h3.care, "in_care") == 1);
  CHECK(*h3.care.lines.front().share == doctest::Approx(0.5));
  const auto& h12 = at(run.figures.followup, 12);
  CHECK(count_of(h12.housing, "family") == 1);
  CHECK(count_of(h12.consumption, "controlled") == 1);
  CHECK(count_of(h12.care, "in_care") == 1);
  CHECK(at(run.figures.followup, 6).housing.total == 0);
}

TEST_CASE("a contact naming no stay and one before any exit are warnings without the identifier") {
  auto run = test::run_followup(k_stays, k_contacts, 2024);
  const auto& f = run.figures.followup;
  CHECK(f.unknown_person_rows == 1);
  CHECK(f.before_exit_rows == 1);
  const model::Warning* unknown = nullptr;
  const model::Warning* before = nullptr;
  for (const auto& w : run.figures.quality.warnings) {
    if (w.code == "unknown_followup_person") unknown = &w;
    if (w.code == "followup_before_exit") before = &w;
  }
  REQUIRE(unknown);
  REQUIRE(before);
  CHECK(unknown->rows == std::vector<uint64_t>{9});
  CHECK(before->rows == std::vector<uint64_t>{10});
  CHECK(unknown->message.find("ZZZ") == std::string::npos);
  CHECK(unknown->message ==
        "suivi.csv: 1 contact(s) of the follow-up file name a person who has no stay in the stays file (rows 9; "
        "identifiers not shown): not counted");
}

TEST_CASE("a horizon whose cohort is empty has no share, never 0 %") {
  // Exits of 2022 are none: the stays file starts in 2020 and covers them.
  std::string stays = std::string(k_stays) + "G;01/01/2020;01/01/2021;fin de séjour\n";
  auto run = test::run_followup(stays, k_contacts, 2024, "followup: {horizons: [24]}\n");
  const auto& h = at(run.figures.followup, 24);
  CHECK(h.available);
  CHECK(h.cohort == 0);
  CHECK(h.contacted == 0);
  CHECK_FALSE(h.reached_share.has_value());
}

TEST_CASE("a follow-up file that does not cover the period makes every horizon not available") {
  std::string contacts = k_contacts;
  contacts = contacts.substr(0, contacts.find("A;15/12/2022"));  // the first contact is now 01/03/2024
  auto run = test::run_followup(k_stays, contacts, 2024);
  for (const auto& h : run.figures.followup.horizons) {
    CAPTURE(h.months);
    CHECK_FALSE(h.available);
    CHECK(h.not_available == "not_covered");
    CHECK_FALSE(h.reached_share.has_value());
  }
}

TEST_CASE("a stays file that starts after a horizon's exits makes it not available") {
  auto run = test::run_followup(k_stays, k_contacts, 2024, "followup: {horizons: [3, 18]}\n");
  CHECK(at(run.figures.followup, 3).available);
  CHECK(at(run.figures.followup, 18).not_available == "export_starts_later");  // exits from July 2022; stays from 2023
}

TEST_CASE("calendar months at month ends, and the window's bounds") {
  // X left 31 January 2024: 1 month later is 29 February, 3 months 30 April.
  const char* stays = "N° dossier;Date d'entrée;Date de sortie\nX;01/06/2023;31/01/2024\n";
  const char* contacts =
      "N° dossier;Date;Joint\n"
      "X;31/12/2023;non\n"   // before the period: ignored (the file starts here)
      "X;29/02/2024;oui\n"   // on the 1-month target
      "X;01/05/2024;oui\n"   // a day after the 3-month target
      "X;31/12/2024;non\n";  // the file ends here
  auto exact = test::run_followup(stays, contacts, 2024, "followup: {horizons: [1, 3], window_days: 0}\n");
  CHECK(at(exact.figures.followup, 1).reached == 1);
  CHECK(at(exact.figures.followup, 3).cohort == 1);
  CHECK(at(exact.figures.followup, 3).contacted == 0);
  auto one_day = test::run_followup(stays, contacts, 2024, "followup: {horizons: [1, 3], window_days: 1}\n");
  CHECK(at(one_day.figures.followup, 3).reached == 1);
  // The situations are not available without their columns: never a 0 in their place.
  CHECK_FALSE(at(one_day.figures.followup, 1).housing.available);
  CHECK(at(one_day.figures.followup, 1).housing.missing_fields == std::vector<std::string>{"housing"});
}

TEST_CASE("no person-identifier column in the stays: every horizon not available, no warning") {
  const char* stays = "Date d'entrée;Date de sortie\n01/01/2023;31/01/2024\n";
  auto run = test::run_followup(stays, k_contacts, 2024);
  for (const auto& h : run.figures.followup.horizons) CHECK(h.not_available == "no_stay_identifiers");
  for (const auto& w : run.figures.quality.warnings) CHECK(w.code != "unknown_followup_person");
}

}  // TEST_SUITE
