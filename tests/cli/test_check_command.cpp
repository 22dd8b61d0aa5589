// `ctreport check`: each check triggered by a small fixture, and not by a clean one.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "figures/invariants.hpp"
#include "support/cli.hpp"
#include "support/pipeline.hpp"

using ctreport::test::run_cli;
using ctreport::test::ScratchDir;

namespace {

const std::string k_header = "N° dossier;Sexe;Date de naissance;Date d'entrée;Date de sortie;Orientation\n";
const std::string k_clean = k_header +
                            "A1;F;12/05/1985;15/11/2023;10/01/2024;CSAPA\n"
                            "A2;H;03/03/1990;01/03/2024;;SPIP\n"
                            "A3;M;07/07/1971;01/06/2024;30/09/2024;hôpital\n";
// The fields k_clean has no column for, declared absent: no missing_column warning for them.
const std::string k_config =
    "capacity: 3\ncolumns: {origin: [], exit_reason: [], housing_at_exit: [], activity_at_exit: [], stage: []}\n";
const std::string k_columns_notice =
    "::notice file=data.csv,title=ctreport columns::columns used: 'N° dossier' -> person_id, 'Sexe' -> sex, 'Date de "
    "naissance' -> birth_date, 'Date d'entrée' -> entry_date, 'Date de sortie' -> exit_date, 'Orientation' -> referral; "
    "not used: none\n";
const std::string k_columns_line =
    "data.csv: columns used: 'N° dossier' -> person_id, 'Sexe' -> sex, 'Date de naissance' -> birth_date, "
    "'Date d'entrée' -> entry_date, 'Date de sortie' -> exit_date, 'Orientation' -> referral; not used: none\n";

struct Checked {
  int exit_code;
  std::vector<std::string> codes;
  nlohmann::json json;
  std::string err;
};

Checked check(const std::string& csv, std::vector<std::string> extra = {}, const std::string& config = k_config) {
  ScratchDir dir;
  dir.write("data.csv", csv);
  dir.write("ctreport.yaml", config);
  std::vector<std::string> args{"check", "2024", "data.csv", "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  for (const auto& [name, content] : std::vector<std::pair<std::string, std::string>>{
           {"prev.json", "{\"schema\": \"ctreport/figures/v1\", \"period\": {\"label\": \"2023\"}, \"people\": {\"present_at_end\": 5}}"}})
    dir.write(name, content);
  auto r = run_cli(args, dir.path());
  Checked c{r.exit_code, {}, nlohmann::json(), r.err};
  if (!r.out.empty()) {
    c.json = nlohmann::json::parse(r.out);
    for (const auto& f : c.json["findings"]) c.codes.push_back(f["code"]);
  }
  return c;
}

bool has(const Checked& c, const std::string& code) {
  return std::find(c.codes.begin(), c.codes.end(), code) != c.codes.end();
}

// The findings of one code, in output order.
std::vector<nlohmann::json> of(const Checked& c, const std::string& code) {
  std::vector<nlohmann::json> out;
  for (const auto& f : c.json["findings"])
    if (f["code"] == code) out.push_back(f);
  return out;
}

// `ctreport check 2024 data.csv ARGS` in text (or the given) format, with `config`.
ctreport::test::CliResult run_check(const std::string& csv, std::vector<std::string> extra = {},
                                    const std::string& config = k_config) {
  ScratchDir dir;
  dir.write("data.csv", csv);
  dir.write("ctreport.yaml", config);
  std::vector<std::string> args{"check", "2024", "data.csv"};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_cli(args, dir.path());
}

}  // namespace

TEST_SUITE("cli::check") {

TEST_CASE("a clean file passes with no finding") {
  auto c = check(k_clean);
  CHECK(c.exit_code == 0);
  CHECK(c.codes.empty());
  CHECK(c.json["schema"] == "ctreport/check/v1");
  CHECK(c.json["passed"] == true);
  CHECK(c.json["rows_read"] == 3);
}

TEST_CASE("structure: duplicate headers, extra or missing fields, empty rows") {
  auto dup = check("Sexe;Date d'entrée;Observations;Observations\nF;01/02/2024;;\n");
  CHECK(has(dup, "duplicate_header"));
  CHECK(dup.exit_code == 0);
  auto extra = check(k_clean + "A4;F;01/01/1980;01/02/2024;;CSAPA;oops\n");
  CHECK(has(extra, "extra_fields"));
  auto missing = check(k_clean + "A4;F;01/01/1980;01/02/2024\n");
  CHECK(has(missing, "missing_fields"));
  CHECK_FALSE(has(check(k_clean + "A4;F;01/01/1980;01/02/2024;;\n"), "missing_fields"));  // empty trailing fields are fields
  auto empty = check(k_header + "A1;F;12/05/1985;15/11/2023;10/01/2024;CSAPA\n;;;;;\n\nA2;H;03/03/1990;01/03/2024;;SPIP\n");
  REQUIRE(has(empty, "empty_row"));
  CHECK(empty.json["findings"][0]["row"] == 3);
  CHECK(empty.json["findings"][0]["count"] == 2);
  CHECK_FALSE(has(check(k_clean), "extra_fields"));
}

TEST_CASE("a missing required column fails with exit 1, as a finding in every format") {
  auto r = run_check("Sexe;Orientation\nF;CSAPA\n");
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("data.csv: error[missing_column]: data.csv: no entry-date column found in the first 30 rows") == 0);
  auto c = check("Sexe;Orientation\nF;CSAPA\n");
  CHECK(c.exit_code == 1);
  REQUIRE(c.codes == std::vector<std::string>{"missing_column"});
  CHECK(c.json["passed"] == false);
  CHECK(c.json["error_count"] == 1);
  CHECK(c.json["findings"][0]["severity"] == "error");
  CHECK(c.json["findings"][0]["row"].is_null());
  CHECK(c.json["findings"][0]["expected"] ==
        "a column of entry dates (e.g. 'Date d'entrée'), or its header named in the config (columns.entry_date)");
  auto gh = run_check("Sexe;Orientation\nF;CSAPA\n", {"--format", "github"});
  CHECK(gh.exit_code == 1);
  CHECK(gh.out.find("::error file=data.csv,title=ctreport missing_column::data.csv: no entry-date column") == 0);
  CHECK_FALSE(has(check(k_clean), "missing_column"));
}

