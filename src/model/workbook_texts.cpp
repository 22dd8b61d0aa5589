// The workbook's own texts, French and English.
#include "model/workbook_texts.hpp"

namespace ctreport::model {

namespace {

// clang-format off
constexpr WorkbookTexts k_fr{
  .key_figures_sheet = "Chiffres clés", .occupancy_sheet = "Occupation", .method_sheet = "Méthode",
  .indicator = "Indicateur", .count = "Effectif", .total = "Total",
  .share_in = "% {}", .change_since = "Évolution depuis {}", .points_since = "Évolution du % depuis {}",
  .month = "Mois", .bed_days = "Journées réalisées", .capacity_days = "Journées de capacité", .rate = "Taux d'occupation",
  .average_present = "Présents par jour",
  .page_footer = "&CPage &P sur &N",
  .key = {
    .people_present = "Personnes accueillies (file active)", .people_admitted = "Personnes admises",
    .people_exited = "Personnes sorties", .present_at_start = "Présentes au début de la période",
    .present_at_end = "Présentes à la fin de la période", .admissions = "Admissions (séjours)", .exits = "Sorties (séjours)",
    .bed_days = "Journées réalisées", .capacity_days = "Journées de capacité", .occupancy_rate = "Taux d'occupation",
    .average_present = "Présents par jour (moyenne)", .women_share = "Part des femmes", .mean_age = "Âge moyen",
    .mean_stay_days = "Durée moyenne des séjours terminés (jours)", .median_stay_days = "Durée médiane (jours)",
    .stayers_mean_days = "Ancienneté moyenne des présents à la fin (jours)",
    .housing_solution = "Sorties avec une solution de logement", .share_of_exits = "  part des sorties",
    .employment = "Sorties vers l'emploi", .training = "Sorties vers une formation",
    .readmitted = "Personnes sorties avant la période, réadmises", .share_of_those_who_left = "  part des personnes sorties",
    .within_12_months = "Admissions moins de 12 mois après une sortie", .share_of_admissions = "  part des admissions"},
  .method = {
    .period = "Période", .period_value = "du {start} au {end} ({days} jours)",
    .source = "Source", .rows_read = "Lignes lues", .stays_of_period = "Séjours de la période",
    .columns_used = "Colonnes utilisées", .columns_not_used = "Colonnes non utilisées",
    .people_present = "Personnes accueillies",
    .people_present_definition = "personnes distinctes ayant au moins un séjour pendant la période ; une personne revenue plusieurs fois compte une fois",
    .bed_days = "Journées réalisées", .nights_definition = "nuitées (le jour d'entrée compte, le jour de sortie non)",
    .days_definition = "jours de présence (jours d'entrée et de sortie comptés)",
    .occupancy_rate = "Taux d'occupation",
    .occupancy_rate_definition = "journées réalisées ÷ journées de capacité (places × jours)",
    .age = "Âge", .age_definition = "en années révolues {}",
    .age_at_entry = "à l'entrée du dernier séjour de la période", .age_on = "au {}",
    .age_at_entry_or_on = "à l'entrée, ou au {} pour les personnes alors présentes",
    .stay_length = "Durée des séjours",
    .stay_length_definition = "séjours terminés pendant la période, de l'entrée à la sortie, en mois calendaires",
    .warnings = "Avertissements", .warning_category = "Nature", .warning = "Avertissement", .warning_row = "Ligne",
    .rows_concerned = "Lignes concernées"},
};

constexpr WorkbookTexts k_en{
  .key_figures_sheet = "Key figures", .occupancy_sheet = "Occupancy", .method_sheet = "Method",
  .indicator = "Indicator", .count = "Count", .total = "Total",
  .share_in = "% {}", .change_since = "Change since {}", .points_since = "Change of the % since {}",
  .month = "Month", .bed_days = "Bed-days", .capacity_days = "Capacity-days", .rate = "Occupancy rate",
  .average_present = "Present per day",
  .page_footer = "&CPage &P of &N",
  .key = {
    .people_present = "People present", .people_admitted = "People admitted", .people_exited = "People exited",
    .present_at_start = "Present at the start", .present_at_end = "Present at the end",
    .admissions = "Admissions (stays)", .exits = "Exits (stays)", .bed_days = "Bed-days", .capacity_days = "Capacity-days",
    .occupancy_rate = "Occupancy rate", .average_present = "Present per day (average)", .women_share = "Share of women",
    .mean_age = "Mean age", .mean_stay_days = "Mean length of the stays that ended (days)",
    .median_stay_days = "Median length (days)", .stayers_mean_days = "Mean time so far of those present at the end (days)",
    .housing_solution = "Exits with a housing solution", .share_of_exits = "  share of exits",
    .employment = "Exits to employment", .training = "Exits to training",
    .readmitted = "People who left before the period and came back", .share_of_those_who_left = "  share of those who left",
    .within_12_months = "Admissions within 12 months of an exit", .share_of_admissions = "  share of admissions"},
  .method = {
    .period = "Period", .period_value = "{start} to {end} ({days} days)",
    .source = "Source", .rows_read = "Rows read", .stays_of_period = "Stays of the period",
    .columns_used = "Columns used", .columns_not_used = "Columns not used",
    .people_present = "People present",
    .people_present_definition = "distinct people with at least one stay during the period; a person who came back counts once",
    .bed_days = "Bed-days", .nights_definition = "nights (the entry day counts, the exit day does not)",
    .days_definition = "days of presence (entry and exit days both count)",
    .occupancy_rate = "Occupancy rate", .occupancy_rate_definition = "bed-days ÷ capacity-days (places × days)",
    .age = "Age", .age_definition = "in whole years {}",
    .age_at_entry = "at the entry of the latest stay of the period", .age_on = "on {}",
    .age_at_entry_or_on = "at the entry, or on {} for people present then",
    .stay_length = "Length of stay",
    .stay_length_definition = "stays that ended during the period, from entry to exit, in calendar months",
    .warnings = "Warnings", .warning_category = "Kind", .warning = "Warning", .warning_row = "Row",
    .rows_concerned = "Rows concerned"},
};
// clang-format on

}  // namespace

const WorkbookTexts& workbook_texts(Lang lang) { return lang == Lang::fr ? k_fr : k_en; }

}  // namespace ctreport::model
