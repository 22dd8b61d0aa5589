// Building `followup.*` from the follow-up figures.
#include "render/followup_view.hpp"

#include <fmt/format.h>

#include "model/followup_texts.hpp"
#include "model/warning_texts.hpp"
#include "render/change_format.hpp"
#include "render/distribution_view.hpp"

namespace ctreport::render {

namespace {
using kainjow::mustache::data;
using kainjow::mustache::list;

model::Lang lang_of(const NumberFormat& nf) { return nf.french ? model::Lang::fr : model::Lang::en; }

void set_texts(data& v, const model::FollowupTexts& t) {
  v.set("title", std::string(t.title));
  v.set("horizon_column", std::string(t.horizon_column));
  v.set("cohort_column", std::string(t.cohort_column));
  v.set("excluded_column", std::string(t.excluded_column));
  v.set("contacted_column", std::string(t.contacted_column));
  v.set("reached_column", std::string(t.reached_column));
  v.set("share_column", std::string(t.share_column));
  v.set("situation_column", std::string(t.situation_column));
  v.set("people_column", std::string(t.people_column));
}

// Why a horizon has no figures, in words.
std::string missing_text(const figures::FollowupHorizon& h, const figures::Followup& f, const model::FollowupTexts& t,
                         const NumberFormat& nf) {
  auto day = [&](const std::string& iso) {
    auto d = util::parse_date(iso, 2100);
    return d.status == util::DateParse::ok ? nf.date(d.day) : iso;
  };
  if (h.not_available == "not_covered")
    return fmt::format(fmt::runtime(t.not_covered), day(f.first_contact), day(f.last_contact));
  if (h.not_available == "export_starts_later") return std::string(t.export_starts_later);
  return std::string(t.no_stay_identifiers);
}

// The same horizon in a compared year; none when it had no follow-up or not this horizon.
const figures::FollowupHorizon* horizon_in(const figures::Figures& f, int months) {
  if (!f.followup.given) return nullptr;
  for (const auto& h : f.followup.horizons)
    if (h.months == months && h.available) return &h;
  return nullptr;
}

list comparisons(const figures::FollowupHorizon& h, const NumberFormat& nf, const std::vector<const figures::Figures*>& before) {
  list out;
  for (const auto* p : before) {
    data c;
    const figures::FollowupHorizon* then = horizon_in(*p, h.months);
    c.set("label", p->period.label);
    c.set("share", then ? nf.percent(then->reached_share) : "–");
    c.set("change", then && h.available ? points_change(h.reached_share, then->reached_share, nf) : "–");
    out.push_back(c);
  }
  return out;
}

data situation_view(const char* key, std::string_view title, const figures::Distribution& d, const NumberFormat& nf,
                    const model::FollowupTexts& t) {
  data s = distribution_view(d, nf);
  s.set("key", std::string(key));
  s.set("title", std::string(title));
  s.set("missing_text", d.available ? std::string() : fmt::format(fmt::runtime(t.no_column), title));
  return s;
}

data horizon_view(const figures::FollowupHorizon& h, const figures::Followup& f, const NumberFormat& nf,
                  const model::FollowupTexts& t, const std::vector<const figures::Figures*>& before) {
  data v;
  const bool ok = h.available;
  v.set("months", std::to_string(h.months));
  v.set("label", model::followup_horizon_label(h.months, lang_of(nf)));
  v.set("title", fmt::format(fmt::runtime(t.situation_title), h.months));
  v.set("available", ok);
  v.set("missing_text", ok ? std::string() : missing_text(h, f, t, nf));
  auto count = [&](int64_t n) { return ok ? nf.integer(n) : std::string("–"); };
  v.set("cohort", count(h.cohort));
  v.set("excluded", count(h.excluded));
  v.set("contacted", count(h.contacted));
  data reached;
  reached.set("count", count(h.reached));
  reached.set("share", ok ? nf.percent(h.reached_share) : "–");
  reached.set("plural", ok && nf.plural(h.reached));
  v.set("reached", reached);
  v.set("has_cohort", ok && h.cohort > 0);
  v.set("has_reached", ok && h.reached > 0);
  // What stands in place of the situations: never a 0 % for "not available".
  std::string note = !ok ? missing_text(h, f, t, nf) : h.cohort == 0 ? std::string(t.empty_cohort)
                                                     : h.reached == 0 ? std::string(t.none_reached) : std::string();
  v.set("note", note);
  v.set("has_note", !note.empty());
  list situations;
  const std::pair<const char*, std::pair<std::string_view, const figures::Distribution*>> all[] = {
      {"housing", {t.housing, &h.housing}},
      {"activity", {t.activity, &h.activity}},
      {"consumption", {t.consumption, &h.consumption}},
      {"care", {t.care, &h.care}}};
  for (const auto& [key, s] : all) {
    data sv = situation_view(key, s.first, *s.second, nf, t);
    v.set(key, sv);
    situations.push_back(sv);
  }
  v.set("situations", situations);
  list cmp = comparisons(h, nf, before);
  v.set("comparisons", cmp);
  v.set("has_previous", !before.empty());
  const figures::FollowupHorizon* then = before.empty() ? nullptr : horizon_in(*before.front(), h.months);
  v.set("previous_share", then ? nf.percent(then->reached_share) : "–");
  v.set("share_change", then && ok ? points_change(h.reached_share, then->reached_share, nf) : "–");
  return v;
}

}  // namespace

data followup_view(const figures::Followup& f, const NumberFormat& nf, const std::vector<const figures::Figures*>& before) {
  const auto& t = model::followup_texts(lang_of(nf));
  data v;
  v.set("available", f.given);
  set_texts(v, t);
  v.set("window_days", nf.integer(f.window_days));
  list horizons;
  bool any_excluded = false;
  for (const auto& h : f.horizons) {
    horizons.push_back(horizon_view(h, f, nf, t, before));
    any_excluded |= h.available && h.excluded > 0;
  }
  v.set("horizons", horizons);
  v.set("has_excluded", any_excluded);
  std::string months;
  for (size_t i = 0; i < f.horizons.size(); ++i) {
    std::string sep = i == 0 ? "" : i + 1 == f.horizons.size() ? std::string(t.and_word) : ", ";
    months += std::string(sep) + std::to_string(f.horizons[i].months);
  }
  v.set("horizons_text", months);  // "3, 6 et 12"
  return v;
}

}  // namespace ctreport::render
