// Denominators (docs/figures.md, "Denominators"): a category excluded from
// shares is counted apart; on an exit reason (death by default) its exits
// leave the shares of the outcomes and situations at exit; an unknown answer
// ("ne sait pas / refus") is a category of its own.
#include <doctest/doctest.h>

#include "figures/merge.hpp"
#include "render/figures_json.hpp"
#include "support/pipeline.hpp"

using namespace ctreport;
using ctreport::test::figures_of;
using ctreport::test::line;

namespace {

// Four exits in 2024: one death, three others; one "refus" for the substitution question… the
// referral here: "ne sait pas" marked unknown by the config below.
const std::string k_exits =
    "N° dossier;Date d'entrée;Date de sortie;Motif de sortie;Logement à la sortie;Activité à la sortie;Orientation\n"
    "A;01/01/2024;01/03/2024;décès;;;ne sait pas\n"
    "B;01/01/2024;01/04/2024;fin de contrat;logement autonome;CDI;CSAPA\n"
    "C;01/01/2024;01/05/2024;exclusion;rue;;CSAPA\n"
    "D;01/01/2024;01/06/2024;départ volontaire;logement autonome;;SPIP\n";

constexpr const char* k_quiet =
    "columns: {sex: [], birth_date: [], origin: [], stage: []}\n"
    "categories:\n"
    "  referral:\n"
    "    - {key: medico_social, label: Médico-social, values: [CSAPA]}\n"
    "    - {key: justice, label: Justice, values: [SPIP]}\n"
    "    - {key: dont_know, label: Ne sait pas, unknown: true, values: [ne sait pas]}\n";

}  // namespace

TEST_SUITE("figures::denominators") {

TEST_CASE("a death is counted apart: shares of the reasons, outcomes and situations at exit are of the other exits") {
  auto f = figures_of(k_exits, 2024, k_quiet);
  const auto& reasons = f.breakdown("exit_reason");
  CHECK(reasons.total == 4);
  CHECK(line(reasons, "death").count == 1);
  CHECK_FALSE(line(reasons, "death").share.has_value());
  CHECK(*line(reasons, "term").share == doctest::Approx(1.0 / 3));
  const auto& outcomes = f.breakdown("exit_outcome");
  CHECK(line(outcomes, "positive").count == 1);                 // B
  CHECK(*line(outcomes, "positive").share == doctest::Approx(1.0 / 3));
  CHECK(line(outcomes, "excluded").count == 1);                 // A
  const auto& housing = f.breakdown("housing_at_exit");
  CHECK(housing.total == 4);
  CHECK(line(housing, "excluded").count == 1);                  // A's exit, whatever its housing
  CHECK(line(housing, "excluded").label == "Décès (hors parts)");
  CHECK(f.exits.housing_solution.count == 2);                    // B, D
  CHECK(*f.exits.housing_solution.share == doctest::Approx(2.0 / 3));
  CHECK(*f.exits.employment.share == doctest::Approx(1.0 / 3));  // B of the 3
}

TEST_CASE("an unknown answer is a category of its own, apart from not recorded") {
  auto f = figures_of(k_exits, 2024, k_quiet);
  const auto& referral = f.breakdown("referral");
  CHECK(line(referral, "dont_know").count == 1);
  CHECK(line(referral, "dont_know").unknown_answer);
  CHECK(*line(referral, "dont_know").share == doctest::Approx(0.25));
  CHECK_FALSE(test::has_line(referral, "unknown"));
}

TEST_CASE("the marks survive figures.json and merges, and without deaths nothing changes") {
  auto f = figures_of(k_exits, 2024, k_quiet);
  auto text = render::figures_json_text(f);
  CHECK(text.find("\"excluded_from_share\": true") != std::string::npos);
  CHECK(text.find("\"unknown_answer\": true") != std::string::npos);
  auto back = render::figures_from_json(text, "f.json");
  CHECK(line(back.breakdown("exit_outcome"), "excluded").excluded_from_share);
  CHECK(line(back.breakdown("referral"), "dont_know").unknown_answer);
  CHECK_FALSE(line(back.breakdown("exit_reason"), "death").share.has_value());

  auto other = figures_of(
      "N° dossier;Date d'entrée;Date de sortie;Motif de sortie;Logement à la sortie;Activité à la sortie;Orientation\n"
      "E;01/01/2024;01/03/2024;fin de contrat;rue;;CSAPA\n",
      2024, k_quiet);
  CHECK_FALSE(test::has_line(other.breakdown("exit_outcome"), "excluded"));
  f.establishment.name = "A";
  other.establishment.name = "B";
  auto m = figures::merge_figures({other, f}, {"b.json", "a.json"}, false);  // the first file has no excluded line
  const auto& outcomes = m.breakdown("exit_outcome");
  CHECK(line(outcomes, "excluded").count == 1);
  CHECK(line(outcomes, "excluded").excluded_from_share);
  CHECK(*line(outcomes, "positive").share == doctest::Approx(2.0 / 4));  // B and E of the 4 not excluded
}

}
