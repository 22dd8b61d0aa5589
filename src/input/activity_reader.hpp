// Reads an activity log (--activities FILE, or a sheet of the stays workbook)
// in one streaming pass: finds its header, recognises its columns by words,
// and turns each row dated in a reported period into a compact
// model::ActivityRow, the persons it names joined in memory to the stays'
// person table. docs/figures.md, "The activity log".
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "input/open_table.hpp"
#include "input/person_index.hpp"
#include "input/table_reader.hpp"
#include "model/activity_log.hpp"
#include "model/config.hpp"
#include "model/period.hpp"
#include "model/warnings.hpp"

namespace ctreport::input {

struct ActivityReadOptions {
  std::vector<model::Period> periods;         // rows dated outside all of them are counted, not kept
  const PersonIndex* persons = nullptr;       // the stays' identifiers; none: the stays have no identifier column
  std::function<void(double)> on_progress;
};

struct ActivityReadResult {
  model::ActivityLog log;
  // Findings about the log's values (a type or professional category that
  // maps to no category), in every report of the run.
  model::WarningLog warnings;
};

// How a workbook's sheet is recognised as an activity log (a date and a type
// column among its first rows), for open_table.
TableKind activity_table_kind(const model::Config& config);

// `file_label` names the file in errors. Throws DataError listing the rows
// that cannot be used (at most 20 listed: "file: row 5, column A (Date):
// '31/02/2024' is not a date…"), and when the header lacks a date or type
// column.
ActivityReadResult read_activities(TableReader& reader, const std::string& file_label, const model::Config& config,
                                   const ActivityReadOptions& options);

}  // namespace ctreport::input
