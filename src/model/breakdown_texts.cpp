// The breakdowns' titles, headers and sheet names, French and English.
#include "model/breakdown_texts.hpp"

#include <stdexcept>

namespace ctreport::model {

namespace {

// clang-format off
constexpr BreakdownText k_fr[] = {
  {"sex", "Sexe", "Sexe des personnes accueillies", "Sexe", "Sexe", "sexe"},
  {"age", "Âge", "Âge des personnes accueillies", "Âge", "Âge", "âge"},
  {"stay_length", "Durée des séjours terminés", "Durée des séjours terminés", "Durée du séjour", "Durée de séjour", "durée de séjour"},
  {"stayer_length", "Ancienneté des personnes présentes à la fin", "Ancienneté des personnes présentes à la fin de la période", "Présence depuis", "Présents au {end}", "ancienneté de présence"},
  {"referral", "Origine de l'orientation", "Origine de l'orientation", "Orienté·e par", "Orientation", "orientation"},
  {"origin", "Origine géographique", "Origine géographique", "Origine", "Origine", "origine"},
  {"exit_reason", "Motifs de sortie", "Motifs de sortie", "Motif", "Motifs de sortie", "motif de sortie"},
  {"housing_at_exit", "Logement à la sortie", "Logement à la sortie", "Logement à la sortie", "Logement à la sortie", "logement à la sortie"},
  {"activity_at_exit", "Activité à la sortie", "Activité à la sortie", "Activité à la sortie", "Activité à la sortie", "activité à la sortie"},
  {"exit_outcome", "Issue des sorties", "Issue des sorties", "Issue", "Issue des sorties", "issue de la sortie"},
  {"stage", "Étape du parcours", "Étape du parcours à la sortie", "Étape", "Étape", "étape du parcours"},
  {"stage_at_end", "Étape des personnes présentes à la fin", "Étape des personnes présentes à la fin", "Étape", "Présents au {end}", "étape du parcours"},
  {"substance", "Produit principal", "Produit posant le plus de problèmes à l'entrée", "Produit principal", "Produit principal", "produit principal à l'entrée"},
  {"substitution", "Traitement de substitution", "Traitement de substitution à l'entrée", "Traitement", "Traitement de substitution", "traitement de substitution à l'entrée"},
  {"court_order", "Mesure judiciaire", "Mesure judiciaire à l'entrée", "Mesure", "Mesure judiciaire", "mesure judiciaire à l'entrée"},
  {"housing_at_entry", "Logement à l'entrée", "Logement à l'entrée", "Logement à l'entrée", "Logement à l'entrée", "logement à l'entrée"},
  {"income", "Ressources à l'entrée", "Ressources principales à l'entrée", "Ressources", "Ressources à l'entrée", "ressources à l'entrée"},
  {"activity_at_entry", "Activité à l'entrée", "Activité à l'entrée", "Activité à l'entrée", "Activité à l'entrée", "activité à l'entrée"},
  {"family_situation", "Situation familiale", "Situation familiale à l'entrée", "Situation familiale", "Situation familiale", "situation familiale"},
};

constexpr BreakdownText k_en[] = {
  {"sex", "Sex", "Sex of the people present", "Sex", "Sex", "sex"},
  {"age", "Age", "Age of the people present", "Age", "Age", "age"},
  {"stay_length", "Length of the stays that ended", "Length of the stays that ended", "Length of stay", "Length of stay", "length of stay"},
  {"stayer_length", "Time so far of the people present at the end", "Time so far of the people present at the end of the period", "Present for", "Present on {end}", "time so far"},
  {"referral", "Referral", "Referral", "Referred by", "Referral", "referral"},
  {"origin", "Geographic origin", "Geographic origin", "Origin", "Origin", "origin"},
  {"exit_reason", "Exit reasons", "Exit reasons", "Reason", "Exit reasons", "exit reason"},
  {"housing_at_exit", "Housing at exit", "Housing at exit", "Housing at exit", "Housing at exit", "housing at exit"},
  {"activity_at_exit", "Activity at exit", "Activity at exit", "Activity at exit", "Activity at exit", "activity at exit"},
  {"exit_outcome", "Outcome of the exits", "Outcome of the exits", "Outcome", "Outcome of the exits", "exit outcome"},
  {"stage", "Stage of the pathway", "Stage of the pathway at exit", "Stage", "Stage", "stage"},
  {"stage_at_end", "Stage of the people present at the end", "Stage of the people present at the end", "Stage", "Present on {end}", "stage"},
  {"substance", "Main substance", "Main substance at entry", "Main substance", "Main substance", "main substance at entry"},
  {"substitution", "Substitution treatment", "Substitution treatment at entry", "Treatment", "Substitution treatment", "substitution treatment at entry"},
  {"court_order", "Court-ordered care", "Court-ordered care at entry", "Measure", "Court-ordered care", "court-ordered care at entry"},
  {"housing_at_entry", "Housing at entry", "Housing at entry", "Housing at entry", "Housing at entry", "housing at entry"},
  {"income", "Income at entry", "Main income at entry", "Income", "Income at entry", "income at entry"},
  {"activity_at_entry", "Activity at entry", "Activity at entry", "Activity at entry", "Activity at entry", "activity at entry"},
  {"family_situation", "Family situation", "Family situation at entry", "Family situation", "Family situation", "family situation"},
};
// clang-format on

}  // namespace

const BreakdownText& breakdown_text(const Breakdown& b, Lang lang) {
  for (const auto& t : lang == Lang::fr ? std::span<const BreakdownText>(k_fr) : std::span<const BreakdownText>(k_en))
    if (t.key == b.key) return t;
  throw std::logic_error("a breakdown is declared without its texts");
}

}  // namespace ctreport::model
