// The texts of a batch's index that no template holds (its charts' titles),
// in each language.
#pragma once
#include <string_view>

#include "model/warning_texts.hpp"

namespace ctreport::model {

struct IndexTexts {
  std::string_view people_chart_title;     // "Personnes accueillies par année"
  std::string_view occupancy_chart_title;  // "Taux d'occupation par année"
};

const IndexTexts& index_texts(Lang lang);

}  // namespace ctreport::model
