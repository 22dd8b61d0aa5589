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
      auto words = value_words(v);
      if (!words.empty()) m_phrases[words.front()].push_back({words, static_cast<CategoryIndex>(i)});
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
  return classify_value(raw, scratch).index;
}

Classification CategorySet::classify_value(std::string_view raw, std::string& scratch) const {
  util::normalize_key(raw, scratch);
  if (is_missing_marker(scratch)) return {k_unknown_category, MatchKind::missing};
  if (auto it = m_lookup.find(scratch); it != m_lookup.end()) return {it->second, MatchKind::exact};
  return by_phrase(raw);
}

// Every listed phrase found in the value as whole words; where two overlap the
// longer one is kept; one category among those left is the value's category.
Classification CategorySet::by_phrase(std::string_view raw) const {
  auto words = value_words(raw);
  struct Found {
    size_t start, length;
    CategoryIndex category;
  };
  std::vector<Found> found;
  for (size_t i = 0; i < words.size(); ++i) {
    auto it = m_phrases.find(words[i]);
    if (it == m_phrases.end()) continue;
    for (const auto& p : it->second)
      if (p.words.size() <= words.size() - i && std::equal(p.words.begin(), p.words.end(), words.begin() + i))
        found.push_back({i, p.words.size(), p.category});
  }
  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.length > b.length; });
  std::vector<Found> kept;
  for (const auto& f : found) {
    bool overlaps = false;
    for (const auto& k : kept) overlaps |= f.start < k.start + k.length && k.start < f.start + f.length;
    if (!overlaps) kept.push_back(f);
  }
  if (kept.empty()) return {k_other_category, MatchKind::none};
  for (const auto& k : kept)
    if (k.category != kept.front().category) return {k_other_category, MatchKind::ambiguous, kept.front().category, k.category};
  return {kept.front().category, MatchKind::phrase};
}

std::vector<std::string> value_words(std::string_view raw) {
  static constexpr std::string_view k_small[] = {"de", "du", "des", "d", "l", "la", "le", "les", "a", "au", "aux",
                                                 "en", "et", "un", "une", "of", "the", "at"};
  std::vector<std::string> out;
  std::string norm = util::normalize_words(raw);
  size_t start = 0;
  while (start < norm.size()) {
    size_t end = std::min(norm.find(' ', start), norm.size());
    std::string_view w(norm.data() + start, end - start);
    start = end + 1;
    if (std::find(std::begin(k_small), std::end(k_small), w) == std::end(k_small)) out.emplace_back(w);
  }
  return out;
}

}  // namespace ctreport::model
