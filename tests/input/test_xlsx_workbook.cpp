// XLSX input: workbooks written by libxlsxwriter here, committed fixtures from
// LibreOffice and openpyxl, and hostile files refused with one line.
#include <doctest/doctest.h>

#include <xlsxwriter.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "input/xlsx_workbook.hpp"
#include "support/cli.hpp"
#include "support/zip_file.hpp"
#include "util/errors.hpp"

using namespace ctreport;
using ctreport::test::run_cli;
using ctreport::test::ScratchDir;
using ctreport::test::lie_about_size;
using ctreport::test::write_zip;

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

// A one-sheet workbook: the sheet's rows, and optionally shared strings
// (<si> contents), styles (the styleSheet's content) and workbookPr.
struct Book {
  std::string sheet_name = "S";
  std::string rows;
  std::optional<std::vector<std::string>> strings;
  std::string styles;
  std::string workbook_pr;
  std::string sheet_xml;  // the whole sheet part, instead of one made around `rows`
};

const char* k_ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                   "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

std::string write_book(const ScratchDir& dir, const std::string& file, const Book& b) {
  std::string path = (dir.path() / file).string();
  std::string rels =
      "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
      "Target=\"worksheets/sheet1.xml\"/>";
  std::vector<std::pair<std::string, std::string>> entries = {
      {"_rels/.rels", k_rels},
      {"xl/workbook.xml", std::string("<?xml version=\"1.0\"?><workbook ") + k_ns + ">" + b.workbook_pr +
                              "<sheets><sheet name=\"" + b.sheet_name + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/worksheets/sheet1.xml",
       !b.sheet_xml.empty() ? b.sheet_xml
                            : std::string("<?xml version=\"1.0\"?><worksheet ") + k_ns + "><sheetData>" + b.rows +
                                  "</sheetData></worksheet>"}};
  if (b.strings) {
    rels += "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            "sharedStrings\" Target=\"sharedStrings.xml\"/>";
    std::string sst = std::string("<?xml version=\"1.0\"?><sst ") + k_ns + ">";
    for (const auto& si : *b.strings) sst += "<si>" + si + "</si>";
    entries.emplace_back("xl/sharedStrings.xml", sst + "</sst>");
  }
  if (!b.styles.empty()) {
    rels += "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
            "Target=\"styles.xml\"/>";
    entries.emplace_back("xl/styles.xml", std::string("<?xml version=\"1.0\"?><styleSheet ") + k_ns + ">" + b.styles +
                                              "</styleSheet>");
  }
  entries.emplace_back("xl/_rels/workbook.xml.rels", rels + "</Relationships>");
  write_zip(path, entries);
  return path;
}

