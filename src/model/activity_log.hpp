// The activity log as the figures need it: one compact record per row of the
// log dated in a reported period (no strings: the persons a row names are
// numbers of the stays' person table, joined in memory only), and what the
// reader learnt about the file. docs/figures.md, "The activity log".
#pragma once
#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "model/activity_fields.hpp"
#include "model/categories.hpp"
#include "util/date.hpp"

namespace ctreport::model {

// A person a row names who has no stay among the stays read.
inline constexpr uint32_t k_unknown_person = std::numeric_limits<uint32_t>::max();

struct ActivityRow {
  util::Day date = 0;
  uint32_t row = 0;            // spreadsheet row number, for messages
  int32_t minutes = -1;        // duration; -1 when not given
  int16_t start = -1;          // start time in minutes after midnight; -1 when not given
  CategoryIndex type = k_other_category;          // into ActivitySettings::types
  CategoryIndex professional = k_unknown_category; // into ActivitySettings::professionals
  int32_t participants = -1;   // the number of participants given; -1 when none
  uint32_t first_person = 0;   // the persons named: ActivityLog::persons[first_person, +person_count)
  uint32_t person_count = 0;
};

struct ActivityLog {
  std::vector<ActivityRow> rows;  // rows dated in a reported period, in file order
  std::vector<uint32_t> persons;  // stays' person numbers, or k_unknown_person
  std::array<bool, k_activity_field_count> has_column{};
  // The stays can be joined with: they have a person-identifier column.
  bool persons_joinable = false;
  uint64_t rows_read = 0;      // data rows read
  uint64_t rows_outside = 0;   // dated outside every reported period, ignored
  std::string file;            // as the user named it
  std::string source;          // the reader's description: "CSV ';' UTF-8"
  uint64_t header_row = 0;
  std::vector<std::pair<std::string, std::string>> mapping;  // field name -> header
  std::vector<std::string> unused_headers;

  bool has(ActivityField f) const { return has_column[static_cast<size_t>(f)]; }
};

}  // namespace ctreport::model
