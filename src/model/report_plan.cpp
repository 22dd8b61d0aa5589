// The periods of a report run and their comparisons.
#include "model/report_plan.hpp"

#include <algorithm>
#include <stdexcept>

namespace ctreport::model {

const Period& ReportPlan::period_of(int year) const {
  auto it = std::find(needed.begin(), needed.end(), year);
  if (it == needed.end()) throw std::logic_error("a year outside the report plan");
  return periods[static_cast<size_t>(it - needed.begin())];
}

bool ReportPlan::is_reported(int year) const { return std::find(years.begin(), years.end(), year) != years.end(); }

ReportPlan plan_report(const std::vector<int>& years, const std::vector<int>& compare, unsigned start_month,
                       bool with_comparisons) {
  ReportPlan plan;
  plan.years = years;
  std::sort(plan.years.begin(), plan.years.end());
  plan.explicit_compare = !compare.empty();
  plan.needed = plan.years;
  for (int y : plan.years) {
    std::vector<int>& with = plan.compared[y];
    if (!with_comparisons) continue;
    for (int c : compare.empty() ? std::vector<int>{y - 1} : compare)
      if (c != y) with.push_back(c);
    for (int c : with)
      if (std::find(plan.needed.begin(), plan.needed.end(), c) == plan.needed.end()) plan.needed.push_back(c);
  }
  std::sort(plan.needed.begin(), plan.needed.end());
  for (int y : plan.needed) plan.periods.push_back(make_period(y, start_month));
  return plan;
}

}  // namespace ctreport::model
