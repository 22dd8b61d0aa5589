// The coverage rule of batches and comparisons.
#include "figures/coverage.hpp"

#include <fmt/format.h>

namespace ctreport::figures {

bool covers(const Figures& f, const model::Period& period, util::Day first_exit) {
  return f.stays.overlapping > 0 && first_exit <= period.end;
}

std::string not_covered_reason(const Figures& f) {
  if (f.stays.overlapping == 0) return fmt::format("no stay overlaps {}", f.period.label);
  return fmt::format("no stay ended on or before {}: the export seems to start later", f.period.end);
}

}  // namespace ctreport::figures