TEST_CASE("a period the file has no data for fails as a no_data finding in every format") {
  const std::string before = k_header + "A1;F;12/05/1985;15/11/2022;10/01/2023;CSAPA\nA2;H;03/03/1990;01/03/2023;30/06/2023;SPIP\n";
  auto text = run_check(before);
  CHECK(text.exit_code == 1);
  CHECK(text.out == k_columns_line + "data.csv: error[no_data]: no data for 2024: the latest date in the file is 2023-06-30: nothing to "
                    "check; expected a file holding the stays of the period checked\n"
                    "data.csv: 2 rows checked for 2024: 1 error(s), 0 warning(s): FAILED\n");
  auto c = check(before);
  CHECK(c.exit_code == 1);
  REQUIRE(c.codes == std::vector<std::string>{"no_data"});
  CHECK(c.json["passed"] == false);
  CHECK(c.json["error_count"] == 1);
  CHECK(c.json["findings"][0]["severity"] == "error");
  CHECK(c.json["findings"][0]["row"].is_null());
  auto gh = run_check(before, {"--format", "github"});
  CHECK(gh.exit_code == 1);
  CHECK(gh.out == k_columns_notice + "::error file=data.csv,title=ctreport no_data::no data for 2024: the latest date in the file is "
                  "2023-06-30: nothing to check; expected a file holding the stays of the period checked\n");
  // Data before and after the period, none during it.
  auto around = check(k_header + "A1;F;12/05/1985;15/11/2022;10/01/2023;CSAPA\nA2;H;03/03/1990;01/03/2025;;SPIP\n");
  CHECK(around.exit_code == 1);
  REQUIRE(has(around, "no_data"));
  CHECK(of(around, "no_data")[0]["message"] == "no data for 2024: no stay overlaps it: nothing to check");
  CHECK_FALSE(has(check(k_clean), "no_data"));
}

TEST_CASE("a duplicate recognised header fails as a finding naming the file") {
  auto c = check("N° dossier;Date d'entrée;Date d'entrée\nA1;01/02/2024;01/02/2024\n");
  CHECK(c.exit_code == 1);
  REQUIRE(c.codes == std::vector<std::string>{"duplicate_header"});
  CHECK(c.json["findings"][0]["severity"] == "error");
  CHECK(c.json["findings"][0]["line"] == 1);
  CHECK(c.json["findings"][0]["message"] ==
        "data.csv: row 1: columns B and C both have the header 'Date d'entrée' (entry_date); keep one, or name the one "
        "to use in the config (columns.entry_date)");
  // An unrecognised header twice is only a warning.
  auto dup = check(k_header + "A1;F;12/05/1985;15/11/2023;10/01/2024;CSAPA\n");
  CHECK_FALSE(has(dup, "duplicate_header"));
}

TEST_CASE("config errors are findings with the config file and line") {
  auto dep = check(k_clean, {}, "capacity: 3\nestablishment: {departement: '99'}\n");
  CHECK(dep.exit_code == 1);
  REQUIRE(dep.codes == std::vector<std::string>{"config_error"});
  CHECK(dep.json["findings"][0]["file"] == "ctreport.yaml");
  CHECK(dep.json["findings"][0]["message"] ==
        "ctreport.yaml:2: establishment.departement: '99' is not a French département code (e.g. 42, 2A, 974)");
  CHECK_FALSE(has(check(k_clean, {}, "capacity: 3\nestablishment: {departement: '2A'}\n"), "config_error"));
  auto key = check(k_clean, {}, "capacity: 3\ncolour: blue\n");
  REQUIRE(key.codes == std::vector<std::string>{"config_error"});
  CHECK(key.json["findings"][0]["line"] == 2);
  auto cap = check(k_clean, {}, "capacity:\n  - {from: 2024-01-01, places: 3}\n  - {from: 2024-07-01, places: 4}\n");
  REQUIRE(cap.codes == std::vector<std::string>{"config_error"});
  CHECK(cap.json["findings"][0]["message"] ==
        "ctreport.yaml:2: capacity: the period from 2024-01-01 overlaps the one from 2024-07-01 (give it a `to` before "
        "2024-07-01)");
  auto gh = run_check(k_clean, {"--format", "github"}, "capacity: 3\ncolour: blue\n");
  CHECK(gh.exit_code == 1);
  CHECK(gh.out.find("::error file=ctreport.yaml,line=2,title=ctreport config_error::") == 0);
  auto header_only = check(k_header);
  CHECK(header_only.exit_code == 1);
  REQUIRE(header_only.codes == std::vector<std::string>{"data_error"});
  CHECK(header_only.json["findings"][0]["message"] == "data.csv: the file has a header (row 1) but no data rows");
  auto unreadable = run_check(k_clean, {"--format", "json", "-c", "nowhere.yaml"});
  CHECK(unreadable.exit_code == 2);
}

