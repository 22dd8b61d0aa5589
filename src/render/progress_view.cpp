// The entry → exit cross-tables as template variables: every count formatted,
// the column and row totals, the headline and its change since compared years.
#include "render/progress_view.hpp"

#include "model/missing_column_texts.hpp"
#include "render/change_format.hpp"

namespace ctreport::render {

namespace {

using kainjow::mustache::data;
using kainjow::mustache::list;

data key_view(const figures::CrossKey& k, const std::string& total, bool last) {
  data d;
  d.set("key", k.key);
  d.set("label", k.label);
  d.set("short_label", short_label(k.label));
  d.set("is_other", k.key == "other");
  d.set("is_unknown", k.key == "unknown");
  d.set("total", total);
  d.set("last", last);
  return d;
}

// The rows, each with its cells and total, and the columns with theirs.
void add_cells(data& v, const figures::CrossTable& t, const NumberFormat& nf) {
  std::vector<int64_t> column_totals(t.columns.size(), 0);
  list rows;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    list cells;
    int64_t row_total = 0;
    for (size_t c = 0; c < t.columns.size(); ++c) {
      int64_t n = r < t.counts.size() && c < t.counts[r].size() ? t.counts[r][c] : 0;
      row_total += n;
      column_totals[c] += n;
      data cell;
      cell.set("count", nf.integer(n));
      cell.set("any", n > 0);
      cells.push_back(cell);
    }
    data row = key_view(t.rows[r], nf.integer(row_total), r + 1 == t.rows.size());
    row.set("cells", cells);
    rows.push_back(row);
  }
  list columns;
  for (size_t c = 0; c < t.columns.size(); ++c)
    columns.push_back(key_view(t.columns[c], nf.integer(column_totals[c]), c + 1 == t.columns.size()));
  v.set("rows", rows);
  v.set("columns", columns);
  v.set("has_rows", !t.rows.empty() && t.total > 0);
}

// The headline's share in each compared year, and its change since then.
list compared(const figures::CrossTable& t, const figures::CrossTable figures::Progress::*which,
              const std::vector<const figures::Figures*>& before, const NumberFormat& nf) {
  list out;
  for (const auto* p : before) {
    const figures::CrossTable& b = p->progress.*which;
    data c;
    c.set("label", p->period.label);
    c.set("without_at_entry", b.available ? nf.integer(b.without_at_entry) : "–");
    c.set("with_at_exit", b.available ? nf.integer(b.with_at_exit) : "–");
    c.set("share", b.available ? nf.percent(b.share) : "–");
    c.set("share_change", t.available && b.available ? points_change(t.share, b.share, nf) : "–");
    out.push_back(c);
  }
  return out;
}

data table_view(const figures::CrossTable& t, const figures::CrossTable figures::Progress::*which,
                const NumberFormat& nf, const std::vector<const figures::Figures*>& before) {
  data v;
  v.set("available", t.available);
  v.set("missing_text",
        t.available ? "" : model::not_available_text(t.missing_fields, nf.french ? model::Lang::fr : model::Lang::en));
  add_cells(v, t, nf);
  v.set("total", t.available ? nf.integer(t.total) : "–");
  v.set("without_at_entry", t.available ? nf.integer(t.without_at_entry) : "–");
  v.set("without_at_entry_plural", t.available && nf.plural(t.without_at_entry));
  v.set("has_without_at_entry", t.available && t.without_at_entry > 0);
  v.set("with_at_exit", t.available ? nf.integer(t.with_at_exit) : "–");
  v.set("with_at_exit_plural", t.available && nf.plural(t.with_at_exit));
  v.set("with_at_exit_any", t.available && t.with_at_exit > 0);
  v.set("share", t.available ? nf.percent(t.share) : "–");
  list comparisons = compared(t, which, before, nf);
  v.set("has_previous", !before.empty());
  v.set("previous_share", before.empty() ? "–" : comparisons[0].get("share")->string_value());
  v.set("share_change", before.empty() ? "–" : comparisons[0].get("share_change")->string_value());
  v.set("comparisons", comparisons);
  return v;
}

}  // namespace

std::string short_label(const std::string& label) {
  size_t open = label.find(" (");
  return open == std::string::npos || open == 0 ? label : label.substr(0, open);
}

data progress_view(const figures::Progress& p, const NumberFormat& nf, const std::vector<const figures::Figures*>& before) {
  data v;
  v.set("housing", table_view(p.housing, &figures::Progress::housing, nf, before));
  v.set("activity", table_view(p.activity, &figures::Progress::activity, nf, before));
  return v;
}

}  // namespace ctreport::render