std::string inline_cell(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

// Every row of the first sheet as "A1=T:text B1=N:3.5 …" (empty cells left
// out), or the error's message.
std::vector<std::string> dump(const std::string& path, input::XlsxReadOptions options = {}) {
  std::vector<std::string> out;
  try {
    auto book = input::XlsxWorkbook::open(path, options);
    auto reader = book->open_sheet(0);
    input::Row row;
    while (reader->next_row(row)) {
      std::string line;
      for (size_t i = 0; i < row.cells.size(); ++i) {
        const auto& c = row.cells[i];
        if (c.type == input::CellType::empty) continue;
        const char* kind = c.type == input::CellType::text     ? "T"
                           : c.type == input::CellType::number ? "N"
                           : c.type == input::CellType::date   ? "D"
                                                               : "B";
        if (!line.empty()) line += ' ';
        line += fmt::format("{}{}={}:{}", input::column_letters(i), row.row, kind, c.text);
      }
      out.push_back(line);
    }
  } catch (const std::exception& e) {
    out.push_back(std::string("error: ") + e.what());
  }
  return out;
}


// Renames the zip entry `from` to `to` (of the same length) in its local
// header and in the central directory, as a hostile packager would.
void rename_entry(const std::string& path, const std::string& from, const std::string& to) {
  REQUIRE(from.size() == to.size());
  std::ifstream in(path, std::ios::binary);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  int patched = 0;
  for (size_t i = data.find("PK\x03\x04"); i != std::string::npos; i = data.find("PK\x03\x04", i + 4))
    if (data.compare(i + 30, from.size(), from) == 0) data.replace(i + 30, to.size(), to), ++patched;
  for (size_t i = data.find("PK\x01\x02"); i != std::string::npos; i = data.find("PK\x01\x02", i + 4))
    if (data.compare(i + 46, from.size(), from) == 0) data.replace(i + 46, to.size(), to), ++patched;
  REQUIRE(patched == 2);
  std::ofstream(path, std::ios::binary) << data;
}

const std::string k_header_row = "<row r=\"1\">" + inline_cell("A1", "Date d'entrée") + inline_cell("B1", "Sexe") + "</row>";

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
  // The same layout: a title row, an empty row, the header, and an empty row 6.
  dir.write("sejours.csv", "Export du logiciel — CT Les Tilleuls;;;;\n;;;;\nN° dossier;Sexe;Date d'entrée;Date de sortie;Étape\n"
                           "A1;F;15/11/2023;10/01/2024;2\nA2;H;01/03/2024;;1\n;;;;\nA3;FALSE;01/06/2024;30/09/2024;\n");
  REQUIRE(run_cli({"2024", "sejours.xlsx", "-f", "json", "-o", "x", "-q"}, dir.path()).exit_code == 0);
  REQUIRE(run_cli({"2024", "sejours.csv", "-f", "json", "-o", "c", "-q"}, dir.path()).exit_code == 0);
  auto x = nlohmann::json::parse(dir.read("x/figures-2024.json"));
  auto c = nlohmann::json::parse(dir.read("c/figures-2024.json"));
  CHECK(x["quality"]["source"] == "XLSX sheet 'Séjours 2024'");
  x["quality"].erase("source");
  c["quality"].erase("source");
  CHECK(x == c);
  CHECK(run_cli({"2024", "sejours.xlsx", "--sheet", "Séjours 2024", "-q"}, dir.path()).exit_code == 0);
  CHECK(run_cli({"2024", "sejours.xlsx", "--sheet", "1", "-q"}, dir.path()).exit_code == 0);  // 'Notes' is hidden
  auto unknown = run_cli({"2024", "sejours.xlsx", "--sheet", "2023"}, dir.path());
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "ctreport: error: sejours.xlsx: there is no sheet number 2023 (the visible sheets are counted, as "
                       "their tabs show them); the workbook has 2 visible sheet(s): 'Notes' (hidden), 'Séjours 2024', "
                       "'Vide'\n");
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
  // A sheet with its header and nothing under it.
  std::string empty_path = (dir.path() / "header.xlsx").string();
  lxw_workbook* header_only = workbook_new(empty_path.c_str());
  worksheet_write_string(workbook_add_worksheet(header_only, "notes"), 0, 0, "Date d'entrée", nullptr);
  REQUIRE(workbook_close(header_only) == LXW_NO_ERROR);
  auto empty = run_cli({"2024", "header.xlsx"}, dir.path());
  CHECK(empty.exit_code == 1);
  CHECK(empty.err == "ctreport: error: header.xlsx: sheet 'notes': the sheet has a header (row 1) but no data rows\n");
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
    x["quality"].erase("source");
    c["quality"].erase("source");
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

