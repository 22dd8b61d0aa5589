// The columns of an activity log's header row: each header recognised by its
// words for one of the log's fields (model/activity_fields), by the rules of
// the stays' headers (input/header_match), the config's
// `activities.columns:` winning over the known names.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "input/table_reader.hpp"
#include "model/activity_fields.hpp"
#include "model/config.hpp"

namespace ctreport::input {

struct ActivityColumns {
  std::array<std::optional<size_t>, model::k_activity_field_count> column{};
  std::vector<std::string> headers;         // every column's header, as written
  std::vector<std::string> unused_headers;  // the non-empty headers no field uses

  bool has(model::ActivityField f) const { return column[static_cast<size_t>(f)].has_value(); }
  size_t at(model::ActivityField f) const { return *column[static_cast<size_t>(f)]; }
  std::string header(model::ActivityField f) const { return has(f) ? headers[at(f)] : std::string(); }
};

// Throws DataError (no file name: the caller adds it) when a header fits two
// fields equally, or two columns fit one field equally.
ActivityColumns recognise_activity_columns(const Row& header_row, const model::Config& config);

}  // namespace ctreport::input
