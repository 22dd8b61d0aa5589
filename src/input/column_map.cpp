// Header recognition.
#include "input/column_map.hpp"

#include <fmt/format.h>

#include "util/errors.hpp"
#include "util/text.hpp"

namespace ctreport::input {

std::vector<std::string> ColumnMap::accepted_headers(model::Field f, const model::Config& config) {
  auto it = config.columns.find(f);
  if (it != config.columns.end()) return it->second;
  std::vector<std::string> out;
  for (auto h : model::field_info(f).headers) out.emplace_back(h);
  return out;
}

ColumnMap ColumnMap::from_header(const Row& header, const model::Config& config) {
  ColumnMap map;
  std::vector<std::string> normalised;
  for (const auto& cell : header.cells) {
    map.m_all.emplace_back(util::trim(cell.text));
    normalised.push_back(util::normalize_key(cell.text));
  }
  for (const auto& info : model::all_fields()) {
    size_t fi = static_cast<size_t>(info.field);
    // Headers earlier in the accepted list win over later ones.
    for (const auto& accepted : accepted_headers(info.field, config)) {
      std::string key = util::normalize_key(accepted);
      if (key.empty()) continue;
      std::optional<size_t> found;
      for (size_t c = 0; c < normalised.size(); ++c) {
        if (normalised[c] != key) continue;
        if (found)
          throw DataError(fmt::format("columns {} and {} both have the header '{}' ({}); keep one, or name the one to use "
                                      "in the config (columns.{})",
                                      column_letters(*found), column_letters(c), map.m_all[c], info.name, info.name));
        found = c;
      }
      if (found) {
        map.m_columns[fi] = found;
        map.m_headers[fi] = map.m_all[*found];
        break;
      }
    }
  }
  // A column claimed by two fields (e.g. a config override naming a header
  // that is also another field's default) goes to the field named in the config.
  for (const auto& a : model::all_fields()) {
    for (const auto& b : model::all_fields()) {
      if (a.field >= b.field) continue;
      auto ca = map.column(a.field), cb = map.column(b.field);
      if (!ca || !cb || *ca != *cb) continue;
      bool a_explicit = config.columns.count(a.field) > 0;
      auto& loser = map.m_columns[static_cast<size_t>(a_explicit ? b.field : a.field)];
      loser.reset();
    }
  }
  return map;
}

}  // namespace ctreport::input
