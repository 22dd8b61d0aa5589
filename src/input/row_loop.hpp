// The loop every reader of dated rows runs after its header: each row to
// `process`, the fraction read reported every 65,536 rows and at the end.
// And the pivot of two-digit years they share (docs/figures.md, "Reading values").
#pragma once
#include <algorithm>
#include <cstdint>
#include <functional>
#include <vector>

#include "input/table_reader.hpp"
#include "model/period.hpp"
#include "util/date.hpp"

namespace ctreport::input {

template <typename Process>
void for_each_row(TableReader& reader, Row& row, const std::function<void(double)>& on_progress, Process&& process) {
  uint64_t since_progress = 0;
  while (reader.next_row(row)) {
    process(row);
    if (++since_progress == 65536 && on_progress) {
      since_progress = 0;
      on_progress(reader.progress());
    }
  }
  if (on_progress) on_progress(1.0);
}

// A two-digit year is read in the century that puts it at most 20 years after
// the last year reported (`fallback_year` when no period is given).
inline int two_digit_year_pivot(const std::vector<model::Period>& periods, int fallback_year) {
  int last_year = periods.empty() ? fallback_year : 0;
  for (const auto& p : periods) last_year = std::max(last_year, util::to_ymd(p.end).year);
  return last_year + 20;
}

}  // namespace ctreport::input
