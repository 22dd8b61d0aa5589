// The reports' own texts, one table per language.
#include "model/document_texts.hpp"

#include <fmt/format.h>

namespace ctreport::model {

namespace {
constexpr DocumentTexts k_french{"Rapport d'activité {}", "FINESS {}", "Tél. {}", "Signataire\u00A0: {}",
                                 "«\u00A0", "\u00A0»", " et ", "aucun motif",
                                 " point", " points", "puis",
                                 "… et {} autres avertissements {} (ctreport check les liste tous)",
                                 "sans-site", "sans site renseigné"};
constexpr DocumentTexts k_english{"Activity report {}", "FINESS {}", "Phone {}", "Signed by: {}",
                                  "\u201C", "\u201D", " and ", "no reason",
                                  " point", " points", "then", "… and {} more {} warnings (ctreport check lists them all)",
                                  "no-site", "no site given"};
}  // namespace

const DocumentTexts& document_texts(Lang lang) { return lang == Lang::fr ? k_french : k_english; }

std::string report_title(Lang lang, std::string_view period_label) {
  return fmt::format(fmt::runtime(document_texts(lang).report_title), period_label);
}

}  // namespace ctreport::model
