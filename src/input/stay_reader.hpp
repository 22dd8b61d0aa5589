// Turns the rows of a table (CSV or XLSX) into compact stay records, in one
// streaming pass: finds the header row, parses dates, maps categories and
// origins, keeps only the stays that overlap a requested period, and collects
// errors (rows that cannot be placed in time) and warnings (values that only
// affect one breakdown).
#pragma once
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "input/column_map.hpp"
#include "input/table_reader.hpp"
#include "model/config.hpp"
#include "model/period.hpp"
#include "model/stay.hpp"
#include "model/warnings.hpp"

namespace ctreport::input {

struct ReadOptions {
  std::vector<model::Period> periods;       // stays overlapping none of them are not kept
  std::function<void(double)> on_progress;  // called now and then with the fraction read
  size_t max_errors_listed = 20;
};

struct ReadResult {
  model::StayTable table;
  uint64_t rows_read = 0;    // data rows read (header and blank rows excluded)
  uint64_t header_row = 0;   // row number of the header
  model::WarningLog warnings;
  std::string source;        // the reader's description, e.g. "CSV ';' Windows-1252"
  std::vector<std::pair<std::string, std::string>> mapping;  // field name -> header used
};

// Rows before the header (titles, blank lines) are skipped; the header is the
// first of the first 30 rows in which an entry-date column is recognised.
// Throws DataError naming `file_label` and the row/column on bad data.
ReadResult read_stays(TableReader& reader, const std::string& file_label, const model::Config& config,
                      const ReadOptions& options);

}  // namespace ctreport::input
