// Charts of the Markdown report as standalone SVG files: horizontal bars of a
// distribution, monthly occupancy against places, and the yearly trend of a
// batch. Accessible (<title>, <desc>), no script, every text XML-escaped.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "figures/figures.hpp"
#include "render/number_format.hpp"

namespace ctreport::render {

std::string svg_distribution_chart(const figures::Distribution& d, const std::string& title, const NumberFormat& nf);
std::string svg_occupancy_chart(const std::vector<figures::MonthOccupancy>& months, const std::string& title,
                                const NumberFormat& nf);
// One vertical bar per (label, value); a label without a value (a year without
// data) keeps its place on the axis, with a dash and no bar.
std::string svg_trend_chart(const std::vector<std::pair<std::string, std::optional<int64_t>>>& values,
                            const std::string& title, const NumberFormat& nf);
// The same for rates (the occupancy of each year of a batch): bars against a
// dashed line at 100 %; a label without a rate (no data, no places) is a dash.
std::string svg_rate_trend_chart(const std::vector<std::pair<std::string, std::optional<double>>>& values,
                                 const std::string& title, const NumberFormat& nf);

std::string xml_escape(std::string_view text);

// The charts of one report, named after `base` ("rapport-2024" ->
// "rapport-2024-age.svg"...), and the `charts` template variable naming them.
struct ReportCharts {
  std::vector<std::pair<std::string, std::string>> files;  // file name, SVG
  std::vector<std::pair<std::string, std::string>> names;  // template key, file name
};
ReportCharts report_charts(const figures::Figures& f, const std::string& base, const NumberFormat& nf);

}  // namespace ctreport::render
