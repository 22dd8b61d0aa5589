// The few texts of the reports that no template holds, in each language: the
// report's title in the running header of the docx and odt documents, and the
// identity line of the workbook.
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
};

const DocumentTexts& document_texts(Lang lang);

// "Rapport d'activité 2024" / "Activity report 2024".
std::string report_title(Lang lang, std::string_view period_label);

}  // namespace ctreport::model
