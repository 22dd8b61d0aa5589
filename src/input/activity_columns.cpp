// Recognising an activity log's headers: its fields declared for the side
// tables' recogniser (input/side_columns).
#include "input/activity_columns.hpp"

#include "input/side_columns.hpp"

namespace ctreport::input {

ActivityColumns recognise_activity_columns(const Row& header_row, const model::Config& config) {
  static const auto known = known_header_words(model::all_activity_fields());
  SideTable table{"the activity log", "activities", {}, &known, {}};
  for (const auto& info : model::all_activity_fields()) table.names.push_back(info.name);
  for (const auto& [field, names] : config.activities.columns) table.overrides.emplace_back(static_cast<size_t>(field), names);
  RecognisedColumns found = recognise_columns(header_row, table);
  ActivityColumns cols;
  for (size_t f = 0; f < cols.column.size(); ++f) cols.column[f] = found.column[f];
  cols.headers = std::move(found.headers);
  cols.unused_headers = std::move(found.unused_headers);
  return cols;
}

}  // namespace ctreport::input
