// The follow-up file as the figures need it: one compact record per contact
// attempt dated near a reported period (no strings: the person is a number of
// the stays' person table, joined in memory only), and what the reader learnt
// about the file. docs/figures.md, "The follow-up after exit".
#pragma once
#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "model/activity_log.hpp"
#include "model/categories.hpp"
#include "model/followup_fields.hpp"
#include "util/date.hpp"

namespace ctreport::model {

struct FollowupContact {
  util::Day date = 0;
  uint32_t row = 0;                      // spreadsheet row number, for messages
  uint32_t person = k_unknown_person;    // the stays' person number, or k_unknown_person
  bool reached = false;
  // The situation when reached, into FollowupSettings' category sets.
  CategoryIndex housing = k_unknown_category;
  CategoryIndex activity = k_unknown_category;
  CategoryIndex consumption = k_unknown_category;
  CategoryIndex care = k_unknown_category;
};

struct FollowupLog {
  std::vector<FollowupContact> contacts;  // contacts dated near a reported period, in file order
  std::array<bool, k_followup_field_count> has_column{};
  // The stays can be joined with: they have a person-identifier column.
  bool persons_joinable = false;
  // The first and last dates of every contact of the file (kept or not): the
  // days the file covers.
  util::Day first_date = std::numeric_limits<util::Day>::max();
  util::Day last_date = std::numeric_limits<util::Day>::min();
  uint64_t rows_read = 0;     // data rows read
  uint64_t rows_outside = 0;  // dated far from every reported period, ignored
  std::string file;           // as the user named it
  std::string source;         // the reader's description: "CSV ';' UTF-8"
  uint64_t header_row = 0;
  std::vector<std::pair<std::string, std::string>> mapping;  // field name -> header
  std::vector<std::string> unused_headers;

  bool has(FollowupField f) const { return has_column[static_cast<size_t>(f)]; }
};

}  // namespace ctreport::model
