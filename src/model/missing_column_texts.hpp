// The sentence every output gives instead of a figure when the export has no
// column for the field it is computed from (docs/figures.md, "A missing
// column"): one table per language, with the name of each field's column.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "model/warning_texts.hpp"

namespace ctreport::model {

// "non disponible dans l'export (aucune colonne d'origine géographique)" /
// "not available in the export (no geographic origin column)", for the config
// field names `fields` ("origin"; several for the age: "birth_date",
// "birth_year", "age_at_entry"). A name the table does not know is used as is.
std::string not_available_text(const std::vector<std::string>& fields, Lang lang);

// The column of `field` as the text names it: "d'origine géographique" /
// "geographic origin" (the field name itself when the table does not know it).
std::string_view column_description(std::string_view field, Lang lang);

}  // namespace ctreport::model
