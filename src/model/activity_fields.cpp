// Default headers of the activity log's columns, as listed in docs/figures.md
// ("The activity log"): the names agenda and resident-file exports use, French
// first, then English.
#include "model/activity_fields.hpp"

#include <array>

#include "model/warning_texts.hpp"

namespace ctreport::model {

namespace {
using sv = std::string_view;
constexpr sv k_date[] = {"date", "date de l'activité", "date activité", "date de la séance", "date séance",
                         "date de l'entretien", "date entretien", "date du rendez-vous", "date rdv", "jour",
                         "date de l'acte", "date acte", "activity date", "session date", "day"};
constexpr sv k_type[] = {"type", "type d'activité", "activité", "type de séance", "type d'acte", "acte",
                         "nature", "nature de l'activité", "nature de l'acte", "type d'intervention", "intervention",
                         "prestation", "type de prestation", "séance", "activity", "activity type", "session type",
                         "type of activity"};
constexpr sv k_person[] = {"id", "person_id", "resident_id", "n° dossier", "numéro de dossier", "dossier",
                           "identifiant", "identifiants", "code usager", "n° de dossier", "matricule", "code résident",
                           "n° usager", "numéro usager", "identifiant usager", "id résident", "code patient",
                           "n° résident", "numéro résident", "résident", "résidents", "usager", "usagers",
                           "personne", "personnes", "participants ids", "client id", "client_id", "record number",
                           "person", "people", "resident", "residents"};
constexpr sv k_participants[] = {"nombre de participants", "nb participants", "participants", "nombre de personnes",
                                 "nombre de résidents", "nb résidents", "nombre d'usagers", "nb usagers",
                                 "nb personnes", "effectif", "nombre de présents", "nb présents", "présents",
                                 "number of participants", "attendance", "attendees", "headcount"};
constexpr sv k_duration[] = {"durée", "durée en minutes", "durée minutes", "durée de la séance", "durée séance",
                             "durée de l'entretien", "durée entretien", "temps", "temps passé", "durée (min)",
                             "durée (h)", "durée de l'activité", "durée activité", "duration", "duration minutes", "length", "minutes", "time spent"};
constexpr sv k_start[] = {"heure", "heure de début", "heure début", "début", "horaire", "heure de la séance",
                          "heure séance", "heure du rendez-vous", "heure rdv", "start time", "start", "time",
                          "starts at"};
constexpr sv k_professional[] = {"professionnel", "professionnel·le", "professionnelle", "intervenant",
                                 "intervenante", "intervenant·e", "catégorie professionnelle", "fonction",
                                 "métier", "profession", "qualification", "animé par", "réalisé par", "mené par",
                                 "professional", "staff", "staff category", "professional category", "led by"};

constexpr std::array k_fields = {
    ActivityFieldInfo{ActivityField::date, "date", k_date, true},
    ActivityFieldInfo{ActivityField::type, "type", k_type, true},
    ActivityFieldInfo{ActivityField::person, "person_id", k_person, false},
    ActivityFieldInfo{ActivityField::participants, "participants", k_participants, false},
    ActivityFieldInfo{ActivityField::duration, "duration", k_duration, false},
    ActivityFieldInfo{ActivityField::start_time, "start_time", k_start, false},
    ActivityFieldInfo{ActivityField::professional, "professional", k_professional, false},
};
static_assert(k_fields.size() == k_activity_field_count);

struct Label {
  sv en, fr;
};
constexpr Label k_labels[] = {
    {"activity date", "date de l'activité"},
    {"activity type", "type d'activité"},
    {"person identifiers", "identifiants des personnes"},
    {"number of participants", "nombre de participants"},
    {"duration", "durée"},
    {"start time", "heure de début"},
    {"professional category", "catégorie professionnelle"},
};
static_assert(std::size(k_labels) == k_activity_field_count);

}  // namespace

const ActivityFieldInfo& activity_field_info(ActivityField f) { return k_fields[static_cast<size_t>(f)]; }
std::span<const ActivityFieldInfo> all_activity_fields() { return k_fields; }

std::optional<ActivityField> activity_field_by_name(std::string_view name) {
  for (const auto& f : k_fields)
    if (f.name == name) return f.field;
  return std::nullopt;
}

std::string_view activity_field_label(ActivityField f, Lang lang) {
  const Label& l = k_labels[static_cast<size_t>(f)];
  return lang == Lang::fr ? l.fr : l.en;
}

}  // namespace ctreport::model
