// Per-stay warning records and their selection for a period.
#include "input/row_warnings.hpp"

#include <optional>

namespace ctreport::input {

void RowWarnings::add(const model::Warning& w, size_t column, uint32_t stay) {
  std::string key = w.code + '\x1f' + w.column + '\x1f' + (w.group.empty() ? w.value : w.group);
  auto [it, inserted] = m_index.emplace(std::move(key), static_cast<uint32_t>(m_kinds.size()));
  if (inserted) m_kinds.push_back({w, column});
  m_hits.push_back({it->second, stay, w.row, w.line});
  if (w.count > 1) {  // a warning standing for several rows (e.g. a run of empty rows)
    for (uint64_t i = 1; i < w.count; ++i) m_hits.push_back({it->second, stay, 0, 0});
  }
}

model::WarningLog RowWarnings::select(const std::function<bool(uint32_t)>& keep,
                                      const std::function<std::string(uint64_t, size_t)>& position) const {
  std::vector<std::optional<model::Warning>> first(m_kinds.size());
  std::vector<std::vector<uint64_t>> rows(m_kinds.size());  // rows each kind stands for
  std::vector<uint32_t> order;
  for (const auto& h : m_hits) {
    if (h.stay != k_no_stay && !keep(h.stay)) continue;
    rows[h.kind].push_back(h.row);
    auto& slot = first[h.kind];
    if (!slot) {
      slot = m_kinds[h.kind].warning;
      slot->count = 0;
      slot->row = h.row;
      slot->line = h.line;
      slot->position = h.row ? position(h.row, m_kinds[h.kind].column) : "";
      order.push_back(h.kind);
    }
    ++slot->count;
  }
  model::WarningLog log;
  for (uint32_t k : order) log.add(*first[k], rows[k]);
  return log;
}

}  // namespace ctreport::input
