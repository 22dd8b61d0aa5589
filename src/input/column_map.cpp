// Header recognition: config overrides first (exact headers), then the known
// names of every other field by words (input/header_match).
#include "input/column_map.hpp"

#include <fmt/format.h>

#include "input/header_match.hpp"
#include "util/errors.hpp"
#include "util/text.hpp"

namespace ctreport::input {

namespace {

// Position in the field's known names of the first one written as `normalised_header`.
size_t name_rank(model::Field f, const std::string& normalised_header) {
  const auto& names = model::field_info(f).headers;
  for (size_t i = 0; i < names.size(); ++i)
    if (util::normalize_key(names[i]) == normalised_header) return i;
  return names.size();
}

}  // namespace

std::vector<std::string> ColumnMap::accepted_headers(model::Field f, const model::Config& config) {
  auto it = config.columns.find(f);
  if (it != config.columns.end()) return it->second;
  std::vector<std::string> out;
  for (auto h : model::field_info(f).headers) out.emplace_back(h);
  return out;
}

void ColumnMap::assign(model::Field f, size_t column, std::string known, bool exact) {
  size_t fi = static_cast<size_t>(f);
  m_columns[fi] = column;
  m_headers[fi] = m_all[column];
  m_known[fi] = std::move(known);
  m_exact[fi] = exact;
}

// The config's headers of a field: exact (normalised) matches only; the first
// header of the list found wins. Two columns with it are an error.
void ColumnMap::map_configured(const model::Config& config, const std::vector<std::string>& normalised,
                               std::vector<bool>& taken) {
  for (const auto& [field, names] : config.columns) {
    const auto& info = model::field_info(field);
    for (const auto& name : names) {
      std::string key = util::normalize_key(name);
      if (key.empty()) continue;
      std::optional<size_t> found;
      for (size_t c = 0; c < normalised.size(); ++c) {
        if (normalised[c] != key) continue;
        if (found)
          throw DataError("duplicate_header",
                          fmt::format("columns {} and {} both have the header '{}' ({}); keep one, or name the one to "
                                      "use in the config (columns.{})",
                                      column_letters(*found), column_letters(c), m_all[c], info.name, info.name));
        found = c;
      }
      if (found) {
        assign(field, *found, name, true);
        taken[*found] = true;
        break;
      }
    }
  }
}

ColumnMap ColumnMap::from_header(const Row& header, const model::Config& config) {
  ColumnMap map;
  std::vector<std::string> normalised;
  for (const auto& cell : header.cells) {
    map.m_all.emplace_back(util::trim(cell.text));
    normalised.push_back(util::normalize_key(cell.text));
  }
  std::vector<bool> taken(map.m_all.size(), false);
  map.map_configured(config, normalised, taken);
  std::vector<model::Field> open;  // fields the config does not name
  for (const auto& info : model::all_fields())
    if (!config.columns.count(info.field)) open.push_back(info.field);

  // Each column's best field; each field's best column.
  std::array<std::optional<size_t>, model::k_field_count> best_column{};
  std::array<HeaderFit, model::k_field_count> best{};
  std::array<std::optional<size_t>, model::k_field_count> tied_column{};
  for (size_t c = 0; c < map.m_all.size(); ++c) {
    if (taken[c] || normalised[c].empty()) continue;
    std::optional<model::Field> tie;
    HeaderFit fit = best_fit(header_words(map.m_all[c]), open, tie);
    if (fit.score == 0) continue;
    if (tie) {
      map.m_ambiguity = fmt::format(
          "column {} '{}' fits two fields equally ({} and {}); name it in the config under the field it holds, "
          "e.g. columns: {{{}: \"{}\"}}",
          column_letters(c), map.m_all[c], model::field_info(fit.field).name, model::field_info(*tie).name,
          model::field_info(fit.field).name, map.m_all[c]);
      map.m_ambiguity_code = "ambiguous_header";
      continue;
    }
    size_t fi = static_cast<size_t>(fit.field);
    if (fit.score > best[fi].score) {
      best[fi] = fit;
      best_column[fi] = c;
      tied_column[fi].reset();
    } else if (fit.score == best[fi].score) {
      // Equal fits: the header written exactly as a name listed earlier wins
      // ("Date de sortie" over "date_sortie"); else they are a tie.
      size_t rank_best = name_rank(fit.field, normalised[*best_column[fi]]), rank_here = name_rank(fit.field, normalised[c]);
      if (rank_here < rank_best) {
        best_column[fi] = c;
        tied_column[fi].reset();
      } else if (rank_here == rank_best) {
        tied_column[fi] = c;
      }
    }
  }
  for (model::Field f : open) {
    size_t fi = static_cast<size_t>(f);
    if (!best_column[fi]) continue;
    if (tied_column[fi]) {
      const auto& info = model::field_info(f);
      size_t a = *best_column[fi], b = *tied_column[fi];
      bool same = normalised[a] == normalised[b];
      map.m_ambiguity =
          same ? fmt::format("columns {} and {} both have the header '{}' ({}); keep one, or name the one to use in "
                             "the config (columns.{})",
                             column_letters(a), column_letters(b), map.m_all[b], info.name, info.name)
               : fmt::format("columns {} '{}' and {} '{}' fit the field {} equally; name the one to use in the config, "
                             "e.g. columns: {{{}: \"{}\"}}",
                             column_letters(a), map.m_all[a], column_letters(b), map.m_all[b], info.name, info.name,
                             map.m_all[a]);
      map.m_ambiguity_code = same ? "duplicate_header" : "ambiguous_header";
      if (f == model::Field::entry_date) map.m_entry_tied = true;
      continue;
    }
    map.assign(f, *best_column[fi], best[fi].known, best[fi].exact);
  }
  return map;
}

void ColumnMap::throw_if_ambiguous() const {
  if (!m_ambiguity.empty() && (has(model::Field::entry_date) || m_entry_tied))
    throw DataError(m_ambiguity_code, m_ambiguity);
}

std::vector<size_t> ColumnMap::unused_columns() const {
  std::vector<size_t> out;
  for (size_t c = 0; c < m_all.size(); ++c) {
    if (m_all[c].empty()) continue;
    bool used = false;
    for (const auto& col : m_columns) used |= col && *col == c;
    if (!used) out.push_back(c);
  }
  return out;
}

}  // namespace ctreport::input
