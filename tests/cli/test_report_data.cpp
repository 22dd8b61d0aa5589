// The CLI end to end on data as real exports give it (two-digit years, header
// variants, personal data in the wrong column, years the file has no data
// for) and on outputs that cannot be written.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "input/xlsx_workbook.hpp"
#include "support/cli.hpp"

using ctreport::test::run_cli;
using ctreport::test::ScratchDir;

namespace {

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// The breakdowns' fields a small test file has no column for, declared absent (no missing_column warnings).
const char* k_absent =
    "columns: {sex: [], birth_date: [], referral: [], origin: [], exit_reason: [], housing_at_exit: [], "
    "activity_at_exit: [], stage: []}\n";

}  // namespace

TEST_SUITE("cli::report data") {

TEST_CASE("two-digit years of entries and exits after the report year are 20yy") {
  ScratchDir dir;
  dir.write("y.csv", "id;Date d'entrée;Date de sortie\n1;01/02/24;01/03/24\n2;15/01/25;\n3;10/01/25;20/02/25\n");
  auto r = run_cli({"2024", "y.csv", "-f", "json"}, dir.path());
  CHECK(r.exit_code == 0);
  auto j = nlohmann::json::parse(dir.read("figures-2024.json"));
  CHECK(j["people"]["present"] == 1);
  CHECK(j["occupancy"]["bed_days"] == 29);
  // The same file in a batch: 2025 has the two stays of 2025.
  auto batch = run_cli({"2024..2025", "y.csv", "-f", "json", "-o", "b"}, dir.path());
  CHECK(batch.exit_code == 0);
  auto j25 = nlohmann::json::parse(dir.read("b/figures-2025.json"));
  CHECK(j25["people"]["present"] == 2);
  CHECK(j25["stays"]["exits"] == 1);
  CHECK(j25["occupancy"]["bed_days"] == 41 + 351);  // nights 10/01..20/02, 15/01..31/12
}

TEST_CASE("a two-digit birth year is 20yy only when not after the entry year") {
  ScratchDir dir;
  dir.write("b.csv", "id;Date de naissance;Date d'entrée\n1;05/06/04;01/02/24\n2;05/06/25;01/02/24\n");
  auto r = run_cli({"2024", "b.csv", "-f", "json"}, dir.path());
  CHECK(r.exit_code == 0);
  auto j = nlohmann::json::parse(dir.read("figures-2024.json"));
  CHECK(j["age"]["min"] == 19);   // 2004
  CHECK(j["age"]["max"] == 98);   // 1925
}

TEST_CASE("'Date sortie' and other natural headers are recognised") {
  ScratchDir dir;
  dir.write("h.csv", "N° dossier;Date entrée;Date sortie\nA1;01/02/2024;01/03/2024\n");
  dir.write("ctreport.yaml", k_absent);
  auto r = run_cli({"2024", "h.csv", "-f", "json"}, dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  auto j = nlohmann::json::parse(dir.read("figures-2024.json"));
  CHECK(j["stays"]["exits"] == 1);
  CHECK(j["occupancy"]["bed_days"] == 29);
  CHECK(j["quality"]["warning_count"] == 0);
  // The summary's singulars, and the JSON distributions' populations and totals.
  auto md = run_cli({"2024", "h.csv", "-f", "json,md", "-o", "m"}, dir.path());
  CHECK(contains(md.out, "  sorties                 1 personne, 1 séjour\n"));
  auto m = nlohmann::json::parse(dir.read("m/figures-2024.json"));
  CHECK(m["sex"]["population"] == "people_present");
  CHECK(m["age"]["population"] == "people_present");
  CHECK(m["referral"]["population"] == "people_present");
  CHECK(m["origin"]["population"] == "people_present");
  CHECK(m["stay_length"]["population"] == "exits");
  CHECK(m["exits"]["population"] == "exits");
  // No stage column: the stage distributions are not available, with their populations.
  CHECK(m["stage"]["exits"] == nlohmann::json{{"population", "exits"}, {"available", false}, {"missing", {"stage"}}});
  CHECK(m["stage"]["present_at_end"]["population"] == "people_present_at_end");
  CHECK_FALSE(m["stage"].contains("exits_total"));
}

TEST_CASE("a file without an exit-date column gets a missing_column warning") {
  ScratchDir dir;
  dir.write("n.csv", "N° dossier;Date entrée;Départ\nA1;01/02/2024;01/03/2024\nA2;01/04/2024;\n");
  dir.write("ctreport.yaml", k_absent);
  auto r = run_cli({"2024", "n.csv", "-f", "md,json"}, dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err ==
        "ctreport: warning: n.csv: no exit-date column found (expected a header such as 'date de sortie', 'date "
        "sortie', 'sortie', 'exit_date', or name yours in the config: columns.exit_date; the file's headers: "
        "'N° dossier', 'Date entrée', 'Départ'): every stay is counted as still open\n");
  auto j = nlohmann::json::parse(dir.read("figures-2024.json"));
  REQUIRE(j["quality"]["warnings"].size() == 1);
  CHECK(j["quality"]["warnings"][0]["code"] == "missing_column");
  CHECK(j["quality"]["warning_count"] == 1);
  CHECK(contains(dir.read("rapport-2024.md"),
                 "aucune colonne de date de sortie trouvée (en-têtes du fichier\u00A0: 'N° dossier', 'Date entrée', "
                 "'Départ')\u00A0: tous les séjours sont comptés comme en cours"));
  CHECK(contains(r.out, "avertissements          1\n"));
}

TEST_CASE("a birth date in an age column is never echoed") {
  ScratchDir dir;
  dir.write("a.csv", "id;Date d'entrée;Date de sortie;Âge\nA1;01/02/2024;;12/05/1980\n");
  auto r = run_cli({"2024", "a.csv", "-f", "md,json"}, dir.path());
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "ctreport: warning: a.csv: row 2: age not a whole number of years from 0 to 120 (value not "
                        "shown: personal data): age unknown\n"));
  std::string md = dir.read("rapport-2024.md"), json = dir.read("figures-2024.json");
  CHECK(contains(md, "âge\u00A0: pas un nombre entier d'années de 0 à 120 (valeur non affichée\u00A0: donnée personnelle)\u00A0: âge inconnu"));
  for (const std::string& s : {r.out, r.err, md, json}) {
    CHECK_FALSE(contains(s, "12/05/1980"));
    CHECK_FALSE(contains(s, "1980"));
  }
}

