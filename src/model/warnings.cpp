// Grouping of data warnings.
#include "model/warnings.hpp"

namespace ctreport::model {

void WarningLog::add(Warning w) {
  std::string key = w.code + '\x1f' + w.column + '\x1f' + (w.group.empty() ? w.value : w.group);
  if (w.severity == Severity::error) key += '\x1f' + std::to_string(w.row);
  auto it = m_index.find(key);
  if (it != m_index.end()) {
    m_order[it->second].count += w.count;
    return;
  }
  m_index.emplace(std::move(key), m_order.size());
  m_order.push_back(std::move(w));
}

void WarningLog::merge(const WarningLog& other) {
  for (const auto& w : other.m_order) add(w);
}

std::vector<Warning> WarningLog::list() const { return m_order; }

uint64_t WarningLog::total() const {
  uint64_t n = 0;
  for (const auto& w : m_order) n += w.count;
  return n;
}

}  // namespace ctreport::model
