// The template variables of the entry → exit cross-tables (docs/templates.md,
// "Progress from entry to exit"): `progress.housing` and `progress.activity`.
#pragma once
#include <kainjow/mustache.hpp>

#include <string>
#include <vector>

#include "figures/figures.hpp"
#include "render/number_format.hpp"

namespace ctreport::render {

// {housing, activity}, each {available, missing_text, columns, rows, total,
// without_at_entry, with_at_exit, share, the plural and "any" flags, comparisons}.
// `before`: the compared years' figures, most recent first.
kainjow::mustache::data progress_view(const figures::Progress& p, const NumberFormat& nf,
                                      const std::vector<const figures::Figures*>& before);

// A label without its parenthesis, for a narrow column header:
// "Logement accompagné (résidence sociale…)" -> "Logement accompagné".
std::string short_label(const std::string& label);

}  // namespace ctreport::render
