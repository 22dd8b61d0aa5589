// Header recognition by words: equal names, contained names, abbreviations,
// specificity, ambiguity, config overrides; and the docs table of known names.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "input/column_map.hpp"
#include "input/header_match.hpp"
#include "model/config.hpp"
#include "util/errors.hpp"
#include "util/text.hpp"

using namespace ctreport;
using model::Field;

namespace {

input::Row header_row(const std::vector<std::string>& headers) {
  input::Row row;
  row.row = 1;
  for (const auto& h : headers) {
    input::Cell c;
    c.type = input::CellType::text;
    c.text = h;
    row.cells.push_back(c);
  }
  return row;
}

std::optional<Field> field_of_header(const std::string& header) {
  std::optional<Field> tie;
  std::vector<Field> all;
  for (const auto& info : model::all_fields()) all.push_back(info.field);
  auto fit = input::best_fit(input::header_words(header), all, tie);
  if (fit.score == 0 || tie) return std::nullopt;
  return fit.field;
}

}  // namespace

TEST_SUITE("input::header match") {

TEST_CASE("words: normalised, small words dropped, abbreviations expanded") {
  CHECK(input::header_words("Date d'entrée") == std::vector<std::string>{"date", "entree"});
  CHECK(input::header_words("N° dossier") == std::vector<std::string>{"numero", "dossier"});
  CHECK(input::header_words("Dpt") == std::vector<std::string>{"departement"});
  CHECK(input::header_words("CP") == std::vector<std::string>{"code", "postal"});
  CHECK(util::normalize_words("Code postal / Département") == "code postal departement");
}

TEST_CASE("headers as people write them") {
  CHECK(field_of_header("Code postal / département") == Field::origin);
  CHECK(field_of_header("Commune / Code postal") == Field::origin);
  CHECK(field_of_header("Provenance") == Field::origin);
  CHECK(field_of_header("Département (code)") == Field::origin);
  CHECK(field_of_header("Dépt") == Field::origin);
  CHECK(field_of_header("Date d'admission") == Field::entry_date);
  CHECK(field_of_header("DATE ENTREE") == Field::entry_date);
  CHECK(field_of_header("Motif du départ") == Field::exit_reason);
  CHECK(field_of_header("Logement sortie") == Field::housing_at_exit);
  CHECK(field_of_header("N° dossier") == Field::person_id);
  CHECK(field_of_header("Num. dossier") == Field::person_id);
  CHECK(field_of_header("Sexe (H/F)") == Field::sex);
}

TEST_CASE("a more specific name wins, common words count only alone") {
  CHECK(field_of_header("Âge à l'entrée") == Field::age_at_entry);        // not entry_date
  CHECK(field_of_header("Date de sortie prévue") == Field::exit_date);
  CHECK(field_of_header("Logement à l'entrée") == Field::housing_at_entry);  // not entry_date: "entrée" only alone
  CHECK(field_of_header("Sortie") == Field::exit_date);
  CHECK(field_of_header("Nom de la structure") == std::nullopt);
  CHECK(field_of_header("Motif de fin de prise en charge") == Field::exit_reason);
}

TEST_CASE("column map: the better fit takes the field, ties are errors naming both") {
  model::Config config = model::default_config();
  auto map = input::ColumnMap::from_header(header_row({"Date d'entrée", "Date de sortie prévue", "Date de sortie"}), config);
  CHECK(map.column(Field::exit_date) == 2u);
  CHECK(map.unused_columns() == std::vector<size_t>{1});
  CHECK(map.exact(Field::exit_date));

  auto two_fields = input::ColumnMap::from_header(header_row({"Date d'entrée", "Orienteur motif"}), config);
  CHECK_THROWS_WITH_AS(two_fields.throw_if_ambiguous(), doctest::Contains("fits two fields equally"), DataError);

  auto two_columns = input::ColumnMap::from_header(header_row({"Date d'entrée", "Département (code)", "Département de résidence"}), config);
  CHECK_THROWS_WITH_AS(two_columns.throw_if_ambiguous(), doctest::Contains("fit the field origin equally"), DataError);

  // A title row is never an error: no entry-date column there.
  auto title = input::ColumnMap::from_header(header_row({"Orienteur motif"}), config);
  CHECK_NOTHROW(title.throw_if_ambiguous());

  // The config settles it, and its header wins over every known name.
  config.columns[Field::referral] = {"Orienteur motif"};
  auto settled = input::ColumnMap::from_header(header_row({"Date d'entrée", "Orienteur motif"}), config);
  CHECK_NOTHROW(settled.throw_if_ambiguous());
  CHECK(settled.column(Field::referral) == 1u);
}

TEST_CASE("docs/figures.md shows every known name of every field") {
  std::ifstream in(std::string(CTREPORT_SOURCE_DIR) + "/docs/figures.md");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string docs = ss.str();
  for (const auto& info : model::all_fields())
    for (auto name : info.headers) {
      CAPTURE(name);
      CHECK(docs.find(std::string(name)) != std::string::npos);
    }
}

}  // TEST_SUITE
