// The figures engine: from the stays of a source to the figures of a period,
// in passes over the compact stay records only (never the raw file).
#pragma once
#include <cstdint>
#include <vector>

#include "figures/figures.hpp"
#include "figures/period_stays.hpp"
#include "figures/returns.hpp"
#include "model/config.hpp"
#include "model/period.hpp"
#include "model/stay.hpp"
#include "model/warnings.hpp"

namespace ctreport::figures {

struct ComputeInput {
  const model::StayTable& table;
  const model::Config& config;
  const model::Period& period;
  uint64_t rows_read = 0;
  std::string source;
  const model::WarningLog* read_warnings = nullptr;
  // Found once for a whole batch (figures::stays_of_periods, exits_by_person);
  // computed here when not given.
  const std::vector<uint32_t>* period_stays = nullptr;
  const ExitsByPerson* exits_by_person = nullptr;
  const model::Capacity* capacity = nullptr;  // a site's, in place of the config's
};

// Labels come from the config in config.lang.
Figures compute_figures(const ComputeInput& input);

}  // namespace ctreport::figures
