// The variables a report template sees (documented in docs/templates.md):
// the figures with every number already formatted for the report's language.
#pragma once
#include <kainjow/mustache.hpp>

#include "figures/figures.hpp"
#include "render/number_format.hpp"

namespace ctreport::render {

kainjow::mustache::data report_view(const figures::Figures& f, const NumberFormat& nf);

}  // namespace ctreport::render
