// Every declared breakdown (model/breakdowns.hpp) reaches every output by the
// table alone: figures.json both ways, the template view and its schema, the
// charts, the workbook and merges. Nothing here names a breakdown: a line
// added to the table is tested by these cases as it is.
#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "figures/merge.hpp"
#include "input/xlsx_workbook.hpp"
#include "model/breakdown_texts.hpp"
#include "model/breakdowns.hpp"
#include "render/figures_json.hpp"
#include "render/report_view.hpp"
#include "render/svg_charts.hpp"
#include "render/template_engine.hpp"
#include "render/xlsx_output.hpp"
#include "support/cli.hpp"
#include "support/pipeline.hpp"
#include "util/errors.hpp"

using namespace ctreport;

namespace {

// An export with a column for every field a breakdown reads.
const std::string k_complete =
    "N° dossier;Sexe;Date de naissance;Date d'entrée;Date de sortie;Orientation;Département d'origine;"
    "Motif de sortie;Logement à la sortie;Activité à la sortie;Étape;Produit principal;TSO;Mesure judiciaire;"
    "Logement à l'entrée;Ressources;Situation professionnelle à l'entrée;Situation familiale\n"
    "D-1;F;12/05/1985;15/11/2023;10/01/2024;CSAPA;42;Fin de contrat;logement autonome;CDI;2;alcool;aucun;aucune;"
    "rue;RSA;sans emploi;seule\n"
    "D-2;H;03/03/1990;01/03/2024;;SPIP;69;;;;1;héroïne;méthadone;obligation de soins;prison;aucune ressource;;\n"
    "D-3;F;07/07/1971;01/06/2024;30/09/2024;hôpital;75;départ volontaire;rue;RSA;1;cocaïne;BHD;;CHRS;AAH;"
    "recherche d'emploi;en couple avec enfants\n"
    "D-4;H;01/01/1960;01/02/2024;;CSAPA;Algérie;;;;3;cannabis;;aucune;famille;salaire;CDI;enfants placés\n";
// An export with the dates only: every breakdown that reads a field is not available.
const std::string k_dates_only =
    "N° dossier;Date d'entrée;Date de sortie\n"
    "D-1;15/11/2023;10/01/2024\n"
    "D-2;01/03/2024;\n";
const std::string k_config = "establishment:\n  name: CT Test\n  departement: '42'\ncapacity: 3\n";

// The value at a dotted path of `j` (a const or a mutable ordered_json).
template <typename Json>
Json& at_path(Json& j, std::string_view path) {
  Json* at = &j;
  for (size_t from = 0; from <= path.size();) {
    size_t dot = std::min(path.find('.', from), path.size());
    std::string name(path.substr(from, dot - from));
    REQUIRE_MESSAGE(at->contains(name), "no " << name << " in " << path);
    at = &at->at(name);
    from = dot + 1;
  }
  return *at;
}

std::vector<std::pair<std::string, int64_t>> counts(const figures::Distribution& d) {
  std::vector<std::pair<std::string, int64_t>> out;
  for (const auto& l : d.lines) out.emplace_back(l.key, l.count);
  return out;
}

std::vector<std::string> sheet_names(const std::string& xlsx_bytes, const test::ScratchDir& dir) {
  auto path = dir.write("book.xlsx", xlsx_bytes);
  auto book = input::XlsxWorkbook::open(path.string());
  std::vector<std::string> names;
  for (const auto& s : book->sheets()) names.push_back(s.name);
  return names;
}

}  // namespace

