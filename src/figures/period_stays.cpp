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

// Sorted on a key copied next to each stay's index (person, then entry day
// with its sign bit flipped so that it orders as unsigned), then the index:
// the stays are in row order, so the index orders as the row does. No random
// access into the stays while sorting.
PeriodStays period_stays(const model::StayTable& table, std::vector<uint32_t> in_table_order) {
  struct Keyed {
    uint64_t key;
    uint32_t stay;
  };
  const auto& stays = table.stays;
  std::vector<Keyed> keyed(in_table_order.size());
  for (size_t k = 0; k < keyed.size(); ++k) {
    const auto& s = stays[in_table_order[k]];
    keyed[k] = {(uint64_t{s.person} << 32) | (static_cast<uint32_t>(s.entry) ^ 0x80000000u), in_table_order[k]};
  }
  std::sort(keyed.begin(), keyed.end(),
            [](const Keyed& a, const Keyed& b) { return a.key != b.key ? a.key < b.key : a.stay < b.stay; });
  PeriodStays out;
  out.by_person.resize(keyed.size());
  for (size_t k = 0; k < keyed.size(); ++k) out.by_person[k] = keyed[k].stay;
  out.in_table_order = std::move(in_table_order);
  return out;
}

}  // namespace ctreport::figures
