// Rows of the activity log → sessions (docs/figures.md, "The activity log",
// "Rows → sessions"): a row with a number of participants is one session; the
// rows of a collective type with the same date, type and start time are one
// session; every other row is one session.
#pragma once
#include <cstdint>
#include <vector>

#include "model/activity_log.hpp"
#include "model/categories.hpp"
#include "model/period.hpp"

namespace ctreport::figures {

struct Session {
  util::Day date = 0;
  model::CategoryIndex type = model::k_other_category;
  model::CategoryIndex professional = model::k_unknown_category;  // its first row's that has one
  bool collective = false;   // of a collective type
  int32_t minutes = -1;      // the longest duration of its rows; -1 when none has one
  int64_t participants = 0;  // the number given; else one per identifier of its rows (1 for a row naming none)
};

// The sessions of the rows dated in `period`, in order of their first row.
// `types` tells which types are collective.
std::vector<Session> group_sessions(const model::ActivityLog& log, const model::CategorySet& types,
                                    const model::Period& period);

}  // namespace ctreport::figures
