// Default headers of the follow-up file's columns, as listed in
// docs/figures.md ("The follow-up after exit"): French first, then English.
#include "model/followup_fields.hpp"

#include <array>

#include "model/warning_texts.hpp"

namespace ctreport::model {

namespace {
using sv = std::string_view;
constexpr sv k_person[] = {"id", "person_id", "resident_id", "n° dossier", "numéro de dossier", "dossier", "identifiant",
                           "code usager", "n° de dossier", "matricule", "code résident", "n° usager", "numéro usager",
                           "identifiant usager", "id résident", "code patient", "n° résident", "numéro résident",
                           "résident", "usager", "personne", "client id", "client_id", "record number", "person",
                           "resident"};
constexpr sv k_date[] = {"date", "date du contact", "date contact", "date de l'appel", "date appel", "date du suivi",
                         "date suivi", "date de la tentative", "date tentative", "date de l'entretien", "jour",
                         "contact date", "call date", "follow-up date", "day"};
constexpr sv k_reached[] = {"joint", "jointe", "joint·e", "personne jointe", "contact abouti", "abouti", "contact établi",
                            "résultat", "résultat du contact", "résultat de l'appel", "reached",
                            "contacted successfully", "outcome", "call outcome"};
constexpr sv k_housing[] = {"logement", "situation de logement", "situation logement", "hébergement",
                            "logement actuel", "housing", "housing situation", "accommodation"};
constexpr sv k_activity[] = {"activité", "situation professionnelle", "emploi", "situation d'activité",
                             "activité actuelle", "occupation", "activity", "employment", "work"};
constexpr sv k_consumption[] = {"consommation", "consommations", "situation de consommation", "usage",
                                "conduites addictives", "addiction", "consumption", "substance use", "use"};
constexpr sv k_care[] = {"soins", "soins en cours", "suivi médical", "prise en charge", "accompagnement soins",
                         "suivi en cours", "care", "care in progress", "treatment", "ongoing care"};

constexpr std::array k_fields = {
    FollowupFieldInfo{FollowupField::person, "person_id", k_person, true},
    FollowupFieldInfo{FollowupField::date, "date", k_date, true},
    FollowupFieldInfo{FollowupField::reached, "reached", k_reached, true},
    FollowupFieldInfo{FollowupField::housing, "housing", k_housing, false},
    FollowupFieldInfo{FollowupField::activity, "activity", k_activity, false},
    FollowupFieldInfo{FollowupField::consumption, "consumption", k_consumption, false},
    FollowupFieldInfo{FollowupField::care, "care", k_care, false},
};
static_assert(k_fields.size() == k_followup_field_count);

struct Label {
  sv en, fr;
};
constexpr Label k_labels[] = {
    {"person identifier", "identifiant de la personne"},
    {"contact date", "date du contact"},
    {"reached or not", "personne jointe ou non"},
    {"housing", "logement"},
    {"activity", "activité"},
    {"consumption", "consommation"},
    {"care in progress", "soins en cours"},
};
static_assert(std::size(k_labels) == k_followup_field_count);

}  // namespace

const FollowupFieldInfo& followup_field_info(FollowupField f) { return k_fields[static_cast<size_t>(f)]; }
std::span<const FollowupFieldInfo> all_followup_fields() { return k_fields; }

std::optional<FollowupField> followup_field_by_name(std::string_view name) {
  for (const auto& f : k_fields)
    if (f.name == name) return f.field;
  return std::nullopt;
}

std::string_view followup_field_label(FollowupField f, Lang lang) {
  const Label& l = k_labels[static_cast<size_t>(f)];
  return lang == Lang::fr ? l.fr : l.en;
}

}  // namespace ctreport::model
