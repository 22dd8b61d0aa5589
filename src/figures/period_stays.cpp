// One pass sharing out the stays among the periods they overlap; each
// period's stays then sorted by person on their own.
#include "figures/period_stays.hpp"

#include <algorithm>

namespace ctreport::figures {

std::vector<std::vector<uint32_t>> stays_of_periods(const model::StayTable& table,
                                                    const std::vector<model::Period>& periods) {
  std::vector<std::vector<uint32_t>> out(periods.size());
  const auto& stays = table.stays;
  for (uint32_t i = 0; i < stays.size(); ++i)
    for (size_t k = 0; k < periods.size(); ++k)
      if (overlaps(stays[i], periods[k])) out[k].push_back(i);
  return out;
}

PeriodStays period_stays(const model::StayTable& table, std::vector<uint32_t> in_table_order) {
  PeriodStays out;
  out.by_person = in_table_order;
  const auto& stays = table.stays;
  std::sort(out.by_person.begin(), out.by_person.end(), [&](uint32_t a, uint32_t b) {
    const auto& x = stays[a];
    const auto& y = stays[b];
    return x.person != y.person ? x.person < y.person : x.entry != y.entry ? x.entry < y.entry : x.row < y.row;
  });
  out.in_table_order = std::move(in_table_order);
  return out;
}

}  // namespace ctreport::figures
