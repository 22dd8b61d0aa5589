// Figure invariants and unknown-value shares.
#include "figures/invariants.hpp"

#include <fmt/format.h>

#include "model/warning_texts.hpp"

namespace ctreport::figures {

namespace {
using Params = std::vector<std::pair<std::string, std::string>>;

void invariant(model::WarningLog& out, std::string value, Params params) {
  model::Warning w;
  w.severity = model::Severity::error;
  w.code = "invariant";
  w.value = std::move(value);
  w.params = std::move(params);
  model::describe(w);
  out.add(std::move(w));
}

void sums(const Distribution& d, const std::string& name, int64_t expected, model::WarningLog& out) {
  if (!d.available) return;  // no column for its field: no figure to check
  int64_t sum = 0;
  for (const auto& l : d.lines) sum += l.count;
  if (sum != d.total || d.total != expected)
    invariant(out, std::to_string(expected),
              {{"kind", "sum"}, {"name", name}, {"sum", std::to_string(sum)}, {"total", std::to_string(d.total)}});
}

// The French name of a field in messages.
std::string field_fr(const std::string& field) {
  if (field == "sex") return "sexe";
  if (field == "age") return "âge";
  if (field == "referral") return "orientation";
  if (field == "origin") return "origine";
  if (field == "exit_reason") return "motif de sortie";
  if (field == "housing_at_exit") return "logement à la sortie";
  if (field == "activity_at_exit") return "activité à la sortie";
  return field;
}

void unknown_share(const Distribution& d, const std::string& field, const std::string& header, double max,
                   model::WarningLog& out) {
  if (!d.available || d.total == 0) return;
  for (const auto& l : d.lines) {
    if (l.key != "unknown" || !l.share || *l.share <= max) continue;
    model::Warning w;
    w.code = "unknown_share";
    w.column = header;
    w.value = fmt::format("{:.0f} %", *l.share * 100);
    w.params = {{"field", field},
                {"field_fr", field_fr(field)},
                {"count", std::to_string(l.count)},
                {"total", std::to_string(d.total)},
                {"max", fmt::format("{:.0f} %", max * 100)}};
    model::describe(w);
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
    invariant(out, std::to_string(present),
              {{"kind", "present"},
               {"at_start", std::to_string(f.people.present_at_start)},
               {"admitted", std::to_string(f.people.admitted_not_at_start)}});
  if (f.people.exited > present)
    invariant(out, std::to_string(f.people.exited), {{"kind", "exited"}, {"present", std::to_string(present)}});
  if (f.people.present_at_end > present)
    invariant(out, std::to_string(f.people.present_at_end), {{"kind", "at_end"}, {"present", std::to_string(present)}});

  double max = config.check.max_unknown_share;
  auto has = [&](model::Field fd) { return table.has_column[static_cast<size_t>(fd)]; };
  auto header = [&](model::Field fd) { return table.headers[static_cast<size_t>(fd)]; };
  using model::Field;
  if (has(Field::sex)) unknown_share(f.sex, "sex", header(Field::sex), max, out);
  if (has(Field::birth_date) || has(Field::birth_year) || has(Field::age_at_entry)) {
    Field birth = has(Field::birth_date) ? Field::birth_date : has(Field::birth_year) ? Field::birth_year : Field::age_at_entry;
    unknown_share(f.age.brackets, "age", header(birth), max, out);
  }
  if (has(Field::referral)) unknown_share(f.referral, "referral", header(Field::referral), max, out);
  if (has(Field::origin)) unknown_share(f.origin, "origin", header(Field::origin), max, out);
  if (has(Field::exit_reason)) unknown_share(f.exits.reasons, "exit_reason", header(Field::exit_reason), max, out);
  if (has(Field::housing_at_exit)) unknown_share(f.exits.housing, "housing_at_exit", header(Field::housing_at_exit), max, out);
  if (has(Field::activity_at_exit)) unknown_share(f.exits.activity, "activity_at_exit", header(Field::activity_at_exit), max, out);
}

void check_carry_over(const Figures& f, int64_t previous_present_at_end, const std::string& previous_label,
                      model::WarningLog& out) {
  if (previous_present_at_end == f.people.present_at_start) return;
  model::Warning w;
  w.code = "carry_over_mismatch";
  w.value = std::to_string(f.people.present_at_start);
  w.params = {{"period", f.period.label}, {"previous", previous_label}, {"previous_end", std::to_string(previous_present_at_end)}};
  model::describe(w);
  out.add(std::move(w));
}

}  // namespace ctreport::figures
