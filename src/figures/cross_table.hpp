// A cross-table of the exits by a situation at entry (rows) and the same kind
// of situation at exit (columns), with the headline a funder asks for: of the
// exits without a solution at entry, how many left with one. The data of
// figures.json's `progress` (docs/figures.md, "Progress from entry to exit"),
// and its arithmetic: adding another establishment's table, recomputing the share.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ctreport::figures {

struct CrossKey {
  std::string key, label;
};

struct CrossTable {
  std::string population = "exits";
  // False when the export has no column for the situation at entry or at exit:
  // no rows, no counts, the missing fields named (config names).
  bool available = true;
  std::vector<std::string> missing_fields;
  std::vector<CrossKey> rows;                // entry categories in config order, then other and unknown when not 0
  std::vector<CrossKey> columns;             // exit categories in config order, then other and unknown when not 0
  std::vector<std::vector<int64_t>> counts;  // counts[row][column]
  int64_t total = 0;                         // the exits: the sum of the counts
  int64_t without_at_entry = 0;  // exits whose entry category is known and not a solution
  int64_t with_at_exit = 0;      // of those, the exits whose exit category is a solution
  std::optional<double> share;   // with_at_exit / without_at_entry; none when without_at_entry is 0

  int64_t count(const std::string& row_key, const std::string& column_key) const;  // 0 when absent
};

// Housing (solution flag) and activity (employment or training flags).
struct Progress {
  CrossTable housing, activity;
};

// `more` added into `into`, cell by cell by keys; std::nullopt when fine, else
// what differs (the category keys besides other and unknown must be the same).
// A table not available in either is not available in the sum, its missing fields united.
std::optional<std::string> add_cross_table(CrossTable& into, const CrossTable& more);

// The total and the share recomputed from the counts and headline counts;
// other and unknown rows and columns placed last.
void finish_cross_table(CrossTable& t);

// A table not available for lack of `fields` (config names).
CrossTable not_available_cross_table(std::vector<std::string> fields);

}  // namespace ctreport::figures
