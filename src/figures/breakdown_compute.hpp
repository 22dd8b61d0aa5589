// Computing every declared breakdown (model/breakdowns.hpp) of a period from
// the stays each population counts, with the figures that go with some of
// them (the age's mean, the stay lengths, the exits' headline counts).
#pragma once
#include <cstdint>
#include <vector>

#include "figures/figures.hpp"
#include "model/config.hpp"
#include "model/geography.hpp"
#include "model/period.hpp"
#include "model/stay.hpp"

namespace ctreport::figures {

// The stays each population counts (indices into the table's stays).
struct Populations {
  std::vector<uint32_t> people_present;         // the latest stay of each person present
  std::vector<uint32_t> exits;                  // each stay that ended in the period
  std::vector<uint32_t> people_present_at_end;  // the stay of each person present at the end

  const std::vector<uint32_t>& of(model::Population p) const;
};

struct BreakdownInput {
  const model::StayTable& table;
  const model::Config& config;
  const model::Period& period;
  const Populations& populations;
  const model::Departement* home;  // the establishment's département, when configured
};

// Fills f.breakdowns, f.age, f.stay_length, f.origin_same_region and f.exits;
// a breakdown whose fields have no column in the export is not available.
void compute_breakdowns(Figures& f, const BreakdownInput& in);

}  // namespace ctreport::figures
