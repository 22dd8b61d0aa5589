// The activity log in a workbook, as teams keep it: a file of its own
// (`--activities actes.xlsx`) or a sheet of the stays workbook named in the
// config (`activities: {sheet: Activités}`), with dates, times of day and
// durations typed as Excel numbers (docs/figures.md, "The activity log").
#include <doctest/doctest.h>

#include <xlsxwriter.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "support/cli.hpp"

using ctreport::test::run_cli;
using ctreport::test::ScratchDir;

namespace {

namespace fs = std::filesystem;

lxw_datetime day(int d, int m, int y) { return {y, m, d, 0, 0, 0}; }

void write_stays(lxw_workbook* wb, lxw_format* date) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Séjours");
  const char* headers[] = {"N° dossier", "Date d'entrée", "Date de sortie"};
  for (int c = 0; c < 3; ++c) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), headers[c], nullptr);
  lxw_datetime a = day(1, 1, 2024), b = day(1, 2, 2024), b_out = day(30, 6, 2024);
  worksheet_write_string(ws, 1, 0, "WB-001", nullptr);
  worksheet_write_datetime(ws, 1, 1, &a, date);
  worksheet_write_string(ws, 2, 0, "WB-002", nullptr);
  worksheet_write_datetime(ws, 2, 1, &b, date);
  worksheet_write_datetime(ws, 2, 2, &b_out, date);
}

// Four rows: two participants of one group (same date, type and start time:
// one session), an individual interview, and a row of 2023 (outside 2024).
void write_log(lxw_workbook* wb, lxw_format* date, lxw_format* time) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Activités");
  worksheet_write_string(ws, 0, 0, "Journal des activités 2024", nullptr);  // a title row above the header
  const char* headers[] = {"Date", "Heure", "Type d'activité", "N° dossier", "Durée (min)"};
  for (int c = 0; c < 5; ++c) worksheet_write_string(ws, 2, static_cast<lxw_col_t>(c), headers[c], nullptr);
  struct Row {
    lxw_datetime date;
    double time;  // fraction of a day
    const char* type;
    const char* person;
    double minutes;
  } rows[] = {{day(5, 3, 2024), 14.0 / 24, "Groupe de parole", "WB-001", 90},
              {day(5, 3, 2024), 14.0 / 24, "Groupe de parole", "WB-002", 90},
              {day(6, 3, 2024), 10.0 / 24, "Entretien individuel", "WB-002", 45},
              {day(28, 12, 2023), 10.0 / 24, "Entretien individuel", "WB-001", 45}};
  lxw_row_t r = 3;
  for (auto& row : rows) {
    worksheet_write_datetime(ws, r, 0, &row.date, date);
    worksheet_write_number(ws, r, 1, row.time, time);
    worksheet_write_string(ws, r, 2, row.type, nullptr);
    worksheet_write_string(ws, r, 3, row.person, nullptr);
    worksheet_write_number(ws, r, 4, row.minutes, nullptr);
    ++r;
  }
}

// `with_stays`: the stays' sheet first, then the log's; else the log alone.
void write_workbook(const fs::path& path, bool with_stays) {
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd/mm/yyyy");
  lxw_format* time = workbook_add_format(wb);
  format_set_num_format(time, "hh:mm");
  if (with_stays) write_stays(wb, date);
  write_log(wb, date, time);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
}

void check_activities(const nlohmann::json& a) {
  CHECK(a["sessions"] == 2);    // the group (two rows, one session) and the interview
  CHECK(a["collective"] == 1);
  CHECK(a["individual"] == 1);
  CHECK(a["hours"].get<double>() == doctest::Approx(2.25));  // 90 + 45 minutes
  CHECK(a["people_reached"]["count"] == 2);
}

}  // namespace

TEST_SUITE("cli::activity_workbook") {

TEST_CASE("--activities reads a workbook of its own: dates, times and durations typed as numbers") {
  ScratchDir dir;
  dir.write("sejours.csv", "N° dossier;Date d'entrée;Date de sortie\nWB-001;01/01/2024;\nWB-002;01/02/2024;30/06/2024\n");
  write_workbook(dir.path() / "actes.xlsx", false);
  auto r = run_cli({"2024", "sejours.csv", "--activities", "actes.xlsx", "-f", "json", "-q"}, dir.path());
  REQUIRE(r.exit_code == 0);
  check_activities(nlohmann::json::parse(dir.read("figures-2024.json"))["activities"]);
}

TEST_CASE("the config's activities.sheet reads the log from the stays workbook") {
  ScratchDir dir;
  write_workbook(dir.path() / "dossiers.xlsx", true);
  dir.write("ctreport.yaml", "activities: {sheet: \"Activités\"}\n");
  auto r = run_cli({"2024", "dossiers.xlsx", "-f", "json", "-q"}, dir.path());
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(dir.read("figures-2024.json"));
  CHECK(j["people"]["present"] == 2);  // the stays' sheet, found as the first with a stays header
  check_activities(j["activities"]);
  CHECK(r.out.find("WB-00") == std::string::npos);
  CHECK(r.err.find("WB-00") == std::string::npos);
}

TEST_CASE("a sheet named in the config that the workbook lacks is an error naming the sheets there are") {
  ScratchDir dir;
  write_workbook(dir.path() / "dossiers.xlsx", true);
  dir.write("ctreport.yaml", "activities: {sheet: \"Agenda\"}\n");
  auto r = run_cli({"2024", "dossiers.xlsx", "-f", "json", "-q"}, dir.path());
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("Agenda") != std::string::npos);
  CHECK(r.err.find("Activités") != std::string::npos);
  CHECK_FALSE(dir.exists("figures-2024.json"));
}

}  // TEST_SUITE
