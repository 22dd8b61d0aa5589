// Summing the activity figures of several establishments, line by key.
#include "figures/activity_merge.hpp"

#include <algorithm>

#include "util/errors.hpp"

namespace ctreport::figures {

namespace {

std::optional<double> ratio(double a, double b) { return b > 0 ? std::optional<double>(a / b) : std::nullopt; }

void add(int64_t& total, int64_t more) {
  if (__builtin_add_overflow(total, more, &total))
    throw DataError("figures_error", "the merged counts are too large to add up: merge figures files written by ctreport");
}

// The line of `key` in `lines`, appended (with `fresh`'s key and label) when absent.
template <typename Line>
Line& line_for(std::vector<Line>& lines, const Line& fresh) {
  auto it = std::find_if(lines.begin(), lines.end(), [&](const Line& l) { return l.key == fresh.key; });
  if (it != lines.end()) return *it;
  Line l = fresh;
  l.sessions = 0;
  l.hours = 0;
  if constexpr (requires { l.participants; }) l.participants = 0;
  lines.push_back(l);
  return lines.back();
}

void add_activities(Activities& m, const Activities& a) {
  add(m.sessions, a.sessions);
  add(m.individual, a.individual);
  add(m.collective, a.collective);
  add(m.participants, a.participants);
  add(m.collective_participants, a.collective_participants);
  m.hours += a.hours;
  m.hours_available = m.hours_available && a.hours_available;
  m.people_reached_available = m.people_reached_available && a.people_reached_available;
  if (!a.people_reached_available && m.people_reached_reason.empty()) m.people_reached_reason = a.people_reached_reason;
  add(m.people_reached, a.people_reached);
  m.professionals_available = m.professionals_available && a.professionals_available;
  m.rows_used += a.rows_used;
  m.unknown_person_rows += a.unknown_person_rows;
  for (const auto& t : a.types) {
    ActivityTypeLine& l = line_for(m.types, t);
    add(l.sessions, t.sessions);
    add(l.participants, t.participants);
    l.hours += t.hours;
  }
  for (const auto& p : a.professionals) {
    ActivityProfessionalLine& l = line_for(m.professionals, p);
    add(l.sessions, p.sessions);
    l.hours += p.hours;
  }
  for (const auto& mo : a.monthly) {
    auto it = std::find_if(m.monthly.begin(), m.monthly.end(), [&](const ActivityMonth& x) { return x.month == mo.month; });
    if (it == m.monthly.end()) m.monthly.push_back(mo);
    else add(it->sessions, mo.sessions);
  }
}

}  // namespace

void merge_activities(const std::vector<Figures>& inputs, Figures& merged) {
  size_t with_log = static_cast<size_t>(
      std::count_if(inputs.begin(), inputs.end(), [](const Figures& f) { return f.activities.given; }));
  merged.activities = {};
  if (with_log == 0) return;
  if (with_log < inputs.size()) {
    merged.network.not_mergeable.push_back("activities");
    return;
  }
  Activities m = inputs.front().activities;
  for (size_t i = 1; i < inputs.size(); ++i) add_activities(m, inputs[i].activities);
  std::sort(m.monthly.begin(), m.monthly.end(), [](const ActivityMonth& a, const ActivityMonth& b) { return a.month < b.month; });
  m.people_present = merged.people.present;
  m.people_reached_share = m.people_reached_available ? ratio(static_cast<double>(m.people_reached),
                                                              static_cast<double>(m.people_present))
                                                      : std::nullopt;
  if (!m.people_reached_available) m.people_reached = 0;
  if (!m.professionals_available) m.professionals.clear();
  if (!m.hours_available) m.hours = 0;
  m.mean_participants = ratio(static_cast<double>(m.collective_participants), static_cast<double>(m.collective));
  m.average_present = merged.occupancy.average_present;
  m.sessions_per_resident_month = ratio(static_cast<double>(m.sessions), m.average_present * m.months);
  merged.activities = std::move(m);
}

}  // namespace ctreport::figures
