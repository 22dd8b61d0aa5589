// The "returns not available" sentences, one table per language.
#include "model/returns_texts.hpp"

#include <span>

namespace ctreport::model {

namespace {

struct ReturnsText {
  std::string_view reason, text;
};

// clang-format off
constexpr ReturnsText k_fr[] = {
  {"off", "Retours non calculés (counting.returns_window_months vaut 0)."},
  {"no_person_id", "Retours non disponibles : l'export n'a pas d'identifiant de personne (ni nom, prénom et date de naissance) pour reconnaître une personne qui revient."},
  {"export_starts_later", "Retours non disponibles : l'export commence le {earliest_entry}, après le début des {months} mois qui précèdent la période ({window_start})."},
  {"not_in_file", "Retours non disponibles : un des fichiers de chiffres a été écrit avant que ctreport ne les compte."},
};
constexpr ReturnsText k_en[] = {
  {"off", "Returns not computed (counting.returns_window_months is 0)."},
  {"no_person_id", "Returns not available: the export has no person identifier (nor name, first name and birth date) to recognise a person who comes back."},
  {"export_starts_later", "Returns not available: the export starts on {earliest_entry}, after the start of the {months} months before the period ({window_start})."},
  {"not_in_file", "Returns not available: one of the figures files was written before ctreport counted them."},
};
// clang-format on

}  // namespace

std::string_view returns_not_available_text(std::string_view reason, Lang lang) {
  for (const auto& t : lang == Lang::fr ? std::span<const ReturnsText>(k_fr) : std::span<const ReturnsText>(k_en))
    if (t.reason == reason) return t.text;
  return lang == Lang::fr ? "Retours non disponibles." : "Returns not available.";
}

}  // namespace ctreport::model
