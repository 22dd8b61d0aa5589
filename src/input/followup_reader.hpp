// Reads a follow-up file (--followup FILE, or a sheet of the stays workbook)
// in one streaming pass: finds its header, recognises its columns by words,
// and turns each contact attempt dated near a reported period into a compact
// model::FollowupContact, its person joined in memory to the stays' person
// table. docs/figures.md, "The follow-up after exit".
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "input/open_table.hpp"
#include "input/person_index.hpp"
#include "input/table_reader.hpp"
#include "model/config.hpp"
#include "model/followup_log.hpp"
#include "model/period.hpp"
#include "model/warnings.hpp"

namespace ctreport::input {

struct FollowupReadOptions {
  // Contacts dated more than followup.window_days from all of them are counted, not kept.
  std::vector<model::Period> periods;
  const PersonIndex* persons = nullptr;  // the stays' identifiers; none: the stays have no identifier column
  std::function<void(double)> on_progress;
};

struct FollowupReadResult {
  model::FollowupLog log;
  // Findings about the file's values (a situation that maps to no category),
  // in every report of the run.
  model::WarningLog warnings;
};

// How a workbook's sheet is recognised as a follow-up file (a person, a date
// and a reached column among its first rows), for open_table.
TableKind followup_table_kind(const model::Config& config);

// Reached or not: oui / non, yes / no, joint·e / non joint·e, 1 / 0, x…
// (docs/figures.md, "The follow-up after exit"); std::nullopt otherwise.
std::optional<bool> parse_reached(std::string_view text);

// `file_label` names the file in errors. Throws DataError listing the rows
// that cannot be used (at most 20 listed), and when the header lacks a
// person, date or reached column.
FollowupReadResult read_followup(TableReader& reader, const std::string& file_label, const model::Config& config,
                                 const FollowupReadOptions& options);

}  // namespace ctreport::input
