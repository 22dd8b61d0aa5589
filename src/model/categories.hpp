// Categories of a categorical field (sex, referral, exit reason...): an
// ordered list of stable keys with labels, and the lookup from a raw cell
// value to its category by precomputed normalised keys.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ctreport::model {

enum class Outcome : uint8_t { none, positive, neutral, negative };

struct Category {
  std::string key;
  std::string label;     // French
  std::string label_en;  // English (falls back to label)
  std::vector<std::string> values;  // raw values that map here
  // Flags used by headline figures (see docs/figures.md).
  bool solution = false;    // housing_at_exit: counts as a housing solution
  bool employment = false;  // activity_at_exit: counts as employment
  bool training = false;    // activity_at_exit: counts as training
  bool term = false;        // exit_reason: the stay reached its term
  Outcome outcome = Outcome::none;  // exit_reason: positive / neutral / negative
};

using CategoryIndex = uint16_t;
inline constexpr CategoryIndex k_unknown_category = 0xFFFF;  // value missing
inline constexpr CategoryIndex k_other_category = 0xFFFE;    // value maps to no category

class CategorySet {
 public:
  CategorySet() = default;
  // Throws DataError if two categories claim the same normalised value or key.
  explicit CategorySet(std::vector<Category> categories, std::string_view field_name = "");

  const std::vector<Category>& categories() const { return m_categories; }

  // Category of a raw (UTF-8) value: k_unknown_category when empty (after
  // trimming) or one of the usual "not filled" markers, k_other_category when
  // it matches nothing. `scratch` is reused to avoid allocation.
  CategoryIndex classify(std::string_view raw, std::string& scratch) const;

 private:
  std::vector<Category> m_categories;
  std::unordered_map<std::string, CategoryIndex> m_lookup;
};

// True for "", "NR", "non renseigné", "inconnu", "?", "-", "n/a"... (normalised).
bool is_missing_marker(std::string_view normalised);

}  // namespace ctreport::model