TEST_CASE("dates: unparseable, impossible, exit before entry are errors") {
  auto c = check(k_clean + "A4;F;01/01/1980;hier;;CSAPA\nA5;F;01/01/1980;31/02/2024;;CSAPA\nA6;F;01/01/1980;01/03/2024;01/02/2024;CSAPA\n");
  CHECK(c.exit_code == 1);
  CHECK(has(c, "invalid_date"));
  CHECK(has(c, "impossible_date"));
  CHECK(has(c, "exit_before_entry"));
  CHECK(c.json["error_count"] == 3);
  CHECK(c.json["findings"][0]["severity"] == "error");
  CHECK(c.json["findings"][0]["row"] == 5);
  CHECK(c.json["findings"][0]["position"] == "row 5, column D");
}

TEST_CASE("dates: future, birth after entry, age out of range") {
  auto c = check(k_clean + "A4;F;01/01/1980;01/02/2024;01/01/2099;CSAPA\nA5;F;01/01/2030;01/02/2024;;CSAPA\n"
                           "A6;F;01/01/2015;01/02/2024;;CSAPA\n");
  CHECK(has(c, "future_date"));
  CHECK(has(c, "birth_after_entry"));
  CHECK(has(c, "age_out_of_range"));
  CHECK(c.exit_code == 0);  // warnings
  auto strict = check(k_clean + "A6;F;01/01/2015;01/02/2024;;CSAPA\n", {"--strict"});
  CHECK(strict.exit_code == 1);
}

TEST_CASE("stays: overlapping, duplicated, too long, forgotten exit") {
  auto c = check(k_clean + "A1;F;12/05/1985;01/01/2024;01/03/2024;CSAPA\n"   // overlaps A1's first stay
                           "A3;M;07/07/1971;01/06/2024;30/09/2024;hôpital\n"  // repeats row 4
                           "A7;F;01/01/1980;01/01/2021;15/06/2024;CSAPA\n"     // 41 months
                           "A8;F;01/01/1980;01/01/2020;;CSAPA\n");             // open since 2020
  CHECK(has(c, "overlapping_stays"));
  CHECK(has(c, "duplicate_row"));
  CHECK(has(c, "long_stay"));
  CHECK(has(c, "forgotten_exit"));
  auto clean = check(k_clean + "A1;F;12/05/1985;10/01/2024;01/03/2024;CSAPA\n");  // back on the exit day: no overlap
  CHECK_FALSE(has(clean, "overlapping_stays"));
}

TEST_CASE("occupancy: days above capacity, and the previous year's report") {
  auto over = check(k_clean + "A4;F;01/01/1980;01/03/2024;;CSAPA\n", {}, "capacity: 1\n");
  CHECK(has(over, "over_capacity"));
  auto prev = check(k_clean, {"--previous", "prev.json"});
  CHECK(has(prev, "carry_over_mismatch"));  // 1 present at the start of 2024, 5 at the end of 2023
  CHECK_FALSE(has(check(k_clean), "carry_over_mismatch"));
}

TEST_CASE("categories: unmapped values with their count, unknown shares") {
  auto c = check(k_clean + "A4;F;01/01/1980;01/02/2024;;Voisin\nA5;F;01/01/1980;01/03/2024;;voisin\n");
  REQUIRE(has(c, "unmapped_value"));
  for (const auto& f : c.json["findings"])
    if (f["code"] == "unmapped_value") CHECK(f["count"] == 2);
  auto unknown = check(k_clean + "A4;;01/01/1980;01/02/2024;;CSAPA\nA5;;01/01/1980;01/03/2024;;CSAPA\n");
  CHECK(has(unknown, "unknown_share"));  // 2 of 5 sexes missing
  CHECK_FALSE(has(check(k_clean), "unknown_share"));
}

TEST_CASE("config: capacity periods that leave gaps") {
  auto gap = check(k_clean, {}, "capacity:\n  - {from: 2024-01-01, to: 2024-05-31, places: 3}\n  - {from: 2024-07-01, places: 3}\n");
  CHECK(has(gap, "capacity_gap"));
}

TEST_CASE("report invariants are checked on the figures") {
  auto f = ctreport::test::figures_of(k_clean, 2024);
  ctreport::model::WarningLog clean;
  ctreport::figures::check_figures(f, ctreport::model::default_config(), {}, clean);
  CHECK(clean.empty());
  f.breakdown("sex").lines[0].count += 1;  // a distribution that no longer sums to its total
  f.people.exited = f.people.present + 1;
  ctreport::model::WarningLog broken;
  ctreport::figures::check_figures(f, ctreport::model::default_config(), {}, broken);
  auto list = broken.list();
  REQUIRE(list.size() == 2);
  CHECK(list[0].message == "the figures are inconsistent: sex sums to 4 for a total of 3 (3 expected)");
  CHECK(list[1].message == "the figures are inconsistent: more people exited (4) than were present (3)");
}

