// XLSX input: workbooks written by libxlsxwriter here, committed fixtures from
// LibreOffice and openpyxl, and hostile files refused with one line.
#include <doctest/doctest.h>

#include <xlsxwriter.h>
#include <zip.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "input/xlsx_workbook.hpp"
#include "support/cli.hpp"
#include "util/errors.hpp"

using namespace ctreport;
using ctreport::test::run_cli;
using ctreport::test::ScratchDir;

namespace {

// A workbook like a resident-file export: a title row, an empty row, the
// header, then stays; dates as real dates, one as text; a hidden sheet first.
std::string write_workbook(const ScratchDir& dir) {
  std::string path = (dir.path() / "sejours.xlsx").string();
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* notes = workbook_add_worksheet(wb, "Notes");
  worksheet_write_string(notes, 0, 0, "rien ici", nullptr);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Séjours 2024");
  worksheet_activate(ws);
  worksheet_hide(notes);
  workbook_add_worksheet(wb, "Vide");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd/mm/yyyy");
  worksheet_merge_range(ws, 0, 0, 0, 4, "Export du logiciel — CT Les Tilleuls", nullptr);
  const char* headers[] = {"N° dossier", "Sexe", "Date d'entrée", "Date de sortie", "Étape"};
  for (int c = 0; c < 5; ++c) worksheet_write_string(ws, 2, c, headers[c], nullptr);
  lxw_datetime d1 = {2023, 11, 15, 0, 0, 0}, d2 = {2024, 1, 10, 0, 0, 0}, d3 = {2024, 3, 1, 0, 0, 0};
  worksheet_write_string(ws, 3, 0, "A1", nullptr);
  worksheet_write_string(ws, 3, 1, "F", nullptr);
  worksheet_write_datetime(ws, 3, 2, &d1, date);
  worksheet_write_datetime(ws, 3, 3, &d2, date);
  worksheet_write_number(ws, 3, 4, 2, nullptr);
  // row 5: sparse (no exit), stage as a formula with its cached value
  worksheet_write_string(ws, 4, 0, "A2", nullptr);
  worksheet_write_string(ws, 4, 1, "H", nullptr);
  worksheet_write_datetime(ws, 4, 2, &d3, date);
  worksheet_write_formula_num(ws, 4, 4, "=1+0", nullptr, 1);
  // row 7 (row 6 left empty): the entry date typed as text
  worksheet_write_string(ws, 6, 0, "A3", nullptr);
  worksheet_write_boolean(ws, 6, 1, 0, nullptr);
  worksheet_write_string(ws, 6, 2, "01/06/2024", nullptr);
  worksheet_write_string(ws, 6, 3, "30/09/2024", nullptr);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  return path;
}

// A zip with the given entries, written with libzip.
void write_zip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& entries) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  REQUIRE(z != nullptr);
  for (const auto& [name, content] : entries) {
    zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
    REQUIRE(zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE) >= 0);
  }
  REQUIRE(zip_close(z) == 0);
}

const std::string k_rels =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"xl/workbook.xml\"/></Relationships>";
const std::string k_workbook =
    "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
    "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
std::string workbook_rels(const std::string& target) {
  return "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
         "Target=\"" + target + "\"/></Relationships>";
}
const std::string k_sheet =
    "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Date d'entrée</t></is></c></row>"
    "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>01/02/2024</t></is></c></row></sheetData></worksheet>";

