// The figures of the follow-up after exit for one period (docs/figures.md,
// "The follow-up after exit"): for each horizon, the exits whose date plus
// the horizon falls in the period, how many were contacted and reached, and
// the situations of those reached. Plain data, unrounded; part of Figures,
// absent from every output when no follow-up file was given.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "figures/distribution.hpp"

namespace ctreport::figures {

struct FollowupHorizon {
  int months = 0;
  // False when the figures cannot be known: not_available says why
  // ("no_stay_identifiers", "export_starts_later", "not_covered"); then no count is given.
  bool available = true;
  std::string not_available;
  int64_t cohort = 0;     // exits whose date + months falls in the period, deaths left out
  int64_t excluded = 0;   // exits of the same dates ended by a reason excluded from shares (death)
  int64_t contacted = 0;  // of the cohort: at least one contact attempt within the window
  int64_t reached = 0;    // of the cohort: at least one contact marked reached within the window
  std::optional<double> reached_share;  // reached / cohort; none when the cohort is empty
  // The people reached, by their reached contact nearest the target date.
  Distribution housing, activity, consumption, care;
};

struct Followup {
  bool given = false;  // a follow-up file was given for the period (else absent everywhere)
  int window_days = 45;
  std::string first_contact, last_contact;  // ISO dates: the file's first and last contact
  std::vector<FollowupHorizon> horizons;    // the config's, ascending
  uint64_t rows_used = 0;            // contacts dated within window_days of the period
  uint64_t unknown_person_rows = 0;  // of them, naming someone with no stay
  uint64_t before_exit_rows = 0;     // of them, dated before any exit of their person
};

}  // namespace ctreport::figures