TEST_CASE("a failed write leaves the output folder as it was") {
  ScratchDir dir;
  dir.write("d.csv", "id;Date d'entrée;Date de sortie\n1;01/02/2024;01/03/2024\n");
  std::filesystem::create_directories(dir.path() / "o" / "figures-2024.json");
  auto r = run_cli({"2024", "d.csv", "-o", "o", "-f", "md,json"}, dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err == "ctreport: error: cannot write 'o/figures-2024.json': a folder of that name is in the way; nothing "
                 "was written\n");
  CHECK(dir.files() == std::vector<std::string>{"d.csv"});
  CHECK(std::filesystem::is_directory(dir.path() / "o" / "figures-2024.json"));
}

TEST_CASE("a run that fails creates no output folder") {
  ScratchDir dir;
  dir.write("d.csv", "id;Date d'entrée;Date de sortie\n1;01/02/2024;01/03/2024\n");
  dir.write("bad.md", "{{#people}} never closed\n");
  // The workbook is made first, then the template fails.
  auto r = run_cli({"2024", "d.csv", "--template", "bad.md", "-o", "new/out", "-f", "xlsx,md"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(dir.files() == std::vector<std::string>{"bad.md", "d.csv"});
  CHECK_FALSE(std::filesystem::exists(dir.path() / "new"));
}

TEST_CASE("a reader's error while streaming rows names the file") {
  ScratchDir dir;
  dir.write("q.csv", "id;Date d'entrée\n1;\"01/02/2024\n");
  auto r = run_cli({"2024", "q.csv"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err == "ctreport: error: q.csv: row 2 (line 2): quoted field never closed\n");
}

TEST_CASE("a year after the file's latest date is a year without data") {
  ScratchDir dir;
  // Still open at the end: without the rule, 2042 would count B2 present all year.
  dir.write("d.csv", "id;Date d'entrée;Date de sortie\nA1;01/02/2023;15/03/2024\nB2;01/06/2024;\n");
  auto single = run_cli({"2042", "d.csv"}, dir.path());
  CHECK(single.exit_code == 1);
  CHECK(single.err ==
        "ctreport: error: d.csv: no data for 2042: the latest date in the file is 2024-06-01: nothing to report\n");
  CHECK(dir.files() == std::vector<std::string>{"d.csv"});
  // 2024 has data; 2025 starts after 2024-06-01: "pas de données" in the batch.
  auto batch = run_cli({"2024..2025", "d.csv", "-o", "b"}, dir.path());
  CHECK(batch.exit_code == 0);
  CHECK(contains(batch.err,
                 "ctreport: warning: d.csv: no data for 2025: the latest date in the file is 2024-06-01: no report for it\n"));
  CHECK(dir.exists("b/rapport-2024.md"));
  CHECK_FALSE(dir.exists("b/rapport-2025.md"));
  CHECK(contains(dir.read("b/index.md"), "pas de données"));
}

TEST_CASE("without the establishment's département, origin is only abroad, France and unknown") {
  ScratchDir dir;
  dir.write("o.csv", "id;Date d'entrée;Date de sortie;Département d'origine\n1;01/02/2024;;42\n2;01/02/2024;;Maroc\n"
                     "3;01/02/2024;;69\n");
  dir.write("ctreport.yaml", "establishment: {name: CT}\ncolumns: {sex: [], birth_date: [], referral: [], exit_reason: [], "
                             "housing_at_exit: [], activity_at_exit: [], stage: []}\n");
  auto r = run_cli({"2024", "o.csv", "-f", "md,json,xlsx"}, dir.path());
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "ctreport: warning: o.csv: the establishment's département is not set (establishment.departement "
                        "in the config): geographic origin is only given as abroad, France and unknown\n"));
  std::string md = dir.read("rapport-2024.md");
  CHECK(contains(md, "sur 3 personnes accueillies, 2 venaient de France (67"));
  CHECK(contains(md, "et 1 de l'étranger (33"));
  CHECK_FALSE(contains(md, "Autres régions"));
  CHECK(contains(md, "le département de l'établissement n'est pas renseigné (establishment.departement)"));
  auto j = nlohmann::json::parse(dir.read("figures-2024.json"));
  REQUIRE(j["quality"]["warnings"].size() == 1);
  CHECK(j["quality"]["warnings"][0]["code"] == "missing_departement");
  // The chart and the workbook follow the same rule: France, abroad (and unknown), no relative lines.
  std::string svg = dir.read("rapport-2024-origine.svg");
  CHECK(contains(svg, ">France<"));
  CHECK(contains(svg, ">Étranger<"));
  CHECK_FALSE(contains(svg, "Autres régions"));
  CHECK_FALSE(contains(svg, "Région"));
  auto book = ctreport::input::XlsxWorkbook::open((dir.path() / "rapport-2024.xlsx").string());
  size_t origin_sheet = 0;
  while (origin_sheet < book->sheets().size() && book->sheets()[origin_sheet].name != "Origine") ++origin_sheet;
  REQUIRE(origin_sheet < book->sheets().size());
  auto sheet = book->open_sheet(origin_sheet);
  ctreport::input::Row row;
  std::vector<std::string> lines;
  REQUIRE(sheet->next_row(row));  // header
  while (sheet->next_row(row))
    if (!row.cells.empty() && row.cells.size() > 1)
      lines.push_back(std::string(row.cells[0].text) + "=" + std::to_string(static_cast<int>(row.cells[1].number)));
  CHECK(lines == std::vector<std::string>{"France=2", "Étranger=1", "Total=3"});
  // With a département, no such warning and the full split.
  dir.write("ctreport.yaml", "establishment: {name: CT, departement: '42'}\ncolumns: {sex: [], birth_date: [], referral: [], "
                             "exit_reason: [], housing_at_exit: [], activity_at_exit: [], stage: []}\n");
  auto with = run_cli({"2024", "o.csv"}, dir.path());
  CHECK(with.err == "");
  CHECK(contains(dir.read("rapport-2024.md"), "Autres régions"));
}

}  // TEST_SUITE
