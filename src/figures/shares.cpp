// Totals and shares of a distribution, its excluded lines left out of the denominator.
#include "figures/shares.hpp"

namespace ctreport::figures {

int64_t excluded_count(const Distribution& d) {
  int64_t n = 0;
  for (const auto& l : d.lines) n += l.excluded_from_share ? l.count : 0;
  return n;
}

void set_total_and_shares(Distribution& d) {
  d.total = 0;
  for (const auto& l : d.lines) d.total += l.count;
  const int64_t denominator = d.total - excluded_count(d);
  for (auto& l : d.lines)
    l.share = l.excluded_from_share || denominator <= 0
                  ? std::nullopt
                  : std::optional<double>(static_cast<double>(l.count) / static_cast<double>(denominator));
}

}  // namespace ctreport::figures
