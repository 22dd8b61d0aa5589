// XLSX input with the sheet inflated on a second thread: the same rows and
// the same errors as on one thread, on sheets larger than the queue of
// inflated buffers, and readers destroyed before the end stop cleanly.
#include <doctest/doctest.h>

#include <xlsxwriter.h>
#include <zip.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "input/xlsx_entry_stream.hpp"
#include "input/xlsx_workbook.hpp"
#include "support/cli.hpp"
#include "support/zip_file.hpp"

using namespace ctreport;
using ctreport::test::ScratchDir;
using ctreport::test::lie_about_size;
using ctreport::test::write_zip;

namespace {

constexpr int k_rows = 50000;

// A workbook like an export, with shared strings, numbers, dates and
// booleans; its sheet's XML is several megabytes.
std::string write_large_workbook(const ScratchDir& dir, int sheets = 1) {
  std::string path = (dir.path() / "large.xlsx").string();
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd/mm/yyyy");
  for (int s = 0; s < sheets; ++s) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, fmt::format("S{}", s + 1).c_str());
    const char* headers[] = {"N° dossier", "Sexe", "Date d'entrée", "Étape", "Sorti", "Observations"};
    for (int c = 0; c < 6; ++c) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), headers[c], nullptr);
    for (int r = 1; r <= k_rows; ++r) {
      auto row = static_cast<lxw_row_t>(r);
      worksheet_write_string(ws, row, 0, fmt::format("D{}-{:05}", s, r).c_str(), nullptr);
      worksheet_write_string(ws, row, 1, r % 3 ? "F" : "H", nullptr);
      lxw_datetime d = {2015 + r % 10, 1 + r % 12, 1 + r % 28, 0, 0, 0};
      worksheet_write_datetime(ws, row, 2, &d, date);
      worksheet_write_number(ws, row, 3, r % 7 == 0 ? r * 0.25 : r % 5, nullptr);
      if (r % 4 == 0) worksheet_write_boolean(ws, row, 4, r % 8 == 0, nullptr);
      if (r % 9 == 0) worksheet_write_string(ws, row, 5, fmt::format("note {} &amp; <suite>", r).c_str(), nullptr);
    }
  }
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  return path;
}


// A one-sheet workbook "S" whose sheet has a header and `rows` rows of
// inline strings and numbers, with `middle` in place of the row `at`.
std::string write_sheet_workbook(const ScratchDir& dir, int rows, int at, const std::string& middle) {
  const std::string rels =
      "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
      "Target=\"xl/workbook.xml\"/></Relationships>";
  const std::string workbook =
      "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
      "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  const std::string workbook_rels =
      "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
      "Target=\"worksheets/sheet1.xml\"/></Relationships>";
  std::string sheet =
      "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Date d'entrée</t></is></c></row>\n";
  for (int r = 2; r <= rows; ++r) {
    if (r == at) {
      sheet += middle;
      continue;
    }
    sheet += fmt::format("<row r=\"{0}\"><c r=\"A{0}\" t=\"inlineStr\"><is><t>{1:02}/{2:02}/2024</t></is></c>"
                         "<c r=\"B{0}\"><v>{3}</v></c><c r=\"C{0}\" t=\"inlineStr\"><is><t>observation {0}</t></is></c></row>\n",
                         r, 1 + r % 28, 1 + r % 12, r * 3);
  }
  sheet += "</sheetData></worksheet>";
  std::string path = (dir.path() / "sheet.xlsx").string();
  write_zip(path, {{"_rels/.rels", rels},
                   {"xl/workbook.xml", workbook},
                   {"xl/_rels/workbook.xml.rels", workbook_rels},
                   {"xl/worksheets/sheet1.xml", sheet}});
  return path;
}

// One row as "A2=T:text B2=N:3 …" (empty cells left out).
std::string show(const input::Row& row) {
  std::string line = fmt::format("{}:", row.row);
  for (size_t i = 0; i < row.cells.size(); ++i) {
    const auto& c = row.cells[i];
    if (c.type == input::CellType::empty) continue;
    line += fmt::format(" {}={}:{}:{}:{}", input::column_letters(i), static_cast<int>(c.type), c.text, c.number, c.day);
  }
  return line;
}

// Every row of sheet `index`, read with `threads`, then "error: …" if reading failed.
std::vector<std::string> dump(const std::string& path, unsigned threads, size_t index = 0) {
  std::vector<std::string> out;
  try {
    auto book = input::XlsxWorkbook::open(path, {threads});
    auto reader = book->open_sheet(index);
    input::Row row;
    while (reader->next_row(row)) out.push_back(show(row));
    CHECK(reader->progress() == doctest::Approx(1.0));
  } catch (const std::exception& e) {
    out.push_back(std::string("error: ") + e.what());
  }
  return out;
}

uint64_t sheet_bytes(const std::string& path, const char* entry) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  REQUIRE(z != nullptr);
  zip_stat_t st;
  REQUIRE(zip_stat(z, entry, 0, &st) == 0);
  zip_discard(z);
  return st.size;
}


}  // namespace

