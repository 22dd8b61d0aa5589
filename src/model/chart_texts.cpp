// The charts' own texts, one table per language.
#include "model/chart_texts.hpp"

namespace ctreport::model {

namespace {
constexpr ChartTexts k_fr{"Présents par jour et places, mois par mois",
                          "barres : présents par jour (moyenne) ; ligne rouge : places", "présents", "places"};
constexpr ChartTexts k_en{"Present per day and places, by month", "bars: present per day (average); red line: places",
                          "present", "places"};
}  // namespace

const ChartTexts& chart_texts(Lang lang) { return lang == Lang::fr ? k_fr : k_en; }

}  // namespace ctreport::model
