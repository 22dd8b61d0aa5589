// The activity log's figures on small hand-computed logs (docs/figures.md,
// "The activity log"): sessions by type and month, the grouping of collective
// rows, participants, hours, professional categories, people reached, rows
// outside the period, rows naming a person without a stay.
#include <doctest/doctest.h>

#include "figures/activity_sessions.hpp"
#include "support/activities.hpp"

using namespace ctreport;

namespace {

// A present all year; B 1 January – 2 July; E from 1 June; D left in 2023
// (read for the returns: known, not present in 2024).
const char* k_stays =
    "N° dossier;Date d'entrée;Date de sortie\n"
    "A;01/01/2024;\n"
    "B;01/01/2024;02/07/2024\n"
    "E;01/06/2024;\n"
    "D;01/03/2023;01/06/2023\n";

const char* k_log =
    "Date;Heure;Type d'activité;Résidents;Nombre de participants;Durée;Intervenant\n"
    "05/01/2024;09:00;Réunion communautaire;A;;45;éducateur\n"           // row 2: session 1
    "05/01/2024;09:00;Réunion communautaire;B;;45;éducatrice\n"          // row 3: session 1
    "05/01/2024;14:00;Réunion communautaire;A, B;;1h;\n"                 // row 4: session 2, no professional
    "06/01/2024;;Groupe de parole;A;;1:30;psychologue\n"                 // row 5: session 3
    "06/01/2024;;Groupe de parole;B;;1,5 h;psychologue\n"                // row 6: session 3
    "10/02/2024;10:00;Entretien individuel;A;;45;éducateur\n"            // row 7: session 4
    "10/02/2024;10:00;Entretien individuel;B;;45;éducateur\n"            // row 8: session 5 (individual: never grouped)
    "15/03/2024;11:00;Entretien médical;D;;30;médecin\n"                 // row 9: session 6, D not present
    "15/03/2024;11:00;Entretien médical;ZZZ-SECRET;;30;médecin\n"        // row 10: session 7, no stay
    "20/03/2024;14:00;Atelier cuisine;;7;2h;encadrant technique\n"       // row 11: session 8, 7 participants
    "31/12/2023;10:00;Entretien individuel;A;;45;éducateur\n";           // row 12: outside 2024

const figures::ActivityTypeLine& type_line(const figures::Activities& a, const std::string& key) {
  for (const auto& l : a.types)
    if (l.key == key) return l;
  FAIL("no type line " << key);
  return a.types.front();
}

const figures::ActivityProfessionalLine& pro_line(const figures::Activities& a, const std::string& key) {
  for (const auto& l : a.professionals)
    if (l.key == key) return l;
  FAIL("no professional line " << key);
  return a.professionals.front();
}

}  // namespace

