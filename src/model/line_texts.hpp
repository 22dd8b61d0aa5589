// The labels of the two lines every table may end with: values that map to
// no category ("other") and missing values ("unknown"), French and English.
#pragma once
#include <string_view>

#include "model/warning_texts.hpp"

namespace ctreport::model {

std::string_view other_line_label(Lang lang);    // "Autre (non classé)"
std::string_view unknown_line_label(Lang lang);  // "Non renseigné"

}  // namespace ctreport::model
