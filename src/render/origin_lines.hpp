// The geographic origin as a reader may be shown it: the département / region
// lines only mean something relative to a configured département (or, for a
// network, to each establishment); without one, origins are shown as France /
// abroad / unknown. Used alike by the report view, the SVG chart and the workbook.
#pragma once
#include <cstddef>
#include <string_view>

#include "figures/figures.hpp"

namespace ctreport::render {

// The origin lines that are places in France: "departement", "region", "other_region".
bool is_french_origin(std::string_view key);

// True when the département / region / other-regions lines are relative to
// something the config names: the establishment's département, or for a
// network each establishment's (every member with a known département).
bool origin_is_relative(const figures::Figures& f);

// The origin distribution to show: f.breakdown("origin") when relative, otherwise the lines
// "france" (département + region + other regions), "abroad" and, when not 0,
// "unknown", with the same total. Labels in French unless `en`. Not available
// when the origin is not.
figures::Distribution origin_as_shown(const figures::Figures& f, bool en);

// The distribution of breakdown `index` as a chart or a sheet shows it: the
// origin as origin_as_shown says, any other as it is.
figures::Distribution distribution_as_shown(const figures::Figures& f, size_t index, bool en);

}  // namespace ctreport::render
