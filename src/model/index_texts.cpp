// The texts of a batch's index, one table per language.
#include "model/index_texts.hpp"

namespace ctreport::model {

namespace {
constexpr IndexTexts k_french{"Personnes accueillies par année", "Taux d'occupation par année"};
constexpr IndexTexts k_english{"People present per year", "Occupancy rate per year"};
}  // namespace

const IndexTexts& index_texts(Lang lang) { return lang == Lang::fr ? k_french : k_english; }

}  // namespace ctreport::model
