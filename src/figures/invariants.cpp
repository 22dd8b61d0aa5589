// Figure invariants and unknown-value shares.
#include "figures/invariants.hpp"

#include <fmt/format.h>

namespace ctreport::figures {

namespace {
void invariant(model::WarningLog& out, std::string what) {
  model::Warning w;
  w.severity = model::Severity::error;
  w.code = "invariant";
  w.value = what;
  w.message = fmt::format("the figures are inconsistent: {}", what);
  out.add(std::move(w));
}

void sums(const Distribution& d, const std::string& name, int64_t expected, model::WarningLog& out) {
  int64_t sum = 0;
  for (const auto& l : d.lines) sum += l.count;
  if (sum != d.total || d.total != expected)
    invariant(out, fmt::format("{} sums to {} for a total of {} ({} expected)", name, sum, d.total, expected));
}

void unknown_share(const Distribution& d, const std::string& field, double max, model::WarningLog& out) {
  if (d.total == 0) return;
  for (const auto& l : d.lines) {
    if (l.key != "unknown" || !l.share || *l.share <= max) continue;
    model::Warning w;
    w.code = "unknown_share";
    w.column = field;
    w.value = field;
    w.message = fmt::format("{}: {} of {} values are missing ({:.0f} %, above check.max_unknown_share {:.0f} %)", field,
                            l.count, d.total, *l.share * 100, max * 100);
    out.add(std::move(w));
  }
}
}  // namespace

void check_figures(const Figures& f, const model::Config& config, const model::StayTable& table, model::WarningLog& out) {
  const int64_t present = f.people.present;
  sums(f.sex, "sex", present, out);
  sums(f.age.brackets, "age", present, out);
  sums(f.referral, "referral", present, out);
  sums(f.origin, "origin", present, out);
  sums(f.stay_length.brackets, "stay_length", f.stays.exits, out);
  sums(f.exits.reasons, "exits.reasons", f.stays.exits, out);
  sums(f.exits.housing, "exits.housing", f.stays.exits, out);
  sums(f.exits.activity, "exits.activity", f.stays.exits, out);
  sums(f.exits.outcomes, "exits.outcomes", f.stays.exits, out);
  sums(f.stage.exits, "stage.exits", f.stays.exits, out);
  sums(f.stage.present_at_end, "stage.present_at_end", f.people.present_at_end, out);
  if (present != f.people.present_at_start + f.people.admitted_not_at_start)
    invariant(out, fmt::format("people present ({}) is not present at start ({}) + admitted not present at start ({})",
                               present, f.people.present_at_start, f.people.admitted_not_at_start));
  if (f.people.exited > present)
    invariant(out, fmt::format("more people exited ({}) than were present ({})", f.people.exited, present));
  if (f.people.present_at_end > present)
    invariant(out, fmt::format("more people present at the end ({}) than in the period ({})", f.people.present_at_end, present));

  double max = config.check.max_unknown_share;
  auto has = [&](model::Field fd) { return table.has_column[static_cast<size_t>(fd)]; };
  using model::Field;
  if (has(Field::sex)) unknown_share(f.sex, "sex", max, out);
  if (has(Field::birth_date) || has(Field::birth_year) || has(Field::age_at_entry)) unknown_share(f.age.brackets, "age", max, out);
  if (has(Field::referral)) unknown_share(f.referral, "referral", max, out);
  if (has(Field::origin)) unknown_share(f.origin, "origin", max, out);
  if (has(Field::exit_reason)) unknown_share(f.exits.reasons, "exit_reason", max, out);
  if (has(Field::housing_at_exit)) unknown_share(f.exits.housing, "housing_at_exit", max, out);
  if (has(Field::activity_at_exit)) unknown_share(f.exits.activity, "activity_at_exit", max, out);
}

void check_carry_over(const Figures& f, int64_t previous_present_at_end, const std::string& previous_label,
                      model::WarningLog& out) {
  if (previous_present_at_end == f.people.present_at_start) return;
  model::Warning w;
  w.code = "carry_over_mismatch";
  w.value = previous_label;
  w.message = fmt::format("{} people present at the start of {}, but the {} report has {} present at its end",
                          f.people.present_at_start, f.period.label, previous_label, previous_present_at_end);
  out.add(std::move(w));
}

}  // namespace ctreport::figures
