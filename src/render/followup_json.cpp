// The follow-up's figures in figures.json, both ways.
#include "render/followup_json.hpp"

#include "render/figures_json.hpp"

namespace ctreport::render {

namespace {
using json = nlohmann::ordered_json;

constexpr const char* k_situations[] = {"housing", "activity", "consumption", "care"};

figures::Distribution figures::FollowupHorizon::*situation(size_t i) {
  constexpr figures::Distribution figures::FollowupHorizon::*members[] = {
      &figures::FollowupHorizon::housing, &figures::FollowupHorizon::activity, &figures::FollowupHorizon::consumption,
      &figures::FollowupHorizon::care};
  return members[i];
}

json horizon_json(const figures::FollowupHorizon& h) {
  if (!h.available) return {{"months", h.months}, {"available", false}, {"reason", h.not_available}};
  json situations = json::object();
  for (size_t i = 0; i < std::size(k_situations); ++i) situations[k_situations[i]] = distribution_to_json(h.*situation(i));
  return {{"months", h.months},
          {"available", true},
          {"cohort", h.cohort},
          {"excluded", h.excluded},
          {"contacted", h.contacted},
          {"reached", {{"count", h.reached}, {"share", h.reached_share ? json(*h.reached_share) : json(nullptr)}}},
          {"situations", situations}};
}

figures::FollowupHorizon horizon_from_json(const nlohmann::json& j) {
  figures::FollowupHorizon h;
  h.months = j.at("months").get<int>();
  h.available = j.at("available").get<bool>();
  if (!h.available) {
    h.not_available = j.at("reason").get<std::string>();
    return h;
  }
  h.cohort = j.at("cohort").get<int64_t>();
  h.excluded = j.at("excluded").get<int64_t>();
  h.contacted = j.at("contacted").get<int64_t>();
  h.reached = j.at("reached").at("count").get<int64_t>();
  const auto& share = j.at("reached").at("share");
  if (!share.is_null()) h.reached_share = share.get<double>();
  for (size_t i = 0; i < std::size(k_situations); ++i)
    h.*situation(i) = distribution_from_json(j.at("situations").at(k_situations[i]), "reached");
  return h;
}

}  // namespace

json followup_to_json(const figures::Followup& f) {
  json horizons = json::array();
  for (const auto& h : f.horizons) horizons.push_back(horizon_json(h));
  return {{"window_days", f.window_days},
          {"first_contact", f.first_contact},
          {"last_contact", f.last_contact},
          {"rows_used", f.rows_used},
          {"unknown_person_rows", f.unknown_person_rows},
          {"before_exit_rows", f.before_exit_rows},
          {"horizons", horizons}};
}

figures::Followup followup_from_json(const nlohmann::json& j) {
  figures::Followup f;
  if (!j.contains("followup")) return f;
  const auto& o = j.at("followup");
  f.given = true;
  f.window_days = o.at("window_days").get<int>();
  f.first_contact = o.at("first_contact").get<std::string>();
  f.last_contact = o.at("last_contact").get<std::string>();
  f.rows_used = o.at("rows_used").get<uint64_t>();
  f.unknown_person_rows = o.at("unknown_person_rows").get<uint64_t>();
  f.before_exit_rows = o.at("before_exit_rows").get<uint64_t>();
  for (const auto& h : o.at("horizons")) f.horizons.push_back(horizon_from_json(h));
  return f;
}

}  // namespace ctreport::render
