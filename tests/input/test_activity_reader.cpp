// The activity log's reader: its values (durations, start times,
// participants, identifiers), its headers, and the errors naming the file,
// row, column, value and what was expected.
#include <doctest/doctest.h>

#include "input/activity_reader.hpp"
#include "input/activity_values.hpp"
#include "input/csv_reader.hpp"
#include "model/period.hpp"
#include "support/pipeline.hpp"
#include "util/errors.hpp"

using namespace ctreport;

namespace {

input::Cell text(const char* s) {
  input::Cell c;
  c.type = input::CellType::text;
  c.text = s;
  return c;
}

input::Cell number(double v) {
  input::Cell c;
  c.type = input::CellType::number;
  c.number = v;
  return c;
}

input::ActivityReadResult read(const std::string& csv) {
  auto reader = input::CsvReader::from_string(csv);
  input::ActivityReadOptions options;
  options.periods = {model::make_period(2024, 1)};
  return input::read_activities(*reader, "activites.csv", model::default_config(), options);
}

std::string error_of(const std::string& csv) {
  try {
    read(csv);
  } catch (const DataError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_SUITE("input::activity_reader") {

TEST_CASE("durations: minutes, hours and minutes, hours") {
  CHECK(input::parse_duration(text("45")) == 45);
  CHECK(input::parse_duration(text("1h30")) == 90);
  CHECK(input::parse_duration(text("1 h 30")) == 90);
  CHECK(input::parse_duration(text("1:30")) == 90);
  CHECK(input::parse_duration(text("1,5 h")) == 90);
  CHECK(input::parse_duration(text("1.5 heures")) == 90);
  CHECK(input::parse_duration(text("2h")) == 120);
  CHECK(input::parse_duration(text("90 min")) == 90);
  CHECK(input::parse_duration(text("45 mn")) == 45);
  CHECK(input::parse_duration(number(45)) == 45);
  CHECK(input::parse_duration(number(1.5 / 24)) == 90);  // a workbook time cell
  CHECK_FALSE(input::parse_duration(text("1h75")));
  CHECK_FALSE(input::parse_duration(text("1,5")));  // a decimal needs its unit
  CHECK_FALSE(input::parse_duration(text("une heure")));
  CHECK_FALSE(input::parse_duration(text("200 h")));  // more than 7 days
}

// Found by the activities fuzz harness: a typed number too large for an int
// was converted before its range was checked (UBSan: float-cast-overflow).
TEST_CASE("durations too large for any clock are refused, not converted") {
  CHECK_FALSE(input::parse_duration(text("201202442")));
  CHECK_FALSE(input::parse_duration(text("999999999999")));
  CHECK_FALSE(input::parse_duration(text("201202442 h")));
  CHECK_FALSE(input::parse_duration(text("201202442h30")));
  CHECK_FALSE(input::parse_duration(text("201202442:30")));
  CHECK_FALSE(input::parse_duration(text("999999999999 min")));
  CHECK(input::parse_duration(text("168 h")) == 7 * 24 * 60);  // a week, the most
}

TEST_CASE("start times, participants and identifiers") {
  CHECK(input::parse_start_time(text("14:00")) == 840);
  CHECK(input::parse_start_time(text("9h")) == 540);
  CHECK(input::parse_start_time(text("14h30")) == 870);
  CHECK(input::parse_start_time(text("09:15:00")) == 555);
  CHECK(input::parse_start_time(number(0.5)) == 720);
  CHECK_FALSE(input::parse_start_time(text("25:00")));
  CHECK_FALSE(input::parse_start_time(text("matin")));
  CHECK(input::parse_participants(text("12")) == 12);
  CHECK(input::parse_participants(number(0)) == 0);
  CHECK_FALSE(input::parse_participants(text("douze")));
  CHECK_FALSE(input::parse_participants(text("-1")));
  std::vector<std::string_view> ids;
  input::split_identifiers(" A1, B2 ;C3;; ", ids);
  CHECK(ids == std::vector<std::string_view>{"A1", "B2", "C3"});
}

TEST_CASE("headers recognised by their words, French and English, unused ones listed") {
  auto r = read("Journal d'activité\n"
                "Date de la séance;Nature de l'acte;N° dossier;Durée (min);Heure de début;Intervenant;Commentaire\n"
                "05/01/2024;Atelier;A;45;14:00;éducateur;rien\n");
  const auto& log = r.log;
  CHECK(log.header_row == 2);
  for (auto f : {model::ActivityField::date, model::ActivityField::type, model::ActivityField::person,
                 model::ActivityField::duration, model::ActivityField::start_time, model::ActivityField::professional})
    CHECK(log.has(f));
  CHECK_FALSE(log.has(model::ActivityField::participants));
  CHECK(log.unused_headers == std::vector<std::string>{"Commentaire"});
  auto en = read("Session date;Activity type;Attendance;Duration;Staff\n05/01/2024;Workshop;8;1h;nurse\n");
  CHECK(en.log.has(model::ActivityField::participants));
  CHECK(en.log.has(model::ActivityField::professional));
  REQUIRE(en.log.rows.size() == 1);
  CHECK(en.log.rows[0].participants == 8);
}

TEST_CASE("rows outside the period are counted, not kept, blank and total rows skipped") {
  auto r = read("Date;Type\n31/12/2023;Atelier\n01/01/2024;Atelier\n;\nTotal;\n01/01/2025;Atelier\n");
  CHECK(r.log.rows.size() == 1);
  CHECK(r.log.rows_outside == 2);
  CHECK(r.log.rows_read == 3);
}

TEST_CASE("a missing date or type column is an error naming the file and the headers") {
  CHECK(error_of("Jour férié;Commentaire\n05/01/2024;x\n") ==
        "activites.csv: no activity-log header found in the first 30 rows: expected a date column (e.g. 'Date') and "
        "a type column (e.g. 'Type d'activité'), or name yours in the config (activities: {columns: {date: …, type: "
        "…}}); the first row's headers: 'Jour férié', 'Commentaire'");
  CHECK(error_of("Date;Commentaire\n05/01/2024;x\n").find("no activity-log header found") != std::string::npos);
}

TEST_CASE("bad values are errors naming the file, row, column, value and what was expected") {
  CHECK(error_of("Date;Type\n05/01/2024;Atelier\n31/02/2024;Atelier\n") ==
        "activites.csv: row 3, column A (Date): '31/02/2024' is not a possible date; expected a date such as "
        "31/12/2024 or 2024-12-31");
  CHECK(error_of("Date;Type\n05/01/2024;\n") ==
        "activites.csv: row 2, column B (Type): the activity's type is empty; expected a type of activity listed in "
        "activity_types in the config (e.g. 'Entretien individuel')");
  CHECK(error_of("Date;Type;Durée\n05/01/2024;Atelier;1h75\n") ==
        "activites.csv: row 2, column C (Durée): '1h75' is not a duration; expected minutes (45), hours and minutes "
        "(1h30, 1:30) or hours (1,5 h)");
  CHECK(error_of("Date;Type;Heure\n05/01/2024;Atelier;matin\n") ==
        "activites.csv: row 2, column C (Heure): 'matin' is not a time of day; expected a time of day such as 14:00 "
        "or 14h30");
  CHECK(error_of("Date;Type;Participants\n05/01/2024;Atelier;beaucoup\n") ==
        "activites.csv: row 2, column C (Participants): 'beaucoup' is not a number of participants; expected a whole "
        "number of participants, 0 to 100000");
  CHECK(error_of("Date;Type\n;Atelier\n") ==
        "activites.csv: row 2, column A (Date): the activity's date is empty; expected a date such as 31/12/2024 or "
        "2024-12-31: every row of the activity log needs one");
}

TEST_CASE("the config names headers and replaces the category lists") {
  auto config = test::config_with(
      "activities: {columns: {type: \"Quoi\", date: \"Quand\"}}\n"
      "activity_types:\n"
      "  - {key: ag, label: Assemblée, collective: true, values: [assemblée]}\n");
  auto reader = input::CsvReader::from_string("Quand;Quoi\n05/01/2024;Assemblée\n");
  input::ActivityReadOptions options;
  options.periods = {model::make_period(2024, 1)};
  auto r = input::read_activities(*reader, "activites.csv", config, options);
  REQUIRE(r.log.rows.size() == 1);
  CHECK(r.log.rows[0].type == 0);
  CHECK(config.activities.types.categories()[0].collective);
}

}  // TEST_SUITE
