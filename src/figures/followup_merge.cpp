// Summing the follow-up figures of several establishments, horizon by horizon.
#include "figures/followup_merge.hpp"

#include <algorithm>

#include "figures/shares.hpp"
#include "util/errors.hpp"

namespace ctreport::figures {

namespace {

void add(int64_t& total, int64_t more) {
  if (__builtin_add_overflow(total, more, &total))
    throw DataError("figures_error", "the merged counts are too large to add up: merge figures files written by ctreport");
}

void add_distribution(Distribution& m, const Distribution& d) {
  if (!m.available || !d.available) {
    if (m.available) m.missing_fields = d.missing_fields;
    m.available = false;
    m.lines.clear();
    m.total = 0;
    return;
  }
  for (const auto& l : d.lines) {
    auto it = std::find_if(m.lines.begin(), m.lines.end(), [&](const Line& x) { return x.key == l.key; });
    if (it == m.lines.end()) {
      // a category only this establishment has goes before other and unknown
      auto at = std::find_if(m.lines.begin(), m.lines.end(), [](const Line& x) { return x.key == "other" || x.key == "unknown"; });
      if (l.key == "other" || l.key == "unknown") at = m.lines.end();
      if (l.key == "other") at = std::find_if(m.lines.begin(), m.lines.end(), [](const Line& x) { return x.key == "unknown"; });
      m.lines.insert(at, l);
    } else {
      add(it->count, l.count);
    }
  }
}

void add_horizon(FollowupHorizon& m, const FollowupHorizon& h) {
  if (!h.available && m.available) {
    m.available = false;
    m.not_available = h.not_available;
  }
  add(m.cohort, h.cohort);
  add(m.excluded, h.excluded);
  add(m.contacted, h.contacted);
  add(m.reached, h.reached);
  add_distribution(m.housing, h.housing);
  add_distribution(m.activity, h.activity);
  add_distribution(m.consumption, h.consumption);
  add_distribution(m.care, h.care);
}

bool same_shape(const Followup& a, const Followup& b) {
  if (a.window_days != b.window_days || a.horizons.size() != b.horizons.size()) return false;
  for (size_t i = 0; i < a.horizons.size(); ++i)
    if (a.horizons[i].months != b.horizons[i].months) return false;
  return true;
}

}  // namespace

void merge_followup(const std::vector<Figures>& inputs, Figures& merged) {
  merged.followup = {};
  size_t given = static_cast<size_t>(std::count_if(inputs.begin(), inputs.end(), [](const Figures& f) { return f.followup.given; }));
  if (given == 0) return;
  const Followup& first = inputs.front().followup;
  bool mergeable = given == inputs.size() &&
                   std::all_of(inputs.begin(), inputs.end(), [&](const Figures& f) { return same_shape(first, f.followup); });
  if (!mergeable) {
    merged.network.not_mergeable.push_back("followup");
    return;
  }
  Followup m = first;
  for (size_t i = 1; i < inputs.size(); ++i) {
    const Followup& f = inputs[i].followup;
    m.rows_used += f.rows_used;
    m.unknown_person_rows += f.unknown_person_rows;
    m.before_exit_rows += f.before_exit_rows;
    m.first_contact = std::min(m.first_contact, f.first_contact);
    m.last_contact = std::max(m.last_contact, f.last_contact);
    for (size_t k = 0; k < m.horizons.size(); ++k) add_horizon(m.horizons[k], f.horizons[k]);
  }
  for (auto& h : m.horizons) {
    if (!h.available) {
      h = FollowupHorizon{.months = h.months, .available = false, .not_available = h.not_available};
      continue;
    }
    h.reached_share = h.cohort > 0 ? std::optional<double>(static_cast<double>(h.reached) / static_cast<double>(h.cohort))
                                   : std::nullopt;
    for (Distribution* d : {&h.housing, &h.activity, &h.consumption, &h.care})
      if (d->available) set_total_and_shares(*d);
  }
  merged.followup = std::move(m);
}

}  // namespace ctreport::figures
