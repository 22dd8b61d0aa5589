// The progress from entry to exit of the stays that ended in the period:
// housing at entry × housing at exit, activity at entry × activity at exit,
// each with its headline (docs/figures.md, "Progress from entry to exit").
#pragma once
#include <cstdint>
#include <vector>

#include "figures/cross_table.hpp"
#include "model/config.hpp"
#include "model/stay.hpp"

namespace ctreport::figures {

// `exits`: the stays that ended in the period (indices into table.stays).
// A table is not available when the export has no column for its field at
// entry or at exit.
Progress compute_progress(const model::StayTable& table, const model::Config& config, const std::vector<uint32_t>& exits);

}  // namespace ctreport::figures
