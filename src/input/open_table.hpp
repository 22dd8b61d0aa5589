// Opens an input file as a table: CSV (any extension but .xlsx/.xlsm) or an
// XLSX workbook sheet, chosen by the name or number the user gave, else the
// first sheet whose header is recognised.
#pragma once
#include <memory>
#include <string>

#include "input/table_reader.hpp"
#include "model/config.hpp"

namespace ctreport::input {

// Throws UsageError for files that cannot be used at all (missing, binary,
// empty, unknown sheet) with a message that starts with the path.
std::unique_ptr<TableReader> open_table(const std::string& path, const model::Config& config, const std::string& sheet);

}  // namespace ctreport::input
