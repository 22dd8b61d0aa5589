// Building `activities.*` from the activity figures.
#include "render/activities_view.hpp"

#include <cmath>

#include <fmt/format.h>

#include "model/activity_texts.hpp"
#include "model/warning_texts.hpp"
#include "render/change_format.hpp"

namespace ctreport::render {

namespace {
using kainjow::mustache::data;
using kainjow::mustache::list;

model::Lang lang_of(const NumberFormat& nf) { return nf.french ? model::Lang::fr : model::Lang::en; }

std::string hours_text(double hours, bool available, const NumberFormat& nf) {
  return available ? nf.integer(std::llround(hours)) : "–";
}

void set_texts(data& v, const model::ActivityTexts& t) {
  v.set("title", std::string(t.title));
  v.set("chart_title", std::string(t.chart_title));
  v.set("type_column", std::string(t.type_column));
  v.set("professional_column", std::string(t.professional_column));
  v.set("month_column", std::string(t.month_column));
  v.set("sessions_column", std::string(t.sessions_column));
  v.set("participants_column", std::string(t.participants_column));
  v.set("hours_column", std::string(t.hours_column));
  v.set("kind_column", std::string(t.kind_column));
}

// The sessions of the type `key` in a compared year; none when it had no log.
std::optional<int64_t> sessions_of(const figures::Figures& f, const std::string& key) {
  if (!f.activities.given) return std::nullopt;
  for (const auto& t : f.activities.types)
    if (t.key == key) return t.sessions;
  return 0;
}

list type_comparisons(const std::string& key, int64_t sessions, const std::vector<const figures::Figures*>& before,
                      const NumberFormat& nf) {
  list out;
  for (const auto* p : before) {
    data c;
    auto then = sessions_of(*p, key);
    c.set("label", p->period.label);
    c.set("sessions", then ? nf.integer(*then) : "–");
    c.set("change", then ? signed_change(sessions - *then, nf) : "–");
    out.push_back(c);
  }
  return out;
}

list types_view(const figures::Activities& a, const NumberFormat& nf, const model::ActivityTexts& t,
                const std::vector<const figures::Figures*>& before) {
  list types;
  for (const auto& l : a.types) {
    data d;
    d.set("key", l.key);
    d.set("label", l.label);
    d.set("collective", l.collective);
    d.set("kind", std::string(l.collective ? t.collective : t.individual));
    d.set("sessions", nf.integer(l.sessions));
    d.set("sessions_raw", std::to_string(l.sessions));
    d.set("participants", nf.integer(l.participants));
    d.set("hours", hours_text(l.hours, a.hours_available, nf));
    d.set("index", std::to_string(types.size()));
    d.set("is_other", l.key == "other");
    list comparisons = type_comparisons(l.key, l.sessions, before, nf);
    d.set("has_previous", !before.empty());
    auto then = before.empty() ? std::nullopt : sessions_of(*before.front(), l.key);
    d.set("previous_sessions", then ? nf.integer(*then) : "–");
    d.set("sessions_change", then ? signed_change(l.sessions - *then, nf) : "–");
    d.set("comparisons", comparisons);
    types.push_back(d);
  }
  return types;
}

list monthly_view(const figures::Activities& a, const NumberFormat& nf) {
  list monthly;
  for (const auto& m : a.monthly) {
    data md;
    int y = std::stoi(m.month.substr(0, 4));
    unsigned mo = static_cast<unsigned>(std::stoi(m.month.substr(5, 2)));
    md.set("month", nf.month(y, mo));
    md.set("month_iso", m.month);
    md.set("month_short", m.month.substr(5, 2) + "/" + m.month.substr(2, 2));
    md.set("sessions", nf.integer(m.sessions));
    md.set("sessions_raw", std::to_string(m.sessions));
    md.set("index", std::to_string(monthly.size()));
    monthly.push_back(md);
  }
  return monthly;
}

list professionals_view(const figures::Activities& a, const NumberFormat& nf) {
  list out;
  for (const auto& p : a.professionals) {
    data d;
    d.set("key", p.key);
    d.set("label", p.label);
    d.set("sessions", nf.integer(p.sessions));
    d.set("hours", hours_text(p.hours, a.hours_available, nf));
    out.push_back(d);
  }
  return out;
}

data people_reached_view(const figures::Activities& a, const NumberFormat& nf, const model::ActivityTexts& t) {
  data d;
  bool ok = a.people_reached_available;
  d.set("count", ok ? nf.integer(a.people_reached) : "–");
  d.set("share", ok ? nf.percent(a.people_reached_share) : "–");
  d.set("any", ok && a.people_reached > 0);
  d.set("plural", ok && nf.plural(a.people_reached));
  d.set("available", ok);
  d.set("missing_text", ok ? std::string() : std::string(a.people_reached_reason == "no_stay_identifiers"
                                                              ? t.no_stay_identifiers
                                                              : t.no_log_identifiers));
  return d;
}

// The total of sessions in each compared year, and the change since.
list total_comparisons(const figures::Activities& a, const NumberFormat& nf, const std::vector<const figures::Figures*>& before) {
  list out;
  for (const auto* p : before) {
    data c;
    bool given = p->activities.given;
    c.set("label", p->period.label);
    c.set("sessions", given ? nf.integer(p->activities.sessions) : "–");
    c.set("change", given ? signed_change(a.sessions - p->activities.sessions, nf) : "–");
    out.push_back(c);
  }
  return out;
}

}  // namespace

data activities_view(const figures::Activities& a, const NumberFormat& nf, const std::vector<const figures::Figures*>& before) {
  const auto& t = model::activity_texts(lang_of(nf));
  data v;
  v.set("available", a.given);
  set_texts(v, t);
  auto count = [&](const std::string& name, int64_t n) {
    v.set(name, nf.integer(n));
    v.set(name + "_plural", nf.plural(n));
  };
  count("sessions", a.sessions);
  count("individual", a.individual);
  count("collective", a.collective);
  count("participants", a.participants);
  v.set("hours", hours_text(a.hours, a.hours_available, nf));
  v.set("hours_available", a.hours_available);
  v.set("hours_missing_text", a.hours_available ? std::string() : std::string(t.no_duration));
  v.set("people_reached", people_reached_view(a, nf, t));
  v.set("mean_participants", nf.number(a.mean_participants, 1));
  v.set("has_collective", a.collective > 0);
  v.set("sessions_per_resident_month", nf.number(a.sessions_per_resident_month, 1));
  v.set("types", types_view(a, nf, t, before));
  v.set("monthly", monthly_view(a, nf));
  v.set("professionals", professionals_view(a, nf));
  v.set("professionals_available", a.professionals_available);
  v.set("professionals_missing_text", a.professionals_available ? std::string() : std::string(t.no_professional));
  v.set("comparisons", total_comparisons(a, nf, before));
  return v;
}

figures::Distribution activity_type_distribution(const figures::Activities& a) {
  figures::Distribution d;
  d.population = "sessions";
  for (const auto& l : a.types) {
    d.lines.push_back({l.key, l.label, l.sessions, std::nullopt});
    d.total += l.sessions;
  }
  for (auto& l : d.lines)
    if (d.total > 0) l.share = static_cast<double>(l.count) / static_cast<double>(d.total);
  return d;
}

}  // namespace ctreport::render
