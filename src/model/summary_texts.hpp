// The words of the summary `ctreport report` prints on the terminal after
// writing its files, one table per language.
#pragma once
#include <string_view>

#include "model/warning_texts.hpp"

namespace ctreport::model {

struct SummaryTexts {
  std::string_view report;              // before the period: "Rapport"
  std::string_view people_present;      // the labels of the lines (padded to 24 columns)
  std::string_view present_at_start;
  std::string_view admitted;
  std::string_view exits;
  std::string_view person, people;      // singular and plural
  std::string_view stay, stays;
  std::string_view occupancy_rate;
  std::string_view days;                // after the capacity in days: "journées"
  std::string_view bed_days;            // without a capacity: "journées réalisées"
  std::string_view warnings;
  // A year compared by default that the data does not cover.
  std::string_view not_compared;        // the line's label: "sans comparaison"
  std::string_view colon;               // after the period: " :" / ":"
  std::string_view not_covered;         // "les données ne couvrent pas cette année"
  std::string_view no_stay;             // why: "aucun séjour"
  std::string_view no_exit_up_to;       // why, before a date: "aucune sortie jusqu'au"
  std::string_view written;             // before each file written: "écrit"
};

const SummaryTexts& summary_texts(Lang lang);

}  // namespace ctreport::model
