// Every figure of the report for one period, as defined in docs/figures.md.
// Plain data: computed by compute_figures(), written by figures_json and the
// renderers. Shares are fractions; nothing here is rounded.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "figures/activity_figures.hpp"
#include "figures/cross_table.hpp"
#include "figures/distribution.hpp"
#include "figures/followup_figures.hpp"
#include "model/breakdowns.hpp"
#include "model/warnings.hpp"

namespace ctreport::figures {

struct Headcount {
  int64_t count = 0;
  std::optional<double> share;
  bool available = true;  // false when computed from a field the export has no column for
};

struct MonthOccupancy {
  std::string month;  // "2024-01"
  int64_t bed_days = 0;
  int64_t capacity_days = 0;
  std::optional<double> rate;
  double average_present = 0;
};

struct Figures {
  struct {
    std::string label, start, end;  // ISO dates
    int days = 0;
    int year = 0;
  } period;

  struct {
    std::string name, departement, departement_name, region;
    // Its identity from the config, for the reports' covers (not in figures.json).
    std::string organisation, address, finess, phone, logo, signatory;
  } establishment;

  // One establishment of a network, as its figures file gives it (not in figures.json).
  struct NetworkMember {
    std::string name, departement, region;  // the département as the file gives it, its region from model/geography
    int64_t people_present = 0, admissions = 0, exits = 0, bed_days = 0, capacity_days = 0;
    std::optional<double> occupancy_rate;  // none without capacity
    uint64_t warning_rows = 0;
    std::vector<model::Warning> warnings;
    bool warnings_described = true;  // see quality.warnings_described
  };

  // Set on network figures made by merging establishments' figures.json.
  struct {
    std::vector<std::string> establishments;  // names, in the order given
    std::vector<std::string> not_mergeable;   // figures left out (medians, peak)
    std::vector<NetworkMember> members;        // in the order given
  } network;

  struct {
    std::string bed_days;       // "nights" | "days"
    std::string age_reference;  // "entry" | "period_start" | "period_end" | "entry_or_period_start"
    int contract_months = 24;
    std::string exit_to_work = "positive";  // "positive" | "reason" (model::ExitToWorkRule)
  } counting;

  struct {
    int64_t present = 0, admitted = 0, exited = 0, present_at_start = 0, present_at_end = 0;
    int64_t admitted_not_at_start = 0;  // for the invariant present = at start + this
  } people;

  struct {
    int64_t overlapping = 0, admissions = 0, exits = 0;
  } stays;

  struct {
    bool has_capacity = false;
    std::optional<double> rate;
    int64_t bed_days = 0, capacity_days = 0;
    double average_present = 0;
    int64_t peak_present = 0;
    bool peak_known = true;         // false for merged figures (peaks of different days do not add)
    std::string peak_date;          // first day of the peak
    std::optional<int> places_start, places_end;  // places on the first and last day
    std::vector<MonthOccupancy> monthly;
  } occupancy;

  // The distribution of every declared breakdown (model/breakdowns.hpp), in
  // the declaration table's order: f.breakdowns[i] is model::k_breakdowns[i]'s.
  std::array<Distribution, model::k_breakdown_count> breakdowns;
  Distribution& breakdown(std::string_view key) { return breakdowns[model::breakdown_index(key)]; }
  const Distribution& breakdown(std::string_view key) const { return breakdowns[model::breakdown_index(key)]; }

  // The figures that go with some breakdowns: the age's, with breakdown("age").
  struct {
    std::optional<double> mean, median;
    std::optional<int> min, max;
    int64_t unknown = 0;
  } age;

  // With breakdown("stay_length"): the stays that ended in the period.
  struct {
    int64_t count = 0;
    std::optional<double> mean_days, median_days;
    Headcount at_most_3_months, over_6_months, reached_term;
    // With breakdown("stayer_length"): the people present at the period's end,
    // by the length so far of their stay then (entry to end, both days counted).
    struct {
      int64_t count = 0;
      std::optional<double> mean_days, median_days;
    } stayers;
  } stay_length;

  Headcount origin_same_region;  // with breakdown("origin")

  // The labels of the exit reasons' categories of each outcome, from the
  // config (not in figures.json: empty for a network's figures).
  struct {
    std::vector<std::string> positive, neutral, negative;
  } outcome_reasons;

  // With the breakdowns of the exits (exit_reason, housing_at_exit, activity_at_exit, exit_outcome).
  struct {
    int64_t total = 0;
    Headcount housing_solution, employment, training;
    // Exits counted positive by the exit-to-work rule that their reason alone would
    // not have made positive (0 under the rule `reason`).
    int64_t positive_by_exit_to_work = 0;
  } exits;

  // Returns (docs/figures.md, "Returns"), not available when the export
  // cannot say: no identifier, or no data for the whole window before the period.
  struct {
    bool available = true;
    std::string not_available;  // why: "off", "no_person_id", "export_starts_later"
    std::string window_start, earliest_entry;  // ISO dates, for the "export_starts_later" message
    int window_months = 24;
    int64_t exited_before = 0;  // people with an exit in the window, not present at the period's start
    Headcount readmitted;       // of them, admitted in the period (share of exited_before)
    int64_t admissions = 0;     // the period's admissions (stays)
    Headcount within_6_months, within_12_months;  // admissions at most 6 / 12 months after the person's previous exit
  } returns;
  // The exits' situation at entry by their situation at exit (figures/progress).
  Progress progress;
  // The team's activity log (--activities), when one was given.
  Activities activities;
  // The follow-up after exit (--followup), when a follow-up file was given.
  Followup followup;

  struct {
    uint64_t rows_read = 0, rows_used = 0;
    std::string source;  // e.g. "CSV ';' Windows-1252"
    std::vector<std::pair<std::string, std::string>> columns;  // header -> field name, the columns used
    std::vector<std::string> unused_columns;                   // headers of the columns not used
    std::vector<model::Warning> warnings;
    uint64_t warning_rows = 0;
    // False for warnings read back from a figures file written before their
    // parameters were kept: only their English message can be shown.
    bool warnings_described = true;
  } quality;
};

}  // namespace ctreport::figures
