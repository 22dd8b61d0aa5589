// Tests of ctreport.yaml loading: values applied, and errors naming the line and key.
#include <doctest/doctest.h>

#include "model/config.hpp"
#include "model/config_text.hpp"
#include "util/errors.hpp"

using namespace ctreport;

namespace {
std::string error_of(const std::string& yaml) {
  model::Config c = model::default_config();
  try {
    model::apply_config(c, yaml, "ctreport.yaml");
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_SUITE("model::config") {

TEST_CASE("the embedded defaults") {
  auto c = model::default_config();
  CHECK(c.start_month == 1u);
  CHECK(c.bed_days == model::BedDayRule::nights);
  CHECK(c.contract_months == 24);
  CHECK(c.age_brackets.size() == 4);
  CHECK(c.stay_length_brackets.size() == 6);
  CHECK(c.category_set(model::CategoryField::sex).categories().size() == 3);
  CHECK_FALSE(c.capacity.defined());
}

TEST_CASE("a user's file overrides the defaults") {
  model::Config c = model::default_config();
  model::apply_config(c,
                      "establishment:\n  name: CT Les Tilleuls\n  departement: '42'\n"
                      "capacity: 35\ncounting:\n  bed_days: days\n  contract_months: 18\nperiod: {start_month: 4}\n"
                      "columns:\n  entry_date: Arrivée\n",
                      "ctreport.yaml");
  CHECK(c.establishment_name == "CT Les Tilleuls");
  CHECK(c.departement == "42");
  CHECK(c.capacity.places_on(0) == 35);
  CHECK(c.bed_days == model::BedDayRule::days);
  CHECK(c.contract_months == 18);
  CHECK(c.start_month == 4u);
  CHECK(c.columns.at(model::Field::entry_date) == std::vector<std::string>{"Arrivée"});
  CHECK(c.age_brackets.size() == 4);  // untouched
}

TEST_CASE("categories: a list replaces, add_values extends") {
  model::Config c = model::default_config();
  model::apply_config(c, "categories:\n  referral:\n    add_values: {justice: [SPIP 42]}\n", "ctreport.yaml");
  std::string scratch;
  const auto& set = c.category_set(model::CategoryField::referral);
  CHECK(set.categories()[set.classify("spip 42", scratch)].key == "justice");
  model::apply_config(c, "categories:\n  referral:\n    - {key: a, label: A, values: [x]}\n", "ctreport.yaml");
  CHECK(c.category_set(model::CategoryField::referral).categories().size() == 1);
}

TEST_CASE("unknown keys are errors naming the line and key") {
  CHECK(error_of("capacity: 30\ncapcity: 35\n") ==
        "ctreport.yaml:2: capcity: unknown key (expected one of: establishment, lang, period, capacity, counting, "
        "columns, sheet, check, templates, sites, age_brackets, stay_length_brackets, categories, activities, "
        "activity_types, professional_categories, followup, followup_consumption, followup_care, followup_housing, "
                         "followup_activity)");
  CHECK(error_of("counting:\n  bed_day: nights\n") ==
        "ctreport.yaml:2: counting.bed_day: unknown key (expected one of: bed_days, age_reference, contract_months, returns_window_months, exit_to_work)");
}

TEST_CASE("wrong types and values are errors") {
  CHECK(error_of("capacity: trente\n") == "ctreport.yaml:1: capacity: 'trente' is not a whole number");
  CHECK(error_of("counting: {bed_days: nuits}\n") ==
        "ctreport.yaml:1: counting.bed_days: 'nuits' is not allowed (expected one of: nights, days)");
  CHECK(error_of("period: {start_month: 13}\n") ==
        "ctreport.yaml:1: period.start_month: 13 is out of range (expected 1 to 12)");
  CHECK(error_of("capacity:\n  - {from: 2024-02-30, places: 3}\n") ==
        "ctreport.yaml:2: capacity[0].from: '2024-02-30' is not a date (expected YYYY-MM-DD)");
  CHECK(error_of("columns: {entree: Arrivée}\n").find("ctreport.yaml:1: columns.entree: unknown field") == 0);
  CHECK(error_of("key: [unclosed\n").find("ctreport.yaml:") == 0);
}

TEST_CASE("overlapping capacity periods and duplicated category values are errors") {
  CHECK(error_of("capacity:\n  - {from: 2024-01-01, places: 30}\n  - {from: 2024-07-01, places: 35}\n")
            .find("capacity: the period from 2024-01-01 overlaps the one from 2024-07-01") != std::string::npos);
  CHECK(error_of("categories:\n  sex:\n    - {key: F, values: [f]}\n    - {key: M, values: [F]}\n")
            .find("value 'F' is listed under both 'F' and 'M'") != std::string::npos);
  CHECK(error_of("categories:\n  sex:\n    - {key: unknown}\n").find("reserved") != std::string::npos);
}

TEST_CASE("brackets must be ordered") {
  CHECK(error_of("age_brackets:\n  - {key: a, min: 0, max: 40}\n  - {key: b, min: 30}\n").find("increasing order") !=
        std::string::npos);
  CHECK(error_of("stay_length_brackets:\n  - {key: a}\n  - {key: b, max_days: 3}\n").find("only the last bracket") !=
        std::string::npos);
}

TEST_CASE("a key given twice is an error naming both lines") {
  CHECK(error_of("capacity: 30\nlang: fr\ncapacity: 35\n") ==
        "ctreport.yaml:3: capacity: given twice (first on line 1); keep one");
  CHECK(error_of("counting:\n  bed_days: days\n  bed_days: nights\n") ==
        "ctreport.yaml:3: counting.bed_days: given twice (first on line 2); keep one");
  CHECK(error_of("columns:\n  entry_date: A\n  entry_date: B\n") ==
        "ctreport.yaml:3: columns.entry_date: given twice (first on line 2); keep one");
}

TEST_CASE("the establishment's département is checked with its line") {
  CHECK(error_of("lang: fr\nestablishment:\n  departement: '99'\n") ==
        "ctreport.yaml:3: establishment.departement: '99' is not a French département code (e.g. 42, 2A, 974)");
  CHECK(error_of("establishment: {departement: '975'}\n") ==
        "ctreport.yaml:1: establishment.departement: '975' is an overseas collectivity (Saint-Pierre-et-Miquelon), not "
        "a département");
  model::Config c = model::default_config();
  model::apply_config(c, "establishment: {departement: '2a'}\n", "ctreport.yaml");
  CHECK(c.departement == "2A");
}

TEST_CASE("errors of nested checks name their key once") {
  CHECK(error_of("capacity:\n  - {from: 2024-01-01, places: 30}\n  - {from: 2024-07-01, places: 35}\n") ==
        "ctreport.yaml:2: capacity: the period from 2024-01-01 overlaps the one from 2024-07-01 (give it a `to` before "
        "2024-07-01)");
  CHECK(error_of("categories:\n  sex:\n    - {key: F, values: [f]}\n    - {key: M, values: [F]}\n") ==
        "ctreport.yaml:3: categories.sex: value 'F' is listed under both 'F' and 'M'");
}

TEST_CASE("a config nested too deep is refused at the line where it gets too deep") {
  // yaml-cpp alone said "bad file" for 100 000 nested '['.
  CHECK(error_of("establishment: " + std::string(100000, '[') + "\n") ==
        "ctreport.yaml:1: nested more than 32 levels deep (lists and mappings in one another)");
  std::string block = "lang: fr\n";
  for (int i = 0; i < 40; ++i) block += std::string(static_cast<size_t>(i), ' ') + "a:\n";
  CHECK(error_of(block) == "ctreport.yaml:34: nested more than 32 levels deep (lists and mappings in one another)");
  // Brackets, quotes and '#' inside values and comments are not nesting.
  model::Config c = model::default_config();
  model::apply_config(c,
                      "establishment:\n  name: \"CT l'Étoile [\" # {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\n"
                      "categories:\n  sex:\n    - {key: W, label: 'l''" + std::string(40, '[') + "', values: [F, \"" +
                          std::string(40, '{') + "\"]}\n",
                      "ctreport.yaml");
  CHECK(c.establishment_name == "CT l'Étoile [");
  CHECK(c.category_set(model::CategoryField::sex).categories().front().label == "l'" + std::string(40, '['));
}

TEST_CASE("a config that is not UTF-8 is refused with the line of the first bad byte") {
  // A Latin-1 'é' (0xE9) went through to the reports, and made --format json fail with an internal error.
  CHECK(error_of("lang: fr\nestablishment:\n  name: CT Les \xE9toiles\n") ==
        "ctreport.yaml:3: not valid UTF-8 (a Latin-1 or Windows-1252 character?): save the file as UTF-8");
  CHECK(error_of("# \xC3\n") ==
        "ctreport.yaml:1: not valid UTF-8 (a Latin-1 or Windows-1252 character?): save the file as UTF-8");
}

TEST_CASE("a YAML complex key is an error naming the file and line, never an internal error") {
  CHECK(error_of("? [a, b] : 1\n") == "ctreport.yaml:1: a key must be a text, not a list or a mapping");
  CHECK(error_of("lang: fr\ncategories:\n  ? {sex: 1}\n  : []\n") ==
        "ctreport.yaml:3: categories: a key must be a text, not a list or a mapping");
  CHECK(error_of("categories:\n  sex:\n    add_values:\n      ? [F]\n      : [x]\n") ==
        "ctreport.yaml:4: categories.sex.add_values: a key must be a text, not a list or a mapping");
  CHECK(error_of("sites:\n  ? [a]\n  : {capacity: 3}\n") == "ctreport.yaml:2: sites: a key must be a text, not a list or a mapping");
}

TEST_CASE("a config larger than 1 MiB is refused before yaml-cpp reads it") {
  std::string big = "# " + std::string(model::k_max_config_bytes, 'x') + "\n";
  CHECK(error_of(big) == "ctreport.yaml: larger than 1 MiB: not a config file");
  CHECK(error_of("# " + std::string(model::k_max_config_bytes - 3, 'x') + "\n") == "");
}

TEST_CASE("a YAML syntax error is a config error with its file and line") {
  model::Config c = model::default_config();
  try {
    model::apply_config(c, "lang: fr\nestablishment: [a\n", "ctreport.yaml");
    FAIL("no error");
  } catch (const DataError& e) {
    CHECK(e.code() == "config_error");
    CHECK(e.file() == "ctreport.yaml");
    CHECK(e.line() == 3);
    CHECK(std::string(e.what()).rfind("ctreport.yaml:3: not valid YAML: ", 0) == 0);
  }
}

}  // TEST_SUITE
