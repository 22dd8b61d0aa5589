// Network figures: several establishments' figures of the same period added
// up exactly where figures are additive (counts, bed-days, capacity-days,
// distributions) and recomputed from the sums where they are not (rates,
// shares, means). Medians and the peak cannot be merged exactly: they are
// left out and listed, never averaged. Works on figures only: no personal
// data is involved.
#pragma once
#include <string>
#include <vector>

#include "figures/figures.hpp"

namespace ctreport::figures {

// `names[i]` names inputs[i] in errors. Throws DataError on mismatched
// periods, counting conventions (bed_days, age_reference, contract_months,
// age and stay-length brackets) or category sets, and on two inputs of the
// same establishment name.
Figures merge_figures(const std::vector<Figures>& inputs, const std::vector<std::string>& names, bool english);

}  // namespace ctreport::figures
