// Default headers of each field, as listed in docs/figures.md.
#include "model/fields.hpp"

#include <algorithm>
#include <iterator>

#include "model/warning_texts.hpp"

namespace ctreport::model {

namespace {
using sv = std::string_view;
// Known names of each field, matched by words (input/header_match): a header
// equal to one, or containing one as whole words, is recognised. docs/figures.md
// shows this table.
constexpr sv k_person[] = {"id", "person_id", "resident_id", "n° dossier", "numéro de dossier", "dossier",
                           "identifiant", "code usager", "n° de dossier", "matricule", "code résident",
                           "n° usager", "numéro usager", "identifiant usager", "id résident", "code patient",
                           "n° résident", "numéro résident", "client id", "client_id", "record number"};
constexpr sv k_sex[] = {"sexe", "sex", "gender", "genre"};
constexpr sv k_birth_date[] = {"date de naissance", "date naissance", "naissance", "né le", "née le", "né(e) le",
                               "birth_date", "dob", "birthdate", "date of birth"};
constexpr sv k_birth_year[] = {"année de naissance", "année naissance", "birth_year", "year of birth"};
constexpr sv k_age[] = {"âge", "age", "âge à l'entrée", "âge entrée", "age_at_entry", "âge à l'admission",
                        "âge admission", "âge à l'arrivée", "age at entry"};
constexpr sv k_entry[] = {"date d'entrée", "date entrée", "entrée", "date d'admission", "date admission", "admission",
                          "entry_date", "date de début", "date début", "début de séjour", "date de début de séjour",
                          "date d'arrivée", "date arrivée", "admis le", "entré le", "entrée le", "arrivée le",
                          "admission date", "start date", "entry"};
constexpr sv k_exit[] = {"date de sortie", "date sortie", "sortie", "exit_date", "discharge_date", "date de fin",
                         "date fin", "fin de séjour", "date de fin de séjour", "date de départ", "date départ",
                         "sorti le", "sortie le", "parti le", "date de fin de prise en charge", "discharge date",
                         "exit date", "end date", "exit"};
constexpr sv k_referral[] = {"orientation", "origine de l'orientation", "orienté par", "prescripteur",
                             "origine de la demande", "referral", "referral_source", "orientée par",
                             "origine orientation", "adressé par", "orienteur", "adresseur", "orienté(e) par",
                             "partenaire orienteur", "structure orientatrice", "envoyé par", "referred by",
                             "referral source"};
constexpr sv k_origin[] = {"département d'origine", "département", "code postal", "origine géographique", "origin",
                           "postal_code", "cp", "département origine", "lieu de résidence", "provenance",
                           "commune de résidence", "ville de résidence", "domicile", "dernier domicile",
                           "zip code", "postal code"};
constexpr sv k_exit_reason[] = {"motif de sortie", "motif sortie", "exit_reason", "motif", "motif de fin",
                                "motif de fin de séjour", "cause de sortie", "raison de sortie", "raison de la sortie",
                                "motif du départ", "raison du départ", "type de sortie", "mode de sortie",
                                "modalité de sortie", "fin de prise en charge", "exit reason", "reason for leaving",
                                "discharge reason"};
constexpr sv k_housing[] = {"logement à la sortie", "hébergement à la sortie", "solution d'hébergement",
                            "housing_at_exit", "logement sortie", "hébergement sortie", "logement en fin de séjour",
                            "solution de logement", "logement après la sortie", "hébergement après la sortie",
                            "situation de logement à la sortie", "housing at exit", "destination"};
constexpr sv k_activity[] = {"situation professionnelle à la sortie", "emploi à la sortie", "activité à la sortie",
                             "employment_at_exit", "activity_at_exit", "situation professionnelle sortie",
                             "emploi sortie", "activité sortie", "activité professionnelle à la sortie",
                             "situation socioprofessionnelle à la sortie", "employment at exit", "activity at exit"};
constexpr sv k_stage[] = {"étape", "phase", "stage", "étape atteinte", "étape du parcours", "étape de parcours"};
constexpr sv k_last_name[] = {"nom", "nom de famille", "nom d'usage", "nom du résident", "nom usager", "last name",
                             "surname", "family name"};
constexpr sv k_first_name[] = {"prénom", "prénom du résident", "first name", "given name", "firstname"};
// The entry profile: the headings of resident files and of the CSAPA activity
// report (rapport d'activité type), French first, then English.
constexpr sv k_substance[] = {"produit principal", "produit posant le plus de problèmes", "produit le plus problématique",
                              "produit n°1", "produit 1", "premier produit", "substance principale",
                              "produit principal à l'entrée", "produit à l'origine de la prise en charge",
                              "addiction principale", "drogue principale", "consommation principale",
                              "substance", "main substance", "primary substance", "primary drug", "main drug",
                              "substance at entry"};
constexpr sv k_substitution[] = {"traitement de substitution", "TSO", "traitement de substitution aux opiacés",
                                 "traitement de substitution aux opioïdes", "TSO à l'entrée",
                                 "traitement de substitution à l'entrée", "traitement substitutif", "MSO",
                                 "médicament de substitution", "substitution", "substitution treatment",
                                 "opioid substitution treatment", "opioid substitution", "OST"};
constexpr sv k_court_order[] = {"mesure judiciaire", "obligation de soins", "injonction thérapeutique",
                                "injonction de soins", "mesure de justice", "cadre judiciaire", "situation judiciaire",
                                "soins obligés", "mesure judiciaire à l'entrée", "court order", "court-ordered care",
                                "legal status"};
constexpr sv k_housing_entry[] = {"logement à l'entrée", "hébergement à l'entrée", "logement entrée",
                                  "hébergement entrée", "situation de logement à l'entrée", "logement à l'admission",
                                  "hébergement à l'admission", "logement avant l'entrée", "hébergement avant l'entrée",
                                  "logement avant l'admission", "situation résidentielle à l'entrée",
                                  "housing_at_entry", "housing at entry", "housing at admission",
                                  "living situation at entry", "prior living situation"};
constexpr sv k_income[] = {"ressources à l'entrée", "ressources", "ressource principale", "ressources principales",
                           "origine des ressources", "origine principale des ressources", "type de ressources",
                           "revenus", "revenu", "revenus à l'entrée", "source de revenus",
                           "principale source de revenus", "income", "main income", "income at entry",
                           "source of income"};
constexpr sv k_activity_entry[] = {"situation professionnelle à l'entrée", "activité à l'entrée", "emploi à l'entrée",
                                   "situation professionnelle", "activité professionnelle",
                                   "situation socioprofessionnelle", "situation professionnelle entrée",
                                   "activité entrée", "emploi entrée", "activité professionnelle à l'entrée",
                                   "activity_at_entry", "activity at entry", "employment at entry",
                                   "employment status"};
constexpr sv k_family[] = {"situation familiale", "situation de famille", "enfants", "enfant",
                           "situation familiale à l'entrée", "composition familiale", "vie familiale",
                           "family_situation", "family situation", "children", "marital status", "household"};
constexpr sv k_site[] = {"site", "unité", "lieu", "antenne", "service", "structure", "établissement"};

// Words too common in headers to recognise a field by containment: a header
// must be exactly one of these ("Sortie"), not merely hold it ("Logement à la
// sortie" is not an exit date).
constexpr sv k_exact_only[] = {"entree", "sortie", "admission", "debut", "fin", "depart", "arrivee", "lieu",
                               "service", "structure", "unite", "antenne", "etablissement", "phase", "stage",
                               "genre", "id", "nom", "origin", "entry", "exit", "destination", "domicile"};

// Words dropped before matching ("Date d'entrée" and "Date entrée" are one name).
constexpr sv k_small_words[] = {"de", "du", "des", "d", "l", "la", "le", "les", "a", "au", "aux", "en", "et",
                                "of", "the", "at", "e"};

struct Abbreviation {
  sv word;
  std::span<const sv> expansion;
};
constexpr sv k_numero[] = {"numero"};
constexpr sv k_departement[] = {"departement"};
constexpr sv k_code_postal[] = {"code", "postal"};
constexpr sv k_date_naissance[] = {"date", "naissance"};
constexpr Abbreviation k_abbreviations[] = {
    {"n", k_numero},   {"no", k_numero},   {"num", k_numero},         {"dpt", k_departement},
    {"dept", k_departement}, {"dep", k_departement}, {"cp", k_code_postal}, {"ddn", k_date_naissance},
};

const std::array<FieldInfo, k_field_count> k_fields = {{
    {Field::person_id, "person_id", k_person, true, false},
    {Field::sex, "sex", k_sex, false, false},
    {Field::birth_date, "birth_date", k_birth_date, true, false},
    {Field::birth_year, "birth_year", k_birth_year, true, false},
    {Field::age_at_entry, "age_at_entry", k_age, false, false},
    {Field::entry_date, "entry_date", k_entry, false, true},
    {Field::exit_date, "exit_date", k_exit, false, false},
    {Field::referral, "referral", k_referral, false, false},
    {Field::origin, "origin", k_origin, false, false},
    {Field::exit_reason, "exit_reason", k_exit_reason, false, false},
    {Field::housing_at_exit, "housing_at_exit", k_housing, false, false},
    {Field::activity_at_exit, "activity_at_exit", k_activity, false, false},
    {Field::stage, "stage", k_stage, false, false},
    {Field::site, "site", k_site, false, false},
    {Field::last_name, "last_name", k_last_name, true, false},
    {Field::first_name, "first_name", k_first_name, true, false},
    {Field::substance, "substance", k_substance, false, false},
    {Field::substitution, "substitution", k_substitution, false, false},
    {Field::court_order, "court_order", k_court_order, false, false},
    {Field::housing_at_entry, "housing_at_entry", k_housing_entry, false, false},
    {Field::income, "income", k_income, false, false},
    {Field::activity_at_entry, "activity_at_entry", k_activity_entry, false, false},
    {Field::family_situation, "family_situation", k_family, false, false},
}};

struct FieldLabel {
  sv en, fr;
};
constexpr FieldLabel k_labels[k_field_count] = {
    {"person identifier", "identifiant de la personne"},
    {"sex", "sexe"},
    {"birth date", "date de naissance"},
    {"birth year", "année de naissance"},
    {"age at entry", "âge à l'entrée"},
    {"entry date", "date d'entrée"},
    {"exit date", "date de sortie"},
    {"referral", "orientation"},
    {"geographic origin", "origine géographique"},
    {"exit reason", "motif de sortie"},
    {"housing at exit", "logement à la sortie"},
    {"activity at exit", "activité à la sortie"},
    {"stage", "étape"},
    {"site", "site"},
    {"last name", "nom"},
    {"first name", "prénom"},
    {"main substance at entry", "produit principal à l'entrée"},
    {"substitution treatment at entry", "traitement de substitution à l'entrée"},
    {"court-ordered care", "mesure judiciaire"},
    {"housing at entry", "logement à l'entrée"},
    {"main income at entry", "ressources à l'entrée"},
    {"activity at entry", "activité à l'entrée"},
    {"family situation", "situation familiale"},
};

constexpr std::array<std::pair<CategoryField, Field>, k_category_field_count> k_category_fields = {{
    {CategoryField::sex, Field::sex},
    {CategoryField::referral, Field::referral},
    {CategoryField::exit_reason, Field::exit_reason},
    {CategoryField::housing_at_exit, Field::housing_at_exit},
    {CategoryField::activity_at_exit, Field::activity_at_exit},
    {CategoryField::stage, Field::stage},
    {CategoryField::substance, Field::substance},
    {CategoryField::substitution, Field::substitution},
    {CategoryField::court_order, Field::court_order},
    {CategoryField::housing_at_entry, Field::housing_at_entry},
    {CategoryField::income, Field::income},
    {CategoryField::activity_at_entry, Field::activity_at_entry},
    {CategoryField::family_situation, Field::family_situation},
}};
}  // namespace

const FieldInfo& field_info(Field f) { return k_fields[static_cast<size_t>(f)]; }

bool is_small_header_word(std::string_view word) {
  return std::find(std::begin(k_small_words), std::end(k_small_words), word) != std::end(k_small_words);
}

std::optional<std::span<const std::string_view>> header_abbreviation(std::string_view word) {
  for (const auto& a : k_abbreviations)
    if (a.word == word) return a.expansion;
  return std::nullopt;
}

bool is_exact_only_header(const std::vector<std::string>& words) {
  return words.size() == 1 &&
         std::find(std::begin(k_exact_only), std::end(k_exact_only), words[0]) != std::end(k_exact_only);
}
std::span<const FieldInfo> all_fields() { return k_fields; }

std::optional<Field> field_by_name(std::string_view name) {
  for (const auto& f : k_fields)
    if (f.name == name) return f.field;
  return std::nullopt;
}

std::string_view field_label(Field f, Lang lang) {
  const auto& l = k_labels[static_cast<size_t>(f)];
  return lang == Lang::fr ? l.fr : l.en;
}

Field field_of(CategoryField f) { return k_category_fields[static_cast<size_t>(f)].second; }
std::string_view category_field_name(CategoryField f) { return field_info(field_of(f)).name; }

std::optional<CategoryField> category_field_by_name(std::string_view name) {
  for (const auto& [cf, f] : k_category_fields)
    if (field_info(f).name == name) return cf;
  return std::nullopt;
}

}  // namespace ctreport::model
