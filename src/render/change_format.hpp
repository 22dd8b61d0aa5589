// Changes since a compared year as the report shows them: "+6", "−3 points",
// "+1,5", and the table cells "12 (15 %)", "+3 (−8 points)".
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "render/number_format.hpp"

namespace ctreport::render {

// "+6", "−3", "=" (U+2212 minus, as typeset).
std::string signed_change(int64_t diff, const NumberFormat& nf);

// Difference of two shares in percentage points, from the whole percentages
// the report shows (15 % against 23 % is −8 points): "+6 points", "−2 points";
// "–" when either is unknown.
std::string points_change(std::optional<double> now, std::optional<double> before, const NumberFormat& nf);

// Difference of two numbers shown with one decimal, from the shown values: "+1,5", "−0,3", "=".
std::string decimal_change(double now, double before, const NumberFormat& nf);

// A count with its share, as one table cell: "12 (15 %)".
std::string count_and_share(int64_t count, std::optional<double> share, const NumberFormat& nf);

// A change of count and of share, as one table cell: "+3 (−8 points)", "=".
std::string count_and_points(const std::string& count_change, const std::string& share_change);

}  // namespace ctreport::render
