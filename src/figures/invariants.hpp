// Report-level checks on computed figures: every distribution sums to its
// denominator, people present = present at start + admitted not present at
// start, exits <= present; and the share of unknown values per field.
#pragma once
#include <optional>

#include "figures/figures.hpp"
#include "model/config.hpp"
#include "model/stay.hpp"
#include "model/warnings.hpp"

namespace ctreport::figures {

// Invariant breaches are errors (a bug or an inconsistent input), the unknown
// shares above config.check.max_unknown_share are warnings.
// Only fields the source has a column for are checked for unknown shares.
void check_figures(const Figures& f, const model::Config& config, const model::StayTable& table, model::WarningLog& out);

// The previous period's people present at its end against this period's
// present at its start (`check --previous figures-2023.json`).
void check_carry_over(const Figures& f, int64_t previous_present_at_end, const std::string& previous_label,
                      model::WarningLog& out);

}  // namespace ctreport::figures
