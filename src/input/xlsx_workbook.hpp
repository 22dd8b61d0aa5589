// Reading XLSX workbooks (ECMA-376 SpreadsheetML) on libzip and expat (and
// the project's own scanner for big sheets, input/xml_scanner): the
// sheet list found through the package relationships, shared strings and the
// date styles loaded once, and each sheet streamed row by row (never a DOM of
// the sheet). Hostile packages (zip bombs, DOCTYPEs, path traversal, OLE2
// encrypted or .xls files) are refused with one line.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "input/table_reader.hpp"

struct zip;

namespace ctreport::input {

struct SheetInfo {
  std::string name;
  bool hidden = false;
};

// How a workbook is read.
struct XlsxReadOptions {
  // 1: everything on the calling thread; 2 (or more): a sheet's zip entry is
  // inflated on a second thread while the calling thread parses its XML
  // (unless the sheet declares at most 1 MB of XML). The rows, and the
  // errors, are the same either way.
  unsigned threads = 2;
  // Sheets in UTF-8 are read by the project's scanner (input/xml_scanner),
  // the rest by expat; true: every sheet by expat (the tests and the fuzzer
  // compare the two).
  bool expat_sheets = false;
};

class XlsxWorkbook {
 public:
  // Throws UsageError (without the path: the caller adds it) for files that
  // are not usable workbooks.
  static std::unique_ptr<XlsxWorkbook> open(const std::string& path, XlsxReadOptions options = {});
  ~XlsxWorkbook();
  XlsxWorkbook(const XlsxWorkbook&) = delete;
  XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

  const std::vector<SheetInfo>& sheets() const { return m_sheets; }
  // Streams sheet `index` (0-based). The workbook must outlive the reader.
  // Sheets may be read one after the other or at the same time.
  std::unique_ptr<TableReader> open_sheet(size_t index);

  // Limits against hostile files. The sizes a zip's central directory declares
  // are checked before reading, and the bytes actually inflated while reading
  // (the declared sizes may lie).
  static constexpr uint64_t k_max_sheet_bytes = uint64_t{4} << 30;  // uncompressed sheet XML
  static constexpr uint64_t k_max_part_bytes = uint64_t{512} << 20;  // shared strings, styles, workbook
  static constexpr uint64_t k_max_ratio = 1000;                      // uncompressed / compressed, past k_ratio_from
  static constexpr uint64_t k_ratio_from = uint64_t{16} << 20;
  // A sheet's size as Excel's specifications and limits give it (ECMA-376
  // sets none): columns A..XFD, rows 1..1048576, and at most 32767
  // characters of text in a cell.
  static constexpr size_t k_max_columns = 16384;
  static constexpr uint64_t k_max_rows = 1048576;
  static constexpr size_t k_max_cell_chars = 32767;

 private:
  XlsxWorkbook() = default;
  friend class XlsxSheetReader;

  std::string read_part(const std::string& name, uint64_t limit) const;
  void load(const std::string& path);

  struct zip* m_zip = nullptr;
  std::mutex m_zip_mutex;  // libzip's archive is not for two threads at once
  XlsxReadOptions m_options;
  std::vector<SheetInfo> m_sheets;
  std::vector<std::string> m_sheet_parts;
  std::string m_strings;                                   // shared strings, one after the other
  std::vector<std::pair<uint32_t, uint32_t>> m_string_spans;  // offset, size (k_too_long: over k_max_cell_chars)
  bool m_has_strings = false;                              // the workbook has a shared-strings part
  std::vector<bool> m_date_style;                          // by cellXfs index
  bool m_date1904 = false;
  static constexpr uint32_t k_too_long = 0xFFFFFFFF;
};

}  // namespace ctreport::input
