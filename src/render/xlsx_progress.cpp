// Writing the entry → exit cross-tables into the workbook.
#include "render/xlsx_progress.hpp"

#include <optional>
#include <string>

#include <fmt/format.h>

#include "model/missing_column_texts.hpp"
#include "model/progress_texts.hpp"
#include "model/workbook_texts.hpp"
#include "render/progress_view.hpp"

namespace ctreport::render {

namespace {

// The counts: a header row of exit categories, a row per entry category, totals.
lxw_row_t write_counts(XlsxSheet& s, const XlsxBook& book, const figures::CrossTable& t, const model::ProgressText& text,
                       lxw_row_t r) {
  const auto columns = static_cast<lxw_col_t>(t.columns.size());
  s.text(r, 0, text.corner, book.fm.bold);
  for (lxw_col_t c = 0; c < columns; ++c) s.header(r, c + 1, short_label(t.columns[c].label), book.fm.header);  // never a formula
  s.header(r++, columns + 1, "Total", book.fm.header);
  std::vector<int64_t> column_totals(t.columns.size(), 0);
  for (size_t row = 0; row < t.rows.size(); ++row, ++r) {
    s.text(r, 0, t.rows[row].label);
    int64_t total = 0;
    for (lxw_col_t c = 0; c < columns; ++c) {
      int64_t n = t.counts[row][c];
      total += n;
      column_totals[c] += n;
      s.number(r, c + 1, static_cast<double>(n), book.fm.count);
    }
    s.number(r, columns + 1, static_cast<double>(total), book.fm.count_bold);
  }
  s.text(r, 0, "Total", book.fm.bold);
  for (lxw_col_t c = 0; c < columns; ++c) s.number(r, c + 1, static_cast<double>(column_totals[c]), book.fm.count_bold);
  s.number(r++, columns + 1, static_cast<double>(t.total), book.fm.count_bold);
  return r;
}

std::optional<double> count_of(const figures::CrossTable& t, int64_t n) {
  return t.available ? std::optional<double>(static_cast<double>(n)) : std::nullopt;
}

// The headline below the counts: exits without a solution at entry, those
// with one at exit, the share; a column per compared year and its change.
void write_headline(XlsxSheet& s, const XlsxBook& book, const figures::Figures& f, const std::string& key,
                    const std::vector<const figures::Figures*>& previous, const NumberFormat& nf, lxw_row_t r) {
  const model::Lang lang = nf.french ? model::Lang::fr : model::Lang::en;
  const model::ProgressText& text = model::progress_text(key, lang);
  const model::WorkbookTexts& wt = model::workbook_texts(lang);
  auto table = [&](const figures::Figures& of) -> const figures::CrossTable& {
    return key == "housing" ? of.progress.housing : of.progress.activity;
  };
  if (!previous.empty()) {
    s.header(r, 1, f.period.label, book.fm.header);
    lxw_col_t c = 2;
    for (const auto* p : previous) {
      s.header(r, c++, p->period.label, book.fm.header);
      s.header(r, c++, fmt::format(fmt::runtime(wt.change_since), p->period.label), book.fm.header);
    }
    ++r;
  }
  struct Row {
    std::string_view label;
    XlsxValue kind;
    std::optional<double> (*value)(const figures::CrossTable&);
  };
  const Row rows[] = {
      {text.without, XlsxValue::count, [](const figures::CrossTable& t) { return count_of(t, t.without_at_entry); }},
      {text.with, XlsxValue::count, [](const figures::CrossTable& t) { return count_of(t, t.with_at_exit); }},
      {text.share, XlsxValue::share,
       [](const figures::CrossTable& t) { return t.available ? t.share : std::optional<double>(); }},
  };
  for (const Row& row : rows) {
    s.text(r, 0, row.label);
    const std::optional<double> now = row.value(table(f));
    if (now) s.value(r, 1, row.kind, now);
    lxw_col_t c = 2;
    for (const auto* p : previous) {
      const std::optional<double> then = row.value(table(*p));
      s.value(r, c++, row.kind, then);
      s.change(r, c++, row.kind, now, then, nf);
    }
    ++r;
  }
}

void progress_sheet(const XlsxBook& book, const figures::Figures& f, const std::string& key,
                    const std::vector<const figures::Figures*>& previous, const NumberFormat& nf) {
  const model::Lang lang = nf.french ? model::Lang::fr : model::Lang::en;
  const model::ProgressText& text = model::progress_text(key, lang);
  const figures::CrossTable& t = key == "housing" ? f.progress.housing : f.progress.activity;
  XlsxSheet s(book, std::string(text.sheet));
  s.title(0, text.title, book.fm.bold);
  if (!t.available) {  // one line saying so, no count (docs/figures.md, "A missing column")
    std::string sentence = model::not_available_text(t.missing_fields, lang);
    if (!sentence.empty() && sentence[0] >= 'a' && sentence[0] <= 'z') sentence[0] = static_cast<char>(sentence[0] - 'a' + 'A');
    s.text(1, 0, sentence);
    return s.finish(1, 0);
  }
  lxw_row_t r = write_counts(s, book, t, text, 2) + 1;
  write_headline(s, book, f, key, previous, nf, r);
  s.finish(2, 2);
}

}  // namespace

void progress_sheets(const XlsxBook& book, const figures::Figures& f, const std::vector<const figures::Figures*>& previous,
                     const NumberFormat& nf) {
  progress_sheet(book, f, "housing", previous, nf);
  progress_sheet(book, f, "activity", previous, nf);
}

}  // namespace ctreport::render
