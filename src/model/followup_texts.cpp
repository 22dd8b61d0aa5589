// The follow-up's texts, one table per language.
#include "model/followup_texts.hpp"

#include <fmt/format.h>

#include "model/warning_texts.hpp"

namespace ctreport::model {

namespace {

constexpr FollowupTexts k_fr{
    .title = "Que deviennent les personnes après leur sortie ?",
    .horizon_column = "Après la sortie",
    .cohort_column = "Sorties concernées",
    .excluded_column = "Décès (hors suivi)",
    .contacted_column = "Contactées",
    .reached_column = "Jointes",
    .share_column = "% jointes",
    .situation_column = "Situation",
    .people_column = "Personnes jointes",
    .housing = "Logement",
    .activity = "Activité",
    .consumption = "Consommation",
    .care = "Soins",
    .sheet_name = "Suivi après la sortie",
    .months_one = "{} mois",
    .months_many = "{} mois",
    .situation_title = "Situation à {} mois",
    .empty_cohort = "aucune sortie dont cet horizon tombe dans la période",
    .not_covered = "non disponible (le fichier de suivi, du {} au {}, ne couvre pas les dates de cet horizon)",
    .export_starts_later = "non disponible (le fichier des séjours commence après les sorties de cet horizon)",
    .no_stay_identifiers = "non disponible (aucune colonne d'identifiant des personnes dans le fichier des séjours)",
    .none_reached = "aucune personne jointe à cet horizon",
    .no_column = "non disponible (aucune colonne « {} » dans le fichier de suivi)",
    .and_word = " et ",
};

constexpr FollowupTexts k_en{
    .title = "What becomes of people after they leave?",
    .horizon_column = "After the exit",
    .cohort_column = "Exits concerned",
    .excluded_column = "Deaths (not followed)",
    .contacted_column = "Contacted",
    .reached_column = "Reached",
    .share_column = "% reached",
    .situation_column = "Situation",
    .people_column = "People reached",
    .housing = "Housing",
    .activity = "Activity",
    .consumption = "Consumption",
    .care = "Care",
    .sheet_name = "Follow-up after exit",
    .months_one = "{} month",
    .months_many = "{} months",
    .situation_title = "Situation at {} months",
    .empty_cohort = "no exit whose horizon falls in the period",
    .not_covered = "not available (the follow-up file, from {} to {}, does not cover this horizon's dates)",
    .export_starts_later = "not available (the stays file starts after this horizon's exits)",
    .no_stay_identifiers = "not available (no person-identifier column in the stays file)",
    .none_reached = "nobody reached at this horizon",
    .no_column = "not available (no '{}' column in the follow-up file)",
    .and_word = " and ",
};

}  // namespace

const FollowupTexts& followup_texts(Lang lang) { return lang == Lang::fr ? k_fr : k_en; }

std::string followup_horizon_label(int months, Lang lang) {
  const FollowupTexts& t = followup_texts(lang);
  return fmt::format(fmt::runtime(months == 1 ? t.months_one : t.months_many), months);
}

}  // namespace ctreport::model
