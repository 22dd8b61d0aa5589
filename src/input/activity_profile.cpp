// One pass over an activity log, counting the values of its type and
// professional columns (never those of its persons' column).
#include "input/activity_profile.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "input/activity_columns.hpp"
#include "util/errors.hpp"
#include "util/text.hpp"

namespace ctreport::input {

namespace {

constexpr size_t k_header_rows = 30;  // as the activity reader

ActivityColumns find_header(TableReader& reader, const model::Config& config, Row& row) {
  for (size_t i = 0; i < k_header_rows && reader.next_row(row); ++i) {
    ActivityColumns cols = recognise_activity_columns(row, config);
    if (cols.has(model::ActivityField::date) && cols.has(model::ActivityField::type)) return cols;
  }
  throw DataError(fmt::format("no activity-log header found in the first {} rows: expected a date column (e.g. "
                              "'Date') and a type column (e.g. 'Type d'activité'); name yours in the config: "
                              "activities.columns",
                              k_header_rows));
}

using Counts = std::unordered_map<std::string, uint64_t>;

void count(Counts& counts, const Row& row, std::optional<size_t> column) {
  if (!column || *column >= row.cells.size()) return;
  std::string_view text = util::trim(row.cells[*column].text);
  if (text.empty()) return;
  if (auto it = counts.find(std::string(text)); it != counts.end()) ++it->second;
  else if (counts.size() < 4 * model::k_profile_values_per_field) counts.emplace(text, 1);
}

// Most frequent first, classified by the config's list, capped.
std::vector<model::ProfiledValue> listed(const Counts& counts, const model::CategorySet& set, uint64_t& not_listed) {
  std::vector<model::ProfiledValue> values;
  std::string scratch;
  for (const auto& [raw, n] : counts) values.push_back({raw, n, set.classify_value(raw, scratch)});
  std::sort(values.begin(), values.end(),
            [](const auto& a, const auto& b) { return a.count != b.count ? a.count > b.count : a.raw < b.raw; });
  if (values.size() > model::k_profile_values_per_field) {
    not_listed = values.size() - model::k_profile_values_per_field;
    values.resize(model::k_profile_values_per_field);
  }
  return values;
}

}  // namespace

model::ActivityProfile profile_activities(TableReader& reader, const model::Config& config) {
  model::ActivityProfile profile;
  Row row;
  ActivityColumns cols = find_header(reader, config, row);
  profile.sheet = reader.sheet_name();
  for (const auto& info : model::all_activity_fields())
    if (cols.has(info.field)) profile.columns.emplace_back(std::string(info.name), cols.header(info.field));
  profile.unused = cols.unused_headers;
  Counts types, professionals;
  while (reader.next_row(row)) {
    ++profile.rows;
    count(types, row, cols.column[static_cast<size_t>(model::ActivityField::type)]);
    count(professionals, row, cols.column[static_cast<size_t>(model::ActivityField::professional)]);
  }
  profile.types = listed(types, config.activities.types, profile.types_not_listed);
  profile.professionals = listed(professionals, config.activities.professionals, profile.professionals_not_listed);
  return profile;
}

}  // namespace ctreport::input
