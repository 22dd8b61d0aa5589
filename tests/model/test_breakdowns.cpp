// The breakdown declarations are complete: every line of the table has what
// each output needs (ARCHITECTURE.md, "Adding a breakdown"), so that a new
// line that forgets a step fails here, not in a user's report.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "model/breakdown_texts.hpp"
#include "model/breakdowns.hpp"
#include "model/config.hpp"
#include "model/missing_column_texts.hpp"
#include "model/warning_texts.hpp"

using namespace ctreport::model;

TEST_SUITE("model::breakdowns") {

TEST_CASE("keys, template variables, figures.json places and chart files are each given once") {
  std::set<std::string_view> keys, paths, json_paths, charts;
  for (const auto& b : k_breakdowns) {
    CAPTURE(b.key);
    CHECK(keys.insert(b.key).second);
    CHECK(paths.insert(b.path).second);
    CHECK(json_paths.insert(b.json_path).second);
    if (!b.chart.empty()) CHECK(charts.insert(b.chart).second);
    CHECK(breakdown_index(b.key) == static_cast<size_t>(&b - k_breakdowns.data()));
    // An object of its own holds its lines under a name: "sex.categories".
    if (b.json_layout == JsonLayout::object) CHECK_FALSE(parent_and_leaf(b.json_path).first.empty());
  }
  CHECK_THROWS_AS(breakdown_index("sexe"), std::logic_error);
  CHECK(charts.count("occupation") == 0);  // the occupancy chart's file
}

TEST_CASE("a breakdown of categories reads the field its category set classifies") {
  for (const auto& b : k_breakdowns) {
    CAPTURE(b.key);
    if (b.source != BreakdownSource::categories && b.source != BreakdownSource::exit_outcome) continue;
    REQUIRE(b.category_set.has_value());
    CHECK(std::find(b.fields.begin(), b.fields.end(), field_of(*b.category_set)) != b.fields.end());
    CHECK_FALSE(default_config().category_set(*b.category_set).categories().empty());
  }
}

TEST_CASE("every category set has its default categories in templates/ctreport.yaml") {
  for (size_t cf = 0; cf < k_category_field_count; ++cf) {
    CAPTURE(category_field_name(static_cast<CategoryField>(cf)));
    CHECK_FALSE(default_config().category_set(static_cast<CategoryField>(cf)).categories().empty());
  }
}

TEST_CASE("every breakdown has its texts in French and in English") {
  for (const auto& b : k_breakdowns) {
    CAPTURE(b.key);
    for (Lang lang : {Lang::fr, Lang::en}) {
      const BreakdownText& t = breakdown_text(b, lang);
      CHECK_FALSE(t.title.empty());
      CHECK_FALSE(t.chart_title.empty());
      CHECK_FALSE(t.column.empty());
      CHECK_FALSE(t.noun.empty());
      CHECK_FALSE(t.sheet.empty());
      // Excel's limit on a sheet's name (a block heading below another is no sheet name).
      if (b.sheet == SheetPlacement::own) CHECK(t.sheet.size() <= 31);
    }
    CHECK(breakdown_text(b, Lang::fr).title != breakdown_text(b, Lang::en).title);
  }
  CHECK(k_breakdowns.front().sheet != SheetPlacement::below_previous);  // below nothing
}

TEST_CASE("the fields of a breakdown are described in both languages, for the sentence saying it is not available") {
  for (const auto& b : k_breakdowns)
    for (Field f : b.fields) {
      std::string_view name = field_info(f).name;
      CAPTURE(name);
      CHECK(column_description(name, Lang::fr) != name);
      CHECK(column_description(name, Lang::en) != "");
      CHECK(field_label(f, Lang::fr) != field_label(f, Lang::en));
    }
}

TEST_CASE("each set of fields read has its missing_column warning, in both languages") {
  size_t warned = 0;
  for (const auto& b : k_breakdowns) {
    if (b.fields.empty() || !first_to_read_its_fields(b) || !b.warns_when_missing) continue;
    ++warned;
    Warning w;
    w.code = "missing_column";
    w.value = std::string(field_info(b.fields.front()).name);
    w.params = {{"kind", std::string(b.key)},
                {"field", w.value},
                {"headers", "'x'"},
                {"file_headers", "'y'"},
                {"column_en", std::string(column_description(w.value, Lang::en))},
                {"column_fr", std::string(column_description(w.value, Lang::fr))}};
    CAPTURE(b.key);
    for (Lang lang : {Lang::fr, Lang::en}) {
      std::string text = warning_text(w, lang);
      CHECK(text.find("'y'") != std::string::npos);
      CHECK(text.find('{') == std::string::npos);
    }
  }
  CHECK(warned == 8);  // sex, age, referral, origin, exit reason, housing, activity, stage
}

TEST_CASE("a breakdown's field without a text of its own has the generic missing_column text") {
  Warning w;
  w.code = "missing_column";
  w.value = "housing_at_exit";
  w.params = {{"kind", "some_new_breakdown"},     {"field", "housing_at_exit"},
              {"headers", "'logement'"},         {"file_headers", "'Entrée'"},
              {"column_en", "housing at exit"}, {"column_fr", "de logement à la sortie"}};
  CHECK(warning_text(w, Lang::fr) ==
        "aucune colonne de logement à la sortie trouvée (en-têtes du fichier : 'Entrée') : la répartition n'est pas "
        "disponible");
  CHECK(warning_text(w, Lang::en) ==
        "no housing at exit column found (expected a header such as 'logement', or name yours in the config: "
        "columns.housing_at_exit; the file's headers: 'Entrée'): the breakdown is not available");
}

TEST_CASE("paths split at their last dot") {
  CHECK(parent_and_leaf("exits.reasons") == std::pair<std::string_view, std::string_view>{"exits", "reasons"});
  CHECK(parent_and_leaf("sex") == std::pair<std::string_view, std::string_view>{"", "sex"});
  CHECK(population_name(Population::people_present_at_end) == "people_present_at_end");
}

}  // TEST_SUITE
