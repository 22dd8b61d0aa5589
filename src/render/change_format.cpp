// Formatting the changes since a compared year.
#include "render/change_format.hpp"

#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "model/document_texts.hpp"

namespace ctreport::render {

// "+6", "−3", "=" (U+2212 minus, as typeset).
std::string signed_change(int64_t diff, const NumberFormat& nf) {
  if (diff == 0) return "=";
  return (diff > 0 ? "+" : "\u2212") + nf.integer(diff > 0 ? diff : -diff);
}

// Difference of two shares in percentage points, from the whole percentages
// the report shows (15 % against 23 % is −8 points): "+6 points", "−2 points".
std::string points_change(std::optional<double> now, std::optional<double> before, const NumberFormat& nf) {
  if (!now || !before) return "–";
  long diff = nf.whole_percent(*now) - nf.whole_percent(*before);
  const auto& texts = model::document_texts(nf.french ? model::Lang::fr : model::Lang::en);
  std::string unit(nf.plural(std::labs(diff)) ? texts.points : texts.point);
  if (diff == 0) return "=";
  return (diff > 0 ? "+" : "\u2212") + std::to_string(std::labs(diff)) + unit;
}

// Difference of two numbers shown with one decimal, from the shown values: "+1,5", "−0,3", "=".
std::string decimal_change(double now, double before, const NumberFormat& nf) {
  long tenths = std::lround(now * 10.0) - std::lround(before * 10.0);
  if (tenths == 0) return "=";
  return (tenths > 0 ? "+" : "\u2212") + nf.decimal_places(static_cast<double>(std::labs(tenths)) / 10.0, 1);
}

// A count with its share, as one table cell: "12 (15 %)".
std::string count_and_share(int64_t count, std::optional<double> share, const NumberFormat& nf) {
  return share ? fmt::format("{} ({})", nf.integer(count), nf.percent(share)) : nf.integer(count);
}

// A change of count and of share, as one table cell: "+3 (−8 points)", "=".
std::string count_and_points(const std::string& count_change, const std::string& share_change) {
  if (share_change == "–" || (count_change == "=" && share_change == "=")) return count_change;
  return fmt::format("{} ({})", count_change, share_change);
}

}  // namespace ctreport::render
