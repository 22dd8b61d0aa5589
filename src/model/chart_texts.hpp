// The texts of the SVG charts that no other catalog holds (the occupancy
// chart's title, legend and description), one table per language.
#pragma once
#include <string_view>

#include "model/warning_texts.hpp"

namespace ctreport::model {

struct ChartTexts {
  std::string_view occupancy_title;   // "Présents par jour et places, mois par mois"
  std::string_view occupancy_legend;  // "barres : présents par jour (moyenne) ; ligne rouge : places"
  std::string_view present;           // in the description, after each month's mean: "présents"
  std::string_view places;            // after each month's places: "places"
};

const ChartTexts& chart_texts(Lang lang);

}  // namespace ctreport::model