TEST_SUITE("figures::activities") {

TEST_CASE("sessions, individual and collective, participants and hours of a hand-computed log") {
  auto run = test::run_activities(k_stays, k_log, 2024);
  const auto& a = run.figures.activities;
  CHECK(a.given);
  CHECK(a.sessions == 8);
  CHECK(a.individual == 4);
  CHECK(a.collective == 4);
  CHECK(a.participants == 2 + 2 + 2 + 1 + 1 + 1 + 1 + 7);
  CHECK(a.collective_participants == 13);
  REQUIRE(a.mean_participants);
  CHECK(*a.mean_participants == doctest::Approx(13.0 / 4));
  CHECK(a.hours_available);
  CHECK(a.hours == doctest::Approx((45 + 60 + 90 + 45 + 45 + 30 + 30 + 120) / 60.0));
  CHECK(a.rows_used == 10);
  CHECK(run.log.log.rows_outside == 1);
}

TEST_CASE("collective rows of one date, type and start time are one session, other start times another") {
  auto run = test::run_activities(k_stays, k_log, 2024);
  const auto& a = run.figures.activities;
  const auto& meeting = type_line(a, "community_meeting");
  CHECK(meeting.sessions == 2);      // 9:00 (two rows) and 14:00 (one row, two identifiers)
  CHECK(meeting.participants == 4);
  CHECK(meeting.hours == doctest::Approx(1.75));
  const auto& group = type_line(a, "talking_group");  // no start time: grouped by date and type
  CHECK(group.sessions == 1);
  CHECK(group.participants == 2);
  CHECK(group.hours == doctest::Approx(1.5));
  const auto& workshop = type_line(a, "workshop");  // a number of participants: a session of its own
  CHECK(workshop.sessions == 1);
  CHECK(workshop.participants == 7);
  CHECK(type_line(a, "individual_interview").sessions == 2);
  CHECK(type_line(a, "medical").sessions == 2);
  CHECK(type_line(a, "cultural_outing").sessions == 0);  // every configured type listed
  CHECK(a.types.size() == 10);  // the ten default types, no other line
}

TEST_CASE("sessions by month, every month of the period listed") {
  auto run = test::run_activities(k_stays, k_log, 2024);
  const auto& m = run.figures.activities.monthly;
  REQUIRE(m.size() == 12);
  CHECK(m[0].month == "2024-01");
  CHECK(m[0].sessions == 3);
  CHECK(m[1].sessions == 2);
  CHECK(m[2].sessions == 3);
  CHECK(m[11].sessions == 0);
}

TEST_CASE("sessions and hours by professional category: a session's is its first row's") {
  auto run = test::run_activities(k_stays, k_log, 2024);
  const auto& a = run.figures.activities;
  CHECK(a.professionals_available);
  CHECK(pro_line(a, "educator").sessions == 3);
  CHECK(pro_line(a, "educator").hours == doctest::Approx(2.25));
  CHECK(pro_line(a, "psychologist").sessions == 1);
  CHECK(pro_line(a, "doctor").sessions == 2);
  CHECK(pro_line(a, "technical_supervisor").sessions == 1);
  CHECK(pro_line(a, "unknown").sessions == 1);
  CHECK(pro_line(a, "unknown").hours == doctest::Approx(1.0));
}

TEST_CASE("people reached: the people present named by an activity, and their share of the people present") {
  auto run = test::run_activities(k_stays, k_log, 2024);
  const auto& a = run.figures.activities;
  CHECK(run.figures.people.present == 3);  // A, B, E
  CHECK(a.people_reached_available);
  CHECK(a.people_reached == 2);  // A and B; D has a stay but is not present in 2024
  REQUIRE(a.people_reached_share);
  CHECK(*a.people_reached_share == doctest::Approx(2.0 / 3));
}

TEST_CASE("sessions per resident per month: sessions / mean present per day / months") {
  auto run = test::run_activities(k_stays, k_log, 2024);
  const auto& a = run.figures.activities;
  double average = (366.0 + 183 + 214) / 366;  // bed-days of A, B, E over 366 days
  CHECK(run.figures.occupancy.average_present == doctest::Approx(average));
  REQUIRE(a.sessions_per_resident_month);
  CHECK(*a.sessions_per_resident_month == doctest::Approx(8 / (average * 12)));
}

TEST_CASE("a row naming a person without a stay: a warning with its count and rows, never the identifier") {
  auto run = test::run_activities(k_stays, k_log, 2024);
  CHECK(run.figures.activities.unknown_person_rows == 1);
  const model::Warning* found = nullptr;
  for (const auto& w : run.figures.quality.warnings)
    if (w.code == "unknown_activity_person") found = &w;
  REQUIRE(found);
  CHECK(found->count == 1);
  CHECK(found->row == 10);
  CHECK(found->message ==
        "activites.csv: 1 row(s) of the activity log name a person who has no stay in the stays file (rows 10; "
        "identifiers not shown): not counted among the people reached");
  for (const auto& w : run.figures.quality.warnings) {
    CHECK(w.message.find("ZZZ") == std::string::npos);
    CHECK(w.value.find("ZZZ") == std::string::npos);
  }
}

TEST_CASE("without an identifier column, people reached are not available, without durations, hours") {
  const char* log =
      "Date;Type\n"
      "05/01/2024;Réunion communautaire\n"
      "05/01/2024;Réunion communautaire\n"
      "06/01/2024;Entretien individuel\n";
  auto run = test::run_activities(k_stays, log, 2024);
  const auto& a = run.figures.activities;
  CHECK(a.sessions == 2);  // the two meeting rows are one session (no start time column)
  CHECK(a.participants == 3);
  CHECK_FALSE(a.people_reached_available);
  CHECK(a.people_reached_reason == "no_log_identifiers");
  CHECK_FALSE(a.hours_available);
  CHECK_FALSE(a.professionals_available);
  CHECK(a.professionals.empty());
}

TEST_CASE("stays without identifiers: people reached not available, no unknown-person warning") {
  const char* stays = "Date d'entrée;Date de sortie\n01/01/2024;\n";
  auto run = test::run_activities(stays, k_log, 2024);
  CHECK_FALSE(run.figures.activities.people_reached_available);
  CHECK(run.figures.activities.people_reached_reason == "no_stay_identifiers");
  for (const auto& w : run.figures.quality.warnings) CHECK(w.code != "unknown_activity_person");
}

TEST_CASE("an unmapped type is counted in the other line, with a warning naming the value") {
  const char* log = "Date;Type\n05/01/2024;Karaoké\n";
  auto run = test::run_activities(k_stays, log, 2024);
  CHECK(type_line(run.figures.activities, "other").sessions == 1);
  bool warned = false;
  for (const auto& w : run.figures.quality.warnings)
    warned |= w.code == "unmapped_activity_value" && w.value == "Karaoké" && w.row == 2;
  CHECK(warned);
}

}  // TEST_SUITE
