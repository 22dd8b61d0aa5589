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
  // Maps a header row: the config's headers (columns:) exactly, then the
  // known names of the other fields by words (docs/figures.md, "Recognising
  // headers"). Throws DataError when two columns carry the same header named
  // in the config; other ambiguities are kept for throw_if_ambiguous, as a
  // title row above the header may hold any words.
  static ColumnMap from_header(const Row& header, const model::Config& config);
  // Throws DataError (duplicate_header or ambiguous_header) when this row is
  // a header (it has an entry-date column, or two) and a column fits two
  // fields equally, or two columns one field.
  void throw_if_ambiguous() const;

  std::optional<size_t> column(model::Field f) const { return m_columns[static_cast<size_t>(f)]; }
  bool has(model::Field f) const { return column(f).has_value(); }
  const std::string& header(model::Field f) const { return m_headers[static_cast<size_t>(f)]; }
  const std::vector<std::string>& all_headers() const { return m_all; }  // every header, in order
  // The known name (or config header) that recognised the field's column, and
  // whether the header is exactly it (else it contains it).
  const std::string& known_name(model::Field f) const { return m_known[static_cast<size_t>(f)]; }
  bool exact(model::Field f) const { return m_exact[static_cast<size_t>(f)]; }
  // Columns with a header that no field uses, in order.
  std::vector<size_t> unused_columns() const;
  size_t width() const { return m_all.size(); }

  // The headers accepted for a field (config override or defaults), for messages.
  static std::vector<std::string> accepted_headers(model::Field f, const model::Config& config);

 private:
  void assign(model::Field f, size_t column, std::string known, bool exact);
  void map_configured(const model::Config& config, const std::vector<std::string>& normalised,
                      std::vector<bool>& taken);

  std::array<std::optional<size_t>, model::k_field_count> m_columns{};
  std::array<std::string, model::k_field_count> m_headers{};
  std::array<std::string, model::k_field_count> m_known{};
  std::array<bool, model::k_field_count> m_exact{};
  std::vector<std::string> m_all;
  std::string m_ambiguity, m_ambiguity_code;
  bool m_entry_tied = false;
};

}  // namespace ctreport::input
