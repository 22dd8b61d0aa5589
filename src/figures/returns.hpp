// Returns (docs/figures.md, "Returns"): the people who left in the months
// before the period and came back during it, and the period's admissions
// that followed an exit by at most 6 or 12 months.
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "figures/figures.hpp"
#include "model/config.hpp"
#include "model/period.hpp"
#include "model/stay.hpp"

namespace ctreport::figures {

// Every exit of the table, kept stays and past exits alike, as (person, exit
// day), sorted by person then day: the same for every period of a batch.
using ExitsByPerson = std::vector<std::pair<uint32_t, util::Day>>;
ExitsByPerson exits_by_person(const model::StayTable& table);

// Fills f.returns from the table's stays and past exits. Not available when
// the window is 0, when the export has no person identifier (nor names to
// tell people apart), or when it starts after the window's first day.
// `period_stays`: the stays overlapping `period`, sorted by person then entry
// day (PeriodStays::by_person);
// `sorted`, when given, is exits_by_person(table); otherwise it is computed here.
void compute_returns(Figures& f, const model::StayTable& table, const model::Config& config, const model::Period& period,
                     const std::vector<uint32_t>& period_stays, const ExitsByPerson* sorted = nullptr);

}  // namespace ctreport::figures
