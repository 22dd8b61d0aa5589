// Returns (docs/figures.md, "Returns"): the people who left in the months
// before the period and came back during it, and the period's admissions
// that followed an exit by at most 6 or 12 months.
#pragma once
#include "figures/figures.hpp"
#include "model/config.hpp"
#include "model/period.hpp"
#include "model/stay.hpp"

namespace ctreport::figures {

// Fills f.returns from the table's stays and past exits. Not available when
// the window is 0, when the export has no person identifier (nor names to
// tell people apart), or when it starts after the window's first day.
void compute_returns(Figures& f, const model::StayTable& table, const model::Config& config, const model::Period& period);

}  // namespace ctreport::figures