TEST_CASE("report invariants: people present against start and admissions, present at the end") {
  auto f = ctreport::test::figures_of(k_clean, 2024);
  f.people.admitted_not_at_start += 1;
  f.people.present_at_end = f.people.present + 1;
  for (const char* key : {"stage_at_end", "stayer_length"}) {  // keep these distributions' own invariants quiet
    auto& d = f.breakdown(key);
    d.total = f.people.present_at_end;
    int64_t sum = 0;
    for (const auto& l : d.lines) sum += l.count;
    d.lines.push_back({"x", "x", f.people.present_at_end - sum, std::nullopt});
  }
  ctreport::model::WarningLog broken;
  ctreport::figures::check_figures(f, ctreport::model::default_config(), {}, broken);
  auto list = broken.list();
  REQUIRE(list.size() == 2);
  CHECK(list[0].message ==
        "the figures are inconsistent: people present (3) is not present at start (1) + admitted not present at start (3)");
  CHECK(list[0].expected == "people present = present at the start + admitted not present at the start");
  CHECK(list[1].message == "the figures are inconsistent: more people present at the end (4) than in the period (3)");
  CHECK(list[1].severity == ctreport::model::Severity::error);
}

TEST_CASE("text and GitHub formats") {
  ScratchDir dir;
  dir.write("data.csv", k_clean + "A4;F;01/01/1980;01/02/2024;;Voisin\n");
  dir.write("ctreport.yaml", k_config);
  auto text = run_cli({"check", "2024", "data.csv"}, dir.path());
  CHECK(text.exit_code == 0);
  CHECK(text.out == k_columns_line +
        "data.csv: row 5, column F (Orientation): warning[unmapped_value]: 'Voisin' maps to no referral category: counted "
        "as other; expected a value listed in categories.referral in the config\n"
        "data.csv: 4 rows checked for 2024: 0 error(s), 1 warning(s): passed\n");
  auto gh = run_cli({"check", "2024", "data.csv", "--format", "github", "--strict"}, dir.path());
  CHECK(gh.exit_code == 1);
  CHECK(gh.out == k_columns_notice +
        "::error file=data.csv,line=5,title=ctreport unmapped_value::'Voisin' maps to no referral category: counted as "
        "other; expected a value listed in categories.referral in the config\n");
  auto usage = run_cli({"check", "2024"}, dir.path());
  CHECK(usage.exit_code == 2);
}

TEST_CASE("findings about a row are one per row, findings about a value grouped with their rows") {
  auto c = check(k_header +
                 "A1;F;12/05/1985;15/11/2023;10/01/2024;CSAPA\n"
                 "A1;F;12/05/1985;15/11/2023;10/01/2024;CSAPA\n"     // row 3 repeats row 2
                 "A3;M;07/07/1971;01/06/2024;30/09/2024;hôpital\n"
                 "A3;M;07/07/1971;01/06/2024;30/09/2024;hôpital\n"   // row 5 repeats row 4
                 "A5;F;17/03/2016;01/02/2024;;Voisin\n"               // age 7
                 "A6;F;17/03/2015;01/02/2024;;Voisin\n"               // age 8
                 "A7;F;17/03/2030;01/02/2024;;CSAPA\n"                // born after entry
                 "A8;F;32/13/1990;01/02/2024;;CSAPA\n"                // unreadable birth date
                 ";F;17/03/1990;01/02/2024;;CSAPA\n"
                 ";F;17/03/1990;01/03/2024;;CSAPA\n");
  auto dups = of(c, "duplicate_row");
  REQUIRE(dups.size() == 2);
  CHECK(dups[0]["row"] == 3);
  CHECK(dups[0]["message"] == "the row repeats row 2 exactly");
  CHECK(dups[1]["row"] == 5);
  CHECK(dups[1]["message"] == "the row repeats row 4 exactly");
  auto ages = of(c, "age_out_of_range");
  REQUIRE(ages.size() == 2);
  CHECK(ages[0]["row"] == 6);
  CHECK(ages[0]["value"] == "7");
  CHECK(ages[0]["message"] == "age at entry 7 is outside 14–100");
  CHECK(ages[0]["expected"] == "an age from 14 to 100 (check.min_age, check.max_age)");
  CHECK(ages[1]["row"] == 7);
  CHECK(ages[1]["message"] == "age at entry 8 is outside 14–100");
  REQUIRE(of(c, "birth_after_entry").size() == 1);
  CHECK(of(c, "birth_after_entry")[0]["row"] == 8);
  CHECK(of(c, "birth_after_entry")[0]["value"] == "");
  REQUIRE(of(c, "invalid_birth_date").size() == 1);
  CHECK(of(c, "invalid_birth_date")[0]["row"] == 9);
  auto ids = of(c, "missing_person_id");
  REQUIRE(ids.size() == 2);
  CHECK(ids[0]["row"] == 10);
  CHECK(ids[1]["row"] == 11);
  auto unmapped = of(c, "unmapped_value");
  REQUIRE(unmapped.size() == 1);
  CHECK(unmapped[0]["count"] == 2);
  CHECK(unmapped[0]["row"] == 6);
  CHECK(unmapped[0]["rows"] == nlohmann::json::array({6, 7}));
  CHECK(of(c, "overlapping_stays").size() == 2);  // the repeated rows overlap too
  CHECK(of(c, "unknown_share").size() == 1);      // ages: 4 of 10 unknown
  CHECK(c.json["warning_count"] == 14);
}

