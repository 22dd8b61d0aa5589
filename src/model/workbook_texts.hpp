// The workbook's own texts (render/xlsx_output), one table per language:
// sheet names, column headers, the key figures' labels and the method sheet's.
// The breakdowns' sheet names are in breakdown_texts, the progress tables' in
// progress_texts, the warnings' in warning_texts.
#pragma once
#include <string_view>

#include "model/warning_texts.hpp"

namespace ctreport::model {

// The labels of the key figures sheet, in its order.
struct KeyFigureLabels {
  std::string_view people_present, people_admitted, people_exited, present_at_start, present_at_end;
  std::string_view admissions, exits, bed_days, capacity_days, occupancy_rate, average_present;
  std::string_view women_share, mean_age, mean_stay_days, median_stay_days, stayers_mean_days;
  std::string_view housing_solution, share_of_exits, employment, training;
  std::string_view readmitted, share_of_those_who_left, within_12_months, share_of_admissions;
};

// The method sheet's labels and definitions.
struct MethodTexts {
  std::string_view period, period_value;  // period_value: "du {start} au {end} ({days} jours)"
  std::string_view source, rows_read, stays_of_period, columns_used, columns_not_used;
  std::string_view people_present, people_present_definition;
  std::string_view bed_days, nights_definition, days_definition;
  std::string_view occupancy_rate, occupancy_rate_definition;
  std::string_view age, age_definition;  // age_definition: "en années révolues {reference}"
  std::string_view age_at_entry, age_on, age_at_entry_or_on;  // the reference: {day} for a date
  std::string_view stay_length, stay_length_definition;
  std::string_view warnings, warning_category, warning, warning_row, rows_concerned;
};

struct WorkbookTexts {
  std::string_view key_figures_sheet, occupancy_sheet, method_sheet;
  std::string_view indicator;   // the key figures' first column header
  std::string_view count;       // a distribution's count column header: "Effectif"
  std::string_view total;       // the total row
  // The comparison columns, {} for the compared year's label.
  std::string_view share_in;      // "% {}"
  std::string_view change_since;  // "Évolution depuis {}": a count's change
  std::string_view points_since;  // "Évolution du % depuis {}": a share's change, in points
  std::string_view month, bed_days, capacity_days, rate, average_present;  // the occupancy sheet's headers
  std::string_view page_footer;  // the printed pages' footer (ECMA-376 18.3.1.39 codes)
  KeyFigureLabels key;
  MethodTexts method;
};

const WorkbookTexts& workbook_texts(Lang lang);

}  // namespace ctreport::model
