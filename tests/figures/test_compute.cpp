// Every figure of docs/figures.md against values computed by hand on small
// datasets written for the purpose (the working is in the comments).
#include <doctest/doctest.h>

#include "support/pipeline.hpp"

using ctreport::test::figures_of;
using ctreport::test::has_line;
using ctreport::test::line;
using ctreport::test::run_pipeline;

namespace {

const char* k_header =
    "N° dossier;Sexe;Date de naissance;Date d'entrée;Date de sortie;Orientation;Département d'origine;"
    "Motif de sortie;Logement à la sortie;Situation professionnelle à la sortie;Étape\n";

// Year 2024 (leap, 366 days). Rows 2..10.
//  A P1 2023-11-15 -> 2024-01-10  present at start, exit; 56 days; nights in 2024: Jan 1-9 = 9
//  B P2 2024-03-01 -> 2024-03-01  same-day stay: admission and exit, 0 nights
//  C P3 2024-02-28 -> open        nights Feb 28 .. Dec 31 = 308
//  D P4 2024-01-05 -> 2024-04-05  exactly 3 months (1-3m), 91 nights
//    P4 2024-06-01 -> 2025-02-01  present at end, 214 nights (Jun 1 .. Dec 31)
//  E P5 2022-01-15 -> 2024-01-15  exactly 24 months (12-24m, reached term), 14 nights
//  F P6 2024-12-31 -> open        1 night
//  G P7 2023-06-01 -> 2023-12-31  does not overlap 2024
//  H P8 2023-12-01 -> 2024-01-01  exactly 1 month (0-1m), present at start, 0 nights
const std::string k_year_2024 = std::string(k_header) +
    "P1;F;16/11/1990;15/11/2023;10/01/2024;CSAPA;42;Fin de contrat;Logement autonome;CDI;3\n"
    "P2;M;01/03/1994;01/03/2024;01/03/2024;SPIP;69003;départ volontaire;rue;;1\n"
    "P3;H;29/02/2000;28/02/2024;;Hôpital;Loire;;;;2\n"
    "P4;;02/06/1974;05/01/2024;05/04/2024;csapa;75;Réorientation;CHRS;formation;étape 2\n"
    "P4;F;02/06/1974;01/06/2024;01/02/2025;csapa;75;;;;1\n"
    "P5;femme;15/01/1970;15/01/2022;15/01/2024;;Algérie;fin de contrat;famille;RSA;3\n"
    "P6;X;31/02/1980;31/12/2024;;Autre chose;20090;;;;1\n"
    "P7;M;01/01/1950;01/06/2023;31/12/2023;CSAPA;42;;;;\n"
    "P8;;;01/12/2023;01/01/2024;famille;;Exclusion;;Pôle emploi;\n";

const std::string k_config = "establishment: {name: Test, departement: '42'}\ncapacity: 3\n";

}  // namespace

