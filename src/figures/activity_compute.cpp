// One pass over the period's sessions for the counts, one over its rows for
// the people reached.
#include "figures/activity_compute.hpp"

#include <fmt/format.h>

#include "figures/activity_sessions.hpp"
#include "figures/side_file_warning.hpp"
#include "model/activity_texts.hpp"
#include "model/line_texts.hpp"
#include "model/warning_texts.hpp"

namespace ctreport::figures {

namespace {


std::optional<double> ratio(double num, double den) {
  if (den <= 0) return std::nullopt;
  return num / den;
}

// Index of a category line: the config's categories, then other, then unknown.
size_t line_of(model::CategoryIndex c, size_t categories) {
  if (c == model::k_other_category) return categories;
  if (c == model::k_unknown_category) return categories + 1;
  return c;
}

struct Tallies {
  std::vector<ActivityTypeLine> types;
  std::vector<ActivityProfessionalLine> professionals;
};

// Every configured category, then other and unknown (dropped later when empty).
Tallies empty_tallies(const model::Config& config) {
  Tallies t;
  bool en = config.lang == "en";
  const auto& lines = model::line_texts(en ? model::Lang::en : model::Lang::fr);
  for (const auto& c : config.activities.types.categories())
    t.types.push_back({c.key, en ? c.label_en : c.label, c.collective, 0, 0, 0});
  t.types.push_back({"other", std::string(lines.other), false, 0, 0, 0});
  t.types.push_back({"unknown", std::string(lines.unknown), false, 0, 0, 0});
  for (const auto& c : config.activities.professionals.categories())
    t.professionals.push_back({c.key, en ? c.label_en : c.label, 0, 0});
  t.professionals.push_back({"other", std::string(lines.other), 0, 0});
  t.professionals.push_back({"unknown", std::string(lines.unknown), 0, 0});
  return t;
}

// The months of the period, "YYYY-MM", each with 0 sessions.
std::vector<ActivityMonth> months_of(const model::Period& period) {
  std::vector<ActivityMonth> months;
  for (util::Day d = period.start; d <= period.end; d = util::add_months(d, 1)) {
    auto ymd = util::to_ymd(d);
    months.push_back({fmt::format("{:04}-{:02}", ymd.year, ymd.month), 0});
  }
  return months;
}

void count_sessions(const std::vector<Session>& sessions, const model::Period& period, Activities& a, Tallies& t) {
  auto start = util::to_ymd(period.start);
  for (const Session& s : sessions) {
    double hours = s.minutes > 0 ? s.minutes / 60.0 : 0;
    ++a.sessions;
    ++(s.collective ? a.collective : a.individual);
    a.participants += s.participants;
    if (s.collective) a.collective_participants += s.participants;
    a.hours += hours;
    ActivityTypeLine& type = t.types[line_of(s.type, t.types.size() - 2)];
    ++type.sessions;
    type.participants += s.participants;
    type.hours += hours;
    ActivityProfessionalLine& pro = t.professionals[line_of(s.professional, t.professionals.size() - 2)];
    ++pro.sessions;
    pro.hours += hours;
    auto ymd = util::to_ymd(s.date);
    size_t month = static_cast<size_t>((ymd.year - start.year) * 12 + static_cast<int>(ymd.month) - static_cast<int>(start.month));
    if (month < a.monthly.size()) ++a.monthly[month].sessions;
  }
}

// The people reached, and the rows naming a person without a stay.
void reach(const ActivityInput& in, Activities& a, std::vector<uint32_t>& unknown_rows) {
  const model::Period& p = in.period;
  std::vector<uint8_t> present(in.table.person_count, 0), reached(in.table.person_count, 0);
  for (const auto& s : in.table.stays)
    if (s.entry <= p.end && (s.is_open() || s.exit >= p.start)) present[s.person] = 1;
  for (const model::ActivityRow& r : in.log.rows) {
    if (!p.contains(r.date)) continue;
    bool unknown = false;
    for (uint32_t i = r.first_person; i < r.first_person + r.person_count; ++i) {
      uint32_t person = in.log.persons[i];
      if (person == model::k_unknown_person || person >= present.size()) unknown = true;
      else if (present[person] && !reached[person]) reached[person] = 1, ++a.people_reached;
    }
    if (unknown) unknown_rows.push_back(r.row);
  }
}

}  // namespace

void compute_activities(const ActivityInput& in, Figures& f) {
  Activities a;
  a.given = true;
  a.hours_available = in.log.has(model::ActivityField::duration);
  a.professionals_available = in.log.has(model::ActivityField::professional);
  a.monthly = months_of(in.period);
  a.months = static_cast<int>(a.monthly.size());
  Tallies t = empty_tallies(in.config);
  count_sessions(group_sessions(in.log, in.config.activities.types, in.period), in.period, a, t);
  for (const auto& r : in.log.rows) a.rows_used += in.period.contains(r.date);
  // other and unknown only when they have sessions
  auto keep = [](const auto& line) { return line.sessions > 0 || (line.key != "other" && line.key != "unknown"); };
  std::copy_if(t.types.begin(), t.types.end(), std::back_inserter(a.types), keep);
  if (a.professionals_available)
    std::copy_if(t.professionals.begin(), t.professionals.end(), std::back_inserter(a.professionals), keep);

  std::vector<uint32_t> unknown_rows;
  reach(in, a, unknown_rows);
  a.unknown_person_rows = unknown_rows.size();
  a.people_reached_available = in.log.has(model::ActivityField::person) && in.log.persons_joinable;
  if (!a.people_reached_available) {
    a.people_reached = 0;
    a.people_reached_reason = in.log.has(model::ActivityField::person) ? "no_stay_identifiers" : "no_log_identifiers";
  }
  a.people_present = f.people.present;
  a.people_reached_share = a.people_reached_available ? ratio(static_cast<double>(a.people_reached),
                                                              static_cast<double>(f.people.present))
                                                      : std::nullopt;
  a.mean_participants = ratio(static_cast<double>(a.collective_participants), static_cast<double>(a.collective));
  a.average_present = f.occupancy.average_present;
  a.sessions_per_resident_month = ratio(static_cast<double>(a.sessions), a.average_present * a.months);
  f.activities = std::move(a);
  if (in.log.persons_joinable)
    add_side_file_warning(f, "unknown_activity_person", in.log.file, in.log.mapping, "person_id", unknown_rows);
}

}  // namespace ctreport::figures
