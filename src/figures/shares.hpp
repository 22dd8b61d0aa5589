// A distribution's total and shares (docs/figures.md, "Denominators"): the
// total counts every line; each share is of the total less the lines excluded
// from shares, which get none.
#pragma once
#include "figures/figures.hpp"

namespace ctreport::figures {

void set_total_and_shares(Distribution& d);

// The count of the lines excluded from shares.
int64_t excluded_count(const Distribution& d);

}  // namespace ctreport::figures
