// The figures of the follow-up after exit for one period (docs/figures.md,
// "The follow-up after exit"): each contact joined to its person's latest
// exit on or before it, each horizon's cohort of exits, the people contacted
// and reached, and the situations of those reached; the warnings about
// contacts naming a person without a stay or dated before any exit.
#pragma once
#include "figures/figures.hpp"
#include "model/config.hpp"
#include "model/followup_log.hpp"
#include "model/period.hpp"
#include "model/stay.hpp"

namespace ctreport::figures {

struct FollowupInput {
  const model::FollowupLog& log;
  const model::Config& config;    // horizons, window, situations' categories, the labels' language
  const model::StayTable& table;  // the exits (kept stays and past exits)
  const model::Period& period;
};

// Fills f.followup. Contacts naming a person who has no stay add an
// `unknown_followup_person` warning to f.quality, contacts dated before any
// exit of their person a `followup_before_exit` one (count and rows, never
// the identifier).
void compute_followup(const FollowupInput& in, Figures& f);

}  // namespace ctreport::figures
