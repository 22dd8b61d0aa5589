// figures.json: every figure of a period in the stable schema
// `ctreport/figures/v1` (docs/figures.md), the interface for CI and merges.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "figures/figures.hpp"

namespace ctreport::render {

nlohmann::ordered_json figures_to_json(const figures::Figures& f);
std::string figures_json_text(const figures::Figures& f);  // pretty-printed, ends with a newline

// Reads a figures.json written by ctreport (schema ctreport/figures/v1) back
// into figures; `source` names it in errors. Throws DataError.
figures::Figures figures_from_json(std::string_view text, const std::string& source);

// One distribution as an object {total, population, lines: [...], available},
// or {population, available: false, missing}, and back (for the sections
// written apart: render/followup_json).
nlohmann::ordered_json distribution_to_json(const figures::Distribution& d);
figures::Distribution distribution_from_json(const nlohmann::json& j, std::string population);

}  // namespace ctreport::render
