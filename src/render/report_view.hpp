// The variables a report template sees (documented in docs/templates.md):
// the figures with every number already formatted for the report's language.
#pragma once
#include <kainjow/mustache.hpp>

#include <string>
#include <vector>

#include "figures/figures.hpp"
#include "model/config.hpp"
#include "render/number_format.hpp"

namespace ctreport::render {

// The periods `f` is compared with: `compared` without `f`'s own period, most
// recent first (the report's and the workbook's comparison columns).
std::vector<const figures::Figures*> compared_periods(const figures::Figures& f,
                                                      const std::vector<const figures::Figures*>& compared);

// `compared`: the figures of the years to compare with, each with data; they
// are shown most recent first, and the period itself is never compared with.
// `not_covered`: labels of years a comparison was wanted with but the data does
// not cover (said in the report).
kainjow::mustache::data report_view(const figures::Figures& f, const NumberFormat& nf,
                                    const std::vector<const figures::Figures*>& compared = {},
                                    const std::vector<std::string>& not_covered = {});

// The batch index: one line of headline figures per year (years without data included).
kainjow::mustache::data index_view(const std::vector<const figures::Figures*>& years, const model::Config& config,
                                   const NumberFormat& nf);

// Views with every optional part present (a comparison year, a network,
// warnings, other and unknown lines, the Markdown report's `charts` when
// `with_charts`), whatever the data: what check_template checks templates
// against, so that the set of variables is the view's own.
kainjow::mustache::data report_view_schema(const model::Config& config, bool with_charts);
// The same for figures already at hand (a network's, merged from figures.json
// files whose categories the config does not know).
kainjow::mustache::data report_view_schema(const figures::Figures& f, const NumberFormat& nf, bool with_charts);
kainjow::mustache::data index_view_schema(const model::Config& config);

}  // namespace ctreport::render
