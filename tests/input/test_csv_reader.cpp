// Tests of the CSV reader: delimiter sniffing, RFC 4180 quoting, line endings,
// encodings, blank records, chunk boundaries and unusable files.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "input/csv_reader.hpp"
#include "util/errors.hpp"

using namespace ctreport;
using ctreport::input::CellType;
using ctreport::input::CsvReader;
using ctreport::input::Row;

namespace {

// Every row as "row:line:cell|cell|...", empty cells shown as "" (and checked
// to be CellType::empty, the others CellType::text).
std::vector<std::string> dump(CsvReader& reader) {
  std::vector<std::string> out;
  Row row;
  while (reader.next_row(row)) {
    std::string s = std::to_string(row.row) + ":" + std::to_string(row.line) + ":";
    for (size_t i = 0; i < row.cells.size(); ++i) {
      const auto& cell = row.cells[i];
      CHECK(cell.type == (cell.text.empty() ? CellType::empty : CellType::text));
      if (i > 0) s += "|";
      s += std::string(cell.text);
    }
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> dump(const std::string& csv, size_t chunk_size = CsvReader::k_default_chunk_size) {
  auto reader = CsvReader::from_string(csv, chunk_size);
  return dump(*reader);
}

std::string usage_error_of(const std::string& csv) {
  try {
    CsvReader::from_string(csv);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "(no error)";
}

std::string data_error_of(const std::string& csv, size_t chunk_size = CsvReader::k_default_chunk_size) {
  try {
    dump(csv, chunk_size);
  } catch (const DataError& e) {
    return e.what();
  }
  return "(no error)";
}

using Rows = std::vector<std::string>;

// An endless input: `head`, then `unit` again and again, never an end of
// file; counts the bytes the reader took.
class EndlessInput : public std::streambuf {
 public:
  EndlessInput(std::string head, const std::string& unit) : m_head(std::move(head)) {
    while (m_block.size() < 65536) m_block += unit;
    setg(m_head.data(), m_head.data(), m_head.data() + m_head.size());
  }
  uint64_t bytes_taken() const { return m_served + static_cast<uint64_t>(gptr() - eback()); }

 protected:
  int_type underflow() override {
    m_served += static_cast<uint64_t>(egptr() - eback());
    setg(m_block.data(), m_block.data(), m_block.data() + m_block.size());
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::string m_head, m_block;
  uint64_t m_served = 0;
};

// The error reading an endless input gives, and how many bytes it took.
std::pair<std::string, uint64_t> endless_error(const std::string& head, const std::string& unit) {
  EndlessInput input(head, unit);
  std::string message = "(no error)";
  try {
    CsvReader reader(std::make_unique<std::istream>(&input), 0);
    dump(reader);
  } catch (const DataError& e) {
    message = e.what();
  }
  return {message, input.bytes_taken()};
}

// A byte-at-a-time ';' CSV parser with the reader's rules, for ASCII input:
// the same dump() format, or "error: row N (line L)" when a quote is never closed.
Rows reference_dump(const std::string& s) {
  Rows out;
  size_t i = 0, n = s.size();
  uint64_t row = 0, line = 1;
  auto line_break_at = [&](size_t k) { return s[k] == '\n' || (s[k] == '\r' && (k + 1 == n || s[k + 1] != '\n')); };
  while (i < n) {
    ++row;
    uint64_t start_line = line;
    std::vector<std::string> fields;
    for (;;) {
      std::string f;
      if (i < n && s[i] == '"') {
        ++i;
        for (;;) {
          if (i == n) return Rows{out.empty() ? "" : out.back(), "error: row " + std::to_string(row) + " (line " + std::to_string(start_line) + ")"};
          if (s[i] == '"') {
            if (i + 1 < n && s[i + 1] == '"') { f += '"'; i += 2; continue; }
            ++i;
            break;
          }
          if (line_break_at(i)) ++line;
          f += s[i++];
        }
      }
      while (i < n && s[i] != ';' && s[i] != '\n' && s[i] != '\r') f += s[i++];
      fields.push_back(f);
      if (i == n) break;
      char c = s[i++];
      if (c == ';') continue;
      if (c == '\r' && i < n && s[i] == '\n') ++i;
      ++line;
      break;
    }
    while (!fields.empty() && fields.back().empty()) fields.pop_back();
    bool blank = true;
    for (const auto& f : fields)
      if (f.find_first_not_of(" \t\r\n") != std::string::npos) blank = false;
    if (blank) continue;
    std::string d = std::to_string(row) + ":" + std::to_string(start_line) + ":";
    for (size_t k = 0; k < fields.size(); ++k) d += (k ? "|" : "") + fields[k];
    out.push_back(d);
  }
  return out;
}

Rows dump_or_error(const std::string& csv, size_t chunk_size) {
  Rows out;
  try {
    auto reader = CsvReader::from_string(csv, chunk_size);
    Row row;
    while (reader->next_row(row)) {
      std::string s = std::to_string(row.row) + ":" + std::to_string(row.line) + ":";
      for (size_t k = 0; k < row.cells.size(); ++k) {
        if (k) s += '|';
        s += row.cells[k].text;
      }
      out.push_back(s);
    }
  } catch (const DataError& e) {
    std::string m = e.what();
    return Rows{out.empty() ? "" : out.back(), "error: " + m.substr(0, m.find(':'))};
  }
  return out;
}

}  // namespace

TEST_SUITE("input::csv") {

TEST_CASE("semicolon delimiter is detected") {
  auto reader = CsvReader::from_string("Dossier;Entrée, le;Sortie\n1;01/02/2024;\n");
  CHECK(reader->delimiter() == ';');
  CHECK(reader->description() == "CSV ';' UTF-8");
  CHECK(dump(*reader) == Rows{"1:1:Dossier|Entrée, le|Sortie", "2:2:1|01/02/2024"});
}

TEST_CASE("comma delimiter is detected, quoted delimiters are not counted") {
  auto reader = CsvReader::from_string("Dossier,\"Nom;prénom;x\",Entrée\n1,\"a;b\",01/02/2024\n");
  CHECK(reader->delimiter() == ',');
  CHECK(reader->description() == "CSV ',' UTF-8");
  CHECK(dump(*reader) == Rows{"1:1:Dossier|Nom;prénom;x|Entrée", "2:2:1|a;b|01/02/2024"});
}

TEST_CASE("tab delimiter is detected") {
  auto reader = CsvReader::from_string("Dossier\tNom, prénom\tEntrée\n1\tA, B\t01/02/2024\n");
  CHECK(reader->delimiter() == '\t');
  CHECK(reader->description() == "CSV tab UTF-8");
  CHECK(dump(*reader) == Rows{"1:1:Dossier|Nom, prénom|Entrée", "2:2:1|A, B|01/02/2024"});
}

TEST_CASE("a tie or no delimiter at all gives a semicolon") {
  CHECK(CsvReader::from_string("a;b,c\n")->delimiter() == ';');
  CHECK(CsvReader::from_string("a,b\tc\n")->delimiter() == ';');
  CHECK(CsvReader::from_string("Dossier\n1\n")->delimiter() == ';');
}

TEST_CASE("a title line without delimiter lets the next record decide") {
  auto reader = CsvReader::from_string("Export du logiciel\r\n\r\nDossier,Entrée\r\n1,01/02/2024\r\n");
  CHECK(reader->delimiter() == ',');
  CHECK(dump(*reader) == Rows{"1:1:Export du logiciel", "3:3:Dossier|Entrée", "4:4:1|01/02/2024"});
}

TEST_CASE("quoted field with the delimiter inside") {
  CHECK(dump("a;b;c\n\"x;y\";\"\";\"z\"\n") == Rows{"1:1:a|b|c", "2:2:x;y||z"});
}

TEST_CASE("doubled quotes inside a quoted field are one quote") {
  CHECK(dump("a;b\n\"il a dit \"\"non\"\"\";\"\"\"\"\n") == Rows{"1:1:a|b", "2:2:il a dit \"non\"|\""});
}

TEST_CASE("embedded CRLF newline inside quotes is kept and counted in lines, not rows") {
  std::string csv = "a;b\r\n1;\"ligne 1\r\nligne 2\nligne 3\"\r\n2;x\r\n\"\r\";y\r\n3;z\r\n";
  CHECK(dump(csv) == Rows{"1:1:a|b", "2:2:1|ligne 1\r\nligne 2\nligne 3", "3:5:2|x", "4:6:\r|y", "5:8:3|z"});
}

TEST_CASE("CRLF, LF and lone CR line endings read the same") {
  Rows expected{"1:1:a|b", "2:2:1|2", "4:4:3|4"};
  CHECK(dump("a;b\r\n1;2\r\n\r\n3;4\r\n") == expected);
  CHECK(dump("a;b\n1;2\n\n3;4\n") == expected);
  CHECK(dump("a;b\r1;2\r\r3;4\r") == expected);
  CHECK(dump("a;b\r1;2\n\r\n3;4") == expected);  // mixed, no final line end
}

TEST_CASE("a UTF-8 BOM is stripped") {
  auto reader = CsvReader::from_string("\xEF\xBB\xBF" "Dossier,Sexe\n1,F\n");
  CHECK(reader->delimiter() == ',');
  CHECK(dump(*reader) == Rows{"1:1:Dossier|Sexe", "2:2:1|F"});
  CHECK(reader->encoding() == "UTF-8");
}

TEST_CASE("Windows-1252 bytes are transcoded, UTF-8 is kept") {
  SUBCASE("Windows-1252") {
    auto reader = CsvReader::from_string("Entr\xe9" "e;Montant\n\"d\xe9j\xe0 \"\"vu\"\"\";10 \x80\n");
    CHECK(dump(*reader) == Rows{"1:1:Entrée|Montant", "2:2:déjà \"vu\"|10 €"});
    CHECK(reader->encoding() == "Windows-1252");
    CHECK(reader->description() == "CSV ';' Windows-1252");
  }
  SUBCASE("UTF-8") {
    auto reader = CsvReader::from_string("Entrée;Œuvre\n\"déjà\";10 €\n");
    CHECK(dump(*reader) == Rows{"1:1:Entrée|Œuvre", "2:2:déjà|10 €"});
    CHECK(reader->encoding() == "UTF-8");
  }
  SUBCASE("decided per field") {
    auto reader = CsvReader::from_string("a;b\nété;\xe9t\xe9\n");
    CHECK(dump(*reader) == Rows{"1:1:a|b", "2:2:été|été"});
    CHECK(reader->encoding() == "Windows-1252");
  }
  SUBCASE("surrogates and overlong forms are not UTF-8") {
    CHECK(dump("a;b\n\xed\xa0\x80;\xc0\x80x\n") == Rows{"1:1:a|b", "2:2:í\u00a0€|À€x"});
  }
}

TEST_CASE("blank lines and lines of empty fields are skipped but counted") {
  CHECK(dump("\n\na;b\n\n;;;\n  ; \t\n1;2\n\"\";\"\"\n3;4") == Rows{"3:3:a|b", "7:7:1|2", "9:9:3|4"});
}

TEST_CASE("trailing empty columns are dropped, inner ones are empty cells") {
  CHECK(dump("a;b;c;;\n1;;3;;;;\n;;x\n") == Rows{"1:1:a|b|c", "2:2:1||3", "3:3:||x"});
  auto reader = CsvReader::from_string("a;b\n;x;;\n");
  Row row;
  REQUIRE(reader->next_row(row));
  REQUIRE(reader->next_row(row));
  REQUIRE(row.cells.size() == 2);
  CHECK(row.cells[0].type == CellType::empty);
  CHECK(row.cells[1].type == CellType::text);
  CHECK(row.cells[1].text == "x");
}

TEST_CASE("spaces are not trimmed") {
  CHECK(dump("a ; b\n \" q \" ;x\n") == Rows{"1:1:a | b", "2:2: \" q \" |x"});
}

TEST_CASE("a stray quote inside an unquoted field, or after a closing quote, is kept") {
  CHECK(dump("a;b;c\n12\" ecran;x\"y;\"q\"r\"s\n") == Rows{"1:1:a|b|c", "2:2:12\" ecran|x\"y|qr\"s"});
}

TEST_CASE("a record spanning chunk boundaries reads the same with any chunk size") {
  std::string csv =
      "\xEF\xBB\xBF" "Dossier;Nom;Note;Montant\r\n"
      "1;\"Dupont; Jean\";\"il a dit \"\"oui\"\"\r\npuis \"\"non\"\"\";12\x80\r\n"
      "\r\n"
      ";;;\r\n"
      "2;\"\";\"\"\"\";\"x\"y\r"
      "3;Caf\xe9;\"a\rb\";\"\xc3\xa9t\xc3\xa9\"\n"
      "4;\"" + std::string(40, 'z') + "\";" + std::string(30, 'w') + ";\r\n"
      "5;fin;;";
  Rows expected = dump(csv);
  REQUIRE(expected == Rows{"1:1:Dossier|Nom|Note|Montant",
                           "2:2:1|Dupont; Jean|il a dit \"oui\"\r\npuis \"non\"|12€",
                           "5:6:2||\"|xy",
                           "6:7:3|Café|a\rb|été",
                           "7:9:4|" + std::string(40, 'z') + "|" + std::string(30, 'w'),
                           "8:10:5|fin"});
  for (size_t chunk = 1; chunk <= 24; ++chunk) {
    CAPTURE(chunk);
    CHECK(dump(csv, chunk) == expected);
  }
  CHECK(dump(csv, 7) == expected);
}

TEST_CASE("random inputs read as a byte-at-a-time parser reads them, with any chunk size") {
  std::mt19937 random(20240101);
  const std::string alphabet = "ab ;;;\"\"\r\n\n";
  for (int round = 0; round < 3000; ++round) {
    std::string csv = "h;h\n";
    size_t length = random() % 70;
    for (size_t k = 0; k < length; ++k) {
      if (random() % 8 == 0) csv += std::string(random() % 20, 'x');
      csv += alphabet[random() % alphabet.size()];
    }
    CAPTURE(csv);
    Rows expected = reference_dump(csv);
    CHECK(dump_or_error(csv, CsvReader::k_default_chunk_size) == expected);
    CHECK(dump_or_error(csv, 1 + random() % 12) == expected);
  }
}

TEST_CASE("an unterminated quote is an error with its row and line") {
  std::string csv = "a;b\n1;\"x\ny\"\n\n2;\"jamais\nfermé;3\n4;5\n";
  CHECK(data_error_of(csv) == "row 4 (line 5): quoted field never closed");
  CHECK(data_error_of(csv, 3) == "row 4 (line 5): quoted field never closed");
  CHECK(data_error_of("a;b\n1;\"") == "row 2 (line 2): quoted field never closed");
}

TEST_CASE("a file with NUL bytes is not a text file") {
  CHECK(usage_error_of(std::string("a;b\n1;\0\n", 8)) == "not a text file (it contains NUL bytes)");
}

TEST_CASE("a UTF-16 file is refused with a hint") {
  CHECK(usage_error_of(std::string("\xFF\xFE" "a\0;\0", 6)) ==
        "this is a UTF-16 text file, not CSV; export it as CSV (UTF-8 or Windows-1252)");
}

TEST_CASE("an empty file is refused") {
  CHECK(usage_error_of("") == "the file is empty");
  CHECK(usage_error_of("\xEF\xBB\xBF") == "the file is empty");
  CHECK(usage_error_of("\xEF\xBB\xBF \r\n\t\n") == "the file is empty");
  CHECK(dump(";;\n") == Rows{});  // only empty fields: not "empty", but no rows
}

TEST_CASE("zip magic is an XLSX file, not CSV") {
  CHECK(usage_error_of(std::string("PK\x03\x04\x14\0\0\0", 8)) == "this is a zip/XLSX file, not CSV");
}

TEST_CASE("cell positions name the row and the column letters") {
  auto reader = CsvReader::from_string("a;b\n\n1;2\n");
  Row row;
  REQUIRE(reader->next_row(row));
  REQUIRE(reader->next_row(row));
  CHECK(reader->cell_position(row, 0) == "row 3, column A");
  CHECK(reader->cell_position(row, 27) == "row 3, column AB");
}

TEST_CASE("progress goes from 0 to 1") {
  auto reader = CsvReader::from_string("a;b\n1;2\n3;4\n", 4);
  CHECK(reader->progress() < 0.5);
  Row row;
  while (reader->next_row(row)) {}
  CHECK(reader->progress() == 1.0);
  CsvReader unknown(std::make_unique<std::istringstream>("a;b\n"), 0);
  CHECK(unknown.progress() < 0);  // not known: no percentage
}

TEST_CASE("open_file reads a file and names a missing one") {
  auto path = std::filesystem::temp_directory_path() / "ctreport_test_csv_reader.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "Dossier\tSexe\r\n1\tF\r\n";
  }
  auto reader = CsvReader::open_file(path.string());
  CHECK(reader->delimiter() == '\t');
  CHECK(dump(*reader) == Rows{"1:1:Dossier|Sexe", "2:2:1|F"});
  CHECK(reader->progress() == 1.0);
  std::filesystem::remove(path);

  std::string message;
  try {
    CsvReader::open_file("no/such/dir/x.csv");
  } catch (const UsageError& e) {
    message = e.what();
  }
  CHECK(message == "cannot open 'no/such/dir/x.csv': No such file or directory");
}

TEST_CASE("cell views stay valid until the next row") {
  auto reader = CsvReader::from_string("a;b\n\"x\"\"1\";\xe9\n", 3);
  Row row;
  REQUIRE(reader->next_row(row));
  REQUIRE(reader->next_row(row));
  std::string before = std::string(row.cells[0].text) + "|" + std::string(row.cells[1].text);
  CHECK(before == "x\"1|é");
  CHECK_FALSE(reader->next_row(row));
  CHECK_FALSE(reader->next_row(row));
  CHECK(row.cells.empty());
}

TEST_CASE("a row past 1 MiB or 16384 fields is refused as soon as the reader is past the cap") {
  const std::string too_long = "row 2 (line 2): the row is longer than 1048576 bytes (1 MiB), the most a row may hold; "
                               "is this a CSV export of stays?";
  const std::string too_wide = "row 2 (line 2): the row has more than 16384 fields, the most a row may have (a sheet's "
                               "columns A to XFD); is the delimiter right?";
  // Endless lines (a 2 GB line took 8.4 GB and 68 s to refuse): the reader stops a few MiB in.
  for (const auto& entry : std::vector<std::pair<std::string, std::string>>{
           {"x", too_long}, {"1;", too_wide}, {";", too_wide}, {"\"\"x\r\n", too_long}}) {
    const std::string& unit = entry.first;  // not a structured binding: CAPTURE's lambda takes it (clang 14)
    const std::string& expected = entry.second;
    CAPTURE(unit);
    // A quoted field's unit has the opening quote in the head.
    auto [message, taken] = endless_error(unit[0] == '"' ? "Date d'entrée;Sexe\n01/02/2024;\"" : "Date d'entrée;Sexe\n01/02/2024;", unit);
    CHECK(message == expected);
    CHECK(taken < (uint64_t{4} << 20));
  }
  // At the caps exactly, read; a byte or a field more, refused, whatever the chunks.
  const size_t cap = CsvReader::k_max_record_bytes;
  std::string at_cap = "a;" + std::string(cap - 3, 'x') + "\n";
  std::string wide = "a";
  for (size_t i = 1; i < CsvReader::k_max_fields; ++i) wide += ";a";
  for (size_t chunk : {size_t{65536}, CsvReader::k_default_chunk_size}) {
    CAPTURE(chunk);
    CHECK(dump("h\n" + at_cap + "2\n", chunk).size() == 3);
    CHECK(data_error_of("h\n" + at_cap.substr(0, 2) + "x" + at_cap.substr(2) + "2\n", chunk) == too_long);
    CHECK(data_error_of("h\n\"" + std::string(cap, '\n') + "\"\n", chunk) == too_long);
    auto rows = dump(wide + "\n1\n", chunk);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].size() == 4 + 2 * CsvReader::k_max_fields - 1);
    CHECK(data_error_of("h\n" + wide + ";a\n", chunk) == too_wide);
  }
}

TEST_CASE("a FIFO is read as it comes, its size and progress unknown") {
  auto path = std::filesystem::temp_directory_path() / ("ctreport_test_fifo_" + std::to_string(::getpid()));
  REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
  std::string content = "Dossier,Sexe\r\n";
  for (int i = 0; i < 20000; ++i) content += std::to_string(i) + ",F\r\n";
  auto old_handler = std::signal(SIGPIPE, SIG_IGN);  // a reader that stops early must fail the test, not kill it
  std::thread writer([&] { std::ofstream(path, std::ios::binary) << content; });
  Rows rows;
  try {
    auto reader = CsvReader::open_file(path.string());
    CHECK(reader->delimiter() == ',');
    CHECK(reader->progress() < 0);
    rows = dump(*reader);
  } catch (const std::exception& e) {
    FAIL_CHECK(std::string(e.what()));
    // Reads what the writer writes, so that it ends (neither blocked nor killed by SIGPIPE).
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK);
    ::fcntl(fd, F_SETFL, 0);
    char buf[4096];
    while (::read(fd, buf, sizeof buf) > 0) {
    }
    ::close(fd);
  }
  writer.join();
  std::signal(SIGPIPE, old_handler);
  std::filesystem::remove(path);
  REQUIRE(rows.size() == 20001);
  CHECK(rows.back() == "20001:20001:19999|F");
}

}  // TEST_SUITE
