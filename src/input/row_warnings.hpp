// Warnings found while reading, remembered per stay so that each period's
// report lists only the warnings about its own stays (a batch of years gives
// each year the same warnings as a run of that year alone). Compact: one small
// record per warned row, the texts once per kind (code, column and value).
#pragma once
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/warnings.hpp"

namespace ctreport::input {

class RowWarnings {
 public:
  static constexpr uint32_t k_no_stay = std::numeric_limits<uint32_t>::max();
  // A row read but not kept (its stay overlaps no period): see select().
  static constexpr uint32_t k_row_not_kept = std::numeric_limits<uint32_t>::max() - 1;
  static constexpr size_t k_no_column = std::numeric_limits<size_t>::max();  // a finding about a row, not a cell

  // Records `w` (its row and line set) about `stay` (index in the stay table,
  // k_no_stay for warnings about the file itself, k_row_not_kept for a row
  // outside every period), at 0-based `column`
  // (k_no_column for none).
  // `other_row`: the row a finding about a row refers to (the row a duplicate
  // repeats), given to its texts as the parameter "first_row"; 0 if none.
  void add(const model::Warning& w, size_t column, uint32_t stay, uint64_t other_row = 0);

  // Adds the warnings of `other`, about the rows after this one's, whose
  // stays are numbered from `stay_offset` here.
  void append(const RowWarnings& other, uint32_t stay_offset);

  // The warnings about the stays `keep` accepts and those about the file
  // itself (k_no_stay); those about a row whose stay was not kept (outside
  // every period, k_row_not_kept) only when `with_rows_not_kept`: they belong to one report of a batch.
  // Findings about a value grouped per value (count, first row, rows listed),
  // findings about a row one per row; positions by `position(row, column)`.
  model::WarningLog select(const std::function<bool(uint32_t)>& keep,
                           const std::function<std::string(uint64_t, size_t)>& position,
                           bool with_rows_not_kept = true) const;

 private:
  struct Kind {
    model::Warning warning;  // texts of the kind
    size_t column;
    bool by_value;
  };
  struct Hit {
    uint32_t kind;
    uint32_t stay;
    uint64_t row;
    uint64_t line;
    uint64_t count;      // rows this hit stands for (a run of empty rows)
    uint64_t other_row;  // see add()
  };
  std::unordered_map<std::string, uint32_t> m_index;
  std::vector<Kind> m_kinds;
  std::vector<Hit> m_hits;
};

}  // namespace ctreport::input
