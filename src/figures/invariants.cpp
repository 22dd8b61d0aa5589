// Figure invariants and unknown-value shares.
#include "figures/invariants.hpp"

#include "figures/shares.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "model/breakdown_texts.hpp"
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

// An unknown_share warning when the unknown line of `b` is above `max`.
void unknown_share(const model::Breakdown& b, const Distribution& d, const std::string& header, double max,
                   model::WarningLog& out) {
  if (!d.available || d.total == 0) return;
  for (const auto& l : d.lines) {
    if (l.key != "unknown" || !l.share || *l.share <= max) continue;
    model::Warning w;
    w.code = "unknown_share";
    w.column = header;
    w.value = fmt::format("{:.0f} %", *l.share * 100);
    w.params = {{"field", std::string(b.key)},
                {"field_fr", std::string(model::breakdown_text(b, model::Lang::fr).noun)},
                {"count", std::to_string(l.count)},
                {"total", std::to_string(d.total - excluded_count(d))},  // the share's denominator
                {"max", fmt::format("{:.0f} %", max * 100)}};
    model::describe(w);
    out.add(std::move(w));
  }
}

// The number a breakdown of population `p` adds up to.
int64_t population_count(const Figures& f, model::Population p) {
  switch (p) {
    case model::Population::people_present: return f.people.present;
    case model::Population::exits: return f.stays.exits;
    case model::Population::people_present_at_end: return f.people.present_at_end;
  }
  return 0;
}
}  // namespace

void check_figures(const Figures& f, const model::Config& config, const model::StayTable& table, model::WarningLog& out) {
  const int64_t present = f.people.present;
  for (size_t i = 0; i < model::k_breakdown_count; ++i) {
    const auto& b = model::k_breakdowns[i];
    sums(f.breakdowns[i], std::string(b.path), population_count(f, b.population), out);
  }
  if (present != f.people.present_at_start + f.people.admitted_not_at_start)
    invariant(out, std::to_string(present),
              {{"kind", "present"},
               {"at_start", std::to_string(f.people.present_at_start)},
               {"admitted", std::to_string(f.people.admitted_not_at_start)}});
  if (f.people.exited > present)
    invariant(out, std::to_string(f.people.exited), {{"kind", "exited"}, {"present", std::to_string(present)}});
  if (f.people.present_at_end > present)
    invariant(out, std::to_string(f.people.present_at_end), {{"kind", "at_end"}, {"present", std::to_string(present)}});

  // The unknown share of each breakdown read from a column, at the header of
  // the first of its fields the export has.
  for (size_t i = 0; i < model::k_breakdown_count; ++i) {
    const auto& b = model::k_breakdowns[i];
    if (!b.checks_unknown_share) continue;
    auto column = std::find_if(b.fields.begin(), b.fields.end(),
                               [&](model::Field fd) { return table.has_column[static_cast<size_t>(fd)]; });
    if (column != b.fields.end())
      unknown_share(b, f.breakdowns[i], table.headers[static_cast<size_t>(*column)], config.check.max_unknown_share, out);
  }
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
