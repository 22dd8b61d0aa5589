// A network's follow-up figures (ctreport merge): at each horizon, the
// cohorts, the people contacted and reached and the situations' lines summed
// (line by key), the share reached recomputed from the sums; a horizon not
// available in one establishment is not available for the network.
// docs/figures.md, "The follow-up after exit".
#pragma once
#include <vector>

#include "figures/figures.hpp"

namespace ctreport::figures {

// When only some inputs have follow-up figures, or their horizons or windows
// differ, the network has none and "followup" is added to
// network.not_mergeable.
void merge_followup(const std::vector<Figures>& inputs, Figures& merged);

}  // namespace ctreport::figures
