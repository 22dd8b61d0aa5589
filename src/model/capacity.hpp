// Places of the establishment over time: one number, or dated periods when
// places change (a closure is a period of 0 places).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "util/date.hpp"

namespace ctreport::model {

struct CapacityPeriod {
  util::Day from = 0;
  std::optional<util::Day> to;  // included; none = until further notice
  int places = 0;
};

class Capacity {
 public:
  Capacity() = default;                      // no capacity: occupancy not computed
  explicit Capacity(int places);             // the same every day
  explicit Capacity(std::vector<CapacityPeriod> periods);  // sorted, must not overlap

  bool defined() const { return m_defined; }
  // Places on day d; days outside every period have 0 (see gaps()).
  int places_on(util::Day d) const;
  // True when d is in a period (always with a constant capacity).
  bool covers(util::Day d) const;
  // Day ranges of [first, last] that no period covers (only for dated periods).
  std::vector<std::pair<util::Day, util::Day>> gaps(util::Day first, util::Day last) const;
  // Places on the last day covered in [first, last], for "capacité: 35 places" lines.
  std::string describe(util::Day first, util::Day last) const;  // e.g. "30 puis 35 places (1er juillet)"
  const std::vector<CapacityPeriod>& periods() const { return m_periods; }
  bool is_constant() const { return m_constant.has_value(); }
  std::optional<int> constant() const { return m_constant; }

 private:
  bool m_defined = false;
  std::optional<int> m_constant;
  std::vector<CapacityPeriod> m_periods;
};

// The places of several units added up day by day: the establishment's
// capacity from its sites' (none when a part has none).
Capacity sum_capacities(const std::vector<Capacity>& parts);

}  // namespace ctreport::model
