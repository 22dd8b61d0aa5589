// Reading XLSX workbooks (ECMA-376 SpreadsheetML) on libzip and expat: the
// sheet list found through the package relationships, shared strings and the
// date styles loaded once, and each sheet streamed row by row (never a DOM of
// the sheet). Hostile packages (zip bombs, DOCTYPEs, path traversal, OLE2
// encrypted or .xls files) are refused with one line.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "input/table_reader.hpp"

struct zip;

namespace ctreport::input {

struct SheetInfo {
  std::string name;
  bool hidden = false;
};

class XlsxWorkbook {
 public:
  // Throws UsageError (without the path: the caller adds it) for files that
  // are not usable workbooks.
  static std::unique_ptr<XlsxWorkbook> open(const std::string& path);
  ~XlsxWorkbook();
  XlsxWorkbook(const XlsxWorkbook&) = delete;
  XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

  const std::vector<SheetInfo>& sheets() const { return m_sheets; }
  // Streams sheet `index` (0-based). The workbook must outlive the reader.
  std::unique_ptr<TableReader> open_sheet(size_t index);

  // Limits against hostile files.
  static constexpr uint64_t k_max_sheet_bytes = uint64_t{4} << 30;  // uncompressed sheet XML
  static constexpr uint64_t k_max_part_bytes = uint64_t{512} << 20;  // shared strings, styles, workbook
  static constexpr uint64_t k_max_ratio = 1000;                      // uncompressed / compressed, for big entries

 private:
  XlsxWorkbook() = default;
  friend class XlsxSheetReader;

  std::string read_part(const std::string& name, uint64_t limit) const;
  void load(const std::string& path);

  struct zip* m_zip = nullptr;
  std::vector<SheetInfo> m_sheets;
  std::vector<std::string> m_sheet_parts;
  std::string m_strings;                                   // shared strings, one after the other
  std::vector<std::pair<uint32_t, uint32_t>> m_string_spans;  // offset, size
  std::vector<bool> m_date_style;                          // by cellXfs index
  bool m_date1904 = false;
};

}  // namespace ctreport::input
