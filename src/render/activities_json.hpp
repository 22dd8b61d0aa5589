// figures.json's `activities`: the figures of the team's activity log
// (docs/figures.md, "The activity log"), written and read back. Absent when
// no log was given.
#pragma once
#include <nlohmann/json.hpp>

#include "figures/activity_figures.hpp"

namespace ctreport::render {

nlohmann::ordered_json activities_to_json(const figures::Activities& a);

// `j` is the whole figures file (already validated); a file without
// `activities` reads as no log given.
figures::Activities activities_from_json(const nlohmann::json& j);

}  // namespace ctreport::render