TEST_SUITE("render::breakdowns") {

TEST_CASE("every breakdown is in figures.json where it is declared, and reads back the same") {
  auto f = test::figures_of(k_complete, 2024, k_config);
  auto j = render::figures_to_json(f);
  auto back = render::figures_from_json(render::figures_json_text(f), "f.json");
  for (size_t i = 0; i < model::k_breakdown_count; ++i) {
    const auto& b = model::k_breakdowns[i];
    CAPTURE(b.key);
    REQUIRE(f.breakdowns[i].available);
    CHECK(f.breakdowns[i].total > 0);
    const auto& lines = at_path(j, b.json_path);
    REQUIRE(lines.is_array());
    CHECK(lines.size() == f.breakdowns[i].lines.size());
    if (b.json_layout == model::JsonLayout::object)
      CHECK(at_path(j, model::parent_and_leaf(b.json_path).first)["total"] == f.breakdowns[i].total);
    if (b.json_layout == model::JsonLayout::lines_and_total)
      CHECK(at_path(j, std::string(b.json_path) + "_total") == f.breakdowns[i].total);
    CHECK(back.breakdowns[i].available);
    CHECK(back.breakdowns[i].total == f.breakdowns[i].total);
    CHECK(back.breakdowns[i].population == model::population_name(b.population));
    CHECK(counts(back.breakdowns[i]) == counts(f.breakdowns[i]));
  }
}

TEST_CASE("a breakdown whose fields have no column is written and read back as not available") {
  auto f = test::figures_of(k_dates_only, 2024, k_config);
  auto back = render::figures_from_json(render::figures_json_text(f), "f.json");
  for (size_t i = 0; i < model::k_breakdown_count; ++i) {
    const auto& b = model::k_breakdowns[i];
    CAPTURE(b.key);
    CHECK(f.breakdowns[i].available == b.fields.empty());
    CHECK(back.breakdowns[i].available == f.breakdowns[i].available);
    CHECK(back.breakdowns[i].missing_fields == f.breakdowns[i].missing_fields);
    for (model::Field fd : b.fields)
      CHECK(std::count(f.breakdowns[i].missing_fields.begin(), f.breakdowns[i].missing_fields.end(),
                       model::field_info(fd).name) == 1);
  }
}

TEST_CASE("a figures file without a breakdown of ctreport/figures/v1 is refused, naming it") {
  auto j = render::figures_to_json(test::figures_of(k_complete, 2024, k_config));
  for (const auto& b : model::k_breakdowns) {
    if (!b.in_every_figures_file) continue;
    CAPTURE(b.key);
    auto without = j;
    auto [parent, leaf] = model::parent_and_leaf(b.json_path);
    std::string removed(b.json_layout == model::JsonLayout::object ? parent : b.json_path);
    auto [holder, name] = model::parent_and_leaf(removed);
    auto& object = holder.empty() ? without : at_path(without, holder);
    object.erase(std::string(name));
    CHECK_THROWS_WITH_AS(render::figures_from_json(without.dump(), "old.json"),
                         ("old.json: " + removed + ": missing").c_str(), DataError);
  }
}

TEST_CASE("every breakdown has its template variables, in the schema templates are checked against") {
  auto schema = render::report_view_schema(model::default_config(), true);
  for (const auto& b : model::k_breakdowns) {
    std::string p(b.path);
    CAPTURE(p);
    std::string tpl = "{{#" + p + ".available}}{{" + p + ".title}} | {{" + p + ".column}} {{" + p + ".chart_title}}\n" +
                      "{{#" + p + ".lines}}{{label}} {{count}} {{share}}{{#comparisons}} {{change}}{{/comparisons}}\n{{/" +
                      p + ".lines}}{{" + p + ".total}} {{" + p + ".by_key.unknown.count}} {{" + p + ".by_key.other.share}}" +
                      "{{#" + p + ".comparisons}}{{total_change}}{{/" + p + ".comparisons}}" +
                      (b.chart.empty() ? "" : "{{charts." + std::string(b.chart) + "}}") + "{{/" + p + ".available}}" +
                      "{{^" + p + ".available}}{{" + p + ".missing_text}}{{/" + p + ".available}}";
    CHECK_NOTHROW(render::check_template(tpl, "t.md", schema));
  }
}

TEST_CASE("the view gives each breakdown's figures and texts at its template variable") {
  auto f = test::figures_of(k_complete, 2024, k_config);
  for (auto nf : {render::NumberFormat::for_lang("fr"), render::NumberFormat::for_lang("en")}) {
    auto view = render::report_view(f, nf);
    for (size_t i = 0; i < model::k_breakdown_count; ++i) {
      const auto& b = model::k_breakdowns[i];
      std::string p(b.path);
      CAPTURE(p);
      const auto& text = model::breakdown_text(b, nf.french ? model::Lang::fr : model::Lang::en);
      std::string shown = render::render_template("{{" + p + ".total}}|{{" + p + ".title}}|{{#" + p + ".lines}}{{key}},{{/" +
                                                      p + ".lines}}",
                                                  "t.md", view, render::Escaping::markdown);
      std::string keys;
      for (const auto& l : f.breakdowns[i].lines) keys += l.key + ",";
      CHECK(shown == nf.integer(f.breakdowns[i].total) + "|" + render::escape_markdown(text.title) + "|" +
                         render::escape_markdown(keys));
    }
  }
}

TEST_CASE("a breakdown declared with a chart has its SVG, titled from its texts") {
  auto f = test::figures_of(k_complete, 2024, k_config);
  auto charts = render::report_charts(f, "rapport-2024", render::NumberFormat::for_lang("fr"));
  for (const auto& b : model::k_breakdowns) {
    if (b.chart.empty()) continue;
    CAPTURE(b.key);
    std::string file = "rapport-2024-" + std::string(b.chart) + ".svg";
    auto it = std::find_if(charts.files.begin(), charts.files.end(), [&](const auto& c) { return c.first == file; });
    REQUIRE(it != charts.files.end());
    std::string title = render::xml_escape(model::breakdown_text(b, model::Lang::fr).chart_title);
    CHECK(it->second.find("<title id=\"title\">" + title + "</title>") != std::string::npos);
  }
  CHECK(charts.files.size() ==
        1 + std::count_if(model::k_breakdowns.begin(), model::k_breakdowns.end(), [](const auto& b) { return !b.chart.empty(); }));
}

TEST_CASE("a breakdown declared with a sheet has it in the workbook, in the report's order") {
  auto f = test::figures_of(k_complete, 2024, k_config);
  test::ScratchDir dir;
  for (auto nf : {render::NumberFormat::for_lang("fr"), render::NumberFormat::for_lang("en")}) {
    const model::Lang lang = nf.french ? model::Lang::fr : model::Lang::en;
    auto names = sheet_names(render::xlsx_workbook_report(f, nf, dir.path()), dir);
    std::vector<std::string> expected;  // the order's breakdowns by their sheet names
    for (std::string_view key : render::workbook_sheet_order())
      for (const auto& b : model::k_breakdowns)
        if (b.key == key) expected.emplace_back(model::breakdown_text(b, lang).sheet);
    size_t own = 0;
    for (const auto& b : model::k_breakdowns) {
      if (b.sheet != model::SheetPlacement::own) continue;
      ++own;
      CHECK(std::count(expected.begin(), expected.end(), std::string(model::breakdown_text(b, lang).sheet)) == 1);
    }
    CHECK(expected.size() == own);  // every breakdown with a sheet is placed by the order, once
    // The key figures and the occupancy first; the two entry → exit tables before the stage; the method last.
    REQUIRE(names.size() == expected.size() + 5);
    std::vector<std::string> breakdowns(names.begin() + 2, names.end() - 1);
    breakdowns.erase(breakdowns.end() - 3, breakdowns.end() - 1);
    CHECK(breakdowns == expected);
  }
}

TEST_CASE("merging adds up every breakdown line by line") {
  auto a = test::figures_of(k_complete, 2024, k_config);
  auto b = test::figures_of(k_complete, 2024, "establishment:\n  name: CT Autre\n  departement: '69'\ncapacity: 3\n");
  auto m = figures::merge_figures({a, b}, {"a.json", "b.json"}, false);
  auto back = render::figures_from_json(render::figures_json_text(m), "m.json");
  for (size_t i = 0; i < model::k_breakdown_count; ++i) {
    CAPTURE(model::k_breakdowns[i].key);
    CHECK(m.breakdowns[i].total == a.breakdowns[i].total + b.breakdowns[i].total);
    for (const auto& l : m.breakdowns[i].lines) {
      int64_t sum = 0;
      for (const auto* f : {&a, &b})
        for (const auto& x : f->breakdowns[i].lines)
          if (x.key == l.key) sum += x.count;
      CHECK(l.count == sum);
    }
    CHECK(counts(back.breakdowns[i]) == counts(m.breakdowns[i]));
  }
}

}  // TEST_SUITE
