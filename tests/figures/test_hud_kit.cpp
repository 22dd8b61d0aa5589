// The HUD Data Lab FY2021 transitional-housing test kit: its HMIS data turned
// into a stay table (tests/support/hud_kit), read and computed by ctreport
// with a config that sets HUD's fiscal year, day brackets and age reference,
// against the kit's expected Annual Performance Report tables
// (datalab_apr/th/Q5a.csv, Q11.csv, Q22a1.csv and Q22b.csv for leavers and stayers, Q23c).
#include <doctest/doctest.h>

#include <cmath>

#include "support/hud_kit.hpp"
#include "support/pipeline.hpp"

using namespace ctreport;
using ctreport::test::line;

namespace {

// FY2021: 2020-10-01 … 2021-09-30, the period starting in October 2020.
constexpr const char* k_hud_config =
    "period: {start_month: 10}\n"
    "counting: {age_reference: entry_or_period_start}\n"
    "columns: {sex: [], referral: [], origin: [], exit_reason: [Destination], housing_at_exit: [],\n"
    "          activity_at_exit: [], stage: []}\n"
    "age_brackets:\n"
    "  - {key: a, label: 'Under 5', min: 0, max: 4}\n"
    "  - {key: b, label: '5 - 12', min: 5, max: 12}\n"
    "  - {key: c, label: '13 - 17', min: 13, max: 17}\n"
    "  - {key: d, label: '18 - 24', min: 18, max: 24}\n"
    "  - {key: e, label: '25 - 34', min: 25, max: 34}\n"
    "  - {key: f, label: '35 - 44', min: 35, max: 44}\n"
    "  - {key: g, label: '45 - 54', min: 45, max: 54}\n"
    "  - {key: h, label: '55 - 61', min: 55, max: 61}\n"
    "  - {key: i, label: '62+', min: 62}\n"
    "stay_length_brackets:\n"
    "  - {key: a, label: '30 days or less', max_days: 30}\n"
    "  - {key: b, label: '31 to 60 days', max_days: 60}\n"
    "  - {key: c, label: '61 to 90 days', max_days: 90}\n"
    "  - {key: d, label: '91 to 180 days', max_days: 180}\n"
    "  - {key: e, label: '181 to 365 days', max_days: 365}\n"
    "  - {key: f, label: '366 to 730 days', max_days: 730}\n"
    "  - {key: g, label: '731 to 1095 days', max_days: 1095}\n"
    "  - {key: h, label: '1096 to 1460 days', max_days: 1460}\n"
    "  - {key: i, label: '1461 to 1825 days', max_days: 1825}\n"
    "  - {key: j, label: 'More than 1825 days'}\n";

// Q23c: the HMIS destination codes grouped as the APR groups them, with the
// FY2021 APR's positive destinations for transitional housing (the permanent
// ones and 32, a host home) and its excluded ones (15 foster care, 6 hospital,
// 25 long-term care, 24 deceased: excluded_from_share), and 8/9 (doesn't
// know / refused) as an unknown answer.
constexpr const char* k_hud_destinations =
    "categories:\n"
    "  exit_reason:\n"
    "    - {key: permanent, label: Permanent, outcome: positive,\n"
    "       values: ['26', '11', '21', '3', '10', '28', '20', '19', '22', '23', '31', '33', '34']}\n"
    "    - {key: host_home, label: 'Host home (non-crisis)', outcome: positive, values: ['32']}\n"
    "    - {key: temporary, label: Temporary, outcome: negative, values: ['1', '27', '2', '12', '13', '16', '18', '14']}\n"
    "    - {key: institutional, label: Institutional, outcome: neutral, values: ['4', '5', '7']}\n"
    "    - {key: institutional_excluded, label: 'Institutional, excluded', outcome: neutral, excluded_from_share: true,\n"
    "       values: ['15', '6', '25']}\n"
    "    - {key: deceased, label: Deceased, excluded_from_share: true, values: ['24']}\n"
    "    - {key: elsewhere, label: Other, outcome: neutral, values: ['29', '17', '30', '99']}\n"
    "    - {key: refused, label: \"Client doesn't know/refused\", unknown: true, values: ['8', '9']}\n";

}  // namespace

