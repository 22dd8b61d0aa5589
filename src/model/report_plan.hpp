// Which periods a report run computes: the years asked for, and for each the
// years it is compared with (--compare, else the year before, never itself),
// so that every period is computed once (docs/figures.md, "Periods and batches").
#pragma once
#include <map>
#include <vector>

#include "model/period.hpp"

namespace ctreport::model {

struct ReportPlan {
  std::vector<int> years;                    // reported, sorted
  std::vector<int> needed;                   // reported and compared with, sorted, each once
  std::vector<Period> periods;               // the period of each year of `needed`, same order
  std::map<int, std::vector<int>> compared;  // each reported year -> the years it is compared with
  bool explicit_compare = false;             // the comparisons were named (--compare)

  const Period& period_of(int year) const;
  bool is_reported(int year) const;
};

// `compare` empty: each year is compared with the year before. Without
// `with_comparisons` (no format shows them), no year is compared.
ReportPlan plan_report(const std::vector<int>& years, const std::vector<int>& compare, unsigned start_month,
                       bool with_comparisons);

}  // namespace ctreport::model
