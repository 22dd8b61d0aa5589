// The activity log's figures in figures.json, both ways.
#include "render/activities_json.hpp"

namespace ctreport::render {

namespace {
using json = nlohmann::ordered_json;

json opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

std::optional<double> get_opt(const nlohmann::json& j, const char* key) {
  if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
  return j.at(key).get<double>();
}

json people_reached(const figures::Activities& a) {
  if (!a.people_reached_available) return {{"available", false}, {"reason", a.people_reached_reason}};
  return {{"available", true}, {"count", a.people_reached}, {"share", opt(a.people_reached_share)}};
}
}  // namespace

json activities_to_json(const figures::Activities& a) {
  json types = json::array(), monthly = json::array(), professionals = json::array();
  for (const auto& t : a.types)
    types.push_back({{"key", t.key},
                     {"label", t.label},
                     {"collective", t.collective},
                     {"sessions", t.sessions},
                     {"participants", t.participants},
                     {"hours", a.hours_available ? json(t.hours) : json(nullptr)}});
  for (const auto& m : a.monthly) monthly.push_back({{"month", m.month}, {"sessions", m.sessions}});
  for (const auto& p : a.professionals)
    professionals.push_back({{"key", p.key},
                             {"label", p.label},
                             {"sessions", p.sessions},
                             {"hours", a.hours_available ? json(p.hours) : json(nullptr)}});
  return {{"available", true},
          {"sessions", a.sessions},
          {"individual", a.individual},
          {"collective", a.collective},
          {"participants", a.participants},
          {"collective_participants", a.collective_participants},
          {"mean_participants", opt(a.mean_participants)},
          {"hours_available", a.hours_available},
          {"hours", a.hours_available ? json(a.hours) : json(nullptr)},
          {"people_reached", people_reached(a)},
          {"people_present", a.people_present},
          {"average_present", a.average_present},
          {"months", a.months},
          {"sessions_per_resident_month", opt(a.sessions_per_resident_month)},
          {"types", types},
          {"monthly", monthly},
          {"professionals_available", a.professionals_available},
          {"professionals", professionals},
          {"rows_used", a.rows_used},
          {"unknown_person_rows", a.unknown_person_rows}};
}

figures::Activities activities_from_json(const nlohmann::json& j) {
  figures::Activities a;
  auto it = j.find("activities");
  if (it == j.end() || !it->value("available", false)) return a;
  const auto& o = *it;
  a.given = true;
  a.sessions = o.at("sessions").get<int64_t>();
  a.individual = o.at("individual").get<int64_t>();
  a.collective = o.at("collective").get<int64_t>();
  a.participants = o.at("participants").get<int64_t>();
  a.collective_participants = o.at("collective_participants").get<int64_t>();
  a.mean_participants = get_opt(o, "mean_participants");
  a.hours_available = o.at("hours_available").get<bool>();
  a.hours = get_opt(o, "hours").value_or(0);
  const auto& reached = o.at("people_reached");
  a.people_reached_available = reached.at("available").get<bool>();
  a.people_reached = reached.value("count", int64_t{0});
  a.people_reached_share = get_opt(reached, "share");
  a.people_reached_reason = reached.value("reason", "");
  a.people_present = o.at("people_present").get<int64_t>();
  a.average_present = o.at("average_present").get<double>();
  a.months = o.at("months").get<int>();
  a.sessions_per_resident_month = get_opt(o, "sessions_per_resident_month");
  for (const auto& t : o.at("types"))
    a.types.push_back({t.at("key").get<std::string>(), t.at("label").get<std::string>(), t.at("collective").get<bool>(),
                       t.at("sessions").get<int64_t>(), t.at("participants").get<int64_t>(),
                       get_opt(t, "hours").value_or(0)});
  for (const auto& m : o.at("monthly")) a.monthly.push_back({m.at("month").get<std::string>(), m.at("sessions").get<int64_t>()});
  a.professionals_available = o.at("professionals_available").get<bool>();
  for (const auto& p : o.at("professionals"))
    a.professionals.push_back({p.at("key").get<std::string>(), p.at("label").get<std::string>(),
                               p.at("sessions").get<int64_t>(), get_opt(p, "hours").value_or(0)});
  a.rows_used = o.at("rows_used").get<uint64_t>();
  a.unknown_person_rows = o.at("unknown_person_rows").get<uint64_t>();
  return a;
}

}  // namespace ctreport::render
