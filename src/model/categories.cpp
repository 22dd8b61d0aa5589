// Category lookup tables built once from the config.
#include "model/categories.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "util/errors.hpp"
#include "util/text.hpp"

namespace ctreport::model {

CategorySet::CategorySet(std::vector<Category> categories, std::string_view field_name)
    : m_categories(std::move(categories)) {
  if (m_categories.size() >= k_other_category)
    throw DataError(fmt::format("categories.{}: too many categories", field_name));
  for (size_t i = 0; i < m_categories.size(); ++i) {
    auto& c = m_categories[i];
    if (c.label_en.empty()) c.label_en = c.label;
    for (size_t j = 0; j < i; ++j)
      if (m_categories[j].key == c.key)
        throw DataError(fmt::format("categories.{}: key '{}' is used twice", field_name, c.key));
    // The key and the label match too, so a value written as the key works.
    std::vector<std::string> all = c.values;
    all.push_back(c.key);
    all.push_back(c.label);
    all.push_back(c.label_en);
    for (const auto& v : all) {
      std::string norm = util::normalize_key(v);
      if (norm.empty()) continue;
      auto [it, inserted] = m_lookup.emplace(norm, static_cast<CategoryIndex>(i));
      if (!inserted && it->second != i) {
        // An explicit value listed under two categories is a config error;
        // a key or label colliding with another's value is left to the value.
        bool explicit_here = std::find(c.values.begin(), c.values.end(), v) != c.values.end();
        const auto& other = m_categories[it->second];
        bool explicit_there = false;
        for (const auto& ov : other.values)
          if (util::normalize_key(ov) == norm) explicit_there = true;
        if (explicit_here && explicit_there)
          throw DataError(fmt::format("categories.{}: value '{}' is listed under both '{}' and '{}'",
                                      field_name, v, other.key, c.key));
        if (explicit_here) it->second = static_cast<CategoryIndex>(i);
      }
    }
  }
}

bool is_missing_marker(std::string_view n) {
  return n.empty() || n == "nr" || n == "nonrenseigne" || n == "inconnu" || n == "inconnue" ||
         n == "na" || n == "nd" || n == "nondisponible" || n == "unknown" || n == "null" ||
         n == "none" || n == "nonconnu";
}

CategoryIndex CategorySet::classify(std::string_view raw, std::string& scratch) const {
  util::normalize_key(raw, scratch);
  if (is_missing_marker(scratch)) return k_unknown_category;
  auto it = m_lookup.find(scratch);
  return it == m_lookup.end() ? k_other_category : it->second;
}

}  // namespace ctreport::model
