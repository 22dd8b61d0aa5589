// The reporting period: a calendar year, or a 12-month year starting another
// month (fiscal year April-March is labelled "2024-2025").
#pragma once
#include <string>

#include "util/date.hpp"

namespace ctreport::model {

struct Period {
  int year = 0;                // the year the user named ("2024")
  util::Day start = 0;         // first day
  util::Day end = 0;           // last day, included
  std::string label;           // "2024" or "2024-2025"
  int days() const { return end - start + 1; }
  bool contains(util::Day d) const { return d >= start && d <= end; }
};

Period make_period(int year, unsigned start_month);

}  // namespace ctreport::model
