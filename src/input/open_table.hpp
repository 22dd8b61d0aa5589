// Opens an input file as a table: CSV (any extension but .xlsx/.xlsm) or an
// XLSX workbook sheet, chosen by the name or number the user gave, else the
// first sheet whose header is recognised. "-" is standard input, read as CSV
// as it comes, like a pipe or FIFO; a workbook must be a regular file.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "input/table_reader.hpp"
#include "model/config.hpp"

namespace ctreport::input {

// `sheet` is the command line's --sheet, else the config's `sheet:` is used.
// A sheet name is matched exactly first, then as a number (the n-th visible
// sheet, as the tabs show them), then whatever the case and accents. Throws
// UsageError for files that cannot be used at all (missing, binary, empty,
// unknown sheet, --sheet given with a CSV file) and DataError when the chosen
// sheet, or no sheet, has a recognised header; messages start with the path,
// and so do those of errors thrown while reading the table.
// `threads`: XlsxReadOptions::threads of a workbook (the same rows with any).
std::unique_ptr<TableReader> open_table(const std::string& path, const model::Config& config, const std::string& sheet,
                                        unsigned threads = 2);

// What a table must hold to be chosen among a workbook's sheets, and the
// words of the errors when none does: the stays' entry-date column above,
// the activity log's date and type columns (input/activity_reader).
struct TableKind {
  std::function<bool(TableReader&)> recognised;  // consumes rows
  std::string what;      // "entry-date column"
  std::string article;   // "an"
  std::string expected;  // "expected a header such as …"
  std::string sheet_option;  // the option that named the sheet, for a CSV file given one
};

// The same for any kind of table; `sheet` is the sheet wanted (empty: the
// first that `kind` recognises); a CSV file is refused a sheet only when
// `sheet_from_command_line`.
std::unique_ptr<TableReader> open_table(const std::string& path, const std::string& sheet, const TableKind& kind,
                                        bool sheet_from_command_line, unsigned threads = 2);

}  // namespace ctreport::input
