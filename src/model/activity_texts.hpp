// The human texts of the activity log's figures in each report language:
// section and chart titles, column headers, the labels of the other and
// unknown lines, the workbook sheet's name, the "not available" sentences.
#pragma once
#include <string_view>

namespace ctreport::model {

enum class Lang : uint8_t;

struct ActivityTexts {
  std::string_view title;                // « L'activité de l'équipe »
  std::string_view chart_title;          // the chart of sessions by type
  std::string_view type_column, professional_column, month_column;
  std::string_view sessions_column, participants_column, hours_column, kind_column;
  std::string_view individual, collective;  // the kind of a type
  std::string_view total;
  std::string_view sheet_name;           // the workbook's sheet (31 characters at most)
  std::string_view no_duration;          // why hours are not available
  std::string_view no_log_identifiers;   // why the people reached are not available
  std::string_view no_stay_identifiers;
  std::string_view no_professional;      // why the professional categories are not available
  std::string_view sessions_per_resident_month;  // its name in the workbook
  std::string_view mean_participants;
  std::string_view people_reached;
  std::string_view people_reached_share;
};

const ActivityTexts& activity_texts(Lang lang);

}  // namespace ctreport::model
