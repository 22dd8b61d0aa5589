// The entry → exit cross-tables through figures.json both ways, merges, the
// template view and the workbook.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "figures/merge.hpp"
#include "input/xlsx_workbook.hpp"
#include "render/figures_json.hpp"
#include "render/progress_view.hpp"
#include "render/report_view.hpp"
#include "render/xlsx_output.hpp"
#include "support/cli.hpp"
#include "support/pipeline.hpp"
#include "util/errors.hpp"

using namespace ctreport;

namespace {

const std::string k_csv =
    "N° dossier;Date d'entrée;Date de sortie;Logement à la sortie;Activité à la sortie;Logement à l'entrée;"
    "Activité à l'entrée\n"
    "P1;01/02/2023;01/02/2024;CHRS;CDI;rue;RSA\n"
    "P2;01/03/2024;01/06/2024;rue;formation;hôpital;sans emploi\n"
    "P3;01/03/2024;01/07/2024;logement autonome;CDI;famille;CDI\n"
    "P4;01/04/2024;01/08/2024;;;;\n"
    "P5;01/05/2024;;;;SDF;RSA\n";

figures::Figures figures_named(const std::string& name) {
  return test::figures_of(k_csv, 2024, "establishment: {name: '" + name + "'}\n");
}

}  // namespace

