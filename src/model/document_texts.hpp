// The few texts of the reports that no template holds, in each language: the
// report's title in the running header of the docx and odt documents, the
// identity line of the workbook, the words the views put in numbers and lists
// (points, "puis", the warnings left out of a note), the name of the stays
// without a site.
#pragma once
#include <string>
#include <string_view>

#include "model/warning_texts.hpp"

namespace ctreport::model {

struct DocumentTexts {
  std::string_view report_title;  // with {} for the period label: "Rapport d'activité {}"
  // With {} for the value:
  std::string_view finess;        // "FINESS {}"
  std::string_view phone;         // "Tél. {}" / "Phone {}"
  std::string_view signatory;     // "Signataire : {}" / "Signed by: {}"
  // Lists of labels in a sentence: « a », « b » et « c » / “a”, “b” and “c”.
  std::string_view quote_open, quote_close, and_word;
  std::string_view no_reason;     // an outcome without an exit reason: "aucun motif"
  std::string_view point, points; // a change of shares, after the number: " point" / " points"
  std::string_view then;          // places that changed in the year: "12 puis 14" / "12 then 14"
  // With {} for the number and the code, after a note's first findings of a code.
  std::string_view more_warnings; // "… et {} autres avertissements {} (ctreport check les liste tous)"
  // `--by site`: the stays without a site.
  std::string_view no_site_slug;  // their files' name part: "sans-site"
  std::string_view no_site_label; // their report's name: "sans site renseigné"
};

const DocumentTexts& document_texts(Lang lang);

// "Rapport d'activité 2024" / "Activity report 2024".
std::string report_title(Lang lang, std::string_view period_label);

}  // namespace ctreport::model
