// `ctreport check`: each check triggered by a small fixture, and not by a clean one.
#include <doctest/doctest.h>

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
const std::string k_config = "capacity: 3\n";

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
        "ctreport.yaml: establishment.departement: '99' is not a French département code (e.g. 42, 2A, 974)");
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
  auto over = check(k_clean, {}, "capacity: 1\n");
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
  f.sex.lines[0].count += 1;  // a distribution that no longer sums to its total
  f.people.exited = f.people.present + 1;
  ctreport::model::WarningLog broken;
  ctreport::figures::check_figures(f, ctreport::model::default_config(), {}, broken);
  auto list = broken.list();
  REQUIRE(list.size() == 2);
  CHECK(list[0].message == "the figures are inconsistent: sex sums to 4 for a total of 3 (3 expected)");
  CHECK(list[1].message == "the figures are inconsistent: more people exited (4) than were present (3)");
}

TEST_CASE("text and GitHub formats") {
  ScratchDir dir;
  dir.write("data.csv", k_clean + "A4;F;01/01/1980;01/02/2024;;Voisin\n");
  auto text = run_cli({"check", "2024", "data.csv"}, dir.path());
  CHECK(text.exit_code == 0);
  CHECK(text.out ==
        "data.csv: row 5, column F (Orientation): warning[unmapped_value]: 'Voisin' maps to no referral category: counted "
        "as other; expected a value listed in categories.referral in the config\n"
        "data.csv: 4 rows checked for 2024: 0 error(s), 1 warning(s): passed\n");
  auto gh = run_cli({"check", "2024", "data.csv", "--format", "github", "--strict"}, dir.path());
  CHECK(gh.exit_code == 1);
  CHECK(gh.out ==
        "::error file=data.csv,line=5,title=ctreport unmapped_value::'Voisin' maps to no referral category: counted as "
        "other; expected a value listed in categories.referral in the config\n");
  auto usage = run_cli({"check", "2024"}, dir.path());
  CHECK(usage.exit_code == 2);
}

}  // TEST_SUITE
