// A date from a table's cell, as every reader of dated rows reads it (the
// stays' entry and exit, the activity log's date): docs/figures.md, "Reading
// values".
#pragma once
#include "input/table_reader.hpp"
#include "util/date.hpp"

namespace ctreport::input {

// Spreadsheet dates as they are, whole numbers as Excel serial dates from
// 1920 to 2099 (a date column whose format was lost), text through the
// tolerant parser (`pivot_year`: see util::parse_date).
util::ParsedDate cell_date(const Cell& cell, int pivot_year);

}  // namespace ctreport::input