std::string open_error(const std::string& path) {
  try {
    auto book = input::XlsxWorkbook::open(path);
    for (size_t i = 0; i < book->sheets().size(); ++i) {
      auto reader = book->open_sheet(i);
      input::Row row;
      while (reader->next_row(row)) {
      }
    }
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_SUITE("input::xlsx") {

TEST_CASE("sheets, hidden state, strings, dates, numbers, formulas, sparse and title rows") {
  ScratchDir dir;
  auto book = input::XlsxWorkbook::open(write_workbook(dir));
  REQUIRE(book->sheets().size() == 3);
  CHECK(book->sheets()[0].name == "Notes");
  CHECK(book->sheets()[0].hidden);
  CHECK(book->sheets()[1].name == "Séjours 2024");
  CHECK_FALSE(book->sheets()[1].hidden);
  auto reader = book->open_sheet(1);
  input::Row row;
  REQUIRE(reader->next_row(row));
  CHECK(row.row == 1);
  CHECK(row.cells[0].text == "Export du logiciel — CT Les Tilleuls");
  REQUIRE(reader->next_row(row));  // the empty row 2 is skipped
  CHECK(row.row == 3);
  CHECK(row.cells[2].text == "Date d'entrée");
  REQUIRE(reader->next_row(row));
  CHECK(row.row == 4);
  CHECK(row.cells[2].type == input::CellType::date);
  CHECK(row.cells[2].day == util::to_day(2023, 11, 15));
  CHECK(row.cells[4].type == input::CellType::number);
  CHECK(row.cells[4].text == "2");
  REQUIRE(reader->next_row(row));
  CHECK(row.row == 5);
  CHECK(row.cells[3].type == input::CellType::empty);
  CHECK(row.cells[4].number == 1);  // the formula's cached value
  REQUIRE(reader->next_row(row));
  CHECK(row.row == 7);
  CHECK(row.cells[1].type == input::CellType::boolean);
  CHECK(row.cells[2].text == "01/06/2024");
  CHECK_FALSE(reader->next_row(row));
  CHECK(reader->cell_position(row, 3) == "'Séjours 2024'!D7");
}

TEST_CASE("the 1904 date system, 'true' as well as '1', and a custom date format") {
  for (const char* flag : {"1", "true"}) {
    CAPTURE(std::string(flag));
    ScratchDir dir;
    std::string path = (dir.path() / "d1904.xlsx").string();
    long serial = util::to_day(2023, 11, 15) + 24107;  // days since 1904-01-01
    write_zip(path, {{"_rels/.rels", k_rels},
                     {"xl/workbook.xml",
                      "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><workbookPr date1904=\"" +
                          std::string(flag) + "\"/><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
                     {"xl/_rels/workbook.xml.rels", workbook_rels("worksheets/sheet1.xml")},
                     {"xl/styles.xml",
                      "<?xml version=\"1.0\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                      "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
                      "<numFmt numFmtId=\"165\" formatCode=\"General\"/></numFmts>"
                      "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/></cellXfs></styleSheet>"},
                     {"xl/worksheets/sheet1.xml",
                      "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                      "<sheetData><row><c t=\"inlineStr\"><is><t>Date d'entrée</t></is></c></row>"
                      "<row><c s=\"1\"><v>" + std::to_string(serial) + "</v></c><c s=\"2\"><v>3.5</v></c></row></sheetData></worksheet>"}});
    auto book = input::XlsxWorkbook::open(path);
    auto reader = book->open_sheet(0);
    input::Row row;
    REQUIRE(reader->next_row(row));
    CHECK(row.row == 1);  // rows without r are counted
    REQUIRE(reader->next_row(row));
    CHECK(row.row == 2);
    CHECK(row.cells[0].type == input::CellType::date);
    CHECK(row.cells[0].day == util::to_day(2023, 11, 15));
    CHECK(row.cells[1].type == input::CellType::number);  // "General" is not a date format
    CHECK(row.cells[1].text == "3.5");
  }
}

TEST_CASE("a workbook gives the figures of the same data as CSV, sheet chosen by header, name or number") {
  ScratchDir dir;
  write_workbook(dir);
  dir.write("sejours.csv", "N° dossier;Sexe;Date d'entrée;Date de sortie;Étape\nA1;F;15/11/2023;10/01/2024;2\n"
                           "A2;H;01/03/2024;;1\nA3;FALSE;01/06/2024;30/09/2024;\n");
  REQUIRE(run_cli({"2024", "sejours.xlsx", "-f", "json", "-o", "x", "-q"}, dir.path()).exit_code == 0);
  REQUIRE(run_cli({"2024", "sejours.csv", "-f", "json", "-o", "c", "-q"}, dir.path()).exit_code == 0);
  auto x = nlohmann::json::parse(dir.read("x/figures-2024.json"));
  auto c = nlohmann::json::parse(dir.read("c/figures-2024.json"));
  CHECK(x["quality"]["source"] == "XLSX sheet 'Séjours 2024'");
  x.erase("quality");
  c.erase("quality");
  CHECK(x == c);
  CHECK(run_cli({"2024", "sejours.xlsx", "--sheet", "Séjours 2024", "-q"}, dir.path()).exit_code == 0);
  CHECK(run_cli({"2024", "sejours.xlsx", "--sheet", "2", "-q"}, dir.path()).exit_code == 0);
  auto unknown = run_cli({"2024", "sejours.xlsx", "--sheet", "2023"}, dir.path());
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "ctreport: error: sejours.xlsx: there is no sheet number 2023; the workbook has 3 sheet(s): 'Notes' "
                       "(hidden), 'Séjours 2024', 'Vide'\n");
  auto named = run_cli({"2024", "sejours.xlsx", "--sheet", "Sejours"}, dir.path());
  CHECK(named.err == "ctreport: error: sejours.xlsx: there is no sheet 'Sejours'; the workbook has: 'Notes' (hidden), "
                     "'Séjours 2024', 'Vide'\n");
}

TEST_CASE("errors name the sheet and the cell") {
  ScratchDir dir;
  std::string path = (dir.path() / "bad.xlsx").string();
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Séjours");
  worksheet_write_string(ws, 0, 0, "Date d'entrée", nullptr);
  worksheet_write_string(ws, 1, 0, "31/02/2024", nullptr);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  auto r = run_cli({"2024", "bad.xlsx"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err == "ctreport: error: bad.xlsx: Séjours!A2 (Date d'entrée): '31/02/2024' is not a possible date; expected a "
                 "date such as 31/12/2024 or 2024-12-31\n");
}

TEST_CASE("committed fixtures from LibreOffice and openpyxl give the figures of their CSV twin") {
  std::filesystem::path fixtures = std::filesystem::path(CTREPORT_SOURCE_DIR) / "tests" / "fixtures" / "xlsx";
  for (const char* name : {"libreoffice", "openpyxl"}) {
    CAPTURE(std::string(name));
    auto xlsx = fixtures / (std::string(name) + ".xlsx");
    if (!std::filesystem::exists(xlsx)) {
      MESSAGE("fixture " << xlsx.string() << " missing");
      CHECK(std::filesystem::exists(xlsx));
      continue;
    }
    ScratchDir dir;
    REQUIRE(run_cli({"2024", xlsx.string(), "-f", "json", "-o", "x", "-q"}, dir.path()).exit_code == 0);
    REQUIRE(run_cli({"2024", (fixtures / "stays.csv").string(), "-f", "json", "-o", "c", "-q"}, dir.path()).exit_code == 0);
    auto x = nlohmann::json::parse(dir.read("x/figures-2024.json"));
    auto c = nlohmann::json::parse(dir.read("c/figures-2024.json"));
    x.erase("quality");
    c.erase("quality");
    CHECK(x == c);
  }
}

TEST_CASE("hostile files are refused with one line") {
  ScratchDir dir;
  dir.write("csv.xlsx", "Date d'entrée;Sexe\n01/02/2024;F\n");
  CHECK(open_error((dir.path() / "csv.xlsx").string()) ==
        "not an XLSX workbook (no zip signature); if it is a CSV export, name it .csv");
  dir.write("old.xlsx", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0'));
  CHECK(open_error((dir.path() / "old.xlsx").string()) ==
        "an encrypted workbook or an old .xls (BIFF) file: save it as .xlsx without a password");

  std::string doctype = (dir.path() / "doctype.xlsx").string();
  write_zip(doctype, {{"_rels/.rels", k_rels},
                      {"xl/workbook.xml", "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
                                          "\"&lol;&lol;&lol;&lol;\">]><workbook>&lol2;</workbook>"}});
  CHECK(open_error(doctype) ==
        "the workbook part xl/workbook.xml declares a DOCTYPE or entities: refused (not an XLSX file as spreadsheet "
        "software writes them)");

  std::string traversal = (dir.path() / "traversal.xlsx").string();
  write_zip(traversal, {{"_rels/.rels", k_rels},
                        {"xl/workbook.xml", k_workbook},
                        {"xl/_rels/workbook.xml.rels", workbook_rels("../../../etc/passwd")}});
  CHECK(open_error(traversal) == "the workbook refers to a part outside the package ('../../../etc/passwd'): refused");

  std::string bomb = (dir.path() / "bomb.xlsx").string();
  write_zip(bomb, {{"_rels/.rels", k_rels},
                   {"xl/workbook.xml", k_workbook},
                   {"xl/_rels/workbook.xml.rels", workbook_rels("worksheets/sheet1.xml")},
                   {"xl/worksheets/sheet1.xml", std::string(64u << 20, ' ')}});
  CHECK(open_error(bomb) == "the sheet 'S' is compressed more than 1000:1: refused (a zip bomb?)");

  std::string no_workbook = (dir.path() / "empty.xlsx").string();
  write_zip(no_workbook, {{"word/document.xml", "<w/>"}});
  CHECK(open_error(no_workbook) == "not an XLSX workbook (no workbook part); is it an .ods or a .docx?");

  std::string ok = (dir.path() / "ok.xlsx").string();
  write_zip(ok, {{"_rels/.rels", k_rels},
                 {"xl/workbook.xml", k_workbook},
                 {"xl/_rels/workbook.xml.rels", workbook_rels("worksheets/sheet1.xml")},
                 {"xl/worksheets/sheet1.xml", k_sheet}});
  CHECK(open_error(ok) == "");
  auto r = run_cli({"2024", "csv.xlsx"}, dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err == "ctreport: error: csv.xlsx: not an XLSX workbook (no zip signature); if it is a CSV export, name it .csv\n");
}

}  // TEST_SUITE
