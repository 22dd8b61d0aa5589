// Tallying the exits by their situation at entry and at exit.
#include "figures/progress.hpp"

#include "model/line_texts.hpp"

namespace ctreport::figures {

namespace {

using model::Category;
using model::CategoryField;
using model::CategoryIndex;

// One cross-table: its two category sets and what counts as a solution.
struct CrossSpec {
  CategoryField entry, exit;
  bool (*solution)(const Category&);
};

bool housing_solution(const Category& c) { return c.solution; }
bool in_work_or_training(const Category& c) { return c.employment || c.training; }

// The keys of `set`, then other and unknown.
std::vector<CrossKey> keys_of(const std::vector<Category>& set, bool english) {
  const model::Lang lang = english ? model::Lang::en : model::Lang::fr;
  std::vector<CrossKey> keys;
  for (const auto& c : set) keys.push_back({c.key, english ? c.label_en : c.label});
  keys.push_back({"other", std::string(model::other_line_label(lang))});
  keys.push_back({"unknown", std::string(model::unknown_line_label(lang))});
  return keys;
}

// The position of a category index among keys_of(set): other and unknown after the set.
size_t position(CategoryIndex c, size_t set_size) {
  if (c == model::k_unknown_category) return set_size + 1;
  if (c == model::k_other_category || c >= set_size) return set_size;
  return c;
}

// Drops the other and unknown rows and columns that hold no exit.
void drop_empty_catch_alls(CrossTable& t) {
  for (size_t r = t.rows.size(); r-- > 0;) {
    bool catch_all = t.rows[r].key == "other" || t.rows[r].key == "unknown";
    int64_t n = 0;
    for (int64_t v : t.counts[r]) n += v;
    if (catch_all && n == 0) {
      t.rows.erase(t.rows.begin() + static_cast<std::ptrdiff_t>(r));
      t.counts.erase(t.counts.begin() + static_cast<std::ptrdiff_t>(r));
    }
  }
  for (size_t c = t.columns.size(); c-- > 0;) {
    bool catch_all = t.columns[c].key == "other" || t.columns[c].key == "unknown";
    int64_t n = 0;
    for (const auto& row : t.counts) n += row[c];
    if (catch_all && n == 0) {
      t.columns.erase(t.columns.begin() + static_cast<std::ptrdiff_t>(c));
      for (auto& row : t.counts) row.erase(row.begin() + static_cast<std::ptrdiff_t>(c));
    }
  }
}

CrossTable cross_table(const CrossSpec& spec, const model::StayTable& table, const model::Config& config,
                       const std::vector<uint32_t>& exits) {
  std::vector<std::string> missing;
  for (CategoryField cf : {spec.entry, spec.exit})
    if (!table.has_column[static_cast<size_t>(model::field_of(cf))])
      missing.emplace_back(model::category_field_name(cf));
  if (!missing.empty()) return not_available_cross_table(std::move(missing));
  const auto& at_entry = config.category_set(spec.entry).categories();
  const auto& at_exit = config.category_set(spec.exit).categories();
  const bool english = config.lang == "en";
  CrossTable t;
  t.rows = keys_of(at_entry, english);
  t.columns = keys_of(at_exit, english);
  t.counts.assign(t.rows.size(), std::vector<int64_t>(t.columns.size(), 0));
  for (uint32_t i : exits) {
    const model::Stay& s = table.stays[i];
    CategoryIndex in = s.category(spec.entry), out = s.category(spec.exit);
    ++t.counts[position(in, at_entry.size())][position(out, at_exit.size())];
    // Without a solution at entry: a known category not flagged (other and unknown are neither).
    if (in >= at_entry.size() || spec.solution(at_entry[in])) continue;
    ++t.without_at_entry;
    if (out < at_exit.size() && spec.solution(at_exit[out])) ++t.with_at_exit;
  }
  drop_empty_catch_alls(t);
  finish_cross_table(t);
  return t;
}

}  // namespace

Progress compute_progress(const model::StayTable& table, const model::Config& config, const std::vector<uint32_t>& exits) {
  Progress p;
  p.housing = cross_table({CategoryField::housing_at_entry, CategoryField::housing_at_exit, housing_solution}, table,
                          config, exits);
  p.activity = cross_table({CategoryField::activity_at_entry, CategoryField::activity_at_exit, in_work_or_training},
                           table, config, exits);
  return p;
}

}  // namespace ctreport::figures