TEST_SUITE("figures") {

TEST_CASE("people present, admitted, exited, at start and at end") {
  auto f = figures_of(k_year_2024, 2024, k_config);
  CHECK(f.people.present == 7);           // A B C D E F H (not G)
  CHECK(f.people.admitted == 4);          // B C D F
  CHECK(f.people.exited == 5);            // A B D E H
  CHECK(f.people.present_at_start == 3);  // A E H
  CHECK(f.people.present_at_end == 3);    // C D F
  CHECK(f.stays.overlapping == 8);
  CHECK(f.stays.admissions == 5);         // B C D1 D2 F
  CHECK(f.stays.exits == 5);              // A B D1 E H
  CHECK(f.quality.rows_read == 9);
  CHECK(f.quality.rows_used == 8);
}

TEST_CASE("period of a calendar leap year") {
  auto f = figures_of(k_year_2024, 2024, k_config);
  CHECK(f.period.label == "2024");
  CHECK(f.period.start == "2024-01-01");
  CHECK(f.period.end == "2024-12-31");
  CHECK(f.period.days == 366);
}

TEST_CASE("bed-days, capacity-days, occupancy rate under the nights rule") {
  auto f = figures_of(k_year_2024, 2024, k_config);
  CHECK(f.occupancy.bed_days == 637);  // 9 + 0 + 308 + 91 + 214 + 14 + 1 + 0
  CHECK(f.occupancy.capacity_days == 1098);  // 3 x 366
  REQUIRE(f.occupancy.rate);
  CHECK(*f.occupancy.rate == doctest::Approx(637.0 / 1098.0));
  CHECK(f.occupancy.average_present == doctest::Approx(637.0 / 366.0));
  CHECK(f.occupancy.peak_present == 3);  // Jan 5-9: A, D, E
  CHECK(f.occupancy.peak_date == "2024-01-05");
}

TEST_CASE("bed-days under the days rule count entry and exit days") {
  auto f = figures_of(k_year_2024, 2024, k_config + "counting: {bed_days: days}\n");
  // A 10, B 1, C 308, D 92 + 214, E 15, F 1, H 1
  CHECK(f.occupancy.bed_days == 642);
  CHECK(f.occupancy.peak_present == 3);
  CHECK(f.occupancy.peak_date == "2024-01-01");  // A, E and H (its exit day counts)
}

TEST_CASE("monthly occupancy") {
  auto f = figures_of(k_year_2024, 2024, k_config);
  REQUIRE(f.occupancy.monthly.size() == 12);
  CHECK(f.occupancy.monthly[0].month == "2024-01");
  CHECK(f.occupancy.monthly[0].bed_days == 50);  // A 9 + E 14 + D 27
  CHECK(f.occupancy.monthly[0].capacity_days == 93);
  CHECK(*f.occupancy.monthly[0].rate == doctest::Approx(50.0 / 93.0));
  CHECK(f.occupancy.monthly[1].month == "2024-02");
  CHECK(f.occupancy.monthly[1].bed_days == 31);  // D 29 + C 2
  CHECK(f.occupancy.monthly[1].capacity_days == 87);
  int64_t sum = 0;
  for (const auto& m : f.occupancy.monthly) sum += m.bed_days;
  CHECK(sum == f.occupancy.bed_days);
}

TEST_CASE("capacity changing mid-year") {
  auto f = figures_of(k_year_2024, 2024,
                      "capacity:\n  - {from: 2024-01-01, to: 2024-06-30, places: 2}\n  - {from: 2024-07-01, places: 4}\n");
  CHECK(f.occupancy.capacity_days == 182 * 2 + 184 * 4);
  CHECK(*f.occupancy.places_start == 2);
  CHECK(*f.occupancy.places_end == 4);
  CHECK(f.occupancy.monthly[6].capacity_days == 31 * 4);
}

TEST_CASE("days above capacity are warnings with their date ranges") {
  auto f = figures_of(k_year_2024, 2024, "capacity: 2\n");
  std::vector<std::string> ranges;
  for (const auto& w : f.quality.warnings)
    if (w.code == "over_capacity") ranges.push_back(w.value);
  REQUIRE(ranges.size() == 2);
  CHECK(ranges[0] == "2024-01-05 .. 2024-01-09");
  CHECK(ranges[1] == "2024-12-31");
}

TEST_CASE("capacity periods that leave a gap count 0 places and warn") {
  auto f = figures_of(k_year_2024, 2024, "capacity:\n  - {from: 2024-01-01, to: 2024-01-31, places: 3}\n  - {from: 2024-03-01, places: 3}\n");
  CHECK(f.occupancy.capacity_days == 3 * (366 - 29));
  bool gap = false;
  for (const auto& w : f.quality.warnings) gap |= w.code == "capacity_gap" && w.value == "2024-02-01 .. 2024-02-29";
  CHECK(gap);
}

TEST_CASE("no capacity: no rate, bed-days still counted") {
  auto f = figures_of(k_year_2024, 2024, "");
  CHECK_FALSE(f.occupancy.rate.has_value());
  CHECK(f.occupancy.bed_days == 637);
  CHECK(f.occupancy.capacity_days == 0);
}

TEST_CASE("sex split of the people present, from their latest stay") {
  auto f = figures_of(k_year_2024, 2024, k_config);
  CHECK(f.breakdown("sex").total == 7);
  CHECK(line(f.breakdown("sex"), "F").count == 3);  // A, D (latest stay), E
  CHECK(line(f.breakdown("sex"), "M").count == 2);  // B, C ("H")
  CHECK(line(f.breakdown("sex"), "X").count == 1);  // F
  CHECK(line(f.breakdown("sex"), "unknown").count == 1);  // H
  CHECK(*line(f.breakdown("sex"), "F").share == doctest::Approx(3.0 / 7.0));
  CHECK_FALSE(has_line(f.breakdown("sex"), "other"));
}

TEST_CASE("age at entry of the latest overlapping stay") {
  auto f = figures_of(k_year_2024, 2024, k_config);
  // A 32 (birthday the day after entry), B 30 (birthday on entry), C 23 (born 29 Feb), D 49, E 52
  CHECK(line(f.breakdown("age"), "0-29").count == 1);
  CHECK(line(f.breakdown("age"), "30-39").count == 2);
  CHECK(line(f.breakdown("age"), "40-49").count == 1);
  CHECK(line(f.breakdown("age"), "50+").count == 1);
  CHECK(line(f.breakdown("age"), "unknown").count == 2);  // F (31/02 is impossible), H (none)
  CHECK(f.age.unknown == 2);
  CHECK(f.breakdown("age").total == 7);
  CHECK(*f.age.mean == doctest::Approx(37.2));
  CHECK(*f.age.median == doctest::Approx(32));
  CHECK(*f.age.min == 23);
  CHECK(*f.age.max == 52);
}

TEST_CASE("age at the period's start or end") {
  auto start = figures_of(k_year_2024, 2024, k_config + "counting: {age_reference: period_start}\n");
  // on 2024-01-01: A 33, B 29, C 23, D 49, E 53
  CHECK(*start.age.min == 23);
  CHECK(*start.age.max == 53);
  CHECK(line(start.breakdown("age"), "0-29").count == 2);
  auto end = figures_of(k_year_2024, 2024, k_config + "counting: {age_reference: period_end}\n");
  // on 2024-12-31: A 34, B 30, C 24, D 50, E 54
  CHECK(line(end.breakdown("age"), "50+").count == 2);
  CHECK(*end.age.median == doctest::Approx(34));
}

TEST_CASE("stay length of the stays exited in the period") {
  auto f = figures_of(k_year_2024, 2024, k_config);
  const auto& s = f.stay_length;
  const auto& brackets = f.breakdown("stay_length");
  CHECK(s.count == 5);
  CHECK(line(brackets, "0-1m").count == 2);    // B (0 days), H (exactly 1 month)
  CHECK(line(brackets, "1-3m").count == 2);    // A (56 days), D (exactly 3 months)
  CHECK(line(brackets, "3-6m").count == 0);
  CHECK(line(brackets, "6-12m").count == 0);
  CHECK(line(brackets, "12-24m").count == 1);  // E (exactly 24 months)
  CHECK(line(brackets, "24m+").count == 0);
  CHECK(*s.mean_days == doctest::Approx((56 + 0 + 91 + 730 + 31) / 5.0));
  CHECK(*s.median_days == doctest::Approx(56));
  CHECK(s.at_most_3_months.count == 4);
  CHECK(*s.at_most_3_months.share == doctest::Approx(0.8));
  CHECK(s.over_6_months.count == 1);
  CHECK(s.reached_term.count == 2);  // E by length, A by its exit reason (term)
}

TEST_CASE("calendar-month brackets clamp to the end of the month") {
  std::string csv = std::string(k_header) +
                    "1;F;;31/01/2024;29/02/2024;;;;;;\n"   // 31 Jan + 1 month = 29 Feb: 0-1m
                    "2;F;;31/01/2024;01/03/2024;;;;;;\n"   // one day more: 1-3m
                    "3;F;;30/11/2023;29/02/2024;;;;;;\n"   // 30 Nov + 3 months = 29 Feb: at most 3 months
                    "4;F;;31/08/2023;29/02/2024;;;;;;\n"   // 31 Aug + 6 months = 29 Feb: not over 6 months
                    "5;F;;31/08/2023;01/03/2024;;;;;;\n";  // over 6 months
  auto f = figures_of(csv, 2024);
  CHECK(line(f.breakdown("stay_length"), "0-1m").count == 1);
  CHECK(line(f.breakdown("stay_length"), "1-3m").count == 2);
  CHECK(line(f.breakdown("stay_length"), "3-6m").count == 1);
  CHECK(line(f.breakdown("stay_length"), "6-12m").count == 1);
  CHECK(f.stay_length.at_most_3_months.count == 3);
  CHECK(f.stay_length.over_6_months.count == 1);
}

TEST_CASE("time so far of the people present at the end: entry to the period's last day, both counted") {
  auto f = figures_of(k_year_2024, 2024, k_config);
  // P3 from 28/02/2024: 308 days; P4's second stay from 01/06/2024: 214 days; P6 from 31/12/2024: 1 day.
  // P4's first stay, P1, P2, P5, P8 ended in the period; P7 before it.
  CHECK(f.people.present_at_end == 3);
  CHECK(f.stay_length.stayers.count == 3);
  REQUIRE(f.stay_length.stayers.mean_days);
  CHECK(*f.stay_length.stayers.mean_days == doctest::Approx(523.0 / 3));
  CHECK(*f.stay_length.stayers.median_days == doctest::Approx(214));
  const auto& d = f.breakdown("stayer_length");
  CHECK(d.population == "people_present_at_end");
  CHECK(d.total == 3);
  CHECK(line(d, "0-1m").count == 1);   // P6: 1 day
  CHECK(line(d, "6-12m").count == 2);  // P4: 7 months to 01/01/2025; P3: 11 months
  CHECK(line(d, "1-3m").count == 0);
}

TEST_CASE("stay-length brackets in days from the config (HUD cuts)") {
  auto f = figures_of(k_year_2024, 2024,
                      "stay_length_brackets:\n"
                      "  - {key: d30, max_days: 30}\n  - {key: d60, max_days: 60}\n  - {key: d90, max_days: 90}\n"
                      "  - {key: d180, max_days: 180}\n  - {key: more}\n");
  CHECK(line(f.breakdown("stay_length"), "d30").count == 1);   // B 0
  CHECK(line(f.breakdown("stay_length"), "d60").count == 2);   // H 31, A 56
  CHECK(line(f.breakdown("stay_length"), "d90").count == 0);
  CHECK(line(f.breakdown("stay_length"), "d180").count == 1);  // D 91
  CHECK(line(f.breakdown("stay_length"), "more").count == 1);  // E 730
}

TEST_CASE("referral origin of the people present") {
  auto f = figures_of(k_year_2024, 2024, k_config);
  CHECK(f.breakdown("referral").total == 7);
  CHECK(line(f.breakdown("referral"), "medico_social").count == 2);  // A, D
  CHECK(line(f.breakdown("referral"), "health").count == 1);          // C
  CHECK(line(f.breakdown("referral"), "justice").count == 1);         // B
  CHECK(line(f.breakdown("referral"), "family").count == 1);          // H
  CHECK(line(f.breakdown("referral"), "social").count == 0);
  CHECK(line(f.breakdown("referral"), "other").count == 1);           // F: "Autre chose"
  CHECK(line(f.breakdown("referral"), "unknown").count == 1);         // E
  double sum = 0;
  for (const auto& l : f.breakdown("referral").lines) sum += *l.share;
  CHECK(sum == doctest::Approx(1.0));
}

TEST_CASE("geographic origin relative to the establishment's département") {
  auto f = figures_of(k_year_2024, 2024, k_config);
  CHECK(f.breakdown("origin").total == 7);
  CHECK(line(f.breakdown("origin"), "departement").count == 2);   // A "42", C "Loire"
  CHECK(line(f.breakdown("origin"), "region").count == 1);        // B 69003 (Rhône)
  CHECK(line(f.breakdown("origin"), "other_region").count == 2);  // D "75", F 20090 (Corse-du-Sud)
  CHECK(line(f.breakdown("origin"), "abroad").count == 1);        // E "Algérie"
  CHECK(line(f.breakdown("origin"), "unknown").count == 1);       // H
  CHECK(f.origin_same_region.count == 3);
  CHECK(*f.origin_same_region.share == doctest::Approx(3.0 / 7.0));
  CHECK(line(f.breakdown("origin"), "departement").label == "Loire (42)");
}

TEST_CASE("exits by reason, housing and activity, with the headline counts") {
  auto f = figures_of(k_year_2024, 2024, k_config);
  CHECK(f.exits.total == 5);
  CHECK(line(f.breakdown("exit_reason"), "term").count == 2);  // A, E
  CHECK(line(f.breakdown("exit_reason"), "dropout").count == 1);
  CHECK(line(f.breakdown("exit_reason"), "reorientation").count == 1);
  CHECK(line(f.breakdown("exit_reason"), "exclusion").count == 1);
  CHECK_FALSE(has_line(f.breakdown("exit_reason"), "unknown"));
  // P4's reorientation is to a training: positive by the exit-to-work rule (docs/figures.md).
  CHECK(line(f.breakdown("exit_outcome"), "positive").count == 3);
  CHECK(line(f.breakdown("exit_outcome"), "neutral").count == 0);
  CHECK(line(f.breakdown("exit_outcome"), "negative").count == 2);
  CHECK(f.exits.positive_by_exit_to_work == 1);
  CHECK(line(f.breakdown("housing_at_exit"), "own_housing").count == 1);
  CHECK(line(f.breakdown("housing_at_exit"), "shelter").count == 1);
  CHECK(line(f.breakdown("housing_at_exit"), "family").count == 1);
  CHECK(line(f.breakdown("housing_at_exit"), "none").count == 1);
  CHECK(line(f.breakdown("housing_at_exit"), "unknown").count == 1);
  CHECK(f.exits.housing_solution.count == 3);
  CHECK(*f.exits.housing_solution.share == doctest::Approx(0.6));
  CHECK(f.exits.employment.count == 1);  // A: CDI
  CHECK(f.exits.training.count == 1);    // D: formation
  CHECK(line(f.breakdown("activity_at_exit"), "job_seeking").count == 1);
  CHECK(line(f.breakdown("activity_at_exit"), "benefits").count == 1);
  CHECK(line(f.breakdown("activity_at_exit"), "unknown").count == 1);
}

TEST_CASE("stage at exit and of the people present at the end") {
  auto f = figures_of(k_year_2024, 2024, k_config);
  CHECK(line(f.breakdown("stage"), "1").count == 1);
  CHECK(line(f.breakdown("stage"), "2").count == 1);
  CHECK(line(f.breakdown("stage"), "3").count == 2);
  CHECK(line(f.breakdown("stage"), "unknown").count == 1);
  CHECK(f.breakdown("stage_at_end").total == 3);
  CHECK(line(f.breakdown("stage_at_end"), "1").count == 2);  // D (second stay), F
  CHECK(line(f.breakdown("stage_at_end"), "2").count == 1);  // C
}

TEST_CASE("the year before: next year's present at start is this year's present at end") {
  auto y2023 = figures_of(k_year_2024, 2023, k_config);
  auto y2024 = figures_of(k_year_2024, 2024, k_config);
  CHECK(y2023.people.present_at_end == y2024.people.present_at_start);
  CHECK(y2023.people.present == 4);  // E, G, A, H
  CHECK(y2023.period.days == 365);
}

TEST_CASE("warnings are counted, grouped and never hold personal data") {
  auto r = run_pipeline(k_year_2024, 2024, k_config + "check: {max_unknown_share: 0.5}\n");
  const auto& w = r.figures.quality.warnings;
  REQUIRE(w.size() == 2);
  CHECK(w[0].code == "invalid_birth_date");
  CHECK(w[0].row == 8);
  CHECK(w[0].message.find("1980") == std::string::npos);
  CHECK(w[1].code == "unmapped_value");
  CHECK(w[1].value == "Autre chose");
  CHECK(w[1].column == "Orientation");
  CHECK(r.figures.quality.warning_rows == 1);  // both about row 8: one row concerned
}

TEST_CASE("a stay that only leaves on the first day counts among the people present") {
  std::string csv = std::string(k_header) + "1;F;;15/12/2023;01/01/2024;;;;;;\n";
  auto f = figures_of(csv, 2024);
  CHECK(f.people.present == 1);
  CHECK(f.people.present_at_start == 1);
  CHECK(f.people.exited == 1);
  CHECK(f.occupancy.bed_days == 0);
}

TEST_CASE("without a person identifier each stay is its own person") {
  std::string csv = "Date d'entrée;Date de sortie\n01/02/2024;01/03/2024\n01/04/2024;\n";
  auto f = figures_of(csv, 2024);
  CHECK(f.people.present == 2);
  CHECK(f.people.present_at_end == 1);
  CHECK(f.occupancy.bed_days == 29 + 275);  // Feb 1..29, Apr 1..Dec 31
}

TEST_CASE("fiscal year April-March") {
  std::string csv = std::string(k_header) +
                    "1;F;;31/03/2025;01/04/2025;;;;;;\n"  // 1 night (31 March), exits the next fiscal year
                    "2;M;;01/04/2024;;;;;;;\n";
  auto f = figures_of(csv, 2024, "period: {start_month: 4}\n");
  CHECK(f.period.label == "2024-2025");
  CHECK(f.period.start == "2024-04-01");
  CHECK(f.period.end == "2025-03-31");
  CHECK(f.period.days == 365);
  CHECK(f.people.present == 2);
  CHECK(f.people.present_at_end == 2);
  CHECK(f.stays.exits == 0);
  CHECK(f.occupancy.bed_days == 1 + 365);
  CHECK(f.occupancy.monthly.front().month == "2024-04");
  CHECK(f.occupancy.monthly.back().month == "2025-03");
}

TEST_CASE("age from a birth year or an age at entry") {
  std::string by_year = "Date d'entrée;Année de naissance\n01/06/2024;1990\n01/06/2024;1960\n";
  auto f = figures_of(by_year, 2024);
  CHECK(*f.age.min == 34);  // 2024 - 1990
  CHECK(*f.age.max == 64);
  std::string by_age = "Date d'entrée;Âge\n01/06/2024;25\n01/06/2024;41\n";
  auto g = figures_of(by_age, 2024);
  CHECK(line(g.breakdown("age"), "0-29").count == 1);
  CHECK(line(g.breakdown("age"), "40-49").count == 1);
}

TEST_CASE("age brackets from the config (TEDS cuts), ages outside every bracket are 'other'") {
  auto f = figures_of(k_year_2024, 2024,
                      "age_brackets:\n  - {key: 18-24, min: 18, max: 24}\n  - {key: 25-34, min: 25, max: 34}\n"
                      "  - {key: 35-44, min: 35, max: 44}\n");
  CHECK(line(f.breakdown("age"), "18-24").count == 1);  // C 23
  CHECK(line(f.breakdown("age"), "25-34").count == 2);  // A 32, B 30
  CHECK(line(f.breakdown("age"), "35-44").count == 0);
  CHECK(line(f.breakdown("age"), "other").count == 2);  // D 49, E 52
}

}  // TEST_SUITE

TEST_CASE("age at the later of the entry and the period start") {
  // Entered 01/06/2023, born 01/07/1990: 32 at entry, 33 on 01/01/2024.
  // Entered 01/03/2024, born 02/03/2000: 23 at entry (the 24th birthday is the day after).
  const std::string csv =
      "Dossier;Date de naissance;Date d'entrée;Date de sortie\nA;01/07/1990;01/06/2023;\nB;02/03/2000;01/03/2024;\n";
  auto at_entry = ctreport::test::figures_of(csv, 2024);
  CHECK(at_entry.age.mean == doctest::Approx(27.5));
  auto later = ctreport::test::figures_of(csv, 2024, "counting: {age_reference: entry_or_period_start}\n");
  CHECK(later.counting.age_reference == "entry_or_period_start");
  CHECK(later.age.mean == doctest::Approx(28.0));
  CHECK(later.age.min == 23);
  CHECK(later.age.max == 33);
}
