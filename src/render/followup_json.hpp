// figures.json's `followup`: the figures of the follow-up after exit
// (docs/figures.md, "The follow-up after exit"), written and read back.
// Absent when no follow-up file was given.
#pragma once
#include <nlohmann/json.hpp>

#include "figures/followup_figures.hpp"

namespace ctreport::render {

nlohmann::ordered_json followup_to_json(const figures::Followup& f);

// `j` is the whole figures file (already validated); a file without
// `followup` reads as no follow-up file given.
figures::Followup followup_from_json(const nlohmann::json& j);

}  // namespace ctreport::render
