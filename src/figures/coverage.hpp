// Whether the data covers a period: it holds a stay overlapping it and a stay
// that ended on or before its end (docs/figures.md, "Periods and batches").
// A period the data does not cover is neither reported nor compared with.
#pragma once
#include <string>

#include "figures/figures.hpp"
#include "model/period.hpp"
#include "util/date.hpp"

namespace ctreport::figures {

// `first_exit`: the earliest exit date of the data (model::k_open_exit when none).
bool covers(const Figures& f, const model::Period& period, util::Day first_exit);

// Why the data does not cover the period of `f`, in English, for messages.
std::string not_covered_reason(const Figures& f);

}  // namespace ctreport::figures