TEST_CASE("dates: entry date missing, birth date unreadable") {
  auto c = check(k_clean + "A4;F;01/01/1980;;;CSAPA\nA5;F;1980;01/02/2024;;CSAPA\n");
  REQUIRE(of(c, "missing_entry_date").size() == 1);
  CHECK(of(c, "missing_entry_date")[0]["row"] == 5);
  CHECK(of(c, "missing_entry_date")[0]["severity"] == "error");
  REQUIRE(of(c, "invalid_birth_date").size() == 1);
  CHECK(of(c, "invalid_birth_date")[0]["row"] == 6);
  CHECK(of(c, "invalid_birth_date")[0]["value"] == "");
  auto clean = check(k_clean + "A5;F;;01/02/2024;;CSAPA\n");  // an empty birth date is unknown, not unreadable
  CHECK_FALSE(has(clean, "invalid_birth_date"));
  CHECK_FALSE(has(clean, "missing_entry_date"));
}

TEST_CASE("ages at exactly the limits are not out of range") {
  auto c = check(k_clean + "A4;F;01/02/2010;01/02/2024;;CSAPA\nA5;F;01/02/1924;01/02/2024;;CSAPA\n");  // 14 and 100
  CHECK_FALSE(has(c, "age_out_of_range"));
  auto out = check(k_clean + "A4;F;02/02/2010;01/02/2024;;CSAPA\nA5;F;31/01/1923;01/02/2024;;CSAPA\n");  // 13 and 101
  CHECK(of(out, "age_out_of_range").size() == 2);
}

TEST_CASE("unresolved origins, and resolved ones") {
  const std::string header = "N° dossier;Date d'entrée;Date de sortie;Origine géographique\n";
  auto c = check(header + "A1;01/02/2024;;Atlantide\nA2;01/03/2024;;atlantide\n", {}, "capacity: 3\n");
  REQUIRE(of(c, "unresolved_origin").size() == 1);
  CHECK(of(c, "unresolved_origin")[0]["count"] == 2);
  CHECK(of(c, "unresolved_origin")[0]["value"] == "Atlantide");
  CHECK(of(c, "unresolved_origin")[0]["column"] == "Origine géographique");
  CHECK_FALSE(has(check(header + "A1;01/02/2024;;42600\nA2;01/03/2024;;Loire\nA3;01/03/2024;;étranger\n", {}, "capacity: 3\n"),
                  "unresolved_origin"));
}

TEST_CASE("findings give the line where their record starts, after a multi-line field") {
  const std::string header = "N° dossier;Date d'entrée;Date de sortie;Observations\n";
  auto c = check(header + "A1;01/02/2024;;\"first\nsecond\nthird\"\n"
                          "A2;01/01/2019;;\n"               // row 3, line 5: forgotten exit, long stay
                          "A2;01/03/2024;01/04/2024;\n"     // overlaps it
                          "\n"
                          "A4;01/05/2024;;\n");
  for (const char* code : {"forgotten_exit", "long_stay"}) {
    REQUIRE(of(c, code).size() == 1);
    CHECK(of(c, code)[0]["row"] == 3);
    CHECK(of(c, code)[0]["line"] == 5);
  }
  REQUIRE(of(c, "overlapping_stays").size() == 1);
  CHECK(of(c, "overlapping_stays")[0]["line"] == 6);
  REQUIRE(of(c, "empty_row").size() == 1);
  CHECK(of(c, "empty_row")[0]["row"] == 5);
  CHECK(of(c, "empty_row")[0]["line"] == 7);
  auto gh = run_check(header + "A1;01/02/2024;;\"first\nsecond\"\nA2;01/01/2019;;\n", {"--format", "github"});
  CHECK(gh.out.find("::warning file=data.csv,line=4,title=ctreport forgotten_exit::") != std::string::npos);
}

TEST_CASE("stays nested in a person's earlier stay overlap it") {
  const std::string header = "N° dossier;Date d'entrée;Date de sortie\n";
  auto c = check(header + "A1;01/01/2024;30/11/2024\nA1;01/02/2024;31/03/2024\nA1;01/05/2024;30/06/2024\n");
  auto o = of(c, "overlapping_stays");
  REQUIRE(o.size() == 2);
  CHECK(o[0]["row"] == 3);
  CHECK(o[0]["value"] == "2024-02-01");
  CHECK(o[0]["message"] == "the stay from 2024-02-01 overlaps the same person's stay of row 2 (from 2024-01-01)");
  CHECK(o[1]["row"] == 4);
  CHECK(o[1]["message"] == "the stay from 2024-05-01 overlaps the same person's stay of row 2 (from 2024-01-01)");
  auto open = check(header + "A1;01/01/2024;\nA1;01/02/2024;31/03/2024\nA1;01/05/2024;30/06/2024\n");
  CHECK(of(open, "overlapping_stays").size() == 2);
  auto after = check(header + "A1;01/01/2024;31/03/2024\nA1;01/02/2024;28/02/2024\nA1;31/03/2024;30/06/2024\n");
  CHECK(of(after, "overlapping_stays").size() == 1);  // back on the latest exit day: no overlap
}

