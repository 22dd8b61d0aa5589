// Recognising a follow-up file's headers: its fields declared for the side
// tables' recogniser (input/side_columns), as the activity log's.
#include "input/followup_columns.hpp"

#include "input/side_columns.hpp"

namespace ctreport::input {

bool FollowupColumns::has_required() const {
  for (const auto& info : model::all_followup_fields())
    if (info.required && !has(info.field)) return false;
  return true;
}

FollowupColumns recognise_followup_columns(const Row& header_row, const model::Config& config) {
  static const auto known = known_header_words(model::all_followup_fields());
  SideTable table{"the follow-up file", "followup", {}, &known, {}};
  for (const auto& info : model::all_followup_fields()) table.names.push_back(info.name);
  for (const auto& [field, names] : config.followup.columns) table.overrides.emplace_back(static_cast<size_t>(field), names);
  RecognisedColumns found = recognise_columns(header_row, table);
  FollowupColumns cols;
  for (size_t f = 0; f < cols.column.size(); ++f) cols.column[f] = found.column[f];
  cols.headers = std::move(found.headers);
  cols.unused_headers = std::move(found.unused_headers);
  return cols;
}

}  // namespace ctreport::input
