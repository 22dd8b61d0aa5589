// A network's activity figures (ctreport merge): sessions, participants,
// hours and the counts by type, month and professional category summed; the
// people reached summed (a person reached by two establishments counts twice)
// and their share recomputed against the network's people present; means and
// rates recomputed from the sums. docs/figures.md, "The activity log".
#pragma once
#include <vector>

#include "figures/figures.hpp"

namespace ctreport::figures {

// `merged` holds the network's people and occupancy already; its activities
// are set from `inputs`' own. When only some inputs have an activity log, the
// network has none, and "activities" is added to network.not_mergeable.
void merge_activities(const std::vector<Figures>& inputs, Figures& merged);

}  // namespace ctreport::figures