TEST_CASE("long stays at exactly the limit, and one day over") {
  // contract 24 months + 3 of tolerance by default: 27 months.
  const std::string header = "N° dossier;Date d'entrée;Date de sortie\n";
  CHECK_FALSE(has(check(header + "A1;01/01/2022;01/04/2024\n"), "long_stay"));
  auto c = check(header + "A1;01/01/2022;02/04/2024\n");
  REQUIRE(of(c, "long_stay").size() == 1);
  CHECK(of(c, "long_stay")[0]["value"] == "822");
  CHECK(of(c, "long_stay")[0]["message"] == "the stay from 2022-01-01 lasts 822 days, more than 27 months");
  CHECK(of(c, "long_stay")[0]["expected"] == "at most 27 months (contract_months + check.long_stay_tolerance_months)");
}

TEST_CASE("future dates: after the day of the check, even for a stay outside the period") {
  const std::string header = "N° dossier;Date d'entrée;Date de sortie\n";
  auto c = check(header + "A1;01/02/2024;01/01/2099\nA2;02/02/2042;\nA3;01/03/2024;\n");
  auto f = of(c, "future_date");
  REQUIRE(f.size() == 2);
  CHECK(f[0]["row"] == 2);
  CHECK(f[0]["value"] == "2099-01-01");
  CHECK(f[0]["column"] == "Date de sortie");
  CHECK(f[1]["row"] == 3);
  CHECK(f[1]["value"] == "2042-02-02");
  CHECK(f[1]["column"] == "Date d'entrée");
  CHECK(c.exit_code == 0);
  // After the period but before today: no finding.
  CHECK_FALSE(has(check(header + "A1;01/02/2024;01/02/2025\nA2;01/03/2025;\n"), "future_date"));
}

TEST_CASE("values are the offending values, unknown_share names the header") {
  auto c = check(k_clean + "A1;F;12/05/1985;01/01/2024;01/03/2024;CSAPA\nA8;F;01/01/1980;01/01/2020;;CSAPA\n"
                           "A9;;01/01/1980;01/02/2024;;CSAPA\nA10;;01/01/1980;01/02/2024;;CSAPA\n"
                           "A11;;01/01/1980;01/02/2024;;CSAPA\n");
  REQUIRE(of(c, "overlapping_stays").size() == 1);
  CHECK(of(c, "overlapping_stays")[0]["value"] == "2024-01-01");
  REQUIRE(of(c, "forgotten_exit").size() == 1);
  CHECK(of(c, "forgotten_exit")[0]["value"] == "2020-01-01");
  auto u = of(c, "unknown_share");
  REQUIRE(u.size() == 1);
  CHECK(u[0]["column"] == "Sexe");
  CHECK(u[0]["value"] == "43 %");
  CHECK(u[0]["message"] == "sex: 3 of 7 values are missing (43 %)");
  CHECK(u[0]["expected"] == "at most 20 % missing (check.max_unknown_share)");
  CHECK(u[0]["row"].is_null());
  CHECK(u[0]["line"].is_null());
}

TEST_CASE("unknown share exactly at the threshold is not a finding") {
  // 1 of 5 sexes missing: 20 %, the default threshold.
  CHECK_FALSE(has(check(k_clean + "A4;;01/01/1980;01/02/2024;;CSAPA\nA5;F;01/01/1980;01/02/2024;;CSAPA\n"), "unknown_share"));
  CHECK(has(check(k_clean + "A4;;01/01/1980;01/02/2024;;CSAPA\nA5;;01/01/1980;01/02/2024;;CSAPA\n"), "unknown_share"));
}

TEST_CASE("a capacity gap is not also reported as over capacity") {
  auto gap = check(k_clean, {}, "capacity:\n  - {from: 2024-01-01, to: 2024-05-31, places: 3}\n  - {from: 2024-07-01, places: 3}\n");
  REQUIRE(of(gap, "capacity_gap").size() == 1);
  CHECK(of(gap, "capacity_gap")[0]["value"] == "2024-06-01 .. 2024-06-30");
  CHECK_FALSE(has(gap, "over_capacity"));
  auto over = check(k_clean + "A4;F;01/01/1980;01/03/2024;;CSAPA\n", {}, "capacity:\n  - {from: 2024-01-01, to: 2024-05-31, places: 1}\n  - {from: 2024-06-01, places: 3}\n");
  REQUIRE(of(over, "over_capacity").size() == 1);
  CHECK(of(over, "over_capacity")[0]["message"] == "2024-03-01 .. 2024-05-31: up to 2 people present for 1 places");
}

