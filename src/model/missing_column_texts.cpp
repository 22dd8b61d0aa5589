// The "not available" sentence and the column descriptions, French and English.
#include "model/missing_column_texts.hpp"

namespace ctreport::model {

namespace {

struct Column {
  std::string_view field, description;
};

struct Texts {
  std::string_view before, after;  // the sentence around the columns' descriptions
  std::string_view separator, last_separator;
  const Column* columns;
  size_t column_count;
};

// clang-format off
constexpr Column k_columns_fr[] = {
  {"sex", "de sexe"},
  {"birth_date", "de date de naissance"},
  {"birth_year", "d'année de naissance"},
  {"age_at_entry", "d'âge à l'entrée"},
  {"referral", "d'orientation"},
  {"origin", "d'origine géographique"},
  {"exit_reason", "de motif de sortie"},
  {"housing_at_exit", "de logement à la sortie"},
  {"activity_at_exit", "d'activité à la sortie"},
  {"stage", "d'étape du parcours"},
  {"person_id", "d'identifiant de la personne"},
  {"entry_date", "de date d'entrée"},
  {"exit_date", "de date de sortie"},
  {"site", "de site"},
  {"last_name", "de nom"},
  {"first_name", "de prénom"},
  {"substance", "de produit principal à l'entrée"},
  {"substitution", "de traitement de substitution"},
  {"court_order", "de mesure judiciaire"},
  {"housing_at_entry", "de logement à l'entrée"},
  {"income", "de ressources à l'entrée"},
  {"activity_at_entry", "d'activité à l'entrée"},
  {"family_situation", "de situation familiale"},
};
constexpr Texts k_fr = {"non disponible dans l'export (aucune colonne ", ")", ", ", " ni ",
                        k_columns_fr, std::size(k_columns_fr)};

constexpr Column k_columns_en[] = {
  {"sex", "sex"},
  {"birth_date", "birth date"},
  {"birth_year", "birth year"},
  {"age_at_entry", "age at entry"},
  {"referral", "referral"},
  {"origin", "geographic origin"},
  {"exit_reason", "exit reason"},
  {"housing_at_exit", "housing at exit"},
  {"activity_at_exit", "activity at exit"},
  {"stage", "stage"},
  {"person_id", "person identifier"},
  {"entry_date", "entry date"},
  {"exit_date", "exit date"},
  {"site", "site"},
  {"last_name", "last name"},
  {"first_name", "first name"},
  {"substance", "main substance at entry"},
  {"substitution", "substitution treatment"},
  {"court_order", "court-ordered care"},
  {"housing_at_entry", "housing at entry"},
  {"income", "income at entry"},
  {"activity_at_entry", "activity at entry"},
  {"family_situation", "family situation"},
};
constexpr Texts k_en = {"not available in the export (no ", " column)", ", ", " or ",
                        k_columns_en, std::size(k_columns_en)};
// clang-format on

const Texts& texts(Lang lang) { return lang == Lang::fr ? k_fr : k_en; }

}  // namespace

std::string_view column_description(std::string_view field, Lang lang) {
  const Texts& t = texts(lang);
  for (size_t i = 0; i < t.column_count; ++i)
    if (t.columns[i].field == field) return t.columns[i].description;
  return field;
}

std::string not_available_text(const std::vector<std::string>& fields, Lang lang) {
  const Texts& t = texts(lang);
  std::string out(t.before);
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += i + 1 == fields.size() ? t.last_separator : t.separator;
    out += column_description(fields[i], lang);
  }
  out += t.after;
  return out;
}

}  // namespace ctreport::model
