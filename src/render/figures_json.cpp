// Serialisation of the figures to JSON: shares as fractions, unrounded.
#include "render/figures_json.hpp"

#include "version.hpp"

namespace ctreport::render {

namespace {
using json = nlohmann::ordered_json;

json opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }
json opt(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }

json lines(const figures::Distribution& d) {
  json a = json::array();
  for (const auto& l : d.lines) a.push_back({{"key", l.key}, {"label", l.label}, {"count", l.count}, {"share", opt(l.share)}});
  return a;
}

json headcount(const figures::Headcount& h) { return {{"count", h.count}, {"share", opt(h.share)}}; }
}  // namespace

json figures_to_json(const figures::Figures& f) {
  json j;
  j["schema"] = "ctreport/figures/v1";
  j["generator"] = std::string("ctreport ") + CTREPORT_VERSION;
  j["period"] = {{"label", f.period.label}, {"start", f.period.start}, {"end", f.period.end}, {"days", f.period.days}};
  j["establishment"] = {{"name", f.establishment.name},
                        {"departement", f.establishment.departement},
                        {"region", f.establishment.region}};
  j["counting"] = {{"bed_days", f.counting.bed_days},
                   {"age_reference", f.counting.age_reference},
                   {"contract_months", f.counting.contract_months}};
  j["people"] = {{"present", f.people.present},
                 {"admitted", f.people.admitted},
                 {"exited", f.people.exited},
                 {"present_at_start", f.people.present_at_start},
                 {"present_at_end", f.people.present_at_end}};
  j["stays"] = {{"overlapping", f.stays.overlapping}, {"admissions", f.stays.admissions}, {"exits", f.stays.exits}};
  json monthly = json::array();
  for (const auto& m : f.occupancy.monthly)
    monthly.push_back({{"month", m.month},
                       {"rate", opt(m.rate)},
                       {"bed_days", m.bed_days},
                       {"capacity_days", m.capacity_days},
                       {"average_present", m.average_present}});
  j["occupancy"] = {{"rate", opt(f.occupancy.rate)},
                    {"bed_days", f.occupancy.bed_days},
                    {"capacity_days", f.occupancy.capacity_days},
                    {"average_present", f.occupancy.average_present},
                    {"peak_present", f.occupancy.peak_present},
                    {"peak_date", f.occupancy.peak_date.empty() ? json(nullptr) : json(f.occupancy.peak_date)},
                    {"places_start", opt(f.occupancy.places_start)},
                    {"places_end", opt(f.occupancy.places_end)},
                    {"monthly", monthly}};
  j["sex"] = {{"total", f.sex.total}, {"categories", lines(f.sex)}};
  j["age"] = {{"total", f.age.brackets.total},
              {"mean", opt(f.age.mean)},
              {"median", opt(f.age.median)},
              {"min", opt(f.age.min)},
              {"max", opt(f.age.max)},
              {"unknown", f.age.unknown},
              {"brackets", lines(f.age.brackets)}};
  j["stay_length"] = {{"count", f.stay_length.count},
                      {"mean_days", opt(f.stay_length.mean_days)},
                      {"median_days", opt(f.stay_length.median_days)},
                      {"brackets", lines(f.stay_length.brackets)},
                      {"at_most_3_months", headcount(f.stay_length.at_most_3_months)},
                      {"over_6_months", headcount(f.stay_length.over_6_months)},
                      {"reached_term", headcount(f.stay_length.reached_term)}};
  j["referral"] = {{"total", f.referral.total}, {"categories", lines(f.referral)}};
  j["origin"] = {{"total", f.origin.total},
                 {"categories", lines(f.origin)},
                 {"same_region", headcount(f.origin_same_region)}};
  j["exits"] = {{"total", f.exits.total},
                {"reasons", lines(f.exits.reasons)},
                {"housing", lines(f.exits.housing)},
                {"activity", lines(f.exits.activity)},
                {"outcomes", lines(f.exits.outcomes)},
                {"housing_solution", headcount(f.exits.housing_solution)},
                {"employment", headcount(f.exits.employment)},
                {"training", headcount(f.exits.training)}};
  j["stage"] = {{"exits", lines(f.stage.exits)}, {"present_at_end", lines(f.stage.present_at_end)}};
  json warnings = json::array();
  for (const auto& w : f.quality.warnings) {
    json jw = {{"code", w.code}, {"message", w.message}, {"row", w.row == 0 ? json(nullptr) : json(w.row)}, {"count", w.count}};
    if (!w.column.empty()) jw["column"] = w.column;
    warnings.push_back(jw);
  }
  j["quality"] = {{"source", f.quality.source},
                  {"rows_read", f.quality.rows_read},
                  {"rows_used", f.quality.rows_used},
                  {"warning_count", f.quality.warning_rows},
                  {"warnings", warnings}};
  return j;
}

std::string figures_json_text(const figures::Figures& f) { return figures_to_json(f).dump(2) + "\n"; }

}  // namespace ctreport::render
