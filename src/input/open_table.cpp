// Choice of reader by file type, and of the sheet in a workbook.
#include "input/open_table.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "input/column_map.hpp"
#include "input/csv_reader.hpp"
#include "input/stay_reader.hpp"
#include "input/xlsx_workbook.hpp"
#include "util/errors.hpp"
#include "util/text.hpp"

namespace ctreport::input {

namespace {

bool is_workbook_name(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".xlsx" || ext == ".xlsm" || ext == ".xls";
}

std::string sheet_list(const std::vector<SheetInfo>& sheets) {
  std::string out;
  for (const auto& s : sheets) out += fmt::format("{}'{}'{}", out.empty() ? "" : ", ", s.name, s.hidden ? " (hidden)" : "");
  return out;
}

std::string expected_header(const model::Config& config) {
  std::string accepted;
  auto headers = ColumnMap::accepted_headers(model::Field::entry_date, config);
  for (size_t i = 0; i < headers.size() && i < 13; ++i) accepted += (accepted.empty() ? "'" : ", '") + headers[i] + "'";
  return fmt::format("expected a header such as {} (or name yours in the config: columns.entry_date)", accepted);
}

// The sheet the user named: its exact name first (a sheet may be called
// "2024"), then a number counting the visible sheets as their tabs show
// them, then the name whatever the case, accents and spaces.
size_t named_sheet(const std::vector<SheetInfo>& sheets, const std::string& path, const std::string& wanted) {
  for (size_t i = 0; i < sheets.size(); ++i)
    if (sheets[i].name == wanted) return i;
  bool number = !wanted.empty() && wanted.size() <= 9 &&
                std::all_of(wanted.begin(), wanted.end(), [](char c) { return c >= '0' && c <= '9'; });
  size_t visible = static_cast<size_t>(std::count_if(sheets.begin(), sheets.end(), [](const SheetInfo& s) { return !s.hidden; }));
  if (number) {
    size_t n = std::stoul(wanted);
    for (size_t i = 0, seen = 0; i < sheets.size(); ++i)
      if (!sheets[i].hidden && ++seen == n) return i;
    throw UsageError(fmt::format("{}: there is no sheet number {} (the visible sheets are counted, as their tabs show them); "
                                 "the workbook has {} visible sheet(s): {}",
                                 path, wanted, visible, sheet_list(sheets)));
  }
  std::string key = util::normalize_key(wanted);
  for (size_t i = 0; i < sheets.size(); ++i)
    if (util::normalize_key(sheets[i].name) == key) return i;
  throw UsageError(fmt::format("{}: there is no sheet '{}'; the workbook has: {}", path, wanted, sheet_list(sheets)));
}

size_t choose_sheet(XlsxWorkbook& book, const std::string& path, const TableKind& kind, const std::string& wanted) {
  const auto& sheets = book.sheets();
  if (sheets.empty()) throw UsageError(fmt::format("{}: the workbook has no sheet", path));
  if (!wanted.empty()) {
    size_t i = named_sheet(sheets, path, wanted);
    auto reader = book.open_sheet(i);
    if (!kind.recognised(*reader))
      throw DataError(fmt::format("{}: sheet '{}': no {} found in the first {} rows: {}", path, sheets[i].name,
                                  kind.what, k_header_search_rows, kind.expected));
    return i;
  }
  // The first visible sheet whose header is recognised, else the first hidden one.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < sheets.size(); ++i) {
      if (sheets[i].hidden != (pass == 1)) continue;
      auto reader = book.open_sheet(i);
      if (kind.recognised(*reader)) return i;
    }
  }
  throw DataError(fmt::format("{}: no sheet has {} {} in its first {} rows (sheets tried: {}): {}; or "
                              "choose the sheet with --sheet",
                              path, kind.article, kind.what, k_header_search_rows, sheet_list(sheets), kind.expected));
}

// A sheet reader that keeps its workbook alive.
class WorkbookSheet : public TableReader {
 public:
  WorkbookSheet(std::unique_ptr<XlsxWorkbook> book, size_t index)
      : m_book(std::move(book)), m_sheet(m_book->open_sheet(index)) {}
  bool next_row(Row& row) override { return m_sheet->next_row(row); }
  std::string cell_position(const Row& row, size_t column) const override { return m_sheet->cell_position(row, column); }
  double progress() const override { return m_sheet->progress(); }
  std::string description() const override { return m_sheet->description(); }
  std::string sheet_name() const override { return m_sheet->sheet_name(); }

 private:
  std::unique_ptr<XlsxWorkbook> m_book;
  std::unique_ptr<TableReader> m_sheet;
};

}  // namespace

std::unique_ptr<TableReader> open_table(const std::string& path, const model::Config& config, const std::string& sheet,
                                        unsigned threads) {
  TableKind stays{[&](TableReader& r) { return has_recognised_header(r, config); }, "entry-date column", "an",
                  expected_header(config), "--sheet"};
  return open_table(path, sheet.empty() ? config.sheet : sheet, stays, !sheet.empty(), threads);
}

std::unique_ptr<TableReader> open_table(const std::string& path, const std::string& sheet, const TableKind& kind,
                                        bool sheet_from_command_line, unsigned threads) {
  std::error_code ec;
  if (path != "-" && std::filesystem::is_directory(path, ec))
    throw UsageError(fmt::format("{}: is a folder, not a data file", path));
  std::unique_ptr<TableReader> table;
  try {
    if (is_workbook_name(path)) {
      // A workbook is read by its zip directory, at its end: a pipe (a FIFO, <(…)) cannot serve.
      auto type = std::filesystem::status(path, ec).type();
      if (!ec && type != std::filesystem::file_type::regular)
        throw UsageError("a workbook cannot be read from a pipe or device (its zip directory is at its end): save it "
                         "as a file and give its path");
      auto book = XlsxWorkbook::open(path, XlsxReadOptions{.threads = threads});
      size_t index = choose_sheet(*book, path, kind, sheet);
      table = std::make_unique<WorkbookSheet>(std::move(book), index);
    } else {
      // The config's sheet: may serve workbooks and CSV files alike; a --sheet for a CSV file is a mistake.
      if (sheet_from_command_line && !sheet.empty())
        throw UsageError(fmt::format("{} '{}' applies to workbooks (.xlsx), and this is a CSV file", kind.sheet_option, sheet));
      table = CsvReader::open_file(path);
    }
  } catch (const std::exception&) {
    rethrow_with_path(path);
  }
  return table;
}

}  // namespace ctreport::input
