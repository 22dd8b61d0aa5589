// Writing and reading the entry → exit cross-tables of figures.json.
#include "render/progress_json.hpp"

namespace ctreport::render {

namespace {

using ojson = nlohmann::ordered_json;

ojson keys_json(const std::vector<figures::CrossKey>& keys) {
  ojson a = ojson::array();
  for (const auto& k : keys) a.push_back({{"key", k.key}, {"label", k.label}});
  return a;
}

// {population, total, rows, columns, counts, without_at_entry, with_at_exit, share, available};
// not available: {population, available: false, missing}.
ojson table_json(const figures::CrossTable& t) {
  if (!t.available) return {{"population", t.population}, {"available", false}, {"missing", t.missing_fields}};
  return {{"population", t.population},
          {"total", t.total},
          {"rows", keys_json(t.rows)},
          {"columns", keys_json(t.columns)},
          {"counts", t.counts},
          {"without_at_entry", t.without_at_entry},
          {"with_at_exit", t.with_at_exit},
          {"share", t.share ? ojson(*t.share) : ojson(nullptr)},
          {"available", true}};
}

std::vector<figures::CrossKey> keys_from(const nlohmann::json& a) {
  std::vector<figures::CrossKey> keys;
  for (const auto& k : a) keys.push_back({k.at("key").get<std::string>(), k.at("label").get<std::string>()});
  return keys;
}

figures::CrossTable table_from(const nlohmann::json* j, std::vector<std::string> fields_if_absent) {
  if (!j) return figures::not_available_cross_table(std::move(fields_if_absent));
  if (j->contains("available") && !j->at("available").get<bool>())
    return figures::not_available_cross_table(j->value("missing", std::vector<std::string>{}));
  figures::CrossTable t;
  t.population = j->value("population", "exits");
  t.rows = keys_from(j->at("rows"));
  t.columns = keys_from(j->at("columns"));
  t.counts = j->at("counts").get<std::vector<std::vector<int64_t>>>();
  t.without_at_entry = j->at("without_at_entry").get<int64_t>();
  t.with_at_exit = j->at("with_at_exit").get<int64_t>();
  figures::finish_cross_table(t);
  return t;
}

const nlohmann::json* member(const nlohmann::json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

}  // namespace

nlohmann::ordered_json progress_to_json(const figures::Progress& p) {
  return {{"housing", table_json(p.housing)}, {"activity", table_json(p.activity)}};
}

figures::Progress progress_from_json(const nlohmann::json& j) {
  const nlohmann::json* progress = member(j, "progress");
  figures::Progress p;
  p.housing = table_from(progress ? member(*progress, "housing") : nullptr, {"housing_at_entry"});
  p.activity = table_from(progress ? member(*progress, "activity") : nullptr, {"activity_at_entry"});
  return p;
}

}  // namespace ctreport::render
