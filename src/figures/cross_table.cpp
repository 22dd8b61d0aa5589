// The arithmetic of the entry → exit cross-tables: lookup, sums, shares.
#include "figures/cross_table.hpp"

#include <algorithm>
#include <set>

#include "util/errors.hpp"

namespace ctreport::figures {

namespace {

size_t index_of(const std::vector<CrossKey>& keys, const std::string& key) {
  auto it = std::find_if(keys.begin(), keys.end(), [&](const CrossKey& k) { return k.key == key; });
  return static_cast<size_t>(it - keys.begin());
}

bool is_catch_all(const std::string& key) { return key == "other" || key == "unknown"; }

std::set<std::string> category_keys(const std::vector<CrossKey>& keys) {
  std::set<std::string> out;
  for (const auto& k : keys)
    if (!is_catch_all(k.key)) out.insert(k.key);
  return out;
}

// The position of `key` in `keys`, added (with a row or column of zeros) when absent.
size_t ensure(CrossTable& t, bool row, const CrossKey& key) {
  auto& keys = row ? t.rows : t.columns;
  size_t i = index_of(keys, key.key);
  if (i < keys.size()) return i;
  keys.push_back(key);
  if (row) t.counts.emplace_back(t.columns.size(), 0);
  else
    for (auto& r : t.counts) r.push_back(0);
  return keys.size() - 1;
}

// total += more, refused when the sum would overflow.
void sum(int64_t& total, int64_t more) {
  int64_t result = 0;
  if (__builtin_add_overflow(total, more, &result))
    throw DataError("figures_error", "the merged counts are too large to add up: merge figures files written by ctreport");
  total = result;
}

// The order of `keys` with other, then unknown, last (a stable order of positions).
std::vector<size_t> catch_all_last(const std::vector<CrossKey>& keys) {
  std::vector<size_t> order(keys.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto rank = [&](size_t i) { return keys[i].key == "unknown" ? 2 : keys[i].key == "other" ? 1 : 0; };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rank(a) < rank(b); });
  return order;
}

}  // namespace

int64_t CrossTable::count(const std::string& row_key, const std::string& column_key) const {
  size_t r = index_of(rows, row_key), c = index_of(columns, column_key);
  if (r >= rows.size() || c >= columns.size() || r >= counts.size() || c >= counts[r].size()) return 0;
  return counts[r][c];
}

std::optional<std::string> add_cross_table(CrossTable& into, const CrossTable& more) {
  if (!more.available || !into.available) {
    if (!more.available) {
      into.available = false;
      into.rows.clear();
      into.columns.clear();
      into.counts.clear();
      for (const auto& field : more.missing_fields)
        if (std::find(into.missing_fields.begin(), into.missing_fields.end(), field) == into.missing_fields.end())
          into.missing_fields.push_back(field);
    }
    return std::nullopt;
  }
  if (category_keys(into.rows) != category_keys(more.rows) || category_keys(into.columns) != category_keys(more.columns))
    return std::string("the categories differ");
  for (size_t r = 0; r < more.rows.size(); ++r) {
    size_t row = ensure(into, true, more.rows[r]);
    for (size_t c = 0; c < more.columns.size(); ++c) {
      size_t column = ensure(into, false, more.columns[c]);
      sum(into.counts[row][column], r < more.counts.size() && c < more.counts[r].size() ? more.counts[r][c] : 0);
    }
  }
  sum(into.without_at_entry, more.without_at_entry);
  sum(into.with_at_exit, more.with_at_exit);
  return std::nullopt;
}

void finish_cross_table(CrossTable& t) {
  if (!t.available) {
    t.total = 0;
    t.without_at_entry = t.with_at_exit = 0;
    t.share.reset();
    return;
  }
  auto row_order = catch_all_last(t.rows), column_order = catch_all_last(t.columns);
  CrossTable sorted = t;
  for (size_t c = 0; c < column_order.size(); ++c) sorted.columns[c] = t.columns[column_order[c]];
  for (size_t r = 0; r < row_order.size(); ++r) {
    sorted.rows[r] = t.rows[row_order[r]];
    for (size_t c = 0; c < column_order.size(); ++c) sorted.counts[r][c] = t.counts[row_order[r]][column_order[c]];
  }
  t = std::move(sorted);
  t.total = 0;
  for (const auto& r : t.counts)
    for (int64_t n : r) sum(t.total, n);
  t.share = t.without_at_entry > 0
                ? std::optional<double>(static_cast<double>(t.with_at_exit) / static_cast<double>(t.without_at_entry))
                : std::nullopt;
}

CrossTable not_available_cross_table(std::vector<std::string> fields) {
  CrossTable t;
  t.available = false;
  t.missing_fields = std::move(fields);
  return t;
}

}  // namespace ctreport::figures
