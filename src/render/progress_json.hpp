// figures.json's `progress {housing, activity}`: the entry → exit cross-tables
// written and read back (docs/figures.md, "Progress from entry to exit").
#pragma once
#include <nlohmann/json.hpp>

#include "figures/cross_table.hpp"

namespace ctreport::render {

nlohmann::ordered_json progress_to_json(const figures::Progress& p);

// `j` is the whole figures file (already validated); a file without
// `progress` (written before it) reads as both tables not available.
figures::Progress progress_from_json(const nlohmann::json& j);

}  // namespace ctreport::render
