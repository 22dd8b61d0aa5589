// The human texts of the entry → exit cross-tables outside the templates (the
// workbook's sheets), French and English.
#pragma once
#include <string_view>

#include "model/warning_texts.hpp"

namespace ctreport::model {

struct ProgressText {
  std::string_view key;            // "housing", "activity"
  std::string_view sheet;          // the workbook sheet (at most 31 characters)
  std::string_view title;          // "Logement à l'entrée et à la sortie"
  std::string_view corner;         // the header of the rows' column: "À l'entrée \ à la sortie"
  std::string_view without;        // "Sorties sans logement à l'entrée"
  std::string_view with;           // "dont sorties avec une solution de logement"
  std::string_view share;          // "Part"
};

// The texts of the table `key` ("housing" or "activity") in `lang`;
// std::logic_error for another key.
const ProgressText& progress_text(std::string_view key, Lang lang);

}  // namespace ctreport::model