TEST_SUITE("render::progress") {

TEST_CASE("figures.json holds progress {housing, activity} and reads it back the same") {
  auto f = figures_named("CT A");
  auto j = render::figures_to_json(f);
  const auto& h = j.at("progress").at("housing");
  CHECK(h.at("available") == true);
  CHECK(h.at("population") == "exits");
  CHECK(h.at("total") == 4);
  CHECK(h.at("without_at_entry") == 2);  // P1 rue, P2 hôpital
  CHECK(h.at("with_at_exit") == 1);      // P1 CHRS
  CHECK(h.at("share").get<double>() == doctest::Approx(0.5));
  CHECK(h.at("rows").size() == h.at("counts").size());
  CHECK(h.at("columns").size() == h.at("counts")[0].size());
  auto back = render::figures_from_json(render::figures_json_text(f), "f.json");
  for (auto [a, b] : {std::pair{&f.progress.housing, &back.progress.housing}, std::pair{&f.progress.activity, &back.progress.activity}}) {
    CHECK(a->counts == b->counts);
    CHECK(a->total == b->total);
    CHECK(a->without_at_entry == b->without_at_entry);
    CHECK(a->with_at_exit == b->with_at_exit);
    REQUIRE(a->rows.size() == b->rows.size());
    for (size_t i = 0; i < a->rows.size(); ++i) CHECK(a->rows[i].key == b->rows[i].key);
  }
}

TEST_CASE("a figures file without progress, or with it not available, reads as not available") {
  auto j = render::figures_to_json(figures_named("CT A"));
  j.erase("progress");
  auto older = render::figures_from_json(j.dump(), "old.json");
  CHECK_FALSE(older.progress.housing.available);
  CHECK(older.progress.housing.missing_fields == std::vector<std::string>{"housing_at_entry"});
  auto none = test::figures_of("N° dossier;Date d'entrée;Date de sortie\nP1;01/02/2024;01/03/2024\n", 2024);
  auto text = render::figures_json_text(none);
  auto parsed = nlohmann::json::parse(text);
  CHECK(parsed.at("progress").at("housing").at("available") == false);
  CHECK(parsed.at("progress").at("housing").at("missing") == nlohmann::json({"housing_at_entry", "housing_at_exit"}));
  CHECK_FALSE(parsed.at("progress").at("housing").contains("counts"));
  CHECK_FALSE(render::figures_from_json(text, "n.json").progress.activity.available);
}

TEST_CASE("a malformed progress table is refused with its path") {
  auto j = render::figures_to_json(figures_named("CT A"));
  j["progress"]["housing"]["counts"][0].push_back(1);
  CHECK_THROWS_WITH_AS(render::figures_from_json(j.dump(), "bad.json"),
                       doctest::Contains("progress.housing.counts[0]"), DataError);
  auto k = render::figures_to_json(figures_named("CT A"));
  k["progress"]["activity"]["with_at_exit"] = 99;
  CHECK_THROWS_WITH_AS(render::figures_from_json(k.dump(), "bad.json"), doctest::Contains("progress.activity.with_at_exit"),
                       DataError);
}

TEST_CASE("merging adds the cross-tables cell by cell and recomputes the share") {
  auto a = figures_named("CT A");
  auto b = figures_named("CT B");
  auto m = figures::merge_figures({a, b}, {"a.json", "b.json"}, false);
  const auto& h = m.progress.housing;
  REQUIRE(h.available);
  CHECK(h.total == 8);
  CHECK(h.count("none", "shelter") == 2);
  CHECK(h.without_at_entry == 4);
  CHECK(h.with_at_exit == 2);
  CHECK(*h.share == doctest::Approx(0.5));
  auto back = render::figures_from_json(render::figures_json_text(m), "m.json");
  CHECK(back.progress.housing.counts == h.counts);
  // One establishment without the entry columns: not available in the network.
  auto c = test::figures_of("N° dossier;Date d'entrée;Date de sortie;Logement à la sortie\nP1;01/02/2024;01/03/2024;CHRS\n", 2024,
                            "establishment: {name: 'CT C'}\n");
  auto n = figures::merge_figures({a, c}, {"a.json", "c.json"}, false);
  CHECK_FALSE(n.progress.housing.available);
  CHECK(n.progress.housing.missing_fields == std::vector<std::string>{"housing_at_entry"});
}

TEST_CASE("the view gives the table, the headline and its change since the compared year") {
  auto f = figures_named("CT A");
  auto before = test::figures_of(k_csv, 2023, "establishment: {name: 'CT A'}\n");
  auto nf = render::NumberFormat::for_lang("fr");
  auto v = render::report_view(f, nf, {&before});
  const auto* h = v.get("progress")->get("housing");
  CHECK(h->get("available")->is_true());
  CHECK(h->get("without_at_entry")->string_value() == "2");
  CHECK(h->get("with_at_exit")->string_value() == "1");
  CHECK(h->get("share")->string_value() == "50\u00a0%");
  CHECK(h->get("previous_share")->string_value() == "–");  // 2023 has no exit: no share
  CHECK(h->get("rows")->list_value().size() == f.progress.housing.rows.size());
  CHECK(v.get("headline")->get("housing_progress_share")->string_value() == "50\u00a0%");
  CHECK(render::short_label("Logement accompagné (résidence sociale, ACT…)") == "Logement accompagné");
  CHECK(render::short_label("Emploi") == "Emploi");
}

TEST_CASE("the workbook has a sheet per cross-table, with the counts and the headline") {
  auto f = figures_named("CT A");
  test::ScratchDir dir;
  auto path = dir.write("book.xlsx", render::xlsx_workbook_report(f, render::NumberFormat::for_lang("fr"), dir.path()));
  auto book = input::XlsxWorkbook::open(path.string());
  size_t index = 0;
  for (const auto& s : book->sheets()) {
    if (s.name == "Logement entrée-sortie") break;
    ++index;
  }
  REQUIRE(index < book->sheets().size());
  auto sheet = book->open_sheet(index);
  input::Row row;
  std::vector<std::string> first_cells;
  while (sheet->next_row(row)) first_cells.emplace_back(row.cells.empty() ? std::string() : std::string(row.cells[0].text));
  CHECK(std::find(first_cells.begin(), first_cells.end(), "Sorties sans logement à l'entrée") != first_cells.end());
  CHECK(std::find(first_cells.begin(), first_cells.end(), "Sans logement (rue, urgence, squat)") != first_cells.end());
}

}  // TEST_SUITE
