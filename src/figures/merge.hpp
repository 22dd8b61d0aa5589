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

// A network's report and the earlier years it is compared with.
struct NetworkYears {
  Figures report;                        // the latest period's figures, merged
  std::vector<Figures> compared;         // each earlier period given, merged
  std::vector<std::string> not_covered;  // labels of earlier periods with an establishment without any stay
};

// Figures files of several periods: those of the latest period are the
// network's report, each earlier period given is merged alike and compared
// with it. Throws DataError when the latest period has fewer than two files,
// when a period overlaps it, and when an earlier period's establishments are
// not the same (by name) as the latest one's.
NetworkYears merge_network(const std::vector<Figures>& inputs, const std::vector<std::string>& names, bool english);

}  // namespace ctreport::figures
