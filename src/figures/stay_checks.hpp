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

// The indices of all the stays of `table`, sorted by person, entry and row: the
// order the checks walk in, worth computing once for a batch of periods.
std::vector<uint32_t> stays_by_person(const model::StayTable& table);

// `by_person`, when given, is stays_by_person(table); otherwise it is computed here.
void check_stays(const model::StayTable& table, const model::Config& config, const model::Period& period,
                 model::WarningLog& out, const std::vector<uint32_t>* by_person = nullptr);

}  // namespace ctreport::figures