TEST_CASE("columns end at XFD and a far cell costs one cell, not the columns before it") {
  ScratchDir dir;
  CHECK(dump(write_book(dir, "far.xlsx", {.rows = "<row r=\"1\"><c r=\"ZZZZZZZZ1\"><v>1</v></c></row>"})) ==
        std::vector<std::string>{"error: S!ZZZZZZZZ1: the cell is beyond column XFD, the last of the 16384 columns a sheet can have"});
  CHECK(dump(write_book(dir, "xfe.xlsx", {.rows = "<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>"})) ==
        std::vector<std::string>{"error: S!XFE1: the cell is beyond column XFD, the last of the 16384 columns a sheet can have"});
  CHECK(dump(write_book(dir, "row.xlsx", {.rows = "<row r=\"99999999999999999999\"><c r=\"A1\"><v>1</v></c></row>"})) ==
        std::vector<std::string>{"error: the sheet 'S' has a row numbered '99999999999999999999': expected 1 to 1048576, the "
                                 "rows a sheet can have"});
  // 20000 rows with a value in XFD: read one row at a time, with one stored cell each.
  std::string rows;
  for (int r = 1; r <= 20000; ++r) rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"XFD" + std::to_string(r) + "\"><v>1</v></c></row>";
  auto book = input::XlsxWorkbook::open(write_book(dir, "xfd.xlsx", {.rows = rows}));
  auto reader = book->open_sheet(0);
  input::Row row;
  size_t n = 0;
  while (reader->next_row(row)) {
    ++n;
    REQUIRE(row.cells.size() == 16384);
    CHECK(row.cells[16383].number == 1);
  }
  CHECK(n == 20000);
  dir.write("far.csv", "");
  auto r = run_cli({"2024", "far.xlsx"}, dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err == "ctreport: error: far.xlsx: S!ZZZZZZZZ1: the cell is beyond column XFD, the last of the 16384 columns a "
                 "sheet can have\n");
}

TEST_CASE("a zip whose central directory lies about a part's size is refused as it inflates") {
  ScratchDir dir;
  std::string big(1u << 20, ' ');  // more than a read's 64 KB
  for (uint32_t lie : {0u, 1000u}) {
    CAPTURE(lie);
    std::string sheet = (dir.path() / "sheet.xlsx").string();
    write_zip(sheet, {{"_rels/.rels", k_rels},
                      {"xl/workbook.xml", k_workbook},
                      {"xl/_rels/workbook.xml.rels", workbook_rels("worksheets/sheet1.xml")},
                      {"xl/worksheets/sheet1.xml", k_sheet.substr(0, k_sheet.size() - 24) + big + "</sheetData></worksheet>"}});
    lie_about_size(sheet, "xl/worksheets/sheet1.xml", lie);
    CHECK(open_error(sheet) == "the sheet 'S' unpacks to more than it declares: refused (a zip bomb?)");

    std::string strings = (dir.path() / "strings.xlsx").string();
    write_zip(strings, {{"_rels/.rels", k_rels},
                        {"xl/workbook.xml", k_workbook},
                        {"xl/_rels/workbook.xml.rels", workbook_rels("worksheets/sheet1.xml")},
                        {"xl/sharedStrings.xml", "<sst><si><t>" + big + "</t></si></sst>"},
                        {"xl/worksheets/sheet1.xml", k_sheet}});
    lie_about_size(strings, "xl/sharedStrings.xml", lie);
    CHECK(open_error(strings) == "the workbook part xl/sharedStrings.xml unpacks to more than it declares: refused (a zip bomb?)");
  }
}

TEST_CASE("a zip with two entries of one name is refused, whichever part it is") {
  ScratchDir dir;
  const std::string other_sheet =
      "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Date d'entrée</t></is></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>01/03/2024</t></is></c></row></sheetData></worksheet>";
  for (const std::string twice : {"xl/worksheets/sheet1.xml", "xl/workbook.xml"}) {
    CAPTURE(twice);
    std::string path = (dir.path() / "twice.xlsx").string();
    std::string stand_in = twice.substr(0, twice.size() - 5) + "_.xml";  // renamed below
    std::vector<std::pair<std::string, std::string>> entries = {
        {"_rels/.rels", k_rels},
        {"xl/workbook.xml", k_workbook},
        {"xl/_rels/workbook.xml.rels", workbook_rels("worksheets/sheet1.xml")},
        {"xl/worksheets/sheet1.xml", k_sheet}};
    entries.emplace_back(stand_in, twice == "xl/workbook.xml" ? k_workbook : other_sheet);
    write_zip(path, entries);
    REQUIRE(dump(path).size() == 2);
    rename_entry(path, stand_in, twice);
    std::string message;
    try {
      input::XlsxWorkbook::open(path);
    } catch (const UsageError& e) {
      message = e.what();
    }
    CHECK(message == "the workbook holds two zip entries named '" + twice +
                         "': refused (which one is the part is ambiguous)");
  }
  auto r = run_cli({"2024", "twice.xlsx"}, dir.path());
  CHECK(r.exit_code == 2);  // an unusable file, like the other hostile workbooks
  CHECK(r.err == "ctreport: error: twice.xlsx: the workbook holds two zip entries named 'xl/workbook.xml': refused "
                 "(which one is the part is ambiguous)\n");
}