TEST_CASE("missing exit-date or person-id columns are warnings") {
  auto c = check("Sexe;Date d'entrée\nF;01/02/2024\n");
  auto m = of(c, "missing_column");
  REQUIRE(m.size() == 4);  // and referral, birth (age): the config declares the others absent
  CHECK(m[0]["value"] == "exit_date");
  CHECK(m[0]["severity"] == "warning");
  CHECK(m[0]["message"] == "no exit-date column found (expected a header such as 'date de sortie', 'date sortie', 'sortie', "
                                 "'exit_date', or name yours in the config: columns.exit_date; the file's headers: "
                                 "'Sexe', 'Date d'entrée'): every stay is counted as still open");
  CHECK(m[1]["value"] == "person_id");
  CHECK(m[2]["value"] == "birth_date");
  CHECK(m[3]["value"] == "referral");
  CHECK(m[3]["message"].get<std::string>().find("the breakdown is not available") != std::string::npos);
  CHECK(c.exit_code == 0);
  CHECK(check("Sexe;Date d'entrée\nF;01/02/2024\n", {"--strict"}).exit_code == 1);
  CHECK_FALSE(has(check(k_clean), "missing_column"));
}

TEST_CASE("the previous report must be of the period just before") {
  ScratchDir dir;
  dir.write("data.csv", k_clean);
  dir.write("ctreport.yaml", k_config);
  dir.write("p2022.json", "{\"schema\": \"ctreport/figures/v1\", \"period\": {\"label\": \"2022\"}, \"people\": {\"present_at_end\": 1}}");
  dir.write("p2023.json", "{\"schema\": \"ctreport/figures/v1\", \"period\": {\"label\": \"2023\"}, \"people\": {\"present_at_end\": 1}}");
  auto r = run_cli({"check", "2024", "data.csv", "--previous", "p2022.json"}, dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err == "ctreport: error: p2022.json: --previous is the report of 2022, but the period just before 2024 is 2023\n");
  auto ok = run_cli({"check", "2024", "data.csv", "--previous", "p2023.json", "--format", "json"}, dir.path());
  CHECK(ok.exit_code == 0);
  auto prev = check(k_clean, {"--previous", "prev.json"});
  REQUIRE(of(prev, "carry_over_mismatch").size() == 1);
  CHECK(of(prev, "carry_over_mismatch")[0]["value"] == "1");
  CHECK(of(prev, "carry_over_mismatch")[0]["message"] ==
        "1 people present at the start of 2024, but the 2023 report has 5 present at its end");
}

TEST_CASE("every finding has an expected text") {
  auto c = check(k_clean + "A1;F;12/05/1985;01/01/2024;01/03/2024;Voisin\nA7;F;01/01/1980;01/01/2021;15/06/2024;CSAPA\n"
                           "A8;F;01/01/1980;01/01/2020;;CSAPA\nA9;F;01/01/2016;01/02/2024;;CSAPA\nA4;F;01/01/1980;hier;;CSAPA\n",
                 {"--previous", "prev.json"}, "capacity: 1\n");
  CHECK(c.json["findings"].size() >= 7);
  for (const auto& f : c.json["findings"]) {
    CAPTURE(f["code"]);
    CHECK(f["expected"].get<std::string>().size() > 5);
  }
}

TEST_CASE("text output: values with line breaks stay on one line, many findings of a code are capped") {
  auto r = run_check(k_clean + "A4;F;01/01/1980;01/02/2024;;\"Voi\nsin\"\n");
  CHECK(r.out == k_columns_line +
        "data.csv: row 5, column F (Orientation): warning[unmapped_value]: 'Voi\\nsin' maps to no referral category: "
        "counted as other; expected a value listed in categories.referral in the config\n"
        "data.csv: 4 rows checked for 2024: 0 error(s), 1 warning(s): passed\n");
  std::string csv = k_header;
  for (int i = 0; i < 25; ++i) csv += fmt::format(";F;01/01/1980;{:02}/02/2024;;CSAPA\n", i + 1);
  auto many = run_check(csv);
  CHECK(many.out.find("data.csv: … and 5 more missing_person_id findings (all are in --format json)\n") != std::string::npos);
  auto j = check(csv);
  CHECK(of(j, "missing_person_id").size() == 25);
  auto gh = run_check(csv, {"--format", "github"});
  size_t lines = 0;
  for (size_t at = gh.out.find("missing_person_id::"); at != std::string::npos; at = gh.out.find("missing_person_id::", at + 1))
    ++lines;
  CHECK(lines == 25);
}

TEST_CASE("GitHub annotations escape their properties and messages") {
  ScratchDir dir;
  dir.write("a,b:c.csv", k_clean + "A4;F;01/01/1980;01/02/2024;;\"100% \nVoisin\"\n");
  dir.write("ctreport.yaml", k_config);
  auto gh = run_cli({"check", "2024", "a,b:c.csv", "--format", "github"}, dir.path());
  CHECK(gh.out.substr(gh.out.find('\n') + 1) ==
        "::warning file=a%2Cb%3Ac.csv,line=5,title=ctreport unmapped_value::'100%25 %0AVoisin' maps to no referral "
        "category: counted as other; expected a value listed in categories.referral in the config\n");
}

TEST_CASE("JSON findings about the whole period have null row and line") {
  auto c = check(k_clean, {}, "capacity: 1\n");
  auto o = of(c, "over_capacity");
  REQUIRE_FALSE(o.empty());
  CHECK(o[0]["row"].is_null());
  CHECK(o[0]["line"].is_null());
  CHECK(o[0]["position"] == "");
  CHECK(o[0]["rows"] == nlohmann::json::array());
}

