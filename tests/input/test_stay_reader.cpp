// Rows to stays: header recognition, column overrides, what is kept, errors.
#include <doctest/doctest.h>

#include "input/csv_reader.hpp"
#include "input/stay_reader.hpp"
#include "model/period.hpp"
#include "support/pipeline.hpp"
#include "util/errors.hpp"

using namespace ctreport;
using ctreport::test::figures_of;
using ctreport::test::run_pipeline;

namespace {
std::string error_of(const std::string& csv, const std::string& yaml = "") {
  try {
    run_pipeline(csv, 2024, yaml);
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}
// The warnings of `f` but the missing_column ones (small test files lack most columns).
std::vector<model::Warning> data_warnings(const figures::Figures& f) {
  std::vector<model::Warning> out;
  for (const auto& w : f.quality.warnings)
    if (w.code != "missing_column") out.push_back(w);
  return out;
}
}  // namespace

TEST_SUITE("input::stay_reader") {

TEST_CASE("headers are recognised whatever their case, accents and punctuation") {
  auto r = run_pipeline("NUMERO DE DOSSIER,SEXE,DATE D'ENTREE,date_sortie,Date de sortie\n1,F,01/02/2024,,01/03/2024\n", 2024);
  CHECK(r.figures.stays.exits == 1);
  CHECK(r.read.mapping[0] == std::pair<std::string, std::string>{"person_id", "NUMERO DE DOSSIER"});
}

TEST_CASE("title rows above the header are skipped") {
  auto r = run_pipeline("Export du logiciel;;\nCT Les Tilleuls;;\n;;\nDossier;Entrée;Sortie\n1;01/02/2024;\n", 2024);
  CHECK(r.read.header_row == 4);
  CHECK(r.figures.people.present == 1);
}

TEST_CASE("the config names other headers") {
  auto r = run_pipeline("Code;Arrivée le;Parti le\n1;01/02/2024;01/03/2024\n", 2024,
                        "columns:\n  entry_date: Arrivée le\n  exit_date: [Départ, Parti le]\n  person_id: Code\n");
  CHECK(r.figures.stays.exits == 1);
}

TEST_CASE("two columns with the same recognised header are an error") {
  CHECK(error_of("Date d'entrée;Sexe;Date d'entrée\n01/02/2024;F;01/02/2024\n") ==
        "test.csv: row 1: columns A and C both have the header 'Date d'entrée' (entry_date); keep one, or name the one to use in the "
        "config (columns.entry_date)");
}

TEST_CASE("an empty entry date is an error naming the row and column") {
  CHECK(error_of("Dossier;Date d'entrée\n1;01/02/2024\n2;\n") ==
        "test.csv: row 3, column B (Date d'entrée): the entry date is empty; expected an entry date: every stay needs one");
}

TEST_CASE("errors are listed up to 20, then counted") {
  std::string csv = "Date d'entrée\n";
  for (int i = 0; i < 25; ++i) csv += "x\n";
  std::string e = error_of(csv);
  CHECK(e.find("row 2, column A") != std::string::npos);
  CHECK(e.find("row 21, column A") != std::string::npos);
  CHECK(e.find("row 22, column A") == std::string::npos);
  CHECK(e.find("… and 5 more errors") != std::string::npos);
}

TEST_CASE("stays outside the period are not kept, and their categories are not read") {
  auto r = run_pipeline("Dossier;Sexe;Date d'entrée;Date de sortie\n1;??bad??;01/02/2020;01/03/2020\n2;F;01/02/2024;\n", 2024);
  CHECK(r.read.rows_read == 2);
  CHECK(r.read.table.stays.size() == 1);
  CHECK(data_warnings(r.figures).empty());
}

TEST_CASE("the same person across rows is one person") {
  auto f = figures_of("Dossier;Date d'entrée;Date de sortie\n A1 ;01/01/2024;01/02/2024\nA1;01/03/2024;\nB2;01/03/2024;\n", 2024);
  CHECK(f.people.present == 2);
  CHECK(f.stays.overlapping == 3);
}

TEST_CASE("missing-value markers are unknown, not unmapped") {
  auto f = figures_of("Dossier;Date d'entrée;Date de sortie;Sexe;Orientation\nA;01/01/2024;;NR;non renseigné\nB;01/01/2024;;?;-\n", 2024,
                      "check: {max_unknown_share: 1}\n");
  CHECK(test::line(f.breakdown("sex"), "unknown").count == 2);
  CHECK(test::line(f.breakdown("referral"), "unknown").count == 2);
  CHECK(data_warnings(f).empty());
}

TEST_CASE("a missing identifier on a row kept only for the returns is about no stay of the year") {
  // Row 3 ended in the returns window before 2024 and overlaps no period: its warning is about a row
  // not kept, not about the next stay kept (there is none after it: it pointed past the table).
  const std::string csv = "Dossier;Date d'entrée;Date de sortie\nA;01/01/2024;\n;01/02/2023;01/03/2023\n";
  model::Config config = test::config_with("");
  input::ReadOptions options;
  options.periods = {model::make_period(2024, 1)};
  auto read = input::read_stays(input::CsvReader::from_string(csv), "test.csv", config, options);
  REQUIRE(read.table.stays.size() == 1);
  REQUIRE(read.table.past_exits.size() == 1);
  std::vector<uint32_t> asked;
  auto log = read.warnings.select([&](uint32_t stay) { asked.push_back(stay); return true; },
                                  [](uint64_t row, size_t) { return "row " + std::to_string(row); }, true);
  for (uint32_t stay : asked) CHECK(stay < read.table.stays.size());
  auto of_year = read.warnings_for(options.periods[0]);
  REQUIRE(of_year.list().size() >= 1);
  bool found = false;
  for (const auto& w : of_year.list()) found |= w.code == "missing_person_id" && w.row == 3;
  CHECK(found);  // a row outside every period: in the (last) year's report
  CHECK(read.warnings_for(options.periods[0], false).list().size() < of_year.list().size());
}

TEST_CASE("a missing person identifier is a warning and a person of its own") {
  auto r = run_pipeline("Dossier;Date d'entrée;Date de sortie\nA;01/01/2024;\n;01/02/2024;\n;01/03/2024;\n", 2024);
  CHECK(r.figures.people.present == 3);
  // A finding about a row: one per row, each naming its row.
  auto w = data_warnings(r.figures);
  REQUIRE(w.size() == 2);
  CHECK(w[0].code == "missing_person_id");
  CHECK(w[0].count == 1);
  CHECK(w[0].row == 3);
  CHECK(w[1].row == 4);
}

TEST_CASE("Windows-1252 export with quoted multi-line fields, CRLF and a BOM-less header") {
  std::string csv =
      "N\xb0 dossier;Sexe;Date d'entr\xe9" "e;Date de sortie;Observations;Orientation\r\n"
      "1;F;01/02/2024;;\"ligne 1\r\nligne 2; \"\"cit\xe9\"\"\";h\xf4pital\r\n"
      "2;H;01/03/2024;15/03/2024;;d\xe9marche personnelle\r\n";
  auto r = run_pipeline(csv, 2024);
  CHECK(r.figures.people.present == 2);
  CHECK(test::line(r.figures.breakdown("referral"), "health").count == 1);
  CHECK(test::line(r.figures.breakdown("referral"), "self").count == 1);
  CHECK(r.read.table.stays[1].row == 3);
}

TEST_CASE("natural header variants map to their field") {
  auto r = run_pipeline(
      "N° dossier;Date naissance;Date d'admission;Fin de séjour;Motif sortie;Code postal;Logement sortie;Emploi "
      "sortie;Orienteur\nA1;01/01/1990;01/02/2024;01/03/2024;Fin de contrat;42000;;;CSAPA\n",
      2024);
  std::vector<std::pair<std::string, std::string>> expected = {
      {"person_id", "N° dossier"},      {"birth_date", "Date naissance"},   {"entry_date", "Date d'admission"},
      {"exit_date", "Fin de séjour"},   {"referral", "Orienteur"},          {"origin", "Code postal"},
      {"exit_reason", "Motif sortie"},  {"housing_at_exit", "Logement sortie"},
      {"activity_at_exit", "Emploi sortie"}};
  CHECK(r.read.mapping == expected);
  CHECK(r.figures.stays.exits == 1);
  for (const char* header : {"Date sortie", "Date de fin", "Date fin", "Date de départ"}) {
    auto f = figures_of(std::string("Date entrée;") + header + "\n01/02/2024;01/03/2024\n", 2024);
    CHECK_MESSAGE(f.stays.exits == 1, header);
  }
}

TEST_CASE("unmapped values are counted per value, whatever the order of the rows") {
  auto r = run_pipeline(
      "Dossier;Date d'entrée;Date de sortie;Orientation\nA;01/01/2024;;Divers\nB;02/01/2024;;Autre\nC;03/01/2024;;Divers\n"
      "D;04/01/2024;;Autre\nE;05/01/2024;;Divers\n",
      2024);
  auto w = data_warnings(r.figures);
  REQUIRE(w.size() == 2);
  CHECK(w[0].value == "Divers");
  CHECK(w[0].count == 3);
  CHECK(w[1].value == "Autre");
  CHECK(w[1].count == 2);
}

TEST_CASE("duplicate headers: one warning per repeated header, with its number of columns, in linear time") {
  // 4,000 columns of one header (8 KB) took 28 s and 632 MB when every pair was compared and warned about.
  std::string header = "Dossier;Date d'entrée", row = "1;01/02/2024";
  for (int i = 0; i < 4000; ++i) header += ";Obs", row += ";x";
  header += ";Remarque;remarque;Дом;Мир;Дом";
  auto r = run_pipeline(header + "\n" + row + "\n" + "2;01/03/2024\n", 2024);
  CHECK(r.read.rows_read == 2);
  CHECK(r.figures.stays.overlapping == 2);
  std::vector<std::string> messages;
  for (const auto& w : r.figures.quality.warnings)
    if (w.code == "duplicate_header") messages.push_back(w.message);
  // Headers that normalise to nothing (not Latin) are compared as written.
  CHECK(messages == std::vector<std::string>{
                        "4000 columns have the same header 'Obs' (the first two: C and D)",
                        "columns EWY and EWZ have the same header 'remarque'",
                        "columns EXA and EXC have the same header 'Дом'",
                    });
}

}  // TEST_SUITE
