// Checks on the stays of a period that need more than one row: a person's
// overlapping stays, stays longer than the contract, open stays that look like
// a forgotten exit. Their findings are warnings of the report and of `check`.
#pragma once
#include <cstdint>
#include <vector>

#include "model/config.hpp"
#include "model/period.hpp"
#include "model/stay.hpp"
#include "model/warnings.hpp"

namespace ctreport::figures {

// The findings about the stays of `period`, given in person order
// (PeriodStays::by_person).
void check_stays(const model::StayTable& table, const model::Config& config, const model::Period& period,
                 const std::vector<uint32_t>& period_by_person, model::WarningLog& out);

}  // namespace ctreport::figures
