// The side tables' header recogniser (input/side_columns) through its two
// users: a header fitting two fields, two headers fitting one field, and a
// header the config names, for the activity log and the follow-up file.
#include <doctest/doctest.h>

#include <string>

#include "input/activity_columns.hpp"
#include "input/followup_columns.hpp"
#include "model/config.hpp"
#include "util/errors.hpp"

using namespace ctreport;

namespace {

input::Row header(std::initializer_list<const char*> names) {
  input::Row row;
  for (const char* n : names) {
    input::Cell c;
    c.type = input::CellType::text;
    c.text = n;
    row.cells.push_back(c);
  }
  return row;
}

model::Config config_with(const std::string& yaml) {
  model::Config c = model::default_config();
  model::apply_config(c, yaml, "ctreport.yaml");
  return c;
}

template <typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_SUITE("input::side_columns") {

TEST_CASE("each column gets its best field, the rest are listed as unused") {
  auto cols = input::recognise_activity_columns(header({"Date", "Type d'activité", "Commentaire", "Durée"}),
                                                model::default_config());
  CHECK(cols.at(model::ActivityField::date) == 0);
  CHECK(cols.at(model::ActivityField::type) == 1);
  CHECK(cols.at(model::ActivityField::duration) == 3);
  CHECK(cols.unused_headers == std::vector<std::string>{"Commentaire"});
}

TEST_CASE("two columns fitting one field equally is an error naming both and the config section") {
  auto msg = error_of([] {
    input::recognise_activity_columns(header({"Date", "Type", "Type"}), model::default_config());
  });
  CHECK(msg == "two columns of the activity log, 'Type' and 'Type', are both its type: name the one to use in the "
               "config (activities: {columns: {type: \"…\"}})");
  auto followup = error_of([] {
    input::recognise_followup_columns(header({"N° dossier", "Date de l'appel", "Date de l'appel"}), model::default_config());
  });
  CHECK(followup.find("two columns of the follow-up file, 'Date de l'appel' and 'Date de l'appel'") == 0);
  CHECK(followup.find("(followup: {columns: {") != std::string::npos);
}

TEST_CASE("a header named in the config wins, and its field takes no other header") {
  auto cfg = config_with("activities: {columns: {type: \"Nature\"}}\n");
  auto cols = input::recognise_activity_columns(header({"Date", "Type d'activité", "Nature"}), cfg);
  CHECK(cols.at(model::ActivityField::type) == 2);
  CHECK(cols.unused_headers == std::vector<std::string>{"Type d'activité"});
}

}  // TEST_SUITE
