// The columns of a follow-up file's header row: each header recognised by its
// words for one of the file's fields (model/followup_fields), by the rules of
// the stays' headers (input/header_match), the config's `followup.columns:`
// winning over the known names.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "input/table_reader.hpp"
#include "model/config.hpp"
#include "model/followup_fields.hpp"

namespace ctreport::input {

struct FollowupColumns {
  std::array<std::optional<size_t>, model::k_followup_field_count> column{};
  std::vector<std::string> headers;         // every column's header, as written
  std::vector<std::string> unused_headers;  // the non-empty headers no field uses

  bool has(model::FollowupField f) const { return column[static_cast<size_t>(f)].has_value(); }
  size_t at(model::FollowupField f) const { return *column[static_cast<size_t>(f)]; }
  std::string header(model::FollowupField f) const { return has(f) ? headers[at(f)] : std::string(); }
  bool has_required() const;
};

// Throws DataError (no file name: the caller adds it) when a header fits two
// fields equally, or two columns fit one field equally.
FollowupColumns recognise_followup_columns(const Row& header_row, const model::Config& config);

}  // namespace ctreport::input
