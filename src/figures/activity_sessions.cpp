// Grouping the rows of collective activities into sessions by a hash of
// (date, type, start time).
#include "figures/activity_sessions.hpp"

#include <algorithm>
#include <unordered_map>

namespace ctreport::figures {

namespace {

// The people a row brings to its session: its identifiers, or one for a row naming none.
int64_t row_participants(const model::ActivityRow& r) { return r.person_count > 0 ? r.person_count : 1; }

bool is_collective(const model::CategorySet& types, model::CategoryIndex t) {
  return t < types.categories().size() && types.categories()[t].collective;
}

}  // namespace

std::vector<Session> group_sessions(const model::ActivityLog& log, const model::CategorySet& types,
                                    const model::Period& period) {
  std::vector<Session> sessions;
  std::unordered_map<uint64_t, size_t> grouped;  // (date, type, start) -> session
  for (const model::ActivityRow& r : log.rows) {
    if (!period.contains(r.date)) continue;
    bool collective = is_collective(types, r.type);
    if (collective && r.participants < 0) {
      uint64_t key = (static_cast<uint64_t>(static_cast<uint32_t>(r.date)) << 32) | (static_cast<uint64_t>(r.type) << 16) |
                     static_cast<uint16_t>(r.start + 1);
      auto [it, inserted] = grouped.try_emplace(key, sessions.size());
      if (!inserted) {
        Session& s = sessions[it->second];
        s.participants += row_participants(r);
        s.minutes = std::max(s.minutes, r.minutes);
        if (s.professional == model::k_unknown_category) s.professional = r.professional;
        continue;
      }
    }
    Session s;
    s.date = r.date;
    s.type = r.type;
    s.professional = r.professional;
    s.collective = collective;
    s.minutes = r.minutes;
    s.participants = r.participants >= 0 ? r.participants : row_participants(r);
    sessions.push_back(s);
  }
  return sessions;
}

}  // namespace ctreport::figures
