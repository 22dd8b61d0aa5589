// Capacity periods and the places on a given day.
#include "model/capacity.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "util/errors.hpp"

namespace ctreport::model {

Capacity::Capacity(int places) : m_defined(places > 0), m_constant(places) {}

Capacity::Capacity(std::vector<CapacityPeriod> periods) : m_defined(!periods.empty()), m_periods(std::move(periods)) {
  std::sort(m_periods.begin(), m_periods.end(),
            [](const CapacityPeriod& a, const CapacityPeriod& b) { return a.from < b.from; });
  for (size_t i = 0; i < m_periods.size(); ++i) {
    const auto& p = m_periods[i];
    if (p.to && *p.to < p.from)
      throw DataError(fmt::format("the period from {} ends before it starts ({})", util::iso(p.from), util::iso(*p.to)));
    if (i + 1 < m_periods.size()) {
      const auto& next = m_periods[i + 1];
      if (!p.to || *p.to >= next.from)
        throw DataError(fmt::format("the period from {} overlaps the one from {} (give it a `to` before {})",
                                    util::iso(p.from), util::iso(next.from), util::iso(next.from)));
    }
  }
}

int Capacity::places_on(util::Day d) const {
  if (m_constant) return *m_constant;
  for (auto it = m_periods.rbegin(); it != m_periods.rend(); ++it)
    if (d >= it->from) return (!it->to || d <= *it->to) ? it->places : 0;
  return 0;
}

bool Capacity::covers(util::Day d) const {
  if (m_constant) return true;
  for (const auto& p : m_periods)
    if (d >= p.from && (!p.to || d <= *p.to)) return true;
  return false;
}

std::vector<std::pair<util::Day, util::Day>> Capacity::gaps(util::Day first, util::Day last) const {
  std::vector<std::pair<util::Day, util::Day>> out;
  if (m_constant || !m_defined) return out;
  util::Day cursor = first;
  for (const auto& p : m_periods) {
    if (cursor > last) break;
    util::Day pend = p.to ? *p.to : last;
    if (pend < cursor) continue;
    if (p.from > cursor) out.emplace_back(cursor, std::min(last, p.from - 1));
    cursor = std::max(cursor, pend + 1);
  }
  if (cursor <= last) out.emplace_back(cursor, last);
  return out;
}

std::string Capacity::describe(util::Day first, util::Day last) const {
  if (m_constant) return fmt::format("{}", *m_constant);
  std::string out;
  for (const auto& p : m_periods) {
    util::Day pend = p.to ? *p.to : last;
    if (pend < first || p.from > last) continue;
    if (!out.empty()) out += ", ";
    out += fmt::format("{} ({} – {})", p.places, util::iso(std::max(first, p.from)), util::iso(std::min(last, pend)));
  }
  return out;
}

Capacity sum_capacities(const std::vector<Capacity>& parts) {
  if (parts.empty()) return Capacity();
  int constant = 0;
  bool all_constant = true;
  std::vector<util::Day> starts;  // days the sum may change
  for (const auto& c : parts) {
    if (!c.defined()) return Capacity();
    if (c.is_constant()) {
      constant += *c.constant();
      continue;
    }
    all_constant = false;
    for (const auto& p : c.periods()) {
      starts.push_back(p.from);
      if (p.to) starts.push_back(*p.to + 1);
    }
  }
  if (all_constant) return Capacity(constant);
  if (constant > 0) starts.push_back(util::to_day(1900, 1, 1));
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  std::vector<CapacityPeriod> periods;
  for (size_t i = 0; i < starts.size(); ++i) {
    int places = 0;
    for (const auto& c : parts) places += c.places_on(starts[i]);
    CapacityPeriod p{starts[i], i + 1 < starts.size() ? std::optional<util::Day>(starts[i + 1] - 1) : std::nullopt, places};
    if (!periods.empty() && periods.back().places == places) periods.back().to = p.to;
    else periods.push_back(p);
  }
  return Capacity(std::move(periods));
}

}  // namespace ctreport::model