TEST_SUITE("input::xlsx threads") {

TEST_CASE("one and two threads give the same rows of a sheet larger than the queue of inflated buffers") {
  ScratchDir dir;
  std::string path = write_large_workbook(dir);
  REQUIRE(sheet_bytes(path, "xl/worksheets/sheet1.xml") >
          4 * input::ZipEntryStream::k_buffers * input::ZipEntryStream::k_buffer_bytes);
  auto one = dump(path, 1);
  auto two = dump(path, 2);
  REQUIRE(one.size() == k_rows + 1);
  CHECK(one[9] == "10: A=1:D0-00009:0:0 B=1:H:0:0 C=3:2024-10-10:0:20006 D=2:4:4:0 F=1:note 9 &amp; <suite>:0:0");
  CHECK(one == two);
  CHECK(dump(path, 4) == one);
}

TEST_CASE("an error in the middle of the sheet comes after the same rows with one and two threads") {
  ScratchDir dir;
  struct Case {
    const char* what;
    std::string row;
    std::string message;
  };
  const Case cases[] = {
      {"XML", "<row r=\"40000\"><c r=\"A40000\"><v>1</v></row>\n",
       "error: the workbook part xl/worksheets/sheet1.xml is not well-formed XML (line 40000: mismatched tag)"},
      {"a row number", "<row r=\"0\"><c r=\"A1\"><v>1</v></c></row>\n",
       "error: the sheet 'S' has a row numbered '0': expected 1 to 1048576, the rows a sheet can have"},
      {"a cell", "<row r=\"40000\"><c r=\"XFE40000\"><v>1</v></c></row>\n",
       "error: S!XFE40000: the cell is beyond column XFD, the last of the 16384 columns a sheet can have"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    std::string path = write_sheet_workbook(dir, 60000, 40000, c.row);
    REQUIRE(sheet_bytes(path, "xl/worksheets/sheet1.xml") > 8 * input::ZipEntryStream::k_buffer_bytes);
    auto one = dump(path, 1);
    REQUIRE(one.size() == 40000);
    CHECK(one.back() == c.message);
    CHECK(dump(path, 2) == one);
  }
}

TEST_CASE("a sheet that inflates past the size it declares fails the same way when inflated on the second thread") {
  ScratchDir dir;
  std::string path = write_sheet_workbook(dir, 60000, 0, "");
  lie_about_size(path, "xl/worksheets/sheet1.xml", 2'000'000);
  auto one = dump(path, 1);
  REQUIRE(one.size() > 1000);  // the rows in the first 2 MB, then the error
  CHECK(one.back() == "error: the sheet 'S' unpacks to more than it declares: refused (a zip bomb?)");
  CHECK(dump(path, 2) == one);
}

TEST_CASE("a sheet whose compressed data is damaged in the middle fails the same way with one and two threads") {
  ScratchDir dir;
  std::string path = write_sheet_workbook(dir, 60000, 0, "");
  std::string data;
  {
    std::ifstream in(path, std::ios::binary);
    data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  size_t sheet = data.find("xl/worksheets/sheet1.xml");  // its local header: the data follows
  REQUIRE(sheet != std::string::npos);
  for (size_t i = sheet + data.size() / 3; i < sheet + data.size() / 3 + 64; ++i) data[i] = static_cast<char>(data[i] ^ 0x5A);
  std::ofstream(path, std::ios::binary) << data;
  auto one = dump(path, 1);
  REQUIRE(one.size() > 1000);
  CHECK(one.back().rfind("error: ", 0) == 0);
  CHECK(dump(path, 2) == one);
}

TEST_CASE("a reader destroyed before the end of its sheet stops inflating, and the workbook can be read again") {
  ScratchDir dir;
  std::string path = write_large_workbook(dir);
  auto whole = dump(path, 1);
  auto book = input::XlsxWorkbook::open(path, {2});
  for (int rows = 0; rows < 20; ++rows) {
    auto reader = book->open_sheet(0);
    input::Row row;
    for (int k = 0; k < rows; ++k) REQUIRE(reader->next_row(row));
    if (rows > 0) CHECK(show(row) == whole[static_cast<size_t>(rows - 1)]);
  }
  auto reader = book->open_sheet(0);
  input::Row row;
  size_t n = 0;
  while (reader->next_row(row)) CHECK(show(row) == whole[n++]);
  CHECK(n == whole.size());
}

TEST_CASE("two sheets of one workbook read at the same time give their own rows") {
  ScratchDir dir;
  std::string path = write_large_workbook(dir, 2);
  auto first = dump(path, 1, 0), second = dump(path, 1, 1);
  REQUIRE(first.size() == k_rows + 1);
  REQUIRE(second.size() == k_rows + 1);
  CHECK(first[1] != second[1]);
  auto book = input::XlsxWorkbook::open(path, {2});
  auto a = book->open_sheet(0), b = book->open_sheet(1);
  input::Row ra, rb;
  std::vector<std::string> got_a, got_b;
  for (bool more_a = true, more_b = true; more_a || more_b;) {
    if (more_a && (more_a = a->next_row(ra))) got_a.push_back(show(ra));
    if (more_b && (more_b = b->next_row(rb))) got_b.push_back(show(rb));
  }
  CHECK(got_a == first);
  CHECK(got_b == second);
}

}  // TEST_SUITE