TEST_CASE("a DOCTYPE in the streamed sheet part is refused") {
  ScratchDir dir;
  std::string path = (dir.path() / "doctype.xlsx").string();
  write_zip(path, {{"_rels/.rels", k_rels},
                   {"xl/workbook.xml", k_workbook},
                   {"xl/_rels/workbook.xml.rels", workbook_rels("worksheets/sheet1.xml")},
                   {"xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">]>" +
                                                    k_sheet.substr(std::string("<?xml version=\"1.0\"?>").size())}});
  CHECK(open_error(path) == "the workbook part xl/worksheets/sheet1.xml declares a DOCTYPE or entities: refused (not an "
                            "XLSX file as spreadsheet software writes them)");
}

TEST_CASE("a cell holds at most 32767 characters, and messages quote a long value shortened") {
  ScratchDir dir;
  std::string max(32767, 'a'), over(40000, 'a');
  CHECK(dump(write_book(dir, "max.xlsx", {.rows = "<row r=\"2\">" + inline_cell("B2", max) + "</row>"})) ==
        std::vector<std::string>{"B2=T:" + max});
  const std::string too_long = "the cell holds more than 32767 characters, the most a cell can hold (Excel's limit); "
                               "expected a date, a category or a short text";
  CHECK(dump(write_book(dir, "inline.xlsx", {.rows = "<row r=\"2\">" + inline_cell("B2", over) + "</row>"})) ==
        std::vector<std::string>{"error: S!B2: " + too_long});
  CHECK(dump(write_book(dir, "huge.xlsx", {.rows = "<row r=\"2\">" + inline_cell("B2", std::string(8u << 20, 'a')) + "</row>"})) ==
        std::vector<std::string>{"error: S!B2: " + too_long});
  CHECK(dump(write_book(dir, "shared.xlsx",
                        {.rows = "<row r=\"3\"><c r=\"C3\" t=\"s\"><v>1</v></c></row>",
                         .strings = std::vector<std::string>{"<t>ok</t>", "<t>" + over + "</t>"}})) ==
        std::vector<std::string>{"error: S!C3: " + too_long});
  // Through the command line: exit 1, the file and the cell named, one line.
  write_book(dir, "stays.xlsx", {.rows = k_header_row + "<row r=\"2\">" + inline_cell("A2", over) + "</row>"});
  auto r = run_cli({"2024", "stays.xlsx", "--sheet", "S"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err == "ctreport: error: stays.xlsx: S!A2: " + too_long + "\n");
  // A long value in a date column is quoted shortened.
  std::string long_text(500, 'x');
  write_book(dir, "long.xlsx", {.rows = k_header_row + "<row r=\"2\">" + inline_cell("A2", long_text) + "</row>"});
  r = run_cli({"2024", "long.xlsx"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err == "ctreport: error: long.xlsx: S!A2 (Date d'entrée): '" + std::string(60, 'x') +
                     "… (500 characters)' is not a date; expected a date such as 31/12/2024 or 2024-12-31\n");
  // So is a long category value in a warning.
  write_book(dir, "cat.xlsx", {.rows = k_header_row + "<row r=\"2\">" + inline_cell("A2", "01/02/2024") +
                                       inline_cell("B2", long_text) + "</row>"});
  REQUIRE(run_cli({"2024", "cat.xlsx", "-f", "json", "-o", "cat", "-q"}, dir.path()).exit_code == 0);
  auto figures = nlohmann::json::parse(dir.read("cat/figures-2024.json"));
  nlohmann::json unmapped;
  for (const auto& w : figures["quality"]["warnings"])
    if (w["code"] == "unmapped_value") unmapped = w;
  CHECK(unmapped["message"] == "'" + std::string(60, 'x') +
                                   "… (500 characters)' maps to no sex category: counted as other");
}

TEST_CASE("shared-string cells: no value is empty, a bad index or a missing table is an error naming the cell") {
  ScratchDir dir;
  std::vector<std::string> strings = {"<t>Date d'entrée</t>", "<t>F</t>"};
  CHECK(dump(write_book(dir, "ok.xlsx",
                        {.rows = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v> 0 </v></c><c r=\"B1\" t=\"s\"/><c r=\"C1\" t=\"s\">"
                                 "<v>1</v></c><c r=\"D1\" t=\"b\"/><c r=\"E1\" t=\"b\"><v>0</v></c></row>",
                         .strings = strings})) == std::vector<std::string>{"A1=T:Date d'entrée C1=T:F E1=B:FALSE"});
  CHECK(dump(write_book(dir, "abc.xlsx", {.rows = "<row r=\"4\"><c r=\"E4\" t=\"s\"><v>abc</v></c></row>", .strings = strings})) ==
        std::vector<std::string>{"error: S!E4: the shared-string index 'abc' is not a number: the workbook is damaged"});
  CHECK(dump(write_book(dir, "range.xlsx", {.rows = "<row r=\"4\"><c r=\"E4\" t=\"s\"><v>99</v></c></row>", .strings = strings})) ==
        std::vector<std::string>{"error: S!E4: the cell refers to shared string 99, but the workbook has 2: the workbook is damaged"});
  write_book(dir, "none.xlsx", {.rows = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"});
  auto r = run_cli({"2024", "none.xlsx"}, dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err == "ctreport: error: none.xlsx: S!A1: the cell refers to a shared string, but the workbook has no "
                 "shared-strings part (xl/sharedStrings.xml): the workbook is damaged\n");
}

TEST_CASE("times of day and durations are numbers, formats with a day, month or year are dates") {
  ScratchDir dir;
  // Built-in formats (ECMA-376 Part 1, 18.8.30), then custom ones (18.8.31).
  std::vector<int> builtin = {14, 15, 17, 22, 18, 19, 20, 21, 45, 46, 47, 0, 2};
  std::vector<std::string> custom = {"dd/mm/yyyy", "mmm yy", "yyyy-mm", "[$-40C]d\\ mmmm\\ yyyy;@", "dd/mm/yyyy hh:mm",
                                     "h:mm", "[h]:mm:ss", "mm:ss", "hh:mm AM/PM", "[mm]:ss", "0&quot; jours&quot;", "General", "@"};
  std::string styles = "<numFmts>";
  for (size_t i = 0; i < custom.size(); ++i)
    styles += "<numFmt numFmtId=\"" + std::to_string(164 + i) + "\" formatCode=\"" + custom[i] + "\"/>";
  styles += "</numFmts><cellXfs>";
  for (int id : builtin) styles += "<xf numFmtId=\"" + std::to_string(id) + "\"/>";
  for (size_t i = 0; i < custom.size(); ++i) styles += "<xf numFmtId=\"" + std::to_string(164 + i) + "\"/>";
  styles += "</cellXfs>";
  std::string row = "<row r=\"1\">";
  for (size_t s = 0; s < builtin.size() + custom.size(); ++s) row += "<c s=\"" + std::to_string(s) + "\"><v>45300.25</v></c>";
  auto rows = dump(write_book(dir, "formats.xlsx", {.rows = row + "</row>", .styles = styles}));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0] == std::string{
                    "A1=D:2024-01-09 B1=D:2024-01-09 C1=D:2024-01-09 D1=D:2024-01-09 E1=N:45300.25 F1=N:45300.25 "
                    "G1=N:45300.25 H1=N:45300.25 I1=N:45300.25 J1=N:45300.25 K1=N:45300.25 L1=N:45300.25 M1=N:45300.25 "
                    "N1=D:2024-01-09 O1=D:2024-01-09 P1=D:2024-01-09 Q1=D:2024-01-09 R1=D:2024-01-09 S1=N:45300.25 "
                    "T1=N:45300.25 U1=N:45300.25 V1=N:45300.25 W1=N:45300.25 X1=N:45300.25 Y1=N:45300.25 Z1=N:45300.25"});
}

TEST_CASE("phonetic runs, escaped surrogate pairs, quoted sheet names and the 1904 system's serial 0") {
  ScratchDir dir;
  CHECK(dump(write_book(dir, "text.xlsx",
                        {.rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><r><t>漢</t></r><r><t>字</t></r>"
                                 "<rPh sb=\"0\" eb=\"2\"><t>カンジ</t></rPh></is></c><c r=\"B1\" t=\"s\"><v>0</v></c>"
                                 "<c r=\"C1\" t=\"inlineStr\"><is><t>_xD83D__xDE00_ _xD83D_ a_x005F_x0041_</t></is></c></row>",
                         .strings = std::vector<std::string>{"<t>漢</t><rPh sb=\"0\" eb=\"1\"><t>カン</t></rPh>"}})) ==
        std::vector<std::string>{"A1=T:漢字 B1=T:漢 C1=T:😀 \xEF\xBF\xBD a_x0041_"});
  std::string styles = "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>";
  CHECK(dump(write_book(dir, "d1904.xlsx",
                        {.rows = "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>0</v></c><c r=\"B1\" s=\"1\"><v>1</v></c></row>",
                         .styles = styles, .workbook_pr = "<workbookPr date1904=\"1\"/>"})) ==
        std::vector<std::string>{"A1=D:1904-01-01 B1=D:1904-01-02"});
  CHECK(dump(write_book(dir, "d1900.xlsx", {.rows = "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>0</v></c></row>", .styles = styles})) ==
        std::vector<std::string>{"A1=N:0"});

  // An error names the sheet as Excel writes references to it.
  auto book = input::XlsxWorkbook::open(write_book(dir, "q.xlsx", {.sheet_name = "L'équipe 2024", .rows = k_header_row}));
  input::Row row;
  row.row = 17;
  CHECK(book->open_sheet(0)->cell_position(row, 3) == "'L''équipe 2024'!D17");
  auto digits = input::XlsxWorkbook::open(write_book(dir, "d.xlsx", {.sheet_name = "2024", .rows = k_header_row}));
  CHECK(digits->open_sheet(0)->cell_position(row, 3) == "'2024'!D17");

  // A number in a date column whose date format was lost is read in the workbook's date system.
  for (bool d1904 : {false, true}) {
    CAPTURE(d1904);
    long serial = util::to_day(2024, 3, 1) + (d1904 ? 24107 : 25569);
    write_book(dir, "lost.xlsx",
               {.rows = k_header_row + "<row r=\"2\"><c r=\"A2\"><v>" + std::to_string(serial) + "</v></c>" +
                        inline_cell("B2", "F") + "</row>",
                .workbook_pr = d1904 ? "<workbookPr date1904=\"true\"/>" : ""});
    dir.write("lost.csv", "Date d'entrée;Sexe\n01/03/2024;F\n");
    REQUIRE(run_cli({"2024", "lost.xlsx", "-f", "json", "-o", "x", "-q"}, dir.path()).exit_code == 0);
    REQUIRE(run_cli({"2024", "lost.csv", "-f", "json", "-o", "c", "-q"}, dir.path()).exit_code == 0);
    auto x = nlohmann::json::parse(dir.read("x/figures-2024.json"));
    auto c = nlohmann::json::parse(dir.read("c/figures-2024.json"));
    x["quality"].erase("source");
    c["quality"].erase("source");
    CHECK(x == c);
  }
}

TEST_CASE("--sheet: an exact name before a number, numbers count visible sheets, errors name the sheet") {
  ScratchDir dir;
  std::string path = (dir.path() / "named.xlsx").string();
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* hidden = workbook_add_worksheet(wb, "Archives");
  worksheet_write_string(hidden, 0, 0, "Date d'entrée", nullptr);
  worksheet_write_string(hidden, 1, 0, "01/02/2023", nullptr);
  lxw_worksheet* notes = workbook_add_worksheet(wb, "notes");
  worksheet_activate(notes);
  worksheet_hide(hidden);
  worksheet_write_string(notes, 0, 0, "rien", nullptr);
  lxw_worksheet* y = workbook_add_worksheet(wb, "2024");
  worksheet_write_string(y, 0, 0, "Date d'entrée", nullptr);
  worksheet_write_string(y, 1, 0, "01/02/2024", nullptr);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  CHECK(run_cli({"2024", "named.xlsx", "--sheet", "2024", "-q"}, dir.path()).exit_code == 0);  // the name, not sheet 2024
  CHECK(run_cli({"2024", "named.xlsx", "--sheet", "2", "-q"}, dir.path()).exit_code == 0);     // the second visible one
  auto r = run_cli({"2024", "named.xlsx", "--sheet", "1"}, dir.path());
  CHECK(r.exit_code == 1);
  const std::string expected = "expected a header such as 'date d'entrée', 'date entrée', 'entrée', 'date d'admission', "
                               "'date admission', 'admission', 'entry_date', 'date de début', 'date début', 'début de "
                               "séjour', 'date de début de séjour', 'date d'arrivée', 'date arrivée' (or name yours in "
                               "the config: columns.entry_date)";
  CHECK(r.err == "ctreport: error: named.xlsx: sheet 'notes': no entry-date column found in the first 30 rows: " +
                     expected + "\n");
  r = run_cli({"2024", "named.xlsx", "--sheet", "3"}, dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err == "ctreport: error: named.xlsx: there is no sheet number 3 (the visible sheets are counted, as their tabs "
                 "show them); the workbook has 2 visible sheet(s): 'Archives' (hidden), 'notes', '2024'\n");
  CHECK(run_cli({"2023", "named.xlsx", "--sheet", "Archives", "-q"}, dir.path()).exit_code == 0);

  // No sheet recognised: the sheets tried are named.
  std::string none = (dir.path() / "none.xlsx").string();
  wb = workbook_new(none.c_str());
  worksheet_write_string(workbook_add_worksheet(wb, "notes"), 0, 0, "rien", nullptr);
  worksheet_write_string(workbook_add_worksheet(wb, "Vide"), 0, 0, "x", nullptr);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  r = run_cli({"2024", "none.xlsx"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err == "ctreport: error: none.xlsx: no sheet has an entry-date column in its first 30 rows (sheets tried: "
                 "'notes', 'Vide'): " + expected + "; or choose the sheet with --sheet\n");

  // --sheet with a CSV file is a mistake; the config's sheet: is not (it may serve workbooks too).
  dir.write("s.csv", "Date d'entrée\n01/02/2024\n");
  r = run_cli({"2024", "s.csv", "--sheet", "2"}, dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err == "ctreport: error: s.csv: --sheet '2' applies to workbooks (.xlsx), and this is a CSV file\n");
  dir.write("ctreport.yaml", "sheet: Séjours\n");
  CHECK(run_cli({"2024", "s.csv", "-q"}, dir.path()).exit_code == 0);
}

TEST_CASE("an old .xls (BIFF) file and an encrypted workbook are refused with one line") {
  ScratchDir dir;
  // A Compound File Binary header (MS-CFB 2.2): signature, minor/major version, byte order, sector shift.
  std::string cfb("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  cfb += std::string(16, '\0') + std::string("\x3E\x00\x03\x00\xFE\xFF\x09\x00", 8);
  cfb.resize(512, '\0');
  // Its directory would hold "Workbook" for BIFF8, "EncryptionInfo" and "EncryptedPackage" for an encrypted OOXML.
  std::string xls = cfb + std::string("W\0o\0r\0k\0b\0o\0o\0k\0", 16) + std::string(496, '\0');
  std::string encrypted = cfb + std::string("E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0", 28) + std::string(484, '\0');
  dir.write("old.xls", xls);
  dir.write("secret.xlsx", encrypted);
  for (const char* name : {"old.xls", "secret.xlsx"}) {
    CAPTURE(std::string(name));
    auto r = run_cli({"2024", name}, dir.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err == std::string("ctreport: error: ") + name +
                       ": an encrypted workbook or an old .xls (BIFF) file: save it as .xlsx without a password\n");
  }
}

}  // TEST_SUITE

TEST_CASE("a sheet is read alike by the scanner and by expat, however its XML is written") {
  ScratchDir dir;
  Book b;
  b.sheet_xml = std::string("\xEF\xBB\xBF<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\r\n<!-- LibreOffice -->") +
                "<x:worksheet xmlns:x='http://schemas.openxmlformats.org/spreadsheetml/2006/main'>\r\n<x:sheetData>\r\n"
                "<x:row r = '1' >\r\n  <x:c r='A1' t='inlineStr'><x:is><x:t>N&#xB0; &amp; &lt;dossier&gt;</x:t></x:is></x:c>"
                "<?pi ignored?><x:c r=\"B1\" t=\"inlineStr\"><x:is><x:t><![CDATA[Date <d'entr\xC3\xA9" "e>]]></x:t></x:is></x:c>"
                "</x:row>\r\n<x:row r='2'><x:c r='A2' t='str'><x:v>a\r\nb&#13;_x000D_</x:v></x:c>"
                "<x:c r='C2'><x:v> 42 </x:v></x:c></x:row></x:sheetData></x:worksheet>\r\n";
  std::string path = write_book(dir, "xml.xlsx", b);
  std::vector<std::string> expected = {"A1=T:N\xC2\xB0 & <dossier> B1=T:Date <d'entr\xC3\xA9" "e>",
                                       "A2=T:a\nb\r\r C2=N:42"};
  CHECK(dump(path) == expected);
  CHECK(dump(path, input::XlsxReadOptions{.threads = 1}) == expected);
  CHECK(dump(path, input::XlsxReadOptions{.threads = 2, .expat_sheets = true}) == expected);
}

TEST_CASE("a sheet in another encoding than UTF-8 is read by expat") {
  ScratchDir dir;
  Book b;
  b.sheet_xml = std::string("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><worksheet ") + k_ns +
                "><sheetData><row r=\"1\">" + inline_cell("A1", "Date d'entr\xE9" "e") + "</row></sheetData></worksheet>";
  CHECK(dump(write_book(dir, "latin1.xlsx", b)) == std::vector<std::string>{"A1=T:Date d'entr\xC3\xA9" "e"});
}

TEST_CASE("a sheet's errors are the same through the scanner and expat") {
  ScratchDir dir;
  Book b;
  b.rows = "<row r=\"1\">" + inline_cell("A1", "x") + "</row>\n<row r=\"2\"><c r=\"A2\"><v>1</v></row>";
  std::string path = write_book(dir, "bad.xlsx", b);
  std::vector<std::string> expected = {
      "A1=T:x", "error: the workbook part xl/worksheets/sheet1.xml is not well-formed XML (line 2: mismatched tag)"};
  CHECK(dump(path) == expected);
  CHECK(dump(path, input::XlsxReadOptions{.threads = 1, .expat_sheets = true}) == expected);
}

TEST_CASE("a deflated sheet whose CRC-32 does not match is damaged") {
  ScratchDir dir;
  Book b;
  b.rows = "<row r=\"1\">" + inline_cell("A1", "x") + "</row>";
  std::string path = write_book(dir, "crc.xlsx", b);
  ctreport::test::lie_about_crc(path, "xl/worksheets/sheet1.xml");
  CHECK(dump(path) == std::vector<std::string>{"error: the sheet 'S' is damaged"});
  CHECK(dump(path, input::XlsxReadOptions{.threads = 1}) == std::vector<std::string>{"error: the sheet 'S' is damaged"});
}
