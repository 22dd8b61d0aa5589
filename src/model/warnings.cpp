// Grouping of data warnings.
#include "model/warnings.hpp"

#include "model/warning_texts.hpp"

namespace ctreport::model {

const std::string& Warning::param(const std::string& name) const {
  static const std::string k_none;
  for (const auto& [k, v] : params)
    if (k == name) return v;
  return k_none;
}

void WarningLog::add(Warning w) {
  if (w.severity == Severity::notice) {  // not a problem of the row: not counted
    group(std::move(w));
    return;
  }
  if (w.row != 0) {
    m_rows.push_back(w.row);
    m_unplaced += w.count - 1;
  } else {
    m_unplaced += w.count;
  }
  group(std::move(w));
}

void WarningLog::add(Warning w, const std::vector<uint64_t>& rows) {
  for (uint64_t r : rows) {
    if (w.severity == Severity::notice) break;
    if (r != 0) m_rows.push_back(r);
    else ++m_unplaced;
  }
  group(std::move(w));
}

void WarningLog::group(Warning w) {
  std::string key = w.code + '\x1f' + w.column + '\x1f' + (w.group.empty() ? w.value : w.group);
  if (w.severity == Severity::error || !grouped_by_value(w.code))
    key += '\x1f' + std::to_string(w.row) + '\x1f' + std::to_string(m_order.size());
  auto it = m_index.find(key);
  if (it != m_index.end()) {
    auto& first = m_order[it->second];
    first.count += w.count;
    for (uint64_t r : w.rows)
      if (first.rows.size() < k_rows_listed) first.rows.push_back(r);
    return;
  }
  m_index.emplace(std::move(key), m_order.size());
  m_order.push_back(std::move(w));
}

void WarningLog::merge(const WarningLog& other) {
  for (const auto& w : other.m_order) group(w);
  m_rows.insert(m_rows.end(), other.m_rows.begin(), other.m_rows.end());
  m_unplaced += other.m_unplaced;
}

uint64_t WarningLog::rows_concerned() const {
  std::vector<uint64_t> rows = m_rows;
  std::sort(rows.begin(), rows.end());
  return static_cast<uint64_t>(std::unique(rows.begin(), rows.end()) - rows.begin()) + m_unplaced;
}

std::vector<Warning> WarningLog::list() const { return m_order; }

uint64_t WarningLog::total() const {
  uint64_t n = 0;
  for (const auto& w : m_order) n += w.count;
  return n;
}

}  // namespace ctreport::model
