// Multi-row stay checks: sorted by person and entry, one linear pass.
#include "figures/stay_checks.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

namespace ctreport::figures {

namespace {
model::Warning finding(std::string code, const model::Stay& s, std::string message) {
  model::Warning w;
  w.code = std::move(code);
  w.message = std::move(message);
  w.row = s.row;
  w.line = s.row;
  w.position = fmt::format("row {}", s.row);
  w.value = fmt::format("row {}", s.row);  // keeps one finding per row
  return w;
}
}  // namespace

void check_stays(const model::StayTable& table, const model::Config& config, const model::Period& period,
                 model::WarningLog& out) {
  const auto& stays = table.stays;
  std::vector<uint32_t> order;
  order.reserve(stays.size());
  for (uint32_t i = 0; i < stays.size(); ++i) {
    const auto& s = stays[i];
    if (s.entry <= period.end && (s.is_open() || s.exit >= period.start)) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const auto& x = stays[a];
    const auto& y = stays[b];
    return x.person != y.person ? x.person < y.person : x.entry != y.entry ? x.entry < y.entry : x.row < y.row;
  });
  const auto& chk = config.check;
  for (size_t k = 0; k < order.size(); ++k) {
    const auto& s = stays[order[k]];
    if (k > 0) {
      const auto& prev = stays[order[k - 1]];
      if (prev.person == s.person && (prev.is_open() || s.entry < prev.exit))
        out.add(finding("overlapping_stays", s,
                        fmt::format("the stay from {} overlaps the same person's stay of row {} (from {})",
                                    util::iso(s.entry), prev.row, util::iso(prev.entry))));
    }
    util::Day end = s.is_open() ? period.end : s.exit;
    if (end > util::add_months(s.entry, config.contract_months + chk.long_stay_tolerance_months))
      out.add(finding("long_stay", s,
                      fmt::format("the stay from {} lasts more than {} months (contract_months + "
                                  "check.long_stay_tolerance_months)",
                                  util::iso(s.entry), config.contract_months + chk.long_stay_tolerance_months)));
    if (s.is_open() && s.entry < util::add_months(period.start, -chk.forgotten_exit_months))
      out.add(finding("forgotten_exit", s,
                      fmt::format("the stay from {} has no exit date although it started more than {} months before "
                                  "the period: a forgotten exit?",
                                  util::iso(s.entry), chk.forgotten_exit_months)));
  }
}

}  // namespace ctreport::figures
