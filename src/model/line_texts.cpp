// The labels of the lines the program writes, one table per language.
#include "model/line_texts.hpp"

#include <fmt/format.h>

namespace ctreport::model {

namespace {
constexpr LineTexts k_fr{"Autre (non classé)", "Non renseigné", " (hors parts)",
                         "Département", "Région", "{}, hors {}", "Autres régions", "France", "Étranger",
                         "Département de l'établissement", "Région de l'établissement, autre département",
                         "Positive", "Neutre", "Négative"};
constexpr LineTexts k_en{"Other (unmapped)", "Not recorded", " (not in shares)",
                         "Département", "Region", "{}, outside {}", "Other regions", "France", "Abroad",
                         "The establishment's département", "The establishment's region, other département",
                         "Positive", "Neutral", "Negative"};
}  // namespace

const LineTexts& line_texts(Lang lang) { return lang == Lang::fr ? k_fr : k_en; }

std::string_view other_line_label(Lang lang) { return line_texts(lang).other; }

std::string_view unknown_line_label(Lang lang) { return line_texts(lang).unknown; }

std::string region_outside_label(Lang lang, std::string_view region, std::string_view departement) {
  return fmt::format(fmt::runtime(line_texts(lang).region_outside), region, departement);
}

}  // namespace ctreport::model
