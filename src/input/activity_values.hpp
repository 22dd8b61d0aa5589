// The values of an activity log's cells (docs/figures.md, "The activity log"):
// durations (45, 1h30, 1:30, 1,5 h), start times (14:00, 14h30), numbers of
// participants, and the person identifiers of one cell.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "input/table_reader.hpp"

namespace ctreport::input {

// Minutes: a whole number alone is minutes (`45`, `90 min`, `45 mn`); `1h30`,
// `1 h 30`, `2h`, `1:30` (hours:minutes), `1,5 h` / `1.5 heures` (hours); a
// workbook time cell (a fraction of a day below 1) is read as hours and
// minutes. std::nullopt when the cell is not a duration (empty cells are not
// asked); at most 7 days.
std::optional<int> parse_duration(const Cell& cell);

// Minutes after midnight: `14:00`, `14:00:00`, `9h`, `14h30`, `14 h 30`, or a
// workbook time cell (a fraction of a day). std::nullopt otherwise.
std::optional<int> parse_start_time(const Cell& cell);

// A whole number of participants, 0 to 100000; std::nullopt otherwise.
std::optional<int> parse_participants(const Cell& cell);

// The identifiers of one cell, separated by ',' or ';', each trimmed; empty
// parts are skipped. The views point into `text`.
void split_identifiers(std::string_view text, std::vector<std::string_view>& out);

}  // namespace ctreport::input
