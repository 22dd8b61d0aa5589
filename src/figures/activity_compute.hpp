// The figures of the activity log for one period (docs/figures.md, "The
// activity log"): sessions by type, month and professional category, hours,
// participants, the people reached among the people present according to the
// stays, and the warning about rows naming a person without a stay.
#pragma once
#include "figures/figures.hpp"
#include "model/activity_log.hpp"
#include "model/config.hpp"
#include "model/period.hpp"
#include "model/stay.hpp"

namespace ctreport::figures {

struct ActivityInput {
  const model::ActivityLog& log;
  const model::Config& config;   // activity types and professional categories, the labels' language
  const model::StayTable& table; // the stays the people present are counted from
  const model::Period& period;
};

// Fills f.activities from the log's rows dated in the period; f's people and
// occupancy are those of the same period. Rows naming a person who has no
// stay add an `unknown_activity_person` warning to f.quality (count and rows,
// never the identifier).
void compute_activities(const ActivityInput& in, Figures& f);

}  // namespace ctreport::figures
