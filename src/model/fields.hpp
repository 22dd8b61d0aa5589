// The fields of a stay record, the headers recognised for each by default,
// and whether a field holds personal data that must never be printed.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ctreport::model {

enum class Field : uint8_t {
  person_id,
  sex,
  birth_date,
  birth_year,
  age_at_entry,
  entry_date,
  exit_date,
  referral,
  origin,
  exit_reason,
  housing_at_exit,
  activity_at_exit,
  stage,
  site,
  last_name,   // with first_name and birth_date, tells people apart when there is no identifier
  first_name,
  // The entry profile (docs/figures.md, "Profile at entry").
  substance,          // the main substance at entry (produit posant le plus de problèmes)
  substitution,       // the opioid substitution treatment at entry
  court_order,        // court-ordered care (obligation de soins…)
  housing_at_entry,
  income,             // the main income at entry
  activity_at_entry,
  family_situation,   // living alone or in a couple, with or without children
};
inline constexpr size_t k_field_count = 23;

struct FieldInfo {
  Field field;
  std::string_view name;                         // config key: "entry_date"
  std::span<const std::string_view> headers;     // default headers (any spelling; matched normalised)
  bool sensitive;                                // personal data: never printed
  bool required;
};

const FieldInfo& field_info(Field f);
std::span<const FieldInfo> all_fields();
std::optional<Field> field_by_name(std::string_view name);

// The rules of header recognition (input/header_match, docs/figures.md):
// small words dropped before matching ("de", "d", "la"…), abbreviations
// expanded ("n" of "N°" -> "numero", "dpt" -> "departement", "cp" -> "code
// postal"), and the one-word names recognised only when a header is exactly
// that word ("Sortie", not "Logement à la sortie"). Words are normalised.
bool is_small_header_word(std::string_view word);
std::optional<std::span<const std::string_view>> header_abbreviation(std::string_view word);
bool is_exact_only_header(const std::vector<std::string>& words);

// The categorical fields, each with a category list in the config.
enum class CategoryField : uint8_t {
  sex, referral, exit_reason, housing_at_exit, activity_at_exit, stage,
  substance, substitution, court_order, housing_at_entry, income, activity_at_entry, family_situation,
};
inline constexpr size_t k_category_field_count = 13;
std::string_view category_field_name(CategoryField f);  // "sex", "referral", ...
std::optional<CategoryField> category_field_by_name(std::string_view name);
Field field_of(CategoryField f);

enum class Lang : uint8_t;
// What a field holds, in words of the report's language: "date d'entrée".
std::string_view field_label(Field f, Lang lang);

}  // namespace ctreport::model
