// A CSV file read in parts on two threads gives what one thread reads, to
// the byte: cuts in every place (inside quoted fields holding line breaks,
// CRLF, a BOM, blank rows, a file smaller than one chunk), rows and lines of
// later parts in messages, stray quotes that defeat the cut's parity count,
// and errors met in a later part.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <fmt/format.h>

#include "input/csv_reader.hpp"
#include "input/csv_split.hpp"
#include "input/parted_read.hpp"
#include "input/stay_reader.hpp"
#include "model/period.hpp"
#include "support/cli.hpp"
#include "support/pipeline.hpp"
#include "support/read_digest.hpp"

using namespace ctreport;
using ctreport::test::ScratchDir;

namespace {

const model::Period k_2024 = model::make_period(2024, 1);

// The reading of `path` with `threads` and parts of `part_bytes`, as text.
std::string digest(const std::string& path, unsigned threads, uint64_t part_bytes, const std::string& yaml = "") {
  input::ReadOptions options;
  options.periods = {k_2024};
  options.threads = threads;
  options.min_split_bytes = 0;
  options.part_bytes = part_bytes;
  return test::read_digest(path, test::config_with(yaml), options);
}

// The file read on one thread, then in parts of every size from one byte
// (as many parts as allowed) to half the file: the same digest each time.
void check_same_in_parts(const std::string& path, const std::string& yaml = "") {
  const std::string one = digest(path, 1, 0, yaml);
  CHECK(one.find("stay ") != std::string::npos);
  const auto size = std::filesystem::file_size(path);
  for (uint64_t part : {uint64_t{1}, uint64_t{7}, uint64_t{13}, uint64_t{61}, uint64_t{200}, size / 3, size / 2 + 1}) {
    CAPTURE(part);
    CHECK(digest(path, 2, part, yaml) == one);
  }
  CHECK(digest(path, 3, 29, yaml) == one);
}

// A stay export of `rows` rows: `persons` persons (each in several parts), sites, categories (some
// unmapped), dates in and out of 2024, and an observation every few rows.
std::string export_rows(int rows, const std::string& eol = "\n", int persons = 17) {
  std::string csv = "N° dossier;Sexe;Date d'entrée;Date de sortie;Orientation;Site;Observations" + eol;
  for (int r = 0; r < rows; ++r) {
    std::string note;
    if (r % 3 == 0) note = fmt::format("\"ligne une{}ligne \"\"deux\"\"{}fin\"", eol, eol);
    else if (r % 5 == 0) note = "\"a;b\"";
    csv += fmt::format("D{};{};{:02}/{:02}/{};{};{};{};{}{}", r % persons, r % 2 ? "F" : "homme", 1 + r % 28, 1 + r % 12,
                       2022 + r % 3, r % 4 ? fmt::format("{:02}/12/2024", 1 + r % 28) : "", r % 7 ? "hôpital" : "bizarre",
                       r % 11 ? "Le Moulin" : "les Tilleuls", note, eol);
  }
  return csv;
}

}  // namespace

