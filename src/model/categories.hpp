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
  bool solution = false;    // housing_at_exit and housing_at_entry: counts as a housing solution
  bool employment = false;  // activity_at_exit and activity_at_entry: counts as employment
  bool training = false;    // activity_at_exit and activity_at_entry: counts as training
  bool term = false;        // exit_reason: the stay reached its term
  Outcome outcome = Outcome::none;  // exit_reason: positive / neutral / negative
  // Counted and shown, but left out of the shares' denominator (docs/figures.md,
  // "Denominators"); on an exit reason (death by default), the exits with it are
  // also left out of the outcome and situation-at-exit shares.
  bool excluded_from_share = false;
  bool unknown = false;  // "ne sait pas / refus": an answer that says nothing, apart from "non renseigné"
  bool collective = false;  // activity_types: a group session (its rows are grouped into sessions)
};

using CategoryIndex = uint16_t;
inline constexpr CategoryIndex k_unknown_category = 0xFFFF;  // value missing
inline constexpr CategoryIndex k_other_category = 0xFFFE;    // value maps to no category

// How a raw value found its category (docs/figures.md, "Recognising values").
enum class MatchKind : uint8_t {
  exact,      // equal to a listed value, key or label
  phrase,     // contains listed values of one category as whole words
  ambiguous,  // contains listed values of two categories: no category
  none,       // contains nothing listed: no category
  missing,    // empty or a "not filled" marker
};

struct Classification {
  CategoryIndex index = k_other_category;  // k_other_category unless exact or phrase
  MatchKind kind = MatchKind::none;
  CategoryIndex first = k_other_category;   // ambiguous: the two categories found
  CategoryIndex second = k_other_category;
};

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
  // The same, saying how: an exact value first, then whole-word phrases.
  Classification classify_value(std::string_view raw, std::string& scratch) const;

 private:
  struct Phrase {
    std::vector<std::string> words;
    CategoryIndex category;
  };
  Classification by_phrase(std::string_view raw) const;

  std::vector<Category> m_categories;
  std::unordered_map<std::string, CategoryIndex> m_lookup;
  std::unordered_map<std::string, std::vector<Phrase>> m_phrases;  // by first word
};

// The words a value is matched by phrase: normalised words without the small
// ones ("Fin de contrat (terme)" -> {"fin", "contrat", "terme"}).
std::vector<std::string> value_words(std::string_view raw);

// True for "", "NR", "non renseigné", "inconnu", "?", "-", "n/a"... (normalised).
bool is_missing_marker(std::string_view normalised);

}  // namespace ctreport::model
