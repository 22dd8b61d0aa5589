// The template variables of the follow-up after exit (docs/templates.md,
// "The follow-up after exit"): `followup.*`, every number formatted, each
// horizon with its situations and the share reached in the compared years.
#pragma once
#include <kainjow/mustache.hpp>

#include <vector>

#include "figures/figures.hpp"
#include "render/number_format.hpp"

namespace ctreport::render {

// {available, the texts (title, column headers), window_days, first_contact,
// last_contact, horizons: [{months, label, title, available, missing_text,
// cohort, excluded, contacted, reached {count, share, plural}, has_cohort,
// has_reached, note, situations: [...], housing, activity, consumption, care,
// comparisons}]}. `before`: the compared years' figures, most recent first.
kainjow::mustache::data followup_view(const figures::Followup& f, const NumberFormat& nf,
                                      const std::vector<const figures::Figures*>& before);

}  // namespace ctreport::render