TEST_SUITE("figures::hud_kit") {

TEST_CASE("the HUD Data Lab FY2021 TH kit: persons served, leavers, lengths and ages of the APR") {
  auto source = test::hud_th_source();
  if (!source) {
    MESSAGE("HUD test kit not found next to the project (../shared/testkits/hud, or set CTREPORT_HUD_KIT): skipped");
    return;
  }
  auto f = test::figures_of(test::hud_stays_csv(*source), 2020, k_hud_config);
  REQUIRE(f.period.start == "2020-10-01");
  REQUIRE(f.period.end == "2021-09-30");

  // Q5a: 37 persons served, 35 leavers; 2 stayers.
  CHECK(f.people.present == 37);
  CHECK(f.people.exited == 35);
  CHECK(f.people.present_at_end == 2);

  // Q22a1, leavers: 1 at 30 days or less, 1 at 91-180, 33 at 366-730.
  CHECK(f.stay_length.count == 35);
  CHECK(line(f.breakdown("stay_length"), "a").count == 1);
  CHECK(line(f.breakdown("stay_length"), "d").count == 1);
  CHECK(line(f.breakdown("stay_length"), "f").count == 33);
  for (const char* k : {"b", "c", "e", "g", "h", "i", "j"}) CHECK(line(f.breakdown("stay_length"), k).count == 0);

  // Q22b, leavers: average 434 days, median 457 (HUD rounds to whole days).
  REQUIRE(f.stay_length.mean_days);
  CHECK(std::lround(*f.stay_length.mean_days) == 434);
  CHECK(*f.stay_length.median_days == doctest::Approx(457));

  // Q22a1 and Q22b, stayers: the 2 people present at the end, 366-730 days so far, average and median 518 days
  // (from the entry to the report end, both days counted).
  CHECK(f.stay_length.stayers.count == 2);
  CHECK(line(f.breakdown("stayer_length"), "f").count == 2);
  CHECK(f.breakdown("stayer_length").total == 2);
  REQUIRE(f.stay_length.stayers.mean_days);
  CHECK(std::lround(*f.stay_length.stayers.mean_days) == 518);
  CHECK(std::lround(*f.stay_length.stayers.median_days) == 518);

  // Q11, at the later of the entry and the period start: a 1, b 5, c 2, d 4, e 4, f 12, g 3, h 1, i 2;
  // j (doesn't know / refused, 2) and k (not collected, 1) are ctreport's 3 unknown.
  const std::pair<const char*, int64_t> ages[] = {{"a", 1}, {"b", 5}, {"c", 2},  {"d", 4}, {"e", 4},
                                                  {"f", 12}, {"g", 3}, {"h", 1}, {"i", 2}};
  for (const auto& entry : ages) {
    const auto& key = entry.first;  // not a structured binding: CAPTURE's lambda takes it (clang 14)
    const auto& count = entry.second;
    CAPTURE(std::string(key));
    CHECK(line(f.breakdown("age"), key).count == count);
  }
  CHECK(f.age.unknown == 3);
}

TEST_CASE("the HUD Data Lab FY2021 TH kit: Q23c destinations and the share of positive ones, exclusions left out") {
  auto source = test::hud_th_source();
  if (!source) {
    MESSAGE("HUD test kit not found next to the project (../shared/testkits/hud, or set CTREPORT_HUD_KIT): skipped");
    return;
  }
  auto f = test::figures_of(test::hud_stays_csv(*source), 2020, std::string(k_hud_config) + k_hud_destinations);
  const auto& reasons = f.breakdown("exit_reason");
  REQUIRE(reasons.total == 35);
  auto count = [&](const char* key) { return line(reasons, key).count; };
  // a. permanent 13, b. temporary 9, c. institutional 6, d. other 7 (of which 2 doesn't know / refused, 1 deceased)
  CHECK(count("permanent") == 13);
  CHECK(count("host_home") + count("temporary") == 9);
  CHECK(count("institutional") + count("institutional_excluded") == 6);
  int64_t other = count("deceased") + count("elsewhere") + count("refused");
  for (const auto& l : reasons.lines)
    if (l.key == "unknown" || l.key == "other") other += l.count;
  CHECK(other == 7);
  CHECK(count("refused") == 2);
  CHECK(line(reasons, "refused").unknown_answer);
  // f1. 14 positive, f2. 4 excluded, f3. 14 / (35 - 4) = 45.16 %
  const auto& outcomes = f.breakdown("exit_outcome");
  CHECK(line(outcomes, "positive").count == 14);
  CHECK(line(outcomes, "excluded").count == 4);
  CHECK(line(outcomes, "excluded").excluded_from_share);
  CHECK_FALSE(line(outcomes, "excluded").share.has_value());
  REQUIRE(line(outcomes, "positive").share);
  CHECK(*line(outcomes, "positive").share == doctest::Approx(14.0 / 31));
  CHECK(std::lround(*line(outcomes, "positive").share * 10000) == 4516);
  // The exit-reason lines' shares are of the 31 as well.
  CHECK(*line(reasons, "permanent").share == doctest::Approx(13.0 / 31));
  CHECK_FALSE(line(reasons, "deceased").share.has_value());
}

}
