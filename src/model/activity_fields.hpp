// The columns of an activity log (--activities: one row per session or act of
// the team), the headers recognised for each by default, and what each holds
// in words of the report's language. The log's own fields, apart from the
// stays' (model/fields): docs/figures.md, "The activity log".
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace ctreport::model {

enum class ActivityField : uint8_t {
  date,          // required
  type,          // required: a category of activity_types
  person,        // one identifier, or several separated by ',' or ';'
  participants,  // a number of participants
  duration,      // 45, 1h30, 1:30, 1,5 h
  start_time,    // 14:00
  professional,  // a category of professional_categories
};
inline constexpr size_t k_activity_field_count = 7;

struct ActivityFieldInfo {
  ActivityField field;
  std::string_view name;                      // config key: "date", "type"…
  std::span<const std::string_view> headers;  // default headers, matched by words (input/header_match)
  bool required;
};

const ActivityFieldInfo& activity_field_info(ActivityField f);
std::span<const ActivityFieldInfo> all_activity_fields();
std::optional<ActivityField> activity_field_by_name(std::string_view name);

enum class Lang : uint8_t;
// What a column holds: "date de l'activité", "the activity's date".
std::string_view activity_field_label(ActivityField f, Lang lang);

}  // namespace ctreport::model
