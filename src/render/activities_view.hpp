// The template variables of the team's activity log (docs/templates.md,
// "The team's work"): `activities.*`, every number formatted, with the
// sessions of each type in the compared years.
#pragma once
#include <kainjow/mustache.hpp>

#include <vector>

#include "figures/figures.hpp"
#include "render/number_format.hpp"

namespace ctreport::render {

// {available, the texts (title, chart_title, column headers), sessions,
// individual, collective, participants, hours, people_reached, mean_participants,
// sessions_per_resident_month, types, monthly, professionals, comparisons}.
// `before`: the compared years' figures, most recent first.
kainjow::mustache::data activities_view(const figures::Activities& a, const NumberFormat& nf,
                                        const std::vector<const figures::Figures*>& before);

// The sessions by type as a distribution (a line per type, its count the
// sessions), for the chart and the workbook.
figures::Distribution activity_type_distribution(const figures::Activities& a);

}  // namespace ctreport::render
