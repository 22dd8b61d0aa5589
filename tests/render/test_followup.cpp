// The follow-up's figures through figures.json both ways, a network merge,
// and the default templates (Markdown, LaTeX, French and English): the
// section when a follow-up file is given, "not available" and "no exit"
// instead of a 0 %, nothing at all without the file.
#include <doctest/doctest.h>

#include "figures/merge.hpp"
#include "render/figures_json.hpp"
#include "render/report_files.hpp"
#include "support/followup.hpp"
#include "util/embedded_files.hpp"
#include "util/errors.hpp"

using namespace ctreport;

namespace {

// A left 31/01/2024 (3 months: 30/04/2024), B 15/03/2023 (12 months:
// 15/03/2024); nobody left in 2022 (24 months: an empty cohort), Z's stay
// shows the stays file covers 2022.
const char* k_horizons = "followup: {horizons: [3, 12, 24]}\n";
const char* k_stays =
    "N° dossier;Date d'entrée;Date de sortie\n"
    "Z;01/01/2020;01/02/2020\n"
    "A;01/01/2023;31/01/2024\n"
    "B;01/02/2023;15/03/2023\n"
    "C;01/06/2023;\n";

const char* k_contacts =
    "N° dossier;Date de l'appel;Joint;Logement;Activité;Consommation\n"
    "B;01/01/2024;non;;;\n"
    "A;25/04/2024;oui;locataire;CDI;abstinent\n"
    "B;20/03/2024;non;;;\n"
    "NOBODY-42;01/06/2024;oui;;;\n"
    "B;31/12/2024;non;;;\n";

std::string render_report(const figures::Figures& f, const std::string& lang, const std::string& format,
                   const std::vector<const figures::Figures*>& before = {}) {
  auto nf = render::NumberFormat::for_lang(lang);
  render::ReportTemplates templates;
  templates.markdown_name = "report." + lang + ".md";
  templates.markdown = std::string(*util::find_embedded(templates.markdown_name));
  templates.latex_name = "report." + lang + ".tex";
  templates.latex = std::string(*util::find_embedded(templates.latex_name));
  const std::vector<std::string> not_covered;
  const std::string suffix;
  for (auto& [name, content] : render::report_files({f, before, not_covered, suffix}, {format}, templates, nf))
    if (name.ends_with("." + format)) return content;
  FAIL("no report");
  return {};
}

}  // namespace

