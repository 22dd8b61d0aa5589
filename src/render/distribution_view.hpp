// The template variables of one distribution (docs/templates.md,
// "Distributions"): its lines formatted, `by_key`, its total, whether it is
// available, and each line's values in the compared years.
#pragma once
#include <kainjow/mustache.hpp>

#include <string>
#include <utility>
#include <vector>

#include "figures/figures.hpp"
#include "render/number_format.hpp"

namespace ctreport::render {

// One distribution of each compared year, with the year's label (most recent first).
using ComparedDistributions = std::vector<std::pair<std::string, const figures::Distribution*>>;

// {total, lines: [{key, label, count, share, is_unknown, is_other, comparisons: [...]}],
//  by_key: {KEY: {count, share, label}}, has_lines, comparisons: [{label, total, total_change}],
//  available, missing_text}
kainjow::mustache::data distribution_view(const figures::Distribution& dist, const NumberFormat& nf,
                                          const ComparedDistributions& before = {});

// Adds to `stage` the stage table: one line per stage with its exits and its
// people present at the end, each with the compared years' values (`lines`,
// `comparisons`, `has_lines`).
void add_stage_table(kainjow::mustache::data& stage, const figures::Figures& f, const NumberFormat& nf,
                     const std::vector<const figures::Figures*>& before);

}  // namespace ctreport::render
