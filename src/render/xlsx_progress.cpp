// Writing the entry → exit cross-tables into the workbook.
#include "render/xlsx_progress.hpp"

#include <string>

#include <fmt/format.h>

#include "model/missing_column_texts.hpp"
#include "model/progress_texts.hpp"
#include "render/progress_view.hpp"
#include "util/errors.hpp"

namespace ctreport::render {

namespace {

void check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw DataError(fmt::format("cannot write the workbook ({}: {})", what, lxw_strerror(e)));
}

// The counts: a header row of exit categories, a row per entry category, totals.
lxw_row_t write_counts(lxw_worksheet* ws, lxw_format* bold, lxw_format* header, const figures::CrossTable& t,
                       const model::ProgressText& text, lxw_row_t r) {
  const auto columns = static_cast<lxw_col_t>(t.columns.size());
  check(worksheet_set_row(ws, r, 48, nullptr), "header height");  // the exit categories' labels wrapped
  check(worksheet_write_string(ws, r, 0, std::string(text.corner).c_str(), bold), "header");
  for (lxw_col_t c = 0; c < columns; ++c)
    check(worksheet_write_string(ws, r, c + 1, short_label(t.columns[c].label).c_str(), header), "header");  // never a formula
  check(worksheet_write_string(ws, r++, columns + 1, "Total", header), "header");
  std::vector<int64_t> column_totals(t.columns.size(), 0);
  for (size_t row = 0; row < t.rows.size(); ++row, ++r) {
    check(worksheet_write_string(ws, r, 0, t.rows[row].label.c_str(), nullptr), "label");
    int64_t total = 0;
    for (lxw_col_t c = 0; c < columns; ++c) {
      int64_t n = t.counts[row][c];
      total += n;
      column_totals[c] += n;
      check(worksheet_write_number(ws, r, c + 1, static_cast<double>(n), nullptr), "count");
    }
    check(worksheet_write_number(ws, r, columns + 1, static_cast<double>(total), bold), "total");
  }
  check(worksheet_write_string(ws, r, 0, "Total", bold), "total");
  for (lxw_col_t c = 0; c < columns; ++c)
    check(worksheet_write_number(ws, r, c + 1, static_cast<double>(column_totals[c]), bold), "total");
  check(worksheet_write_number(ws, r++, columns + 1, static_cast<double>(t.total), bold), "total");
  return r;
}

void progress_sheet(lxw_workbook* wb, lxw_format* bold, lxw_format* percent, lxw_format* header,
                    const figures::CrossTable& t, const model::ProgressText& text, model::Lang lang) {
  const std::string name(text.sheet);
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (!ws) throw DataError(fmt::format("cannot add the sheet '{}' to the workbook", name));
  worksheet_set_column(ws, 0, 0, 48, nullptr);
  worksheet_set_column(ws, 1, static_cast<lxw_col_t>(t.columns.size() + 1), 14, nullptr);
  check(worksheet_write_string(ws, 0, 0, std::string(text.title).c_str(), bold), "title");
  if (!t.available) {  // one line saying so, no count (docs/figures.md, "A missing column")
    std::string sentence = model::not_available_text(t.missing_fields, lang);
    if (!sentence.empty() && sentence[0] >= 'a' && sentence[0] <= 'z') sentence[0] = static_cast<char>(sentence[0] - 'a' + 'A');
    check(worksheet_write_string(ws, 1, 0, sentence.c_str(), nullptr), "not available");
    return;
  }
  lxw_row_t r = write_counts(ws, bold, header, t, text, 2) + 1;
  check(worksheet_write_string(ws, r, 0, std::string(text.without).c_str(), nullptr), "label");
  check(worksheet_write_number(ws, r++, 1, static_cast<double>(t.without_at_entry), nullptr), "value");
  check(worksheet_write_string(ws, r, 0, std::string(text.with).c_str(), nullptr), "label");
  check(worksheet_write_number(ws, r++, 1, static_cast<double>(t.with_at_exit), nullptr), "value");
  check(worksheet_write_string(ws, r, 0, std::string(text.share).c_str(), nullptr), "label");
  if (t.share) check(worksheet_write_number(ws, r, 1, *t.share, percent), "share");
}

}  // namespace

void progress_sheets(lxw_workbook* wb, lxw_format* bold, lxw_format* percent, const figures::Progress& p, model::Lang lang) {
  lxw_format* header = workbook_add_format(wb);  // bold, wrapped, right-aligned over the counts
  format_set_bold(header);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_RIGHT);
  format_set_align(header, LXW_ALIGN_VERTICAL_BOTTOM);
  progress_sheet(wb, bold, percent, header, p.housing, model::progress_text("housing", lang), lang);
  progress_sheet(wb, bold, percent, header, p.activity, model::progress_text("activity", lang), lang);
}

}  // namespace ctreport::render
