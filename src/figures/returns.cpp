// Returns: each person's exits before the period against their admissions in it.
#include "figures/returns.hpp"

#include <algorithm>
#include <vector>

#include "util/date.hpp"

namespace ctreport::figures {

namespace {

using util::Day;

std::optional<double> share_of(int64_t count, int64_t total) {
  return total > 0 ? std::optional<double>(static_cast<double>(count) / static_cast<double>(total)) : std::nullopt;
}

}  // namespace

ExitsByPerson exits_by_person(const model::StayTable& table) {
  ExitsByPerson exits;
  exits.reserve(table.stays.size() + table.past_exits.size());
  for (const auto& s : table.stays)
    if (!s.is_open()) exits.emplace_back(s.person, s.exit);
  for (const auto& p : table.past_exits) exits.emplace_back(p.person, p.exit);
  std::sort(exits.begin(), exits.end());
  return exits;
}

void compute_returns(Figures& f, const model::StayTable& table, const model::Config& config, const model::Period& period,
                     const std::vector<uint32_t>& period_stays, const ExitsByPerson* sorted) {
  auto& r = f.returns;
  r = {};
  r.window_months = config.returns_window_months;
  const Day window_start = util::add_months(period.start, -config.returns_window_months);
  const bool identified = table.has_column[static_cast<size_t>(model::Field::person_id)] ||
                          table.has_column[static_cast<size_t>(model::Field::last_name)];
  if (config.returns_window_months == 0) r.not_available = "off";
  else if (!identified) r.not_available = "no_person_id";
  else if (table.earliest_entry > window_start) r.not_available = "export_starts_later";
  if (!r.not_available.empty()) {
    r.available = false;
    r.window_start = util::iso(window_start);
    r.earliest_entry = table.earliest_entry == std::numeric_limits<Day>::max() ? "" : util::iso(table.earliest_entry);
    return;
  }
  ExitsByPerson own;
  if (!sorted) own = exits_by_person(table);
  const ExitsByPerson& exits = sorted ? *sorted : own;
  // The people who left in the window and were not back at the period's start.
  std::vector<uint8_t> left(table.person_count, 0), back(table.person_count, 0);
  for (const auto& [person, exit] : exits)
    if (exit >= window_start && exit < period.start) left[person] = 1;
  // Present at the start, or admitted during the period: both overlap it.
  for (uint32_t i : period_stays)
    if (const auto& s = table.stays[i]; s.entry < period.start) left[s.person] = 0;
  // Each admission's latest exit before it: the stays and the exits are both
  // sorted by person then day, so one cursor walks the exits once.
  size_t next_exit = 0;
  for (uint32_t i : period_stays) {
    const auto& s = table.stays[i];
    if (s.entry < period.start) continue;
    ++r.admissions;
    while (next_exit < exits.size() && (exits[next_exit].first < s.person ||
                                        (exits[next_exit].first == s.person && exits[next_exit].second <= s.entry)))
      ++next_exit;
    if (next_exit == 0 || exits[next_exit - 1].first != s.person) continue;  // no exit before
    const Day before = exits[next_exit - 1].second;
    if (before >= window_start && before < period.start) back[s.person] = 1;
    if (s.entry <= util::add_months(before, 6)) ++r.within_6_months.count;
    if (s.entry <= util::add_months(before, 12)) ++r.within_12_months.count;
  }
  for (uint32_t p = 0; p < table.person_count; ++p) {
    r.exited_before += left[p];
    r.readmitted.count += left[p] & back[p];
  }
  r.readmitted.share = share_of(r.readmitted.count, r.exited_before);
  r.within_6_months.share = share_of(r.within_6_months.count, r.admissions);
  r.within_12_months.share = share_of(r.within_12_months.count, r.admissions);
}

}  // namespace ctreport::figures