TEST_SUITE("render::followup") {

TEST_CASE("figures.json: the followup object, written and read back the same, absent without a file") {
  auto run = test::run_followup(k_stays, k_contacts, 2024, k_horizons);
  std::string text = render::figures_json_text(run.figures);
  CHECK(text.find("\"followup\"") != std::string::npos);
  CHECK(text.find("NOBODY") == std::string::npos);
  auto j = render::figures_to_json(run.figures)["followup"];
  CHECK(j["horizons"][0]["months"] == 3);
  CHECK(j["horizons"][0]["cohort"] == 1);
  CHECK(j["horizons"][0]["contacted"] == 1);
  CHECK(j["horizons"][0]["reached"]["count"] == 1);
  CHECK(j["horizons"][0]["reached"]["share"] == 1.0);
  CHECK(j["horizons"][0]["situations"]["housing"]["lines"][0]["key"] == "own_housing");
  CHECK(j["horizons"][0]["situations"]["care"]["available"] == false);
  CHECK(j["horizons"][1]["reached"]["share"] == 0.0);
  CHECK(j["horizons"][2]["cohort"] == 0);
  CHECK(j["horizons"][2]["reached"]["share"].is_null());  // an empty cohort: no share
  auto back = render::figures_from_json(text, "figures.json");
  CHECK(back.followup.given);
  CHECK(render::figures_to_json(back)["followup"] == j);

  auto stays_only = test::run_pipeline(k_stays, 2024).figures;
  CHECK(render::figures_json_text(stays_only).find("\"followup\"") == std::string::npos);
}

TEST_CASE("figures.json: a bad followup value is refused with its key path") {
  auto run = test::run_followup(k_stays, k_contacts, 2024, k_horizons);
  std::string text = render::figures_json_text(run.figures);
  auto at = text.find("\"contacted\": 1");
  REQUIRE(at != std::string::npos);
  text.replace(at, 14, "\"contacted\": 7");
  CHECK_THROWS_WITH_AS(render::figures_from_json(text, "f.json"), "f.json: followup.horizons[0].contacted: more than the cohort",
                       DataError);
}

TEST_CASE("merge: cohorts, contacted, reached and situations summed, the share recomputed") {
  auto one = test::run_followup(k_stays, k_contacts, 2024, k_horizons).figures;
  auto two = one;
  two.followup.horizons[1].reached = 1;  // B reached in the second establishment
  one.establishment.name = "CT Un";
  two.establishment.name = "CT Deux";
  auto m = figures::merge_figures({one, two}, {"un.json", "deux.json"}, false);
  REQUIRE(m.followup.given);
  const auto& h3 = m.followup.horizons[0];
  CHECK(h3.cohort == 2);
  CHECK(h3.reached == 2);
  CHECK(h3.housing.total == 2);
  CHECK(*h3.housing.lines[0].share == doctest::Approx(1.0));
  CHECK(*m.followup.horizons[1].reached_share == doctest::Approx(0.5));
  CHECK_FALSE(m.followup.horizons[2].reached_share.has_value());

  auto without = test::run_pipeline(k_stays, 2024).figures;
  without.establishment.name = "CT Trois";
  auto partial = figures::merge_figures({one, without}, {"un.json", "trois.json"}, false);
  CHECK_FALSE(partial.followup.given);
  CHECK(std::count(partial.network.not_mergeable.begin(), partial.network.not_mergeable.end(), "followup") == 1);
}

TEST_CASE("the Markdown report: the section, each horizon's line, no 0 % for an empty cohort") {
  auto run = test::run_followup(k_stays, k_contacts, 2024, k_horizons);
  std::string fr = render_report(run.figures, "fr", "md");
  CHECK(fr.find("## Que deviennent les personnes après leur sortie\u202F?") != std::string::npos);
  CHECK(fr.find("| 3 mois | 1 | 1 | 1 | 100\u00a0% |") != std::string::npos);
  CHECK(fr.find("| 12 mois | 1 | 1 | 0 | 0\u00a0% |") != std::string::npos);
  CHECK(fr.find("| 24 mois | 0 | 0 | 0 | – |") != std::string::npos);
  CHECK(fr.find("| Logement autonome | 1 | 100\u00a0% |") != std::string::npos);
  CHECK(fr.find("| non disponible (aucune colonne « Soins » dans le fichier de suivi) | | |") != std::string::npos);
  CHECK(fr.find("24 mois après la sortie\u00A0: aucune sortie dont cet horizon tombe dans la période.") != std::string::npos);
  CHECK(fr.find("12 mois après la sortie\u00A0: aucune personne jointe à cet horizon.") != std::string::npos);
  CHECK(fr.find("NOBODY") == std::string::npos);
  std::string en = render_report(run.figures, "en", "md");
  CHECK(en.find("## What becomes of people after they leave?") != std::string::npos);
  CHECK(en.find("| 3 months | 1 | 1 | 1 | 100% |") != std::string::npos);
}

TEST_CASE("a horizon not covered by the file says why in every cell") {
  std::string contacts = k_contacts;
  contacts = contacts.substr(0, contacts.find("B;31/12/2024"));  // the file ends in June
  auto run = test::run_followup(k_stays, contacts, 2024, k_horizons);
  std::string fr = render_report(run.figures, "fr", "md");
  CHECK(fr.find("| 3 mois | – | – | – | – |") != std::string::npos);
  CHECK(fr.find("3 mois après la sortie\u00A0: non disponible (le fichier de suivi, du 1er janvier 2024 au 1er juin 2024, "
                "ne couvre pas les dates de cet horizon).") != std::string::npos);
}

TEST_CASE("the LaTeX report has the section, its tables balanced") {
  auto run = test::run_followup(k_stays, k_contacts, 2024, k_horizons);
  std::string tex = render_report(run.figures, "fr", "tex");
  CHECK(tex.find("\\section{Que deviennent les personnes après leur sortie\u202F?}") != std::string::npos);
  CHECK(tex.find("3 mois & 1 & 1 & 1 & 100~\\%") != std::string::npos);
  auto count = [&](const std::string& s) {
    size_t n = 0;
    for (size_t at = tex.find(s); at != std::string::npos; at = tex.find(s, at + 1)) ++n;
    return n;
  };
  CHECK(count("\\begin{tabular}") == count("\\end{tabular}"));
}

TEST_CASE("comparisons: the share reached at the same horizon in the compared year, and the change") {
  auto now = test::run_followup(k_stays, k_contacts, 2024, k_horizons).figures;
  auto before = now;
  before.period.label = "2023";
  before.period.start = "2023-01-01";
  before.followup.horizons[0].reached_share = 0.5;
  std::string md = render_report(now, "fr", "md", {&before});
  CHECK(md.find("| 3 mois | 1 | 1 | 1 | 100\u00a0% | 50\u00a0% | +50 points |") != std::string::npos);
}

TEST_CASE("without a follow-up file the reports are exactly as before: no empty section") {
  auto stays_only = test::run_pipeline(k_stays, 2024).figures;
  for (const char* lang : {"fr", "en"}) {
    std::string md = render_report(stays_only, lang, "md");
    CHECK(md.find("après leur sortie") == std::string::npos);
    CHECK(md.find("after they leave") == std::string::npos);
    CHECK(md.find(lang == std::string("fr") ? ".\n\n## Note méthodologique" : ".\n\n## Method") != std::string::npos);
    std::string tex = render_report(stays_only, lang, "tex");
    CHECK(tex.find("Que deviennent") == std::string::npos);
  }
}

}  // TEST_SUITE
