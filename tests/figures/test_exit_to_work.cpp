// The outcome of an exit to work (docs/figures.md, "Outcome of an exit to
// work"): under `counting.exit_to_work: positive` an exit to employment or
// training is positive whatever its reason; under `reason` it keeps its
// reason's outcome. The rule travels through figures.json and merge.
#include <doctest/doctest.h>

#include <stdexcept>

#include "figures/merge.hpp"
#include "render/figures_json.hpp"
#include "support/pipeline.hpp"

using namespace ctreport;
using ctreport::test::figures_of;
using ctreport::test::line;

namespace {

// Seven exits in 2024, by hand:
//   A dropout to a CDI, two months in     -> negative by reason, positive by the rule
//   B exclusion to a training (AFPA)      -> negative by reason, positive by the rule
//   C reorientation to a job              -> neutral by reason, positive by the rule
//   D no reason, to a job                 -> unclassified by reason, positive by the rule
//   E term reached, to a job              -> positive either way (not counted by the rule)
//   F dropout to the street, no activity  -> negative either way
//   G death, recorded "CDI"               -> out of the shares either way
const std::string k_exits =
    "N° dossier;Date d'entrée;Date de sortie;Motif de sortie;Activité à la sortie\n"
    "A;01/01/2024;01/03/2024;départ volontaire;CDI\n"
    "B;01/01/2024;01/04/2024;exclusion;AFPA\n"
    "C;01/01/2024;01/05/2024;réorientation;intérim\n"
    "D;01/01/2024;01/06/2024;;CDD\n"
    "E;01/01/2022;15/01/2024;fin de contrat;CDI\n"
    "F;01/01/2024;01/07/2024;départ volontaire;sans emploi\n"
    "G;01/01/2024;01/08/2024;décès;CDI\n";

constexpr const char* k_quiet = "columns: {sex: [], birth_date: [], origin: [], stage: [], referral: [], housing_at_exit: []}\n";

std::string with_rule(const char* rule) {
  return std::string(k_quiet) + "counting: {exit_to_work: " + rule + "}\n";
}

}  // namespace

TEST_SUITE("figures::exit_to_work") {

TEST_CASE("by default an exit to employment or training is positive whatever its reason") {
  auto f = figures_of(k_exits, 2024, k_quiet);
  CHECK(f.counting.exit_to_work == "positive");
  const auto& outcomes = f.breakdown("exit_outcome");
  CHECK(line(outcomes, "positive").count == 5);  // A B C D E
  CHECK(*line(outcomes, "positive").share == doctest::Approx(5.0 / 6));
  CHECK(line(outcomes, "neutral").count == 0);
  CHECK(line(outcomes, "negative").count == 1);  // F
  CHECK(line(outcomes, "excluded").count == 1);  // G stays out of the shares
  CHECK_FALSE(test::has_line(outcomes, "unknown"));         // D is no longer unclassified
  CHECK(f.exits.positive_by_exit_to_work == 4);  // A B C D, not E (positive by its reason)
}

TEST_CASE("under the rule 'reason' each exit keeps its reason's outcome") {
  auto f = figures_of(k_exits, 2024, with_rule("reason").c_str());
  CHECK(f.counting.exit_to_work == "reason");
  const auto& outcomes = f.breakdown("exit_outcome");
  CHECK(line(outcomes, "positive").count == 1);  // E
  CHECK(line(outcomes, "neutral").count == 1);   // C
  CHECK(line(outcomes, "negative").count == 3);  // A B F
  CHECK(line(outcomes, "unknown").count == 1);   // D
  CHECK(f.exits.positive_by_exit_to_work == 0);
}

TEST_CASE("without an activity-at-exit column the rule has nothing to act on") {
  const std::string no_activity =
      "N° dossier;Date d'entrée;Date de sortie;Motif de sortie\n"
      "A;01/01/2024;01/03/2024;départ volontaire\n"
      "E;01/01/2022;15/01/2024;fin de contrat\n";
  auto f = figures_of(no_activity, 2024, k_quiet);
  CHECK(line(f.breakdown("exit_outcome"), "negative").count == 1);
  CHECK(line(f.breakdown("exit_outcome"), "positive").count == 1);
  CHECK(f.exits.positive_by_exit_to_work == 0);
}

TEST_CASE("an unknown rule in the config is refused with the allowed values") {
  CHECK_THROWS_WITH_AS(figures_of(k_exits, 2024, with_rule("always").c_str()),
                       doctest::Contains("counting.exit_to_work"), std::exception);
}

TEST_CASE("the rule and its count survive figures.json, and merge sums the count") {
  auto f = figures_of(k_exits, 2024, k_quiet);
  auto back = render::figures_from_json(render::figures_json_text(f), "f.json");
  CHECK(back.counting.exit_to_work == "positive");
  CHECK(back.exits.positive_by_exit_to_work == 4);
  auto other = back;
  back.establishment.name = "Un";
  other.establishment.name = "Deux";
  auto m = figures::merge_figures({back, other}, {"un.json", "deux.json"}, false);
  CHECK(m.exits.positive_by_exit_to_work == 8);
  CHECK(line(m.breakdown("exit_outcome"), "positive").count == 10);
}

TEST_CASE("merge refuses figures counted under different exit-to-work rules") {
  auto a = figures_of(k_exits, 2024, k_quiet);
  auto b = figures_of(k_exits, 2024, with_rule("reason").c_str());
  a.establishment.name = "Un";
  b.establishment.name = "Deux";
  CHECK_THROWS_WITH_AS(figures::merge_figures({a, b}, {"un.json", "deux.json"}, false), doctest::Contains("exit_to_work"),
                       std::exception);
}

TEST_CASE("a figures file from before the rule reads as the rule 'reason'") {
  auto j = render::figures_to_json(figures_of(k_exits, 2024, with_rule("reason").c_str()));
  j["counting"].erase("exit_to_work");
  j["exits"].erase("positive_by_exit_to_work");
  auto back = render::figures_from_json(j.dump(), "old.json");
  CHECK(back.counting.exit_to_work == "reason");
  CHECK(back.exits.positive_by_exit_to_work == 0);
}

}  // TEST_SUITE
