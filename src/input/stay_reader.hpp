// Turns the rows of a table (CSV or XLSX) into compact stay records, in one
// streaming pass: finds the header row, parses dates, maps categories and
// origins, keeps only the stays that overlap a requested period, and collects
// errors (rows that cannot be placed in time) and warnings (values that only
// affect one breakdown).
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "input/column_map.hpp"
#include "input/person_index.hpp"
#include "input/row_warnings.hpp"
#include "input/table_reader.hpp"
#include "model/config.hpp"
#include "model/period.hpp"
#include "model/stay.hpp"
#include "model/warnings.hpp"

namespace ctreport::input {

struct ReadOptions {
  std::vector<model::Period> periods;       // stays overlapping none of them are not kept
  std::function<void(double)> on_progress;  // called now and then with the fraction read
  size_t max_errors_kept = 1000;
  // The exits of this many months before each period are kept too (person,
  // dates and whether a death), beside the returns window: the follow-up's
  // cohorts (docs/figures.md, "The follow-up after exit"). 0: the returns' only.
  int past_exit_months = 0;
  // With 2 or more, a CSV file of at least min_split_bytes is cut at record
  // boundaries into parts of about part_bytes, read on that many threads
  // (input/parted_read): the same result as one thread's, byte for byte.
  unsigned threads = 1;
  uint64_t min_split_bytes = uint64_t{4} << 20;
  uint64_t part_bytes = uint64_t{8} << 20;
};

struct ReadResult {
  model::StayTable table;
  std::shared_ptr<TableReader> reader;  // kept for positions in messages
  uint64_t rows_read = 0;    // data rows read (header and blank rows excluded)
  uint64_t header_row = 0;   // row number of the header
  RowWarnings warnings;                 // use warnings_for()
  std::vector<model::Warning> errors;  // rows that cannot be used (first max_errors_kept)
  uint64_t error_count = 0;            // all of them
  std::string source;        // the reader's description, e.g. "CSV ';' Windows-1252"
  std::vector<std::pair<std::string, std::string>> mapping;  // field name -> header used
  // The earliest exit date of any row read, kept or not (k_open_exit when no
  // row has one): a year ending before it is not covered by the file.
  util::Day first_exit = model::k_open_exit;
  // The person identifiers of the stays read, numbered as the stays' persons,
  // for the activity log to be joined with in memory (never written); empty
  // when people are told apart by name (no identifier column).
  std::shared_ptr<const PersonIndex> persons;

  // The warnings about the stays that overlap `period`, and about the file itself;
  // about the rows not kept (outside every period) only when `with_rows_not_kept`:
  // a batch gives them to its last year (docs/figures.md, "Checks").
  model::WarningLog warnings_for(const model::Period& period, bool with_rows_not_kept = true) const;
  // The same, for the stays of one site.
  model::WarningLog warnings_for(const model::Period& period, uint16_t site, bool with_rows_not_kept) const;
};

// How many rows, from the first, the header is looked for in.
inline constexpr size_t k_header_search_rows = 30;

// True when one of the first rows of `reader` is a header with an entry-date
// column (used to pick the sheet of a workbook). Consumes rows.
bool has_recognised_header(TableReader& reader, const model::Config& config);

// Rows before the header (titles, blank lines) are skipped; the header is the
// first of the first 30 rows in which an entry-date column is recognised.
// Rows that cannot be used are returned in `errors` (see throw_if_errors);
// a table without a usable header or without data rows throws DataError.
ReadResult read_stays(std::shared_ptr<TableReader> reader, const std::string& file_label, const model::Config& config,
                      const ReadOptions& options);

// Throws DataError listing the first `max_listed` errors of `result`, each as
// "file: row 5, column D (Date d'entrée): ...".
void throw_if_errors(const ReadResult& result, const std::string& file_label, size_t max_listed = 20);

}  // namespace ctreport::input
