// Dates of cells: serials in either date system, or text.
#include "input/cell_date.hpp"

#include <cmath>

namespace ctreport::input {

namespace {
constexpr util::Day k_serial_epoch_offset = 25569;  // Excel 1900-system serial of 1970-01-01
}

// A date from a cell: spreadsheet dates as they are, numbers as Excel serials
// (a date column whose format was lost), text through the tolerant parser.
util::ParsedDate cell_date(const Cell& cell, int pivot_year) {
  switch (cell.type) {
    case CellType::empty: return {util::DateParse::empty, 0};
    case CellType::date: return {util::DateParse::ok, cell.day};
    case CellType::number: {
      // As a 1900-system serial: the 1904 system's serial 0 (1904-01-01) is the 1900 system's 1462.
      double n = cell.number + (cell.date_system == DateSystem::d1904 ? 1462 : 0);
      if (n >= 7306 && n < 73051 && std::floor(n) == n)  // 1920-01-01 .. 2099-12-31
        return {util::DateParse::ok, static_cast<util::Day>(n) - k_serial_epoch_offset};
      return {util::DateParse::malformed, 0};
    }
    default: return util::parse_date(cell.text, pivot_year);
  }
}

}  // namespace ctreport::input
