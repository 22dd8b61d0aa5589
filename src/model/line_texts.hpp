// The labels of the lines the program itself writes in the breakdown tables,
// one table per language: the lines every table may end with (values that map
// to no category, missing values), the origin lines, the exit outcomes. Every
// format takes them from here, so they say the same words.
#pragma once
#include <string>
#include <string_view>

#include "model/warning_texts.hpp"

namespace ctreport::model {

struct LineTexts {
  std::string_view other;            // values mapped to no category: "Autre (non classé)"
  std::string_view unknown;          // missing values: "Non renseigné"
  std::string_view not_in_shares;    // after the reasons excluded from shares: " (hors parts)"
  // The origin, relative to the establishment's département.
  std::string_view departement;      // without a known département: "Département"
  std::string_view region;           // without a known département: "Région"
  std::string_view region_outside;   // with {} for the region and the département: "{}, hors {}"
  std::string_view other_regions;    // "Autres régions"
  std::string_view france;           // "France"
  std::string_view abroad;           // "Étranger"
  // A network's origin lines, relative to each establishment.
  std::string_view network_departement;  // "Département de l'établissement"
  std::string_view network_region;       // "Région de l'établissement, autre département"
  // The outcomes of the exits.
  std::string_view positive, neutral, negative;
};

const LineTexts& line_texts(Lang lang);

std::string_view other_line_label(Lang lang);    // "Autre (non classé)"
std::string_view unknown_line_label(Lang lang);  // "Non renseigné"

// "Occitanie, hors Hérault" / "Occitanie, outside Hérault".
std::string region_outside_label(Lang lang, std::string_view region, std::string_view departement);

}  // namespace ctreport::model
