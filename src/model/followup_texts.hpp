// The human texts of the follow-up after exit in each report language: the
// section's title, the horizons' names, the situations' titles, the column
// headers, the workbook sheet's name and the "not available" sentences.
#pragma once
#include <string>
#include <string_view>

namespace ctreport::model {

enum class Lang : uint8_t;

struct FollowupTexts {
  std::string_view title;  // « Que deviennent les personnes après leur sortie ? »
  std::string_view horizon_column, cohort_column, excluded_column, contacted_column, reached_column, share_column;
  std::string_view situation_column, people_column;
  std::string_view housing, activity, consumption, care;  // the situations' titles
  std::string_view sheet_name;  // the workbook's sheet (31 characters at most)
  std::string_view months_one, months_many;  // "{} mois" / "{} months" after the exit
  std::string_view situation_title;          // "Situation à {} mois"
  // Why a horizon has no figures (never a 0 % in their place).
  std::string_view empty_cohort;        // no exit's horizon falls in the period
  std::string_view not_covered;         // the follow-up file's dates do not reach the horizon's
  std::string_view export_starts_later; // the stays file starts after the cohort's exits
  std::string_view no_stay_identifiers; // the stays have no identifier column to join with
  std::string_view none_reached;        // nobody of the cohort reached: no situations
  std::string_view no_column;           // a situation whose column the file lacks: "{}" is the column
  std::string_view and_word;            // between the last two horizons: "3, 6 et 12"
};

const FollowupTexts& followup_texts(Lang lang);

// "3 mois" / "3 months".
std::string followup_horizon_label(int months, Lang lang);

}  // namespace ctreport::model
