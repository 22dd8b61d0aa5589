// One pass over an export's rows, counting categorical values.
#include "input/export_profile.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "input/column_map.hpp"
#include "input/stay_reader.hpp"
#include "util/errors.hpp"
#include "util/text.hpp"

namespace ctreport::input {

namespace {

ColumnMap find_header(TableReader& reader, const model::Config& config, Row& row) {
  for (size_t i = 0; i < k_header_search_rows && reader.next_row(row); ++i) {
    ColumnMap map = ColumnMap::from_header(row, config);
    map.throw_if_ambiguous();
    if (map.has(model::Field::entry_date)) return map;
  }
  throw DataError("missing_column",
                  fmt::format("no entry-date column found in the first {} rows (name yours in the config: "
                              "columns.entry_date)",
                              k_header_search_rows));
}

}  // namespace

model::ExportProfile profile_export(TableReader& reader, const model::Config& config) {
  model::ExportProfile profile;
  Row row;
  ColumnMap map = find_header(reader, config, row);
  profile.header_row = row.row;
  profile.sheet = reader.sheet_name();
  for (const auto& info : model::all_fields())
    if (map.has(info.field)) profile.columns.push_back(
          {info.field, map.header(info.field), map.exact(info.field), map.known_name(info.field)});
  for (size_t c : map.unused_columns()) profile.unused.push_back(map.all_headers()[c]);

  std::array<std::unordered_map<std::string, uint64_t>, model::k_category_field_count> counts;
  while (reader.next_row(row)) {
    ++profile.rows;
    for (size_t cf = 0; cf < model::k_category_field_count; ++cf) {
      auto column = map.column(model::field_of(static_cast<model::CategoryField>(cf)));
      if (!column || *column >= row.cells.size()) continue;
      std::string_view text = util::trim(row.cells[*column].text);
      if (text.empty()) continue;
      auto it = counts[cf].find(std::string(text));
      if (it != counts[cf].end()) ++it->second;
      else if (counts[cf].size() < 4 * model::k_profile_values_per_field) counts[cf].emplace(text, 1);
    }
  }
  std::string scratch;
  for (size_t cf = 0; cf < model::k_category_field_count; ++cf) {
    auto& values = profile.values[cf];
    const auto& set = config.category_set(static_cast<model::CategoryField>(cf));
    for (auto& [raw, n] : counts[cf]) values.push_back({raw, n, set.classify_value(raw, scratch)});
    std::sort(values.begin(), values.end(), [](const auto& a, const auto& b) {
      return a.count != b.count ? a.count > b.count : a.raw < b.raw;
    });
    if (values.size() > model::k_profile_values_per_field) {
      profile.values_not_listed[cf] = values.size() - model::k_profile_values_per_field;
      values.resize(model::k_profile_values_per_field);
    }
  }
  return profile;
}

}  // namespace ctreport::input
