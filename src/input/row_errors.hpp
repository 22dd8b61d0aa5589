// The errors of a table's rows (a date that is not one, a required value
// missing): every one counted, the first ones kept, and the first twenty
// listed in one DataError naming the file, the cell, the column and what was
// expected. Shared by the stays', the activity log's and the follow-up's readers.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "model/warnings.hpp"

namespace ctreport::input {

inline constexpr size_t k_row_errors_kept = 1000;
inline constexpr size_t k_row_errors_listed = 20;

class RowErrors {
 public:
  void add(model::Warning error);  // counted; kept when fewer than k_row_errors_kept are
  bool empty() const { return m_count == 0; }
  uint64_t count() const { return m_count; }
  const std::vector<model::Warning>& kept() const { return m_kept; }
  // Throws DataError listing the first `max_listed`, when there are any.
  void throw_if_any(const std::string& file_label, size_t max_listed = k_row_errors_listed) const;

 private:
  std::vector<model::Warning> m_kept;
  uint64_t m_count = 0;
};

// The same listing for errors kept elsewhere (the stays' ReadResult).
void throw_row_errors(const std::vector<model::Warning>& kept, uint64_t count, const std::string& file_label,
                      size_t max_listed = k_row_errors_listed);

}  // namespace ctreport::input
