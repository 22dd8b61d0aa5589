// Multi-row stay checks: sorted by person and entry, one linear pass.
#include "figures/stay_checks.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "model/warning_texts.hpp"

namespace ctreport::figures {

namespace {
// A finding about the stay `s` (one per row: never grouped with another row's).
model::Warning finding(std::string code, const model::Stay& s, std::string value,
                       std::vector<std::pair<std::string, std::string>> params) {
  model::Warning w;
  w.code = std::move(code);
  w.row = s.row;
  w.line = s.line ? s.line : s.row;
  w.position = fmt::format("row {}", s.row);
  w.value = std::move(value);
  w.params = std::move(params);
  model::describe(w);
  return w;
}

// The headers of the exit-situation columns (housing, activity at exit) that
// hold a value for the open stay `s`; empty when there is no exit-date column
// (every stay is open then) or the stay has an exit.
std::string exit_situation_columns(const model::StayTable& table, const model::Stay& s) {
  if (!s.is_open() || !table.has_column[static_cast<size_t>(model::Field::exit_date)]) return {};
  std::string columns;
  for (model::CategoryField cf : {model::CategoryField::housing_at_exit, model::CategoryField::activity_at_exit}) {
    const auto field = static_cast<size_t>(model::field_of(cf));
    if (!table.has_column[field] || s.category(cf) == model::k_unknown_category) continue;
    columns += fmt::format("{}{}", columns.empty() ? "" : ", ", table.headers[field]);
  }
  return columns;
}
}  // namespace

void check_stays(const model::StayTable& table, const model::Config& config, const model::Period& period,
                 const std::vector<uint32_t>& order, model::WarningLog& out) {
  const auto& stays = table.stays;
  const auto& chk = config.check;
  const int long_months = config.contract_months + chk.long_stay_tolerance_months;
  // The person's stay that ends last so far (an open stay never ends): a stay
  // starting before its exit overlaps it, even when nested in an earlier stay.
  const util::Day forgotten_before = util::add_months(period.start, -chk.forgotten_exit_months);
  const model::Stay* latest = nullptr;
  for (size_t k = 0; k < order.size(); ++k) {
    const auto& s = stays[order[k]];
    if (latest && latest->person != s.person) latest = nullptr;
    if (latest && (latest->is_open() || s.entry < latest->exit))
      out.add(finding("overlapping_stays", s, util::iso(s.entry),
                      {{"other_row", std::to_string(latest->row)}, {"other_entry", util::iso(latest->entry)}}));
    if (!latest || (!latest->is_open() && (s.is_open() || s.exit > latest->exit))) latest = &s;
    util::Day end = s.is_open() ? period.end : s.exit;
    if (end > util::add_months(s.entry, long_months))
      out.add(finding("long_stay", s, std::to_string(end - s.entry),
                      {{"entry", util::iso(s.entry)}, {"months", std::to_string(long_months)}}));
    if (auto columns = exit_situation_columns(table, s); !columns.empty())
      out.add(finding("exit_situation_open_stay", s, util::iso(s.entry), {{"columns", columns}}));
    if (s.is_open() && s.entry < forgotten_before)
      out.add(finding("forgotten_exit", s, util::iso(s.entry), {{"months", std::to_string(chk.forgotten_exit_months)}}));
  }
}

}  // namespace ctreport::figures
