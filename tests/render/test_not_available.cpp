// A distribution the export has no column for, through figures.json (both
// ways), the template view and its comparisons (docs/figures.md, "A missing column").
#include <doctest/doctest.h>

#include "figures/merge.hpp"
#include "render/figures_json.hpp"
#include "render/report_view.hpp"
#include "render/template_engine.hpp"
#include "support/pipeline.hpp"

using namespace ctreport;

namespace {

const std::string k_with_sex =
    "N° dossier;Sexe;Date de naissance;Date d'entrée;Date de sortie;Étape\n"
    "1;F;01/01/1980;01/02/2023;01/03/2024;1\n"
    "2;H;01/01/1990;01/05/2024;;2\n";
const std::string k_without_sex =
    "N° dossier;Date de naissance;Date d'entrée;Date de sortie\n"
    "1;01/01/1980;01/02/2023;01/03/2024\n"
    "2;01/01/1990;01/05/2024;\n";

std::string show(const std::string& tpl, const kainjow::mustache::data& view) {
  return render::render_template(tpl, "t.md", view, render::Escaping::markdown);
}

}  // namespace

TEST_SUITE("render::not_available") {

TEST_CASE("figures.json gives a distribution not available without total nor lines, and reads it back") {
  auto f = test::figures_of(k_without_sex, 2024);
  REQUIRE_FALSE(f.breakdown("sex").available);
  auto j = render::figures_to_json(f);
  CHECK(j["sex"].dump() == R"({"population":"people_present","available":false,"missing":["sex"]})");
  CHECK(j["exits"]["housing_solution"].dump() == R"({"available":false})");
  CHECK(j["stay_length"]["reached_term"]["available"] == true);
  auto back = render::figures_from_json(render::figures_json_text(f), "f.json");
  CHECK_FALSE(back.breakdown("sex").available);
  CHECK(back.breakdown("sex").missing_fields == std::vector<std::string>{"sex"});
  CHECK(back.breakdown("sex").lines.empty());
  CHECK_FALSE(back.exits.housing_solution.available);
  CHECK_FALSE(back.breakdown("stage").available);
  CHECK(back.breakdown("stage_at_end").population == "people_present_at_end");
  CHECK(back.breakdown("age").available);
  CHECK(back.age.mean == f.age.mean);
  // Everything but the warnings' list, which figures files carry for people, not to be read back.
  auto written = render::figures_to_json(f), reread = render::figures_to_json(back);
  written["quality"].erase("warnings");
  reread["quality"].erase("warnings");
  CHECK(reread == written);
}

TEST_CASE("a figures.json written before the available keys reads as available") {
  auto f = test::figures_of(k_with_sex, 2024);
  auto j = render::figures_to_json(f);
  j["sex"].erase("available");
  j["stay_length"]["over_6_months"].erase("available");
  auto back = render::figures_from_json(j.dump(), "old.json");
  CHECK(back.breakdown("sex").available);
  CHECK(back.breakdown("sex").total == 2);
  CHECK(back.stay_length.over_6_months.available);
}

TEST_CASE("a compared year without the column shows dashes, never 0 or a percentage") {
  auto nf = render::NumberFormat::for_lang("fr");
  auto now = test::figures_of(k_with_sex, 2024);
  auto before = test::figures_of(k_without_sex, 2024);
  before.period.label = "2023";
  before.period.start = "2023-01-01";
  before.period.end = "2023-12-31";
  auto view = render::report_view(now, nf, {&before});
  CHECK(show("{{#sex.lines}}{{key}} {{#comparisons}}{{value}} {{change}} {{count}} {{share}}{{/comparisons}};"
             "{{/sex.lines}}",
             view) == "F – – – –;M – – – –;X – – – –;");
  CHECK(show("{{#sex.comparisons}}{{total}} {{total_change}}{{/sex.comparisons}}", view) == "– –");
  CHECK(show("{{previous.women_share}} {{change.women_share}} {{previous.housing_solution}} "
             "{{previous.housing_solution_share}} {{change.housing_solution_share}}",
             view) == "– – – – –");
  CHECK(show("{{#stage.lines}}{{#comparisons}}{{exits}} {{present}};{{/comparisons}}{{/stage.lines}}"
             "{{#stage.comparisons}}{{exits_total}} {{present_total}}{{/stage.comparisons}}",
             view) == "– –;– –;– –;– –");
  CHECK(show("{{#sex.available}}yes{{/sex.available}}/{{sex.missing_text}}", view) == "yes/");

  auto reverse = render::report_view(before, nf, {&now});
  CHECK(show("{{^sex.available}}no{{/sex.available}}|{{sex.missing_text}}|{{sex.total}}|{{previous.women_share}}|"
             "{{change.women_share}}",
             reverse) == "no|non disponible dans l'export (aucune colonne de sexe)|–|50\u00A0%|–");
  CHECK(show("{{^exits.employment.available}}no{{/exits.employment.available}} {{exits.employment.count}} "
             "{{exits.employment.share}}",
             reverse) == "no – –");
}

TEST_CASE("merged figures: one establishment without the column makes the network's not available") {
  auto with = test::figures_of(k_with_sex, 2024);
  auto without = test::figures_of(k_without_sex, 2024);
  with.establishment.name = "CT with sex";
  without.establishment.name = "CT without sex";
  for (const auto& in : {std::vector<figures::Figures>{with, without}, std::vector<figures::Figures>{without, with}}) {
    auto m = figures::merge_figures(in, {"a.json", "b.json"}, false);
    CHECK_FALSE(m.breakdown("sex").available);
    CHECK(m.breakdown("sex").missing_fields == std::vector<std::string>{"sex"});
    CHECK(m.breakdown("sex").lines.empty());
    CHECK(m.breakdown("sex").total == 0);
    CHECK_FALSE(m.breakdown("stage").available);
    CHECK_FALSE(m.exits.housing_solution.available);
    CHECK_FALSE(m.exits.housing_solution.share.has_value());
    CHECK(m.breakdown("age").available);
    CHECK(m.breakdown("age").total == 4);
    CHECK(m.stay_length.reached_term.available);
    // The network's schema still knows every variable, for the template check.
    auto schema = render::report_view_schema(m, render::NumberFormat::for_lang("fr"), true);
    CHECK(show("{{sex.by_key.F.count}} {{charts.sexe}}", schema) == "0 rapport-sexe.svg");
  }
}

}  // TEST_SUITE
