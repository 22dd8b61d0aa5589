// Recognising the header row of a side table (the activity log, the follow-up
// file): the best-fitting field of each column, then the best-fitting column
// of each field, by the rules of the stays' headers (input/header_match), a
// header the config names for a field winning over the known names.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "input/header_match.hpp"
#include "input/table_reader.hpp"

namespace ctreport::input {

// One side table's fields, by their index.
struct SideTable {
  std::string_view what;                  // in messages: "the activity log"
  std::string_view section;               // its config section: "activities"
  std::vector<std::string_view> names;    // each field's name, as the config writes it
  // The words of every known header name, with its field (header_words of model's names).
  const std::vector<std::pair<size_t, std::vector<std::string>>>* known = nullptr;
  // The headers the config names, with their field; a field named there has only these.
  std::vector<std::pair<size_t, std::vector<std::string>>> overrides;
};

struct RecognisedColumns {
  std::vector<std::optional<size_t>> column;  // by field: its column
  std::vector<std::string> headers;           // every column's header, as written
  std::vector<std::string> unused_headers;    // the non-empty headers no field uses
};

// The words of every known header name of a model field table
// (model::all_activity_fields(), all_followup_fields()), with its field.
template <typename FieldInfos>
std::vector<std::pair<size_t, std::vector<std::string>>> known_header_words(const FieldInfos& fields) {
  std::vector<std::pair<size_t, std::vector<std::string>>> out;
  for (const auto& info : fields)
    for (auto name : info.headers) out.emplace_back(static_cast<size_t>(info.field), header_words(name));
  return out;
}

// Throws DataError (no file name: the caller adds it) when a header fits two
// fields equally, or two columns fit one field equally.
RecognisedColumns recognise_columns(const Row& header_row, const SideTable& table);

}  // namespace ctreport::input
