// The sentence said instead of a figure when the export has no column for it.
#include <doctest/doctest.h>

#include "model/fields.hpp"
#include "model/missing_column_texts.hpp"

using namespace ctreport::model;

TEST_SUITE("model::missing_column_texts") {

TEST_CASE("one column, in French and in English") {
  CHECK(not_available_text({"origin"}, Lang::fr) == "non disponible dans l'export (aucune colonne d'origine géographique)");
  CHECK(not_available_text({"origin"}, Lang::en) == "not available in the export (no geographic origin column)");
  CHECK(not_available_text({"stage"}, Lang::fr) == "non disponible dans l'export (aucune colonne d'étape du parcours)");
}

TEST_CASE("the age's three columns, joined") {
  std::vector<std::string> age = {"birth_date", "birth_year", "age_at_entry"};
  CHECK(not_available_text(age, Lang::fr) == "non disponible dans l'export (aucune colonne de date de naissance, "
                                             "d'année de naissance ni d'âge à l'entrée)");
  CHECK(not_available_text(age, Lang::en) ==
        "not available in the export (no birth date, birth year or age at entry column)");
  CHECK(not_available_text({"sex", "origin"}, Lang::en) == "not available in the export (no sex or geographic origin column)");
}

TEST_CASE("every field a breakdown is computed from has its French description") {
  for (const auto& info : all_fields()) {
    if (info.field == Field::person_id || info.field == Field::entry_date || info.field == Field::exit_date ||
        info.field == Field::site)
      continue;  // no breakdown of their own
    CAPTURE(std::string(info.name));
    CHECK(column_description(info.name, Lang::fr) != info.name);
  }
  CHECK(column_description("housing_at_exit", Lang::en) == "housing at exit");
  CHECK(column_description("unheard_of", Lang::fr) == "unheard_of");
}

}  // TEST_SUITE
