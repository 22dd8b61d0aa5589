// The terminal summary's words, one table per language.
#include "model/summary_texts.hpp"

namespace ctreport::model {

namespace {
constexpr SummaryTexts k_fr{"Rapport", "personnes accueillies", "présentes au début", "admises", "sorties",
                            "personne", "personnes", "séjour", "séjours", "taux d'occupation", "journées",
                            "journées réalisées", "avertissements", "sans comparaison", " :",
                            "les données ne couvrent pas cette année", "aucun séjour", "aucune sortie jusqu'au", "écrit"};
constexpr SummaryTexts k_en{"Report", "people present", "present at start", "admitted", "exits",
                            "person", "people", "stay", "stays", "occupancy rate", "days",
                            "bed-days", "warnings", "not compared", ":",
                            "the data does not cover that year", "no stay", "no exit up to", "written"};
}  // namespace

const SummaryTexts& summary_texts(Lang lang) { return lang == Lang::fr ? k_fr : k_en; }

}  // namespace ctreport::model
