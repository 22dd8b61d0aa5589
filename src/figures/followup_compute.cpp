// The exits sorted by person and date; each contact placed on its exit; then
// one pass over the exits per horizon.
#include "figures/followup_compute.hpp"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "figures/shares.hpp"
#include "figures/side_file_warning.hpp"
#include "model/followup_texts.hpp"
#include "model/line_texts.hpp"
#include "model/warning_texts.hpp"

namespace ctreport::figures {

namespace {

using util::Day;

struct Exit {
  uint32_t person;
  Day day;
  bool excluded;  // a death: out of the cohorts
  bool operator<(const Exit& o) const { return person != o.person ? person < o.person : day < o.day; }
};

bool reason_excluded(const model::Stay& s, const model::Config& config) {
  const auto& reasons = config.category_set(model::CategoryField::exit_reason).categories();
  model::CategoryIndex r = s.category(model::CategoryField::exit_reason);
  return r < reasons.size() && reasons[r].excluded_from_share;
}

// Every exit of the table, kept stays and past exits alike, once per person and day.
std::vector<Exit> exits_of(const model::StayTable& table, const model::Config& config) {
  std::vector<Exit> exits;
  for (const auto& s : table.stays)
    if (!s.is_open()) exits.push_back({s.person, s.exit, reason_excluded(s, config)});
  for (const auto& p : table.past_exits) exits.push_back({p.person, p.exit, p.excluded});
  std::sort(exits.begin(), exits.end());
  exits.erase(std::unique(exits.begin(), exits.end(),
                          [](const Exit& a, const Exit& b) { return a.person == b.person && a.day == b.day; }),
              exits.end());
  return exits;
}

// The contacts of the period's reach, each with the exit it follows (an index into exits).
struct Placed {
  std::vector<std::pair<size_t, uint32_t>> by_exit;  // (exit, contact), sorted
  std::vector<uint32_t> unknown_rows, before_exit_rows;
  uint64_t used = 0;
};

Placed place_contacts(const FollowupInput& in, const std::vector<Exit>& exits) {
  Placed out;
  const int w = in.config.followup.window_days;
  const auto& contacts = in.log.contacts;
  for (uint32_t i = 0; i < contacts.size(); ++i) {
    const model::FollowupContact& c = contacts[i];
    if (c.date < in.period.start - w || c.date > in.period.end + w) continue;
    ++out.used;
    if (c.person == model::k_unknown_person || c.person >= in.table.person_count) {
      out.unknown_rows.push_back(c.row);
      continue;
    }
    auto it = std::upper_bound(exits.begin(), exits.end(), Exit{c.person, c.date, false});
    if (it == exits.begin() || std::prev(it)->person != c.person) {
      out.before_exit_rows.push_back(c.row);
      continue;
    }
    out.by_exit.emplace_back(static_cast<size_t>(std::prev(it) - exits.begin()), i);
  }
  std::sort(out.by_exit.begin(), out.by_exit.end());
  return out;
}

// A situation's distribution over a category set, then other and unknown when not 0.
struct Situation {
  const model::CategorySet* set;
  model::CategoryIndex model::FollowupContact::*member;
  model::FollowupField field;
  Distribution FollowupHorizon::*target;
};

Distribution empty_situation(const Situation& s, const model::FollowupLog& log, bool en) {
  Distribution d;
  d.population = "reached";
  if (!log.has(s.field)) {
    d.available = false;
    d.missing_fields = {std::string(model::followup_field_info(s.field).name)};
    return d;
  }
  for (const auto& c : s.set->categories()) {
    Line l{c.key, en ? c.label_en : c.label, 0, std::nullopt};
    l.unknown_answer = c.unknown;
    d.lines.push_back(std::move(l));
  }
  return d;
}

void tally(Distribution& d, model::CategoryIndex c, const model::LineTexts& t) {
  if (!d.available) return;
  auto add_special = [&](const char* key, std::string_view label) {
    auto it = std::find_if(d.lines.begin(), d.lines.end(), [&](const Line& l) { return l.key == key; });
    if (it == d.lines.end()) d.lines.push_back({key, std::string(label), 1, std::nullopt});
    else ++it->count;
  };
  if (c == model::k_unknown_category) add_special("unknown", t.unknown);
  else if (c == model::k_other_category) add_special("other", t.other);
  else if (c < d.lines.size()) ++d.lines[c].count;
}

// other before unknown, as every distribution.
void finish(Distribution& d) {
  if (!d.available) return;
  std::stable_sort(d.lines.begin(), d.lines.end(), [](const Line& a, const Line& b) {
    auto rank = [](const Line& l) { return l.key == "unknown" ? 2 : l.key == "other" ? 1 : 0; };
    return rank(a) < rank(b);
  });
  set_total_and_shares(d);
}

// Why a horizon cannot be known, or "" when it can.
std::string not_available_reason(const FollowupInput& in, int months) {
  if (!in.log.persons_joinable) return "no_stay_identifiers";
  if (in.table.earliest_entry > util::add_months(in.period.start, -months)) return "export_starts_later";
  const int w = in.config.followup.window_days;
  if (in.log.first_date > in.period.start + w || in.log.last_date < in.period.end - w) return "not_covered";
  return "";
}

FollowupHorizon horizon(const FollowupInput& in, int months, const std::vector<Exit>& exits, const Placed& placed) {
  const bool en = in.config.lang == "en";
  const auto& texts = model::line_texts(en ? model::Lang::en : model::Lang::fr);
  const Situation situations[] = {
      {&in.config.followup_housing(), &model::FollowupContact::housing, model::FollowupField::housing, &FollowupHorizon::housing},
      {&in.config.followup_activity(), &model::FollowupContact::activity, model::FollowupField::activity, &FollowupHorizon::activity},
      {&in.config.followup.consumption, &model::FollowupContact::consumption, model::FollowupField::consumption, &FollowupHorizon::consumption},
      {&in.config.followup.care, &model::FollowupContact::care, model::FollowupField::care, &FollowupHorizon::care}};
  FollowupHorizon h;
  h.months = months;
  for (const auto& s : situations) h.*s.target = empty_situation(s, in.log, en);
  h.not_available = not_available_reason(in, months);
  h.available = h.not_available.empty();
  if (!h.available) return h;
  const int w = in.config.followup.window_days;
  auto next = placed.by_exit.begin();
  for (size_t e = 0; e < exits.size(); ++e) {
    Day target = util::add_months(exits[e].day, months);
    while (next != placed.by_exit.end() && next->first < e) ++next;
    if (!in.period.contains(target)) continue;
    if (exits[e].excluded) {
      ++h.excluded;
      continue;
    }
    ++h.cohort;
    bool contacted = false;
    const model::FollowupContact* nearest = nullptr;
    for (auto it = next; it != placed.by_exit.end() && it->first == e; ++it) {
      const model::FollowupContact& c = in.log.contacts[it->second];
      int gap = std::abs(c.date - target);
      if (gap > w) continue;
      contacted = true;
      if (c.reached && (!nearest || gap < std::abs(nearest->date - target) ||
                        (gap == std::abs(nearest->date - target) && c.date < nearest->date)))
        nearest = &c;
    }
    h.contacted += contacted;
    if (!nearest) continue;
    ++h.reached;
    for (const auto& s : situations) tally(h.*s.target, nearest->*s.member, texts);
  }
  if (h.cohort > 0) h.reached_share = static_cast<double>(h.reached) / static_cast<double>(h.cohort);
  for (const auto& s : situations) finish(h.*s.target);
  return h;
}

}  // namespace

void compute_followup(const FollowupInput& in, Figures& f) {
  Followup fu;
  fu.given = true;
  fu.window_days = in.config.followup.window_days;
  if (in.log.first_date <= in.log.last_date) {
    fu.first_contact = util::iso(in.log.first_date);
    fu.last_contact = util::iso(in.log.last_date);
  }
  const std::vector<Exit> exits = exits_of(in.table, in.config);
  const Placed placed = place_contacts(in, exits);
  for (int months : in.config.followup.horizons) fu.horizons.push_back(horizon(in, months, exits, placed));
  fu.rows_used = placed.used;
  if (in.log.persons_joinable) {
    fu.unknown_person_rows = placed.unknown_rows.size();
    fu.before_exit_rows = placed.before_exit_rows.size();
    add_side_file_warning(f, "unknown_followup_person", in.log.file, in.log.mapping, "person_id", placed.unknown_rows);
    add_side_file_warning(f, "followup_before_exit", in.log.file, in.log.mapping, "date", placed.before_exit_rows);
  }
  f.followup = std::move(fu);
}

}  // namespace ctreport::figures
