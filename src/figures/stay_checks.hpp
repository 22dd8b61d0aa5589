// Checks on the stays of a period that need more than one row: a person's
// overlapping stays, stays longer than the contract, open stays that look like
// a forgotten exit. Their findings are warnings of the report and of `check`.
#pragma once
#include "model/config.hpp"
#include "model/period.hpp"
#include "model/stay.hpp"
#include "model/warnings.hpp"

namespace ctreport::figures {

void check_stays(const model::StayTable& table, const model::Config& config, const model::Period& period,
                 model::WarningLog& out);

}  // namespace ctreport::figures
