// Recognition of the header row: which column holds which field, by header
// (case-, accent-, space- and punctuation-insensitive), with the config's
// overrides.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "input/table_reader.hpp"
#include "model/config.hpp"

namespace ctreport::input {

class ColumnMap {
 public:
  // Maps a header row. Throws DataError when two columns carry the same
  // recognised header for a field.
  static ColumnMap from_header(const Row& header, const model::Config& config);

  std::optional<size_t> column(model::Field f) const { return m_columns[static_cast<size_t>(f)]; }
  bool has(model::Field f) const { return column(f).has_value(); }
  const std::string& header(model::Field f) const { return m_headers[static_cast<size_t>(f)]; }
  const std::vector<std::string>& all_headers() const { return m_all; }  // every header, in order
  size_t width() const { return m_all.size(); }

  // The headers accepted for a field (config override or defaults), for messages.
  static std::vector<std::string> accepted_headers(model::Field f, const model::Config& config);

 private:
  std::array<std::optional<size_t>, model::k_field_count> m_columns{};
  std::array<std::string, model::k_field_count> m_headers{};
  std::vector<std::string> m_all;
};

}  // namespace ctreport::input
