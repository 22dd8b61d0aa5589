// FINESS numbers (Fichier national des établissements sanitaires et sociaux):
// the establishment's identifier on its report's cover. Nine characters: the
// two of its département (01 to 95 but 20, 2A or 2B for Corsica, 97 overseas)
// and seven digits; spaces typed between them are dropped.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace ctreport::model {

// "42 000 1234" -> "420001234", "2a0000123" -> "2A0000123"; nothing when `raw` is not a FINESS number.
std::optional<std::string> normalize_finess(std::string_view raw);

// Why `raw` is not a FINESS number, for the config error.
std::string finess_error(std::string_view raw);

}  // namespace ctreport::model
