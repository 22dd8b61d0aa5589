// The report configuration (ctreport.yaml): establishment, period, capacity,
// counting rules, column overrides, brackets and categories. The embedded
// default (templates/ctreport.yaml) is loaded first; a user's file overrides it.
#pragma once
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/capacity.hpp"
#include "model/categories.hpp"
#include "model/activity_fields.hpp"
#include "model/fields.hpp"
#include "model/followup_fields.hpp"

namespace ctreport::model {

struct AgeBracket {
  std::string key, label, label_en;
  int min = 0;
  std::optional<int> max;  // included; none = and over
};

struct StayLengthBracket {
  std::string key, label, label_en;
  std::optional<int> max_months;  // upper-inclusive, calendar months
  std::optional<int> max_days;    // upper-inclusive, days
};

enum class BedDayRule { nights, days };
// entry_or_period_start: the later of the two (HUD APR Q11: people already present are aged at the period start).
enum class AgeReference { entry, period_start, period_end, entry_or_period_start };
// The outcome of an exit to employment or training (docs/figures.md, "Outcome of an exit to work"):
// positive whatever its reason (the spec: an early exit to a job is never a dropout), or the reason's own.
enum class ExitToWorkRule { positive, reason };

struct CheckSettings {
  int min_age = 14;
  int max_age = 100;
  int long_stay_tolerance_months = 3;
  int forgotten_exit_months = 24;
  double max_unknown_share = 0.2;
};

// The establishment's identity, on the cover or title block of every format
// (config `establishment:`, docs/templates.md). Never personal data of residents.
struct EstablishmentIdentity {
  std::string organisation;  // the managing organisation (organisme gestionnaire)
  std::string address;       // one or several lines
  std::string finess;        // 9 characters, checked by model/finess
  std::string phone;
  std::string logo;          // a PNG or JPEG file, relative to the config file's folder (made whole by the loader)
  std::string signatory;     // the year's director or signatory
  int logo_line = 0;         // the config line of `logo:`, for errors about the file
};

// The activity log (--activities, docs/figures.md "The activity log"):
// config `activities:`, `activity_types:` and `professional_categories:`.
struct ActivitySettings {
  std::string sheet;    // a sheet of the stays workbook that holds the log ("Activités")
  CategorySet types;    // activity_types, each collective or not
  CategorySet professionals;  // professional_categories
  std::map<ActivityField, std::vector<std::string>> columns;  // header overrides per field
};

// The follow-up after exit (--followup, docs/figures.md "The follow-up after
// exit"): config `followup:`, `followup_consumption:`, `followup_care:` and,
// when the situations should not be the stays' categories at exit,
// `followup_housing:` and `followup_activity:`.
struct FollowupSettings {
  std::string sheet;               // a sheet of the stays workbook that holds the contacts
  std::vector<int> horizons{3, 6, 12};  // months after the exit, ascending, each once
  int window_days = 45;            // a contact counts within this many days of exit + horizon
  CategorySet consumption, care;
  std::optional<CategorySet> housing, activity;  // none: the stays' housing_at_exit / activity_at_exit
  std::map<FollowupField, std::vector<std::string>> columns;  // header overrides per field
};

struct Config {
  std::string establishment_name;
  EstablishmentIdentity identity;
  std::string departement;  // canonical code, or empty
  std::string lang = "fr";
  unsigned start_month = 1;
  Capacity capacity;
  BedDayRule bed_days = BedDayRule::nights;
  AgeReference age_reference = AgeReference::entry;
  int contract_months = 24;
  ExitToWorkRule exit_to_work = ExitToWorkRule::positive;
  int returns_window_months = 24;  // returns: exits this many months before a period are looked back at; 0: none
  std::map<Field, std::vector<std::string>> columns;  // header overrides per field
  std::string sheet;
  std::string report_template;  // user's report template, relative to the config file's folder
  std::string index_template;   // user's batch index template
  std::string latex_template;   // user's LaTeX report template
  std::string office_template;  // user's Markdown template of the docx and odt reports (templates.office)
  std::string docx_reference;   // the team's reference document for docx (templates.docx), e.g. charte.docx
  std::string odt_reference;    // the same for odt (templates.odt)
  CheckSettings check;
  std::map<std::string, Capacity> site_capacity;  // by normalised site name
  std::map<std::string, std::string> site_labels;  // normalised -> as written in the config
  std::vector<AgeBracket> age_brackets;
  std::vector<StayLengthBracket> stay_length_brackets;
  std::array<CategorySet, k_category_field_count> categories;
  ActivitySettings activities;
  FollowupSettings followup;
  std::vector<std::string> sources;  // "built-in defaults", then the user's file

  const CategorySet& category_set(CategoryField f) const { return categories[static_cast<size_t>(f)]; }
  // The follow-up's situations: its own lists, else the stays' at exit (housing, activity).
  const CategorySet& followup_housing() const {
    return followup.housing ? *followup.housing : category_set(CategoryField::housing_at_exit);
  }
  const CategorySet& followup_activity() const {
    return followup.activity ? *followup.activity : category_set(CategoryField::activity_at_exit);
  }
};

// The embedded default configuration.
Config default_config();

// Applies a user's YAML text on top of `config`. `source` names it in errors:
// "ctreport.yaml:12: unknown key 'capcity' ...". Throws DataError.
void apply_config(Config& config, std::string_view yaml_text, const std::string& source);

// The default config file's text, for `ctreport config --defaults`.
std::string_view default_config_text();

std::string_view to_string(BedDayRule r);
std::string_view to_string(AgeReference r);
std::string_view to_string(ExitToWorkRule r);

}  // namespace ctreport::model
