// The labels of the other and unknown lines, French and English.
#include "model/line_texts.hpp"

namespace ctreport::model {

std::string_view other_line_label(Lang lang) { return lang == Lang::fr ? "Autre (non classé)" : "Other (unmapped)"; }

std::string_view unknown_line_label(Lang lang) { return lang == Lang::fr ? "Non renseigné" : "Not recorded"; }

}  // namespace ctreport::model
