// The columns of a follow-up file (--followup: one row per contact attempt
// after an exit), the headers recognised for each by default, and what each
// holds in words of the report's language. docs/figures.md, "The follow-up
// after exit".
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace ctreport::model {

enum class FollowupField : uint8_t {
  person,       // required: the person's identifier, as in the stays file
  date,         // required: the date of the contact attempt
  reached,      // required: reached or not (oui / non…)
  housing,      // the situation when reached: a category of followup_housing
  activity,     // followup_activity
  consumption,  // followup_consumption
  care,         // followup_care
};
inline constexpr size_t k_followup_field_count = 7;

struct FollowupFieldInfo {
  FollowupField field;
  std::string_view name;                      // config key: "person_id", "date"…
  std::span<const std::string_view> headers;  // default headers, matched by words (input/header_match)
  bool required;
};

const FollowupFieldInfo& followup_field_info(FollowupField f);
std::span<const FollowupFieldInfo> all_followup_fields();
std::optional<FollowupField> followup_field_by_name(std::string_view name);

enum class Lang : uint8_t;
// What a column holds: "date du contact", "the contact's date".
std::string_view followup_field_label(FollowupField f, Lang lang);

}  // namespace ctreport::model
