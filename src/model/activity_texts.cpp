// The activity log's texts, one table per language.
#include "model/activity_texts.hpp"

#include "model/warning_texts.hpp"

namespace ctreport::model {

namespace {

constexpr ActivityTexts k_fr{
    .title = "L'activité de l'équipe",
    .chart_title = "Séances par type d'activité",
    .type_column = "Type d'activité",
    .professional_column = "Catégorie professionnelle",
    .month_column = "Mois",
    .sessions_column = "Séances",
    .participants_column = "Participations",
    .hours_column = "Heures",
    .kind_column = "Nature",
    .individual = "individuelle",
    .collective = "collective",
    .total = "Total",
    .sheet_name = "Activités",
    .no_duration = "non disponible (aucune colonne de durée dans le journal d'activité)",
    .no_log_identifiers = "non disponible (aucune colonne d'identifiant des personnes dans le journal d'activité)",
    .no_stay_identifiers = "non disponible (aucune colonne d'identifiant des personnes dans le fichier des séjours)",
    .no_professional = "non disponible (aucune colonne de catégorie professionnelle dans le journal d'activité)",
    .sessions_per_resident_month = "Séances par résident et par mois",
    .mean_participants = "Participants par séance collective (moyenne)",
    .people_reached = "Personnes touchées",
    .people_reached_share = "Part des personnes accueillies",
};

constexpr ActivityTexts k_en{
    .title = "The team's work",
    .chart_title = "Sessions by type of activity",
    .type_column = "Type of activity",
    .professional_column = "Professional category",
    .month_column = "Month",
    .sessions_column = "Sessions",
    .participants_column = "Attendances",
    .hours_column = "Hours",
    .kind_column = "Kind",
    .individual = "individual",
    .collective = "collective",
    .total = "Total",
    .sheet_name = "Activities",
    .no_duration = "not available (no duration column in the activity log)",
    .no_log_identifiers = "not available (no person-identifier column in the activity log)",
    .no_stay_identifiers = "not available (no person-identifier column in the stays file)",
    .no_professional = "not available (no professional-category column in the activity log)",
    .sessions_per_resident_month = "Sessions per resident per month",
    .mean_participants = "Participants per collective session (mean)",
    .people_reached = "People reached",
    .people_reached_share = "Share of the people present",
};

}  // namespace

const ActivityTexts& activity_texts(Lang lang) { return lang == Lang::fr ? k_fr : k_en; }

}  // namespace ctreport::model
