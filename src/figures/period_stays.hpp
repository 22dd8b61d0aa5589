// The stays of each period of a batch, found in one pass for the whole batch:
// every period's figures then cost time in proportion to its own stays, not to
// the table's (a ten-year batch holds ten years of stays).
#pragma once
#include <cstdint>
#include <vector>

#include "model/period.hpp"
#include "model/stay.hpp"

namespace ctreport::figures {

// The indices of the stays that overlap one period, in two orders.
struct PeriodStays {
  std::vector<uint32_t> in_table_order;  // row order: the order counts and "latest stay" ties follow
  std::vector<uint32_t> by_person;       // by person, entry and row: the order the stay checks and the returns walk in
};

// The indices of the stays overlapping each of `periods`, in table order, in
// the same order as `periods`: one pass over the table.
std::vector<std::vector<uint32_t>> stays_of_periods(const model::StayTable& table,
                                                    const std::vector<model::Period>& periods);

// A period's stays in both orders, from its stays in table order.
PeriodStays period_stays(const model::StayTable& table, std::vector<uint32_t> in_table_order);

// Whether stay `s` overlaps `period` (both days included).
inline bool overlaps(const model::Stay& s, const model::Period& period) {
  return s.entry <= period.end && (s.is_open() || s.exit >= period.start);
}

}  // namespace ctreport::figures
