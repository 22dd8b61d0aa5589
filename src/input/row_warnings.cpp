// Per-stay warning records and their selection for a period.
#include "input/row_warnings.hpp"

#include <optional>

#include "model/warning_texts.hpp"

namespace ctreport::input {

namespace {
std::string where(uint64_t row, size_t column, const std::function<std::string(uint64_t, size_t)>& position) {
  if (row == 0) return "";
  if (column == RowWarnings::k_no_column) return "row " + std::to_string(row);
  return position(row, column);
}
}  // namespace

void RowWarnings::add(const model::Warning& w, size_t column, uint32_t stay, uint64_t other_row) {
  std::string key = w.code + '\x1f' + w.column + '\x1f' + (w.group.empty() ? w.value : w.group);
  auto [it, inserted] = m_index.emplace(std::move(key), static_cast<uint32_t>(m_kinds.size()));
  if (inserted) m_kinds.push_back({w, column, model::grouped_by_value(w.code)});
  m_hits.push_back({it->second, stay, w.row, w.line, w.count, other_row});
}

void RowWarnings::append(const RowWarnings& other, uint32_t stay_offset) {
  // Each kind keeps the texts of its first row: this log's, else other's.
  std::vector<uint32_t> kind(other.m_kinds.size());
  for (const auto& [key, k] : other.m_index) {
    auto [it, inserted] = m_index.emplace(key, static_cast<uint32_t>(m_kinds.size()));
    if (inserted) m_kinds.push_back(other.m_kinds[k]);
    kind[k] = it->second;
  }
  m_hits.reserve(m_hits.size() + other.m_hits.size());
  for (Hit h : other.m_hits) {
    h.kind = kind[h.kind];
    if (h.stay != k_no_stay && h.stay != k_row_not_kept) h.stay += stay_offset;
    m_hits.push_back(h);
  }
}

model::WarningLog RowWarnings::select(const std::function<bool(uint32_t)>& keep,
                                      const std::function<std::string(uint64_t, size_t)>& position,
                                      bool with_rows_not_kept) const {
  // Findings about a value: one per kind, in order of first row. About a row: one per hit.
  std::vector<std::optional<model::Warning>> grouped(m_kinds.size());
  std::vector<model::Warning> out;
  std::vector<size_t> grouped_at(m_kinds.size(), 0);
  std::vector<std::vector<uint64_t>> rows(m_kinds.size());  // rows each grouped kind stands for
  std::vector<int64_t> kind_of(0);                          // per entry of `out`: its grouped kind, or -1
  for (const auto& h : m_hits) {
    if (h.stay == k_row_not_kept) {
      if (!with_rows_not_kept) continue;
    } else if (h.stay != k_no_stay && !keep(h.stay)) {
      continue;
    }
    const Kind& kind = m_kinds[h.kind];
    if (!kind.by_value) {
      model::Warning w = kind.warning;
      w.row = h.row;
      w.line = h.line;
      w.count = h.count;
      w.position = where(h.row, kind.column, position);
      if (h.other_row) w.params.emplace_back("first_row", std::to_string(h.other_row));
      model::describe(w);
      out.push_back(std::move(w));
      kind_of.push_back(-1);
      continue;
    }
    auto& slot = grouped[h.kind];
    if (!slot) {
      slot = kind.warning;
      slot->count = 0;
      slot->row = h.row;
      slot->line = h.line;
      slot->position = where(h.row, kind.column, position);
      model::describe(*slot);
      grouped_at[h.kind] = out.size();
      out.emplace_back();  // placeholder, filled below
      kind_of.push_back(h.kind);
    }
    rows[h.kind].push_back(h.row);
    rows[h.kind].insert(rows[h.kind].end(), h.count > 0 ? h.count - 1 : 0, 0);  // rows not known
    slot->count += h.count;
    if (h.row && slot->rows.size() < model::k_rows_listed) slot->rows.push_back(h.row);
  }
  for (size_t k = 0; k < grouped.size(); ++k)
    if (grouped[k]) out[grouped_at[k]] = std::move(*grouped[k]);
  model::WarningLog log;
  for (size_t i = 0; i < out.size(); ++i) {
    if (kind_of[i] < 0) log.add(std::move(out[i]));
    else log.add(std::move(out[i]), rows[static_cast<size_t>(kind_of[i])]);
  }
  return log;
}

}  // namespace ctreport::input
