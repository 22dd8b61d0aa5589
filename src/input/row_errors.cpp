// Counting and listing the errors of a table's rows.
#include "input/row_errors.hpp"

#include <fmt/format.h>

#include "util/errors.hpp"

namespace ctreport::input {

void RowErrors::add(model::Warning error) {
  ++m_count;
  if (m_kept.size() < k_row_errors_kept) m_kept.push_back(std::move(error));
}

void RowErrors::throw_if_any(const std::string& file_label, size_t max_listed) const {
  throw_row_errors(m_kept, m_count, file_label, max_listed);
}

void throw_row_errors(const std::vector<model::Warning>& kept, uint64_t count, const std::string& file_label,
                      size_t max_listed) {
  if (kept.empty()) return;
  std::string msg;
  for (size_t i = 0; i < kept.size() && i < max_listed; ++i) {
    const auto& e = kept[i];
    msg += fmt::format("{}{}: {} ({}): {}{}", i ? "\n" : "", file_label, e.position, e.column, e.message,
                       e.expected.empty() ? "" : "; expected " + e.expected);
  }
  if (count > max_listed) msg += fmt::format("\n… and {} more errors", count - max_listed);
  throw DataError(msg);
}

}  // namespace ctreport::input
