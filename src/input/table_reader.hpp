// The interface every tabular input (CSV, XLSX) offers to the stay reader:
// a stream of rows of cells, read once, front to back, with positions for
// error messages. Readers never hold more than the current row.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/date.hpp"

namespace ctreport::input {

enum class CellType : uint8_t {
  empty,    // no value (missing cell, empty string)
  text,     // `text` holds UTF-8 text
  number,   // `number` holds the value; `text` its textual form (e.g. "42", "3.5")
  date,     // a spreadsheet cell formatted as a date: `day` holds it, `text` its ISO form
  boolean,  // `number` is 0 or 1; `text` is "TRUE"/"FALSE"
};

// How a workbook counts its date serials (ECMA-376 Part 1, 18.17.4.1): from
// 1899-12-30 (the 1900 system, with Lotus 1-2-3's 29 February 1900) or from
// 1904-01-01 (the 1904 system, workbookPr date1904, 18.2.28).
enum class DateSystem : uint8_t { d1900, d1904 };

struct Cell {
  CellType type = CellType::empty;
  std::string_view text;  // valid until the next call to next_row()
  double number = 0;
  util::Day day = 0;
  DateSystem date_system = DateSystem::d1900;  // for a number that is a date serial whose format was lost
};

// One row as returned by next_row().
struct Row {
  std::vector<Cell> cells;  // trailing empty cells may be absent
  uint64_t row = 0;         // 1-based row number as a spreadsheet shows it (header row included)
  uint64_t line = 0;        // CSV: 1-based line where the record starts; XLSX: same as row
  uint32_t fields = 0;      // CSV: fields in the record as written (trailing empty ones included); 0 = not known
};

class TableReader {
 public:
  virtual ~TableReader() = default;

  // Reads the next non-blank row. Returns false at the end of the table.
  // Throws DataError (with the position, without the file name) on input that
  // cannot be read at all.
  virtual bool next_row(Row& row) = 0;

  // "row 17, column E" for CSV, "Séjours!E17" for XLSX: where a cell is, for
  // messages. `column` is 0-based.
  virtual std::string cell_position(const Row& row, size_t column) const = 0;

  // Fraction of the input consumed so far, 0..1, for progress display;
  // negative when the input's size is not known (a pipe).
  virtual double progress() const = 0;

  // A word for the method note, e.g. "CSV ';' Windows-1252" or "XLSX sheet 'Séjours'".
  virtual std::string description() const = 0;

  // The sheet read, for messages about the table as a whole; empty for CSV.
  virtual std::string sheet_name() const { return {}; }
};

// 1-based column letters as spreadsheets name them: 0 -> "A", 26 -> "AA".
std::string column_letters(size_t column);

// Rethrows the DataError or UsageError being handled (readers report
// positions only) with its message prefixed by `path`, unless it starts with
// "path:" or quotes 'path' already; any other exception is rethrown as it
// is. Call it from a catch.
[[noreturn]] void rethrow_with_path(const std::string& path);

}  // namespace ctreport::input
