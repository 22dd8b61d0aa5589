// The fields of a stay record, the headers recognised for each by default,
// and whether a field holds personal data that must never be printed.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

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
};
inline constexpr size_t k_field_count = 14;

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

// The categorical fields, each with a category list in the config.
enum class CategoryField : uint8_t { sex, referral, exit_reason, housing_at_exit, activity_at_exit, stage };
inline constexpr size_t k_category_field_count = 6;
std::string_view category_field_name(CategoryField f);  // "sex", "referral", ...
std::optional<CategoryField> category_field_by_name(std::string_view name);
Field field_of(CategoryField f);

}  // namespace ctreport::model
