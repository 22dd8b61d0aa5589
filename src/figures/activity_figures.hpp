// The figures of the team's activity log for one period (docs/figures.md,
// "The activity log"): sessions by type, month and professional category,
// hours, participants and the people reached. Plain data, unrounded; part of
// Figures, absent from every output when no log was given.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ctreport::figures {

struct ActivityTypeLine {
  std::string key, label;
  bool collective = false;
  int64_t sessions = 0, participants = 0;
  double hours = 0;
};

struct ActivityProfessionalLine {
  std::string key, label;
  int64_t sessions = 0;
  double hours = 0;
};

struct ActivityMonth {
  std::string month;  // "2024-01"
  int64_t sessions = 0;
};

struct Activities {
  bool given = false;  // an activity log was given for the period (else absent everywhere)
  int64_t sessions = 0, individual = 0, collective = 0;
  int64_t participants = 0;             // of every session
  int64_t collective_participants = 0;  // of the collective sessions
  bool hours_available = false;         // the log has a duration column
  double hours = 0;
  // Distinct people present in the period (according to the stays) named by
  // an activity of the period; share of people.present. Not available
  // without identifiers in the log or in the stays.
  bool people_reached_available = false;
  std::string people_reached_reason;  // when not: "no_log_identifiers" or "no_stay_identifiers"
  int64_t people_reached = 0;
  std::optional<double> people_reached_share;
  int64_t people_present = 0;  // the denominator (people.present), kept for merges
  std::optional<double> mean_participants;           // collective_participants / collective
  std::optional<double> sessions_per_resident_month;  // sessions / average present / months
  int months = 12;                                    // months of the period
  double average_present = 0;                         // occupancy.average_present, for merges
  bool professionals_available = false;  // the log has a professional-category column
  std::vector<ActivityTypeLine> types;   // the config's types, then other when not 0
  std::vector<ActivityMonth> monthly;    // every month of the period
  std::vector<ActivityProfessionalLine> professionals;  // the config's categories, then other, unknown when not 0
  uint64_t rows_used = 0;        // rows of the log dated in the period
  uint64_t unknown_person_rows = 0;  // of them, rows naming someone with no stay
};

}  // namespace ctreport::figures
