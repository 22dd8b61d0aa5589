// The activity log's figures through figures.json both ways, a network merge,
// the template variables and the default templates: the section when a log
// is given, nothing at all otherwise.
#include <doctest/doctest.h>

#include "figures/merge.hpp"
#include "render/figures_json.hpp"
#include "render/report_files.hpp"
#include "render/report_view.hpp"
#include "render/template_engine.hpp"
#include "support/activities.hpp"
#include "util/embedded_files.hpp"
#include "util/errors.hpp"

using namespace ctreport;

namespace {

const char* k_stays =
    "N° dossier;Date d'entrée;Date de sortie\n"
    "A;01/01/2024;\n"
    "B;01/01/2024;02/07/2024\n"
    "E;01/06/2024;\n";

const char* k_log =
    "Date;Heure;Type d'activité;Résidents;Durée;Intervenant\n"
    "05/01/2024;09:00;Réunion communautaire;A;45;éducateur\n"
    "05/01/2024;09:00;Réunion communautaire;B;45;éducateur\n"
    "10/02/2024;10:00;Entretien individuel;A;45;éducateur\n"
    "15/03/2024;11:00;Entretien médical;NOBODY-42;30;médecin\n";

// The Markdown report as `ctreport` writes it (its charts named).
std::string render_md(const figures::Figures& f, const std::string& lang = "fr",
                      const std::vector<const figures::Figures*>& before = {}) {
  auto nf = render::NumberFormat::for_lang(lang);
  render::ReportTemplates templates;
  templates.markdown_name = "report." + lang + ".md";
  templates.markdown = std::string(*util::find_embedded(templates.markdown_name));
  const std::vector<std::string> not_covered;
  const std::string suffix;
  for (auto& [name, content] : render::report_files({f, before, not_covered, suffix}, {"md"}, templates, nf))
    if (name.ends_with(".md")) return content;
  FAIL("no Markdown report");
  return {};
}

}  // namespace

TEST_SUITE("render::activities") {

TEST_CASE("figures.json: the activities object, written and read back the same, absent without a log") {
  auto run = test::run_activities(k_stays, k_log, 2024);
  std::string text = render::figures_json_text(run.figures);
  CHECK(text.find("\"activities\"") != std::string::npos);
  CHECK(text.find("NOBODY") == std::string::npos);
  auto back = render::figures_from_json(text, "figures.json");
  const auto& a = run.figures.activities;
  const auto& b = back.activities;
  CHECK(b.given);
  CHECK(b.sessions == a.sessions);
  CHECK(b.individual == a.individual);
  CHECK(b.collective == a.collective);
  CHECK(b.hours == doctest::Approx(a.hours));
  CHECK(b.people_reached == 2);
  CHECK(*b.people_reached_share == doctest::Approx(2.0 / 3));
  REQUIRE(b.types.size() == a.types.size());
  CHECK(b.types[0].key == a.types[0].key);
  CHECK(b.types[0].sessions == a.types[0].sessions);
  CHECK(b.monthly.size() == 12);
  CHECK(b.professionals.size() == a.professionals.size());
  CHECK(render::figures_to_json(back)["activities"] == render::figures_to_json(run.figures)["activities"]);

  auto stays_only = test::run_pipeline(k_stays, 2024).figures;
  CHECK(render::figures_json_text(stays_only).find("\"activities\"") == std::string::npos);
}

TEST_CASE("figures.json: a bad activities value is refused with its key path") {
  auto run = test::run_activities(k_stays, k_log, 2024);
  std::string text = render::figures_json_text(run.figures);
  auto at = text.find("\"sessions\": 3");
  REQUIRE(at != std::string::npos);
  text.replace(at, 13, "\"sessions\": -3");
  CHECK_THROWS_WITH_AS(render::figures_from_json(text, "f.json"),
                       "f.json: activities.sessions: -3 is not a count (expected a whole number from 0 to 10^12)",
                       DataError);
}

TEST_CASE("merge: sessions, hours and lines summed, people reached summed, share against the network's people") {
  auto one = test::run_activities(k_stays, k_log, 2024).figures;
  auto two = one;
  one.establishment.name = "CT Un";
  two.establishment.name = "CT Deux";
  auto m = figures::merge_figures({one, two}, {"un.json", "deux.json"}, false);
  const auto& a = m.activities;
  CHECK(a.given);
  CHECK(a.sessions == 2 * one.activities.sessions);
  CHECK(a.hours == doctest::Approx(2 * one.activities.hours));
  CHECK(a.types[0].sessions == 2 * one.activities.types[0].sessions);
  CHECK(a.monthly[0].sessions == 2 * one.activities.monthly[0].sessions);
  CHECK(a.people_reached == 4);
  CHECK(m.people.present == 6);
  CHECK(*a.people_reached_share == doctest::Approx(4.0 / 6));
  CHECK(*a.mean_participants == doctest::Approx(*one.activities.mean_participants));

  auto without = test::run_pipeline(k_stays, 2024).figures;
  without.establishment.name = "CT Trois";
  auto partial = figures::merge_figures({one, without}, {"un.json", "trois.json"}, false);
  CHECK_FALSE(partial.activities.given);
  CHECK(std::count(partial.network.not_mergeable.begin(), partial.network.not_mergeable.end(), "activities") == 1);
}

TEST_CASE("the Markdown report: the section with its table and chart, in French and English") {
  auto run = test::run_activities(k_stays, k_log, 2024);
  std::string fr = render_md(run.figures);
  CHECK(fr.find("## L'activité de l'équipe") != std::string::npos);
  CHECK(fr.find("| Réunion communautaire | collective | 1 | 2 | 1 |") != std::string::npos);
  CHECK(fr.find("![Séances par type d'activité](rapport-2024-activites.svg)") != std::string::npos);
  CHECK(fr.find("2 personnes accueillies ont participé à au moins une activité, soit 67") != std::string::npos);
  CHECK(fr.find("NOBODY") == std::string::npos);
  std::string en = render_md(run.figures, "en");
  CHECK(en.find("## The team's work") != std::string::npos);
  CHECK(en.find("According to the activity log, the team held 3 sessions") != std::string::npos);
}

TEST_CASE("without a log the reports are exactly as before: no empty section") {
  auto stays_only = test::run_pipeline(k_stays, 2024).figures;
  for (const char* lang : {"fr", "en"}) {
    std::string md = render_md(stays_only, lang);
    CHECK(md.find("activit\xC3\xA9 de l'\xC3\xA9quipe") == std::string::npos);
    CHECK(md.find("team's work") == std::string::npos);
    // the section's place: the profile's end, one blank line, then the stays
    CHECK(md.find(lang == std::string("fr") ? ".\n\n## Les séjours et les sorties" : ".\n\n## Stays and exits") !=
          std::string::npos);
  }
}

TEST_CASE("comparisons: each type's sessions in the compared year and the change") {
  auto now = test::run_activities(k_stays, k_log, 2024).figures;
  auto before = now;
  before.period.label = "2023";
  before.period.start = "2023-01-01";
  before.activities.types[0].sessions = 5;  // individual interviews
  std::string md = render_md(now, "fr", {&before});
  CHECK(md.find("| Type d'activité | Nature | Séances | Participations | Heures | Séances 2023 | Évolution depuis 2023 |") !=
        std::string::npos);
  CHECK(md.find("| Entretien individuel | individuelle | 1 | 1 | 1 | 5 | −4 |") != std::string::npos);
}

}  // TEST_SUITE
