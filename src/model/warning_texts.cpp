// The message templates of every finding code, English and French.
#include "model/warning_texts.hpp"

#include <set>
#include <string_view>

namespace ctreport::model {

namespace {

struct Template {
  std::string_view code;
  std::string_view kind;  // variant chosen by the "kind" parameter, or empty
  bool by_value;          // grouped per value (else one finding per row)
  std::string_view en, fr, expected;
};

// clang-format off
constexpr Template k_templates[] = {
  // structure
  {"duplicate_header", "", true,
   "columns {first} and {value} have the same header '{column}'",
   "les colonnes {first} et {value} ont le même en-tête « {column} »",
   "one column per header"},
  {"duplicate_header", "repeated", true,
   "{columns} columns have the same header '{column}' (the first two: {first} and {value})",
   "{columns} colonnes ont le même en-tête « {column} » (les deux premières : {first} et {value})",
   "one column per header"},
  {"duplicate_header", "recognised", true,
   "{detail}", "{detail}",
   "one column per recognised header, or the one to use named in the config (columns:)"},
  {"ambiguous_header", "", true,
   "{detail}", "{detail}",
   "a header that fits one field, or the one to use named in the config (columns:)"},
  {"missing_column", "exit_date", true,
   "no exit-date column found (expected a header such as {headers}, or name yours in the config: columns.exit_date; the file's headers: {file_headers}): every stay is counted as still open",
   "aucune colonne de date de sortie trouvée (en-têtes du fichier : {file_headers}) : tous les séjours sont comptés comme en cours",
   "a column of exit dates (e.g. 'Date de sortie')"},
  {"missing_column", "person_id", true,
   "no person-identifier column found (expected a header such as {headers}, or name yours in the config: columns.person_id; the file's headers: {file_headers}): each row is counted as a different person",
   "aucune colonne d'identifiant de la personne trouvée (en-têtes du fichier : {file_headers}) : chaque ligne compte comme une personne différente",
   "a column of person identifiers (e.g. 'N° dossier')"},
  {"missing_column", "person_id_by_name", true,
   "no person-identifier column found (expected a header such as {headers}, or name yours in the config: columns.person_id; the file's headers: {file_headers}): people are told apart by name, first name and birth date (used in memory only, never shown)",
   "aucune colonne d'identifiant de la personne trouvée (en-têtes du fichier : {file_headers}) : les personnes sont distinguées par nom, prénom et date de naissance (en mémoire seulement, jamais affichés)",
   "a column of person identifiers (e.g. 'N° dossier')"},
  {"missing_column", "sex", true,
   "no sex column found (expected a header such as {headers}, or name yours in the config: columns.{field}; the file's headers: {file_headers}): the breakdown is not available",
   "aucune colonne de sexe trouvée (en-têtes du fichier : {file_headers}) : la répartition n'est pas disponible",
   "a column such as 'Sexe', or its header named in the config (columns.{field})"},
  {"missing_column", "age", true,
   "no age or birth-date column found (expected a header such as {headers}, or name yours in the config: columns.{field}; the file's headers: {file_headers}): the breakdown is not available",
   "aucune colonne d'âge ou de date de naissance trouvée (en-têtes du fichier : {file_headers}) : la répartition n'est pas disponible",
   "a column such as 'Date de naissance' or 'Âge', or its header named in the config (columns.{field})"},
  {"missing_column", "referral", true,
   "no referral column found (expected a header such as {headers}, or name yours in the config: columns.{field}; the file's headers: {file_headers}): the breakdown is not available",
   "aucune colonne d'orientation (orienté par) trouvée (en-têtes du fichier : {file_headers}) : la répartition n'est pas disponible",
   "a column such as 'Orienté par', or its header named in the config (columns.{field})"},
  {"missing_column", "origin", true,
   "no geographic-origin column found (expected a header such as {headers}, or name yours in the config: columns.{field}; the file's headers: {file_headers}): the breakdown is not available",
   "aucune colonne d'origine géographique trouvée (en-têtes du fichier : {file_headers}) : la répartition n'est pas disponible",
   "a column such as 'Code postal' or 'Département', or its header named in the config (columns.{field})"},
  {"missing_column", "exit_reason", true,
   "no exit-reason column found (expected a header such as {headers}, or name yours in the config: columns.{field}; the file's headers: {file_headers}): the breakdown is not available",
   "aucune colonne de motif de sortie trouvée (en-têtes du fichier : {file_headers}) : la répartition n'est pas disponible",
   "a column such as 'Motif de sortie', or its header named in the config (columns.{field})"},
  {"missing_column", "housing_at_exit", true,
   "no housing-at-exit column found (expected a header such as {headers}, or name yours in the config: columns.{field}; the file's headers: {file_headers}): the breakdown is not available",
   "aucune colonne de logement à la sortie trouvée (en-têtes du fichier : {file_headers}) : la répartition n'est pas disponible",
   "a column such as 'Logement à la sortie', or its header named in the config (columns.{field})"},
  {"missing_column", "activity_at_exit", true,
   "no activity-at-exit column found (expected a header such as {headers}, or name yours in the config: columns.{field}; the file's headers: {file_headers}): the breakdown is not available",
   "aucune colonne d'activité à la sortie trouvée (en-têtes du fichier : {file_headers}) : la répartition n'est pas disponible",
   "a column such as 'Activité à la sortie', or its header named in the config (columns.{field})"},
  {"missing_column", "stage", true,
   "no stage column found (expected a header such as {headers}, or name yours in the config: columns.{field}; the file's headers: {file_headers}): the breakdown is not available",
   "aucune colonne d'étape du parcours trouvée (en-têtes du fichier : {file_headers}) : la répartition n'est pas disponible",
   "a column such as 'Étape', or its header named in the config (columns.{field})"},
  // any other breakdown's field, by its column's description (model/missing_column_texts)
  {"missing_column", "", true,
   "no {column_en} column found (expected a header such as {headers}, or name yours in the config: columns.{field}; the file's headers: {file_headers}): the breakdown is not available",
   "aucune colonne {column_fr} trouvée (en-têtes du fichier : {file_headers}) : la répartition n'est pas disponible",
   "a {column_en} column, or its header named in the config (columns.{field})"},
  {"missing_column", "entry_date", true,
   "{detail}", "{detail}",
   "a column of entry dates (e.g. 'Date d'entrée'), or its header named in the config (columns.entry_date)"},
  {"missing_departement", "", true,
   "the establishment's département is not set (establishment.departement in the config): geographic origin is only given as abroad, France and unknown",
   "le département de l'établissement n'est pas renseigné (establishment.departement) : l'origine géographique n'est donnée que par étranger, France et non renseigné",
   "the establishment's département in the config (establishment.departement)"},
  {"no_data", "after_latest", true,
   "no data for {period}: the latest date in the file is {latest}: nothing to check",
   "pas de données pour {period} : la dernière date du fichier est le {latest} : rien à vérifier",
   "a file holding the stays of the period checked"},
  {"no_data", "no_stay", true,
   "no data for {period}: no stay overlaps it: nothing to check",
   "pas de données pour {period} : aucun séjour ne la recouvre : rien à vérifier",
   "a file holding the stays of the period checked"},
  {"config_error", "", true,
   "{detail}", "{detail}",
   "a configuration as `ctreport config --defaults` describes it"},
  {"data_error", "", true,
   "{detail}", "{detail}",
   "a table with a header row and stay rows below it"},
  {"extra_fields", "", false,
   "the row has values beyond the header's {width} columns",
   "la ligne a des valeurs au-delà des {width} colonnes de l'en-tête",
   "at most {width} fields, as in the header"},
  {"missing_fields", "", false,
   "the row has {value} fields, the header {width}",
   "la ligne a {value} champs, l'en-tête {width}",
   "{width} fields, as in the header"},
  {"total_row", "", false,
   "a totals row ('{value}') with no entry date: skipped",
   "ligne de total (« {value} ») sans date d'entrée : ignorée",
   "stay rows only (totals are computed by ctreport)"},
  {"empty_row", "", false,
   "empty row",
   "ligne vide",
   "a stay on every row"},
  // dates
  {"invalid_date", "", false,
   "'{value}' is not a date",
   "« {value} » n'est pas une date",
   "a date such as 31/12/2024 or 2024-12-31"},
  {"impossible_date", "", false,
   "'{value}' is not a possible date",
   "« {value} » n'est pas une date possible",
   "a date such as 31/12/2024 or 2024-12-31"},
  {"missing_entry_date", "", false,
   "the entry date is empty",
   "la date d'entrée est vide",
   "an entry date: every stay needs one"},
  {"exit_before_entry", "", false,
   "exit {value} is before the entry {entry}",
   "sortie le {value}, avant l'entrée le {entry}",
   "an exit on or after the entry"},
  {"future_date", "", false,
   "the date {value} is after the day of the check ({today})",
   "la date {value} est postérieure au jour du contrôle ({today})",
   "a date up to the day of the check"},
  {"birth_after_entry", "", false,
   "birth date after the entry date (value not shown: personal data): age unknown",
   "date de naissance postérieure à l'entrée (valeur non affichée : donnée personnelle) : âge inconnu",
   "a birth date before the entry date"},
  {"invalid_birth_date", "", false,
   "birth date not readable (value not shown: personal data): age unknown",
   "date de naissance illisible (valeur non affichée : donnée personnelle) : âge inconnu",
   "a date such as 15/06/1970"},
  {"invalid_birth_year", "", false,
   "birth year not readable or after the entry (value not shown: personal data): age unknown",
   "année de naissance illisible ou postérieure à l'entrée (valeur non affichée : donnée personnelle) : âge inconnu",
   "a year from 1880 to the year of entry"},
  {"invalid_age", "", true,
   "age not a whole number of years from 0 to 120 (value not shown: personal data): age unknown",
   "âge : pas un nombre entier d'années de 0 à 120 (valeur non affichée : donnée personnelle) : âge inconnu",
   "a whole number of years from 0 to 120"},
  {"age_out_of_range", "", false,
   "age at entry {value} is outside {min}–{max}",
   "âge à l'entrée {value} hors de {min} à {max} ans",
   "an age from {min} to {max} (check.min_age, check.max_age)"},
  // stays
  {"overlapping_stays", "", false,
   "the stay from {value} overlaps the same person's stay of row {other_row} (from {other_entry})",
   "le séjour du {value} chevauche le séjour de la même personne de la ligne {other_row} (du {other_entry})",
   "a stay starting on or after the exit of the person's previous stays"},
  {"duplicate_row", "", false,
   "the row repeats row {first_row} exactly",
   "la ligne répète exactement la ligne {first_row}",
   "each stay on one row"},
  {"long_stay", "", false,
   "the stay from {entry} lasts {value} days, more than {months} months",
   "le séjour du {entry} dure {value} jours, plus de {months} mois",
   "at most {months} months (contract_months + check.long_stay_tolerance_months)"},
  {"forgotten_exit", "", false,
   "the stay from {value} has no exit date although it started more than {months} months before the period: a forgotten exit?",
   "le séjour du {value} n'a pas de date de sortie alors qu'il a commencé plus de {months} mois avant la période : une sortie oubliée ?",
   "an exit date, or an entry less than {months} months before the period (check.forgotten_exit_months)"},
  {"exit_situation_open_stay", "", false,
   "the stay from {value} has no exit date but a situation at exit ({columns}): a forgotten exit, or a situation to move to the entry columns?",
   "le séjour du {value} n'a pas de date de sortie mais une situation à la sortie est renseignée ({columns}) : une sortie oubliée, ou une situation à l'entrée saisie à la place ?",
   "no housing or activity at exit before the exit date is known"},
  {"missing_person_id", "", false,
   "no person identifier: the stay is counted as a person of its own",
   "identifiant de la personne absent : le séjour compte comme une personne à part",
   "a person identifier on every row"},
  // occupancy
  {"over_capacity", "", true,
   "{value}: up to {peak} people present for {places} places",
   "{value} : jusqu'à {peak} personnes présentes pour {places} places",
   "at most {places} people present"},
  {"capacity_gap", "", true,
   "{value}: no capacity period covers these days (counted as 0 places)",
   "{value} : aucune période de capacité ne couvre ces jours (comptés à 0 place)",
   "a capacity period covering every day of the period"},
  {"carry_over_mismatch", "", true,
   "{value} people present at the start of {period}, but the {previous} report has {previous_end} present at its end",
   "{value} personnes présentes au début de {period}, mais le rapport {previous} en compte {previous_end} à sa fin",
   "{previous_end} people present at the start of {period}, as at the end of {previous}"},
  // the activity log (--activities)
  {"missing_activity_date", "", false,
   "the activity's date is empty",
   "la date de l'activité est vide",
   "a date such as 31/12/2024 or 2024-12-31: every row of the activity log needs one"},
  {"missing_activity_type", "", false,
   "the activity's type is empty",
   "le type d'activité est vide",
   "a type of activity listed in activity_types in the config (e.g. 'Entretien individuel')"},
  {"invalid_duration", "", false,
   "'{value}' is not a duration",
   "« {value} » n'est pas une durée",
   "minutes (45), hours and minutes (1h30, 1:30) or hours (1,5 h)"},
  {"invalid_start_time", "", false,
   "'{value}' is not a time of day",
   "« {value} » n'est pas une heure",
   "a time of day such as 14:00 or 14h30"},
  {"invalid_participants", "", false,
   "'{value}' is not a number of participants",
   "« {value} » n'est pas un nombre de participants",
   "a whole number of participants, 0 to 100000"},
  {"unmapped_activity_value", "", true,
   "{file}: '{value}' maps to no category of {list}: counted as other",
   "{file} : « {value} » (colonne {column}) ne correspond à aucune catégorie de {list} : compté en « autre »",
   "a value listed in {list} in the config"},
  {"unknown_activity_person", "", true,
   "{file}: {count} row(s) of the activity log name a person who has no stay in the stays file (rows {rows}; identifiers not shown): not counted among the people reached",
   "{file} : {count} ligne(s) du journal d'activité désignent une personne sans séjour dans le fichier des séjours (lignes {rows} ; identifiants non affichés) : non comptées parmi les personnes touchées",
   "identifiers written as in the stays file's person-identifier column"},
  // the follow-up after exit (--followup)
  {"missing_followup_date", "", false,
   "the contact's date is empty",
   "la date du contact est vide",
   "a date such as 31/12/2024 or 2024-12-31: every row of the follow-up file needs one"},
  {"missing_followup_person", "", false,
   "the person's identifier is empty",
   "l'identifiant de la personne est vide",
   "the person's identifier, written as in the stays file"},
  {"missing_reached", "", false,
   "whether the person was reached is empty",
   "la case « jointe ou non » est vide",
   "oui or non (yes or no, joint or non joint, 1 or 0)"},
  {"invalid_reached", "", false,
   "'{value}' does not say whether the person was reached",
   "« {value} » ne dit pas si la personne a été jointe",
   "oui or non (yes or no, joint or non joint, 1 or 0)"},
  {"unmapped_followup_value", "", true,
   "{file}: '{value}' maps to no category of {list}: counted as other",
   "{file} : « {value} » (colonne {column}) ne correspond à aucune catégorie de {list} : compté en « autre »",
   "a value listed in {list} in the config"},
  {"unknown_followup_person", "", true,
   "{file}: {count} contact(s) of the follow-up file name a person who has no stay in the stays file (rows {rows}; identifiers not shown): not counted",
   "{file} : {count} contact(s) du fichier de suivi désignent une personne sans séjour dans le fichier des séjours (lignes {rows} ; identifiants non affichés) : non comptés",
   "identifiers written as in the stays file's person-identifier column"},
  {"followup_before_exit", "", true,
   "{file}: {count} contact(s) of the follow-up file are dated before any exit of their person (rows {rows}): not counted",
   "{file} : {count} contact(s) du fichier de suivi sont datés d'avant toute sortie de la personne (lignes {rows}) : non comptés",
   "a contact dated after the exit it follows"},
  // categories
  {"unmapped_value", "", true,
   "'{value}' maps to no {field} category: counted as other",
   "« {value} » (colonne {column}) ne correspond à aucune catégorie : compté en « autre »",
   "a value listed in categories.{field} in the config"},
  {"mapped_by_phrase", "", true,
   "'{value}' ({field}) classified by its words as '{category_en}'",
   "« {value} » (colonne {column}) classé d'après ses mots en « {category} »",
   "a value listed under its category in categories.{field} of the config (ctreport init FILE lists every value)"},
  {"ambiguous_value", "", true,
   "'{value}' holds words of two {field} categories ('{first_en}' and '{second_en}'): counted as other",
   "« {value} » (colonne {column}) contient les mots de deux catégories (« {first} » et « {second} ») : compté en « autre »",
   "the value listed under one category in categories.{field} of the config"},
  {"origin_in_text", "", true,
   "origin '{value}' read as {place} from the postal code or département name it holds",
   "origine « {value} » lue comme {place} d'après le code postal ou le nom de département qu'elle contient",
   "a département code, a postal code or a département name alone"},
  {"origin_in_text", "abroad", true,
   "origin '{value}' read as abroad from the country it names",
   "origine « {value} » lue comme étranger d'après le pays qu'elle nomme",
   "a country or 'étranger' alone"},
  {"unresolved_origin", "", true,
   "origin '{value}' is not a French département, postal code or country: counted as unknown",
   "origine « {value} » non reconnue (ni département, ni code postal, ni pays) : comptée en non renseigné",
   "a département code or name, a postal code, a country or 'étranger'"},
  {"unknown_share", "", true,
   "{field}: {count} of {total} values are missing ({value})",
   "{field_fr} : {count} valeurs manquantes sur {total} ({value})",
   "at most {max} missing (check.max_unknown_share)"},
  // report invariants
  {"invariant", "sum", true,
   "the figures are inconsistent: {name} sums to {sum} for a total of {total} ({value} expected)",
   "les chiffres sont incohérents : la répartition {name} fait {sum} pour un total de {total} ({value} attendu)",
   "the distribution {name} summing to {value}"},
  {"invariant", "present", true,
   "the figures are inconsistent: people present ({value}) is not present at start ({at_start}) + admitted not present at start ({admitted})",
   "les chiffres sont incohérents : personnes présentes ({value}) ≠ présentes au début ({at_start}) + admises non présentes au début ({admitted})",
   "people present = present at the start + admitted not present at the start"},
  {"invariant", "exited", true,
   "the figures are inconsistent: more people exited ({value}) than were present ({present})",
   "les chiffres sont incohérents : plus de personnes sorties ({value}) que de personnes présentes ({present})",
   "at most as many people exited as present"},
  {"invariant", "at_end", true,
   "the figures are inconsistent: more people present at the end ({value}) than in the period ({present})",
   "les chiffres sont incohérents : plus de personnes présentes à la fin ({value}) que sur la période ({present})",
   "at most as many people present at the end as in the period"},
};
// clang-format on

// The kind of each code, in plain words (warning_kind).
struct Kind {
  std::string_view code, en, fr;
};

// clang-format off
constexpr Kind k_kinds[] = {
  {"duplicate_header", "Repeated column header", "En-tête de colonne en double"},
  {"ambiguous_header", "Ambiguous column header", "En-tête de colonne ambigu"},
  {"missing_column", "Missing column", "Colonne absente"},
  {"no_data", "No data", "Pas de données"},
  {"missing_departement", "Département not set", "Département non renseigné"},
  {"config_error", "Configuration", "Configuration"},
  {"data_error", "Unreadable table", "Tableau illisible"},
  {"extra_fields", "Row longer than the header", "Ligne plus longue que l'en-tête"},
  {"missing_fields", "Row shorter than the header", "Ligne plus courte que l'en-tête"},
  {"total_row", "Totals row", "Ligne de total"},
  {"empty_row", "Empty row", "Ligne vide"},
  {"invalid_date", "Unreadable date", "Date illisible"},
  {"impossible_date", "Impossible date", "Date impossible"},
  {"missing_entry_date", "Missing entry date", "Date d'entrée absente"},
  {"exit_before_entry", "Exit before entry", "Sortie avant l'entrée"},
  {"future_date", "Date in the future", "Date future"},
  {"birth_after_entry", "Birth date after entry", "Naissance après l'entrée"},
  {"invalid_birth_date", "Unreadable birth date", "Date de naissance illisible"},
  {"invalid_birth_year", "Unreadable birth year", "Année de naissance illisible"},
  {"invalid_age", "Unreadable age", "Âge illisible"},
  {"age_out_of_range", "Unusual age", "Âge inhabituel"},
  {"overlapping_stays", "Overlapping stays", "Séjours qui se chevauchent"},
  {"duplicate_row", "Repeated row", "Ligne répétée"},
  {"long_stay", "Very long stay", "Séjour très long"},
  {"forgotten_exit", "Exit possibly forgotten", "Sortie peut-être oubliée"},
  {"exit_situation_open_stay", "Situation at exit without an exit", "Situation de sortie sans sortie"},
  {"missing_person_id", "Missing person identifier", "Identifiant absent"},
  {"over_capacity", "More people than places", "Plus de personnes que de places"},
  {"capacity_gap", "Days without capacity", "Jours sans capacité"},
  {"carry_over_mismatch", "Differs from the previous report", "Écart avec le rapport précédent"},
  {"missing_activity_date", "Activity without a date", "Activité sans date"},
  {"missing_activity_type", "Activity without a type", "Activité sans type"},
  {"invalid_duration", "Unreadable duration", "Durée illisible"},
  {"invalid_start_time", "Unreadable start time", "Heure de début illisible"},
  {"invalid_participants", "Unreadable number of participants", "Nombre de participants illisible"},
  {"unmapped_activity_value", "Unclassified activity", "Activité non classée"},
  {"unknown_activity_person", "Activity of a person without a stay", "Activité d'une personne sans séjour"},
  {"missing_followup_date", "Contact without a date", "Contact sans date"},
  {"missing_followup_person", "Contact without a person", "Contact sans identifiant"},
  {"missing_reached", "Contact without its outcome", "Contact sans résultat"},
  {"invalid_reached", "Unreadable contact outcome", "Résultat de contact illisible"},
  {"unmapped_followup_value", "Unclassified situation after exit", "Situation après la sortie non classée"},
  {"unknown_followup_person", "Contact with a person without a stay", "Contact d'une personne sans séjour"},
  {"followup_before_exit", "Contact before the exit", "Contact avant la sortie"},
  {"unmapped_value", "Unclassified value", "Valeur non classée"},
  {"mapped_by_phrase", "Value classified by its words", "Valeur classée d'après ses mots"},
  {"ambiguous_value", "Ambiguous value", "Valeur ambiguë"},
  {"origin_in_text", "Origin read in the text", "Origine lue dans le texte"},
  {"unresolved_origin", "Unrecognised origin", "Origine non reconnue"},
  {"unknown_share", "Many values missing", "Nombreuses valeurs manquantes"},
  {"invariant", "Inconsistent figures", "Chiffres incohérents"},
};
// clang-format on

const Template* find(const Warning& w) {
  const std::string& kind = w.param("kind");
  const Template* any = nullptr;
  for (const auto& t : k_templates) {
    if (t.code != w.code) continue;
    if (t.kind == kind) return &t;
    if (!any && t.kind.empty()) any = &t;
  }
  return any;
}

std::string fill(std::string_view text, const Warning& w) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      size_t close = text.find('}', i);
      if (close != std::string_view::npos) {
        std::string name(text.substr(i + 1, close - i - 1));
        out += name == "value" ? w.value : name == "column" ? w.column : w.param(name);
        i = close;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

void placeholders(std::string_view text, std::set<std::string>& out) {
  for (size_t i = text.find('{'); i != std::string_view::npos; i = text.find('{', i + 1)) {
    size_t close = text.find('}', i);
    if (close == std::string_view::npos) break;
    out.emplace(text.substr(i + 1, close - i - 1));
  }
}

}  // namespace

std::string warning_text(const Warning& w, Lang lang) {
  const Template* t = find(w);
  if (!t) return w.message;
  return fill(lang == Lang::fr ? t->fr : t->en, w);
}

std::string_view warning_kind(const std::string& code, Lang lang) {
  for (const auto& k : k_kinds)
    if (k.code == code) return lang == Lang::fr ? k.fr : k.en;
  return lang == Lang::fr ? "Données" : "Data";
}

std::string expected_text(const Warning& w) {
  const Template* t = find(w);
  return t ? fill(t->expected, w) : std::string();
}

void describe(Warning& w) {
  w.message = warning_text(w, Lang::en);
  w.expected = expected_text(w);
}

bool grouped_by_value(const std::string& code) {
  for (const auto& t : k_templates)
    if (t.code == code) return t.by_value;
  return true;
}

std::vector<WarningTemplateInfo> warning_templates() {
  std::vector<WarningTemplateInfo> out;
  for (const auto& t : k_templates) {
    std::set<std::string> names;
    placeholders(t.en, names);
    placeholders(t.fr, names);
    placeholders(t.expected, names);
    out.push_back({std::string(t.code), std::string(t.kind), {names.begin(), names.end()}});
  }
  return out;
}

}  // namespace ctreport::model
