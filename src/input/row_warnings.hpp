// Warnings found while reading, remembered per stay so that each period's
// report lists only the warnings about its own stays (a batch of years gives
// each year the same warnings as a run of that year alone). Compact: one small
// record per warned row, the texts once per kind.
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

  // Records `w` (its row and line set) about `stay` (index in the stay table,
  // or k_no_stay for warnings about the file itself), at 0-based `column`.
  void add(const model::Warning& w, size_t column, uint32_t stay);

  // The warnings about the stays `keep` accepts and those about no stay,
  // grouped, with positions given by `position(row, column)`.
  model::WarningLog select(const std::function<bool(uint32_t)>& keep,
                           const std::function<std::string(uint64_t, size_t)>& position) const;

 private:
  struct Kind {
    model::Warning warning;  // texts of the kind
    size_t column;
  };
  struct Hit {
    uint32_t kind;
    uint32_t stay;
    uint64_t row;
    uint64_t line;
  };
  std::unordered_map<std::string, uint32_t> m_index;
  std::vector<Kind> m_kinds;
  std::vector<Hit> m_hits;
};

}  // namespace ctreport::input
