// Default headers of each field, as listed in docs/figures.md.
#include "model/fields.hpp"

namespace ctreport::model {

namespace {
using sv = std::string_view;
constexpr std::array<sv, 9> k_person = {"id", "person_id", "resident_id", "n° dossier", "numéro de dossier",
                                        "dossier", "identifiant", "code usager", "n° de dossier"};
constexpr std::array<sv, 4> k_sex = {"sexe", "sex", "gender", "genre"};
constexpr std::array<sv, 8> k_birth_date = {"date de naissance", "date naissance", "naissance", "né le",
                                            "née le",            "birth_date",     "dob",       "birthdate"};
constexpr std::array<sv, 3> k_birth_year = {"année de naissance", "année naissance", "birth_year"};
constexpr std::array<sv, 8> k_age = {"âge",          "age",          "âge à l'entrée",  "âge entrée",
                                     "age_at_entry", "âge à l'admission", "âge admission", "âge à l'arrivée"};
constexpr std::array<sv, 13> k_entry = {"date d'entrée",   "date entrée",      "entrée",        "date d'admission",
                                        "date admission",  "admission",        "entry_date",    "date de début",
                                        "date début",      "début de séjour",  "date de début de séjour",
                                        "date d'arrivée",  "date arrivée"};
constexpr std::array<sv, 11> k_exit = {"date de sortie", "date sortie", "sortie",        "exit_date",
                                       "discharge_date", "date de fin", "date fin",      "fin de séjour",
                                       "date de fin de séjour", "date de départ", "date départ"};
constexpr std::array<sv, 11> k_referral = {"orientation",     "origine de l'orientation", "orienté par",
                                           "prescripteur",    "origine de la demande",    "referral",
                                           "referral_source", "orientée par",             "origine orientation",
                                           "adressé par",     "orienteur"};
constexpr std::array<sv, 9> k_origin = {"département d'origine", "département", "code postal", "origine géographique",
                                        "origin",                "postal_code", "cp",          "département origine",
                                        "lieu de résidence"};
constexpr std::array<sv, 9> k_exit_reason = {"motif de sortie", "motif sortie",      "exit_reason",
                                             "motif",           "motif de fin",      "motif de fin de séjour",
                                             "cause de sortie", "raison de sortie",  "raison de la sortie"};
constexpr std::array<sv, 7> k_housing = {"logement à la sortie", "hébergement à la sortie", "solution d'hébergement",
                                         "housing_at_exit",      "logement sortie",         "hébergement sortie",
                                         "logement en fin de séjour"};
constexpr std::array<sv, 8> k_activity = {"situation professionnelle à la sortie", "emploi à la sortie",
                                          "activité à la sortie",                  "employment_at_exit",
                                          "activity_at_exit",                      "situation professionnelle sortie",
                                          "emploi sortie",                         "activité sortie"};
constexpr std::array<sv, 5> k_stage = {"étape", "phase", "stage", "étape atteinte", "étape du parcours"};
constexpr std::array<sv, 6> k_site = {"site", "unité", "lieu", "antenne", "service", "structure"};

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
}};

constexpr std::array<std::pair<CategoryField, Field>, k_category_field_count> k_category_fields = {{
    {CategoryField::sex, Field::sex},
    {CategoryField::referral, Field::referral},
    {CategoryField::exit_reason, Field::exit_reason},
    {CategoryField::housing_at_exit, Field::housing_at_exit},
    {CategoryField::activity_at_exit, Field::activity_at_exit},
    {CategoryField::stage, Field::stage},
}};
}  // namespace

const FieldInfo& field_info(Field f) { return k_fields[static_cast<size_t>(f)]; }
std::span<const FieldInfo> all_fields() { return k_fields; }

std::optional<Field> field_by_name(std::string_view name) {
  for (const auto& f : k_fields)
    if (f.name == name) return f.field;
  return std::nullopt;
}

Field field_of(CategoryField f) { return k_category_fields[static_cast<size_t>(f)].second; }
std::string_view category_field_name(CategoryField f) { return field_info(field_of(f)).name; }

std::optional<CategoryField> category_field_by_name(std::string_view name) {
  for (const auto& [cf, f] : k_category_fields)
    if (field_info(f).name == name) return cf;
  return std::nullopt;
}

}  // namespace ctreport::model
