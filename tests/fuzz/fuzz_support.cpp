// Shared helpers of the fuzz harnesses: stored zips, memory files, and a
// sample workbook whose parts the XLSX harnesses replace one at a time.
#include "fuzz_support.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <cstring>

#include "input/table_reader.hpp"
#include "input/xlsx_workbook.hpp"

namespace ctreport::fuzz {

namespace {

uint32_t crc32(std::string_view data) {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : data) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

void put16(std::string& out, uint32_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& out, uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

}  // namespace

std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out, directory;
  for (const auto& [name, content] : entries) {
    uint32_t offset = static_cast<uint32_t>(out.size());
    uint32_t crc = crc32(content);
    auto size = static_cast<uint32_t>(content.size());
    auto name_size = static_cast<uint32_t>(name.size());
    // Local file header (APPNOTE 4.3.7): version 2.0, no flags, stored, 1980-01-01.
    put32(out, 0x04034b50);
    put16(out, 20), put16(out, 0), put16(out, 0), put16(out, 0), put16(out, 0x21);
    put32(out, crc), put32(out, size), put32(out, size);
    put16(out, name_size), put16(out, 0);
    out += name;
    out += content;
    // Central directory header (4.3.12).
    put32(directory, 0x02014b50);
    put16(directory, 20), put16(directory, 20), put16(directory, 0), put16(directory, 0);
    put16(directory, 0), put16(directory, 0x21);
    put32(directory, crc), put32(directory, size), put32(directory, size);
    put16(directory, name_size), put16(directory, 0), put16(directory, 0);
    put16(directory, 0), put16(directory, 0), put32(directory, 0), put32(directory, offset);
    directory += name;
  }
  uint32_t directory_offset = static_cast<uint32_t>(out.size());
  out += directory;
  // End of central directory record (4.3.16).
  put32(out, 0x06054b50);
  put16(out, 0), put16(out, 0);
  put16(out, static_cast<uint32_t>(entries.size())), put16(out, static_cast<uint32_t>(entries.size()));
  put32(out, static_cast<uint32_t>(directory.size())), put32(out, directory_offset);
  put16(out, 0);
  return out;
}

const std::string& memory_file(std::string_view content) {
  static int fd = -1;
  static std::string path;
  if (fd < 0) {
    fd = memfd_create("ctreport-fuzz", 0);
    if (fd < 0) std::abort();
    path = "/proc/self/fd/" + std::to_string(fd);
  }
  if (ftruncate(fd, 0) != 0) std::abort();
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = pwrite(fd, content.data() + done, content.size() - done, static_cast<off_t>(done));
    if (n <= 0) std::abort();
    done += static_cast<size_t>(n);
  }
  return path;
}

WorkbookParts sample_workbook() {
  WorkbookParts p;
  p.rels =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>)"
      R"(</Relationships>)";
  p.workbook =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
      R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
      R"(<workbookPr date1904="false"/><sheets>)"
      R"(<sheet name="Notes" sheetId="1" state="hidden" r:id="rId1"/>)"
      R"(<sheet name="Séjours" sheetId="2" r:id="rId2"/>)"
      R"(</sheets></workbook>)";
  p.workbook_rels =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
      R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>)"
      R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
      R"(<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)"
      R"(</Relationships>)";
  p.styles =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
      R"(<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="[h]:mm:ss"/></numFmts>)"
      R"(<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/></cellXfs>)"
      R"(</styleSheet>)";
  p.strings =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">)"
      R"(<si><t>N° dossier</t></si><si><t>Sexe</t></si><si><t>Date d'entrée</t></si>)"
      R"(<si><r><t>Date de </t></r><r><t>sortie</t></r></si><si><t>F</t><rPh><t>x</t></rPh></si>)"
      R"(<si><t>_xD83D__xDE00_ M</t></si>)"
      R"(</sst>)";
  p.sheet =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>)"
      R"(<row r="2"><c r="A2"><v>17</v></c><c r="B2" t="s"><v>4</v></c><c r="C2" s="1"><v>45293</v></c><c r="D2" s="2"><v>45350.5</v></c></row>)"
      R"(<row><c t="inlineStr"><is><t>18</t></is></c><c t="s"><v>5</v></c><c t="d"><v>2024-03-01</v></c><c s="3"><v>1.5</v></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c></row>)"
      R"(</sheetData></worksheet>)";
  return p;
}

void touch(std::string_view text) {
  static volatile unsigned sink = 0;
  unsigned sum = 0;
  for (char c : text) sum += static_cast<unsigned char>(c);
  sink = sink + sum;
}

void read_workbook(const std::string& path) {
  auto book = input::XlsxWorkbook::open(path);
  for (size_t i = 0; i < book->sheets().size(); ++i) {
    auto reader = book->open_sheet(i);
    input::Row row;
    while (reader->next_row(row)) {
      for (size_t c = 0; c < row.cells.size(); ++c) {
        touch(row.cells[c].text);
        if (row.cells[c].type != input::CellType::empty && c % 7 == 0) (void)reader->cell_position(row, c);
      }
      (void)reader->progress();
    }
    (void)reader->description();
  }
}

void read_workbook_parts(const WorkbookParts& parts) {
  std::string zip = stored_zip({{"_rels/.rels", parts.rels},
                                {"xl/workbook.xml", parts.workbook},
                                {"xl/_rels/workbook.xml.rels", parts.workbook_rels},
                                {"xl/styles.xml", parts.styles},
                                {"xl/sharedStrings.xml", parts.strings},
                                {"xl/worksheets/sheet1.xml", "<worksheet><sheetData/></worksheet>"},
                                {"xl/worksheets/sheet2.xml", parts.sheet}});
  read_workbook(memory_file(zip));
}

}  // namespace ctreport::fuzz