TEST_SUITE("input::parted_read") {

TEST_CASE("the cuts fall after a line feed outside quotes, with the records and lines before them") {
  const std::string text = "h1;h2\n\"a\nb\";c\r\nd;\"e\"\"\n\"\rf;g\n";
  // Records: "h1;h2\n" (ends at 6), "\"a\nb\";c\r\n" (15), "d;\"e\"\"\n\"\r" (a lone CR: 24), "f;g\n" (28).
  std::vector<input::CsvSplit> cuts;
  input::CsvSplitScanner scanner({1, 7, 17}, [&](const input::CsvSplit& c) { cuts.push_back(c); });
  CHECK(scanner.feed(text.data(), text.size()));
  REQUIRE(cuts.size() == 3);
  CHECK(cuts[0].offset == 6);
  CHECK(cuts[0].rows == 1);
  CHECK(cuts[0].lines == 1);
  CHECK(cuts[1].offset == 15);  // not after the line feed inside quotes, at 8
  CHECK(cuts[1].rows == 2);
  CHECK(cuts[1].lines == 3);
  CHECK(cuts[2].offset == 28);  // the lone CR ends a record, but a cut is only after a line feed
  CHECK(cuts[2].rows == 4);
  CHECK(cuts[2].lines == 6);  // the line feed in quotes, the lone CR, and the CR in no quotes count as lines

  // Fed a byte at a time, and past 64-byte blocks: the same cuts.
  std::string longer = std::string(100, 'x') + "\n" + text;
  std::vector<input::CsvSplit> bytewise, whole;
  input::CsvSplitScanner a({50, 108, 118}, [&](const input::CsvSplit& c) { bytewise.push_back(c); });
  for (char c : longer) a.feed(&c, 1);
  input::CsvSplitScanner b({50, 108, 118}, [&](const input::CsvSplit& c) { whole.push_back(c); });
  b.feed(longer.data(), longer.size());
  REQUIRE(bytewise.size() == 3);
  REQUIRE(whole.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    CHECK(bytewise[i].offset == whole[i].offset);
    CHECK(bytewise[i].rows == whole[i].rows);
    CHECK(bytewise[i].lines == whole[i].lines);
  }
  CHECK(whole[0].offset == 101);
  CHECK(whole[1].offset == 116);  // 101 + 15
  CHECK(whole[2].offset == 129);
  CHECK(whole[1].lines == 4);
}

TEST_CASE("a file smaller than one chunk, with quoted line breaks across the cuts, reads the same in parts") {
  ScratchDir dir;
  check_same_in_parts(dir.write("s.csv", export_rows(300)).string());
}

TEST_CASE("CRLF line ends and a BOM read the same in parts") {
  ScratchDir dir;
  check_same_in_parts(dir.write("crlf.csv", "\xEF\xBB\xBF" + export_rows(250, "\r\n")).string());
}

TEST_CASE("title rows, blank rows and a Windows-1252 value in a later part read the same in parts") {
  std::string csv = "Export;;\n\n" + export_rows(200);
  csv.insert(csv.size() / 2, "\n\n;;\n\n");  // blank rows near the middle
  csv += "\n\n";
  csv += "D3;F;01/02/2024;;h\xF4pital;Le Moulin;\n";  // "hôpital" in Windows-1252, in the last part
  ScratchDir dir;
  const auto path = dir.write("titles.csv", csv).string();
  check_same_in_parts(path);
  CHECK(digest(path, 2, 61).find("Windows-1252") != std::string::npos);
  CHECK(digest(path, 2, 61).find("empty_row") != std::string::npos);
}

TEST_CASE("persons told apart by name, and rows without an identifier, are numbered as on one thread") {
  std::string by_name = "Nom;Prénom;Date de naissance;Date d'entrée;Date de sortie\n";
  std::string missing_ids = "N° dossier;Date d'entrée;Date de sortie\n";
  for (int r = 0; r < 240; ++r) {
    by_name += fmt::format("Nom{};P{};{:02}/03/1980;{:02}/{:02}/2024;\n", r % 23, r % 5, 1 + r % 9, 1 + r % 28, 1 + r % 12);
    missing_ids += fmt::format("{};{:02}/{:02}/2024;\n", r % 4 == 0 ? "" : fmt::format("D{}", r % 31), 1 + r % 28, 1 + r % 12);
  }
  ScratchDir dir;
  check_same_in_parts(dir.write("names.csv", by_name).string());
  check_same_in_parts(dir.write("ids.csv", missing_ids).string());
}

TEST_CASE("rows in a later part keep their row and line numbers in messages") {
  std::string csv = export_rows(120);
  csv += "D99;F;31/02/2024;;hôpital;Le Moulin;\n";       // an impossible date
  csv += "D98;F;01/03/2024;;vaisseau spatial;Le Moulin;\n";  // an unmapped value
  ScratchDir dir;
  const auto path = dir.write("late.csv", csv).string();
  check_same_in_parts(path);
  const std::string parts = digest(path, 2, 100);
  // 120 rows, a third of them with two line breaks in quotes: the last rows are 122 and 123, on lines 202 and 203.
  CHECK(parts.find("error impossible_date row 122, column C r122 l202") != std::string::npos);
  CHECK(parts.find("r123 l203") != std::string::npos);
}

TEST_CASE("stray quotes inside unquoted fields, which the cut's parity count misreads, read the same in parts") {
  std::string csv = "N° dossier;Date d'entrée;Observations\n";
  for (int r = 0; r < 200; ++r) csv += fmt::format("D{};01/{:02}/2024;{}\n", r, 1 + r % 12, r % 9 == 4 ? "il a dit \"non" : "ok");
  ScratchDir dir;
  check_same_in_parts(dir.write("stray.csv", csv).string());
}

TEST_CASE("an error that stops the reading in a later part is the one a single thread meets") {
  ScratchDir dir;
  std::string unclosed = export_rows(150) + "D1;F;01/02/2024;;hôpital;Le Moulin;\"jamais fermé\n";
  const auto path = dir.write("unclosed.csv", unclosed).string();
  const std::string one = digest(path, 1, 0);
  CHECK(one.find("thrown: ") == 0);
  CHECK(one.find("quoted field never closed") != std::string::npos);
  for (uint64_t part : {1, 50, 400}) CHECK(digest(path, 2, part) == one);

}

TEST_CASE("a report on a file large enough to be cut writes the same figures on one thread and on two") {
  ScratchDir dir;
  const auto path = dir.write("r.csv", export_rows(80000, "\n", 80000)).string();
  REQUIRE(std::filesystem::file_size(path) >= input::ReadOptions{}.min_split_bytes);
  auto one = test::run_cli({"2023..2024", path, "-o", "one", "--format", "json", "--threads", "1"}, dir.path());
  auto two = test::run_cli({"2023..2024", path, "-o", "two", "--format", "json", "--threads", "2"}, dir.path());
  CHECK(one.exit_code == 0);
  CHECK(two.exit_code == 0);
  for (int year : {2023, 2024}) {
    const auto name = fmt::format("one/figures-{}.json", year);
    CHECK(dir.read(name).size() > 1000);
    CHECK(dir.read(name) == dir.read(fmt::format("two/figures-{}.json", year)));
  }
}

}  // TEST_SUITE