TEST_CASE("check outputs carry no identifier and no birth date, in every format") {
  const std::string csv = "N° dossier;Sexe;Date de naissance;Date d'entrée;Date de sortie;Orientation\n"
                          "ZQX7781;F;12/05/1985;15/11/2023;10/01/2024;CSAPA\n"
                          "ZQX7781;F;12/05/1985;15/11/2023;10/01/2024;CSAPA\n"
                          "ZQX7781;F;12/05/1985;01/01/2024;01/03/2024;CSAPA\n"
                          "WVY4410;F;17/03/2030;01/02/2024;;CSAPA\n"
                          "WVY4411;F;31/02/1977;01/02/2024;;CSAPA\n"
                          "WVY4412;F;17/03/2015;01/02/2024;;CSAPA\n"
                          "WVY4413;F;17/03/1999;hier;;CSAPA\n";
  for (const char* format : {"text", "json", "github"}) {
    CAPTURE(format);
    auto r = run_check(csv, {"--format", format});
    CHECK(r.out.size() > 100);
    for (const char* secret : {"ZQX7781", "WVY441", "1985", "12/05", "2030", "1977", "31/02", "2015", "1999"})
      CHECK(r.out.find(secret) == std::string::npos);
  }
}

TEST_CASE("a report lists in its method note the findings check gives") {
  const std::string csv = k_clean + "A1;F;12/05/1985;01/01/2024;01/03/2024;Voisin\nA9;F;01/01/2016;01/02/2024;;CSAPA\n"
                                    "A8;F;01/01/1980;01/01/2020;;CSAPA\n";
  auto c = check(csv);
  ScratchDir dir;
  dir.write("data.csv", csv);
  dir.write("ctreport.yaml", k_config);
  auto r = run_cli({"2024", "data.csv", "--format", "json", "--lang", "en"}, dir.path());
  REQUIRE(r.exit_code == 0);
  auto figures = nlohmann::json::parse(dir.read("figures-2024.json"));
  std::multiset<std::pair<std::string, std::string>> in_check, in_report;
  for (const auto& f : c.json["findings"]) in_check.emplace(f["code"], f["message"]);
  for (const auto& w : figures["quality"]["warnings"]) in_report.emplace(w["code"], w["message"]);
  CHECK(in_check.size() == 6);
  CHECK(in_check == in_report);
  auto md = run_cli({"2024", "data.csv", "--lang", "en"}, dir.path());
  std::string report = dir.read("rapport-2024.md");
  for (const auto& [code, message] : in_check) CHECK(report.find(message) != std::string::npos);
}

TEST_CASE("docs/check.md shows the real output of the example") {
  std::filesystem::path root(CTREPORT_SOURCE_DIR);
  std::ifstream in(root / "docs" / "check.md", std::ios::binary);
  std::stringstream doc;
  doc << in.rdbuf();
  for (const char* format : {"text", "json"}) {
    CAPTURE(format);
    auto r = run_cli({"check", "2024", "sejours-2022-2024.csv", "--format", format}, root / "examples");
    REQUIRE(r.exit_code == 0);
    CHECK(doc.str().find("```" + std::string(format == std::string("json") ? "json" : "") + "\n" + r.out + "```") !=
          std::string::npos);
  }
}

TEST_CASE("the French method note gives every finding in French, at most 20 of a code") {
  std::string csv = k_clean + "A1;F;12/05/1985;01/01/2024;01/03/2024;Voisin\nA9;F;01/01/2016;01/02/2024;;CSAPA\n"
                              "A8;F;01/01/1980;01/01/2020;;CSAPA\nA3;M;07/07/1971;01/06/2024;30/09/2024;hôpital\n";
  for (int i = 0; i < 25; ++i) csv += fmt::format(";F;01/01/1980;{:02}/02/2024;;CSAPA\n", i + 1);
  ScratchDir dir;
  dir.write("data.csv", csv);
  dir.write("ctreport.yaml", "capacity: 40\n");
  auto r = run_cli({"2024", "data.csv", "-q"}, dir.path());
  REQUIRE(r.exit_code == 0);
  std::string md = dir.read("rapport-2024.md");
  for (const char* fr : {"le séjour du 2024-01-01 chevauche le séjour de la même personne de la ligne 2 (du 2023-11-15)",
                         "âge à l'entrée 8 hors de 14 à 100 ans", "le séjour du 2020-01-01 dure 1826 jours, plus de 27 mois",
                         "la ligne répète exactement la ligne 4",
                         "identifiant de la personne absent\u00A0: le séjour compte comme une personne à part (ligne 9,",
                         "… et 5 autres avertissements missing\\_person\\_id (ctreport check les liste tous)"})
    CHECK(md.find(fr) != std::string::npos);
  CHECK(md.find("identifiant de la personne absent\u00A0: le séjour compte comme une personne à part (ligne 28,") !=
        std::string::npos);
  CHECK(md.find("identifiant de la personne absent : le séjour compte comme une personne à part (ligne 29,") ==
        std::string::npos);
  for (const char* en : {"the stay", "the row", "age at entry", "no person identifier", "overlaps"})
    CHECK(md.find(en) == std::string::npos);
}

}  // TEST_SUITE
