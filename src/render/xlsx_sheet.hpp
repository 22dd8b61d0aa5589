// One worksheet of the report's workbook as it is written: every cell
// checked, each column as wide as its content, a chart below the table, and
// the print setup: A4, one page wide (landscape when the table is wider than a
// portrait page) and, with a chart, one page tall, the header rows repeated on
// every page, the page numbers.
#pragma once
#include <xlsxwriter.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/number_format.hpp"

namespace ctreport::render {

// Throws DataError("cannot write the workbook (...)") unless `e` is LXW_NO_ERROR.
void check_xlsx(lxw_error e, const char* what);

// The workbook's cell formats, made once. Number formats are Excel's
// locale-neutral codes (ECMA-376 18.8.31 numFmts): "#,##0" shows "9 300" to a
// French reader and "9,300" to an English one, "#,##0.0" "3,5" / "3.5"; the
// percentages' code is the language's, as the locale does not space them:
// "0\u00A0%" shows "72 %" in a French workbook, "0%" "72%" in an English one.
struct XlsxFormats {
  lxw_format* bold;
  lxw_format* title;       // 14 pt bold
  lxw_format* header;      // a column header over numbers: bold, wrapped, right-aligned
  lxw_format* wrap;        // long text, wrapped, top-aligned
  lxw_format* count;       // "#,##0"
  lxw_format* count_bold;  // totals
  lxw_format* count_left;  // a count beside text, in a column of text: left and top-aligned
  lxw_format* label_top;   // a bold label beside wrapped text: top-aligned
  lxw_format* percent;     // "0 %" (French, a no-break space) or "0%"
  lxw_format* decimal;     // "#,##0.0"
  lxw_format* change;      // a count's change: "+6", "−3", "="
  lxw_format* points;      // a share's change in points: "+6 points", "−3 points", "="
  lxw_format* decimal_change;  // a change of a number shown with one decimal: "+1.5"
  static XlsxFormats make(lxw_workbook* wb, bool french);
};

// The workbook being written, and what every sheet shares: its formats and
// the printed pages' header and footer (ECMA-376 18.3.1.39 codes).
struct XlsxBook {
  lxw_workbook* wb;
  XlsxFormats fm;
  std::string page_header, page_footer;
};

// What a value is, for its format and its change since a compared year.
enum class XlsxValue : uint8_t {
  count,    // "#,##0"; its change a difference: "+6"
  share,    // "0%"; its change in points, from the whole percentages shown: "+6"
  decimal,  // "#,##0.0"; its change from the values shown: "+1.5"
};

class XlsxSheet {
 public:
  // Adds the sheet `name` (at most 31 characters) to the workbook.
  XlsxSheet(const XlsxBook& book, const std::string& name);

  lxw_worksheet* worksheet() const { return m_ws; }
  lxw_row_t last_row() const { return m_last_row; }

  // A string cell (never a formula), measured for its column's width.
  void text(lxw_row_t r, lxw_col_t c, std::string_view text, lxw_format* f = nullptr);
  // A column header over numbers: it wraps, so its longest word sets the width.
  void header(lxw_row_t r, lxw_col_t c, std::string_view text, lxw_format* f);
  // A title that may run over the next columns: not measured.
  void title(lxw_row_t r, std::string_view text, lxw_format* f);
  void number(lxw_row_t r, lxw_col_t c, double v, lxw_format* f);
  // A value in its format; "–" when there is none.
  void value(lxw_row_t r, lxw_col_t c, XlsxValue kind, std::optional<double> v);
  // The change from `before` to `now`, as the report computes it; "–" when either is unknown.
  void change(lxw_row_t r, lxw_col_t c, XlsxValue kind, std::optional<double> now, std::optional<double> before,
              const NumberFormat& nf);
  // A column of long text: this width (in characters); its cells wrap, and
  // their rows are made high enough for their lines (spreadsheets do not
  // all recompute the heights of wrapped rows when they open a file).
  void fixed_column(lxw_col_t c, double width);

  // A chart below the table, as wide as the table (the first column widened
  // when the table is narrower than the chart). Inserted by finish().
  void chart_below(lxw_chart* chart);

  // Sets the column widths and the print setup; `repeat_first`..`repeat_last`
  // are the header rows printed on every page (none when repeat_last < repeat_first).
  void finish(lxw_row_t repeat_first, lxw_row_t repeat_last);

 private:
  void measure(lxw_col_t c, double chars);
  void used(lxw_row_t r, lxw_col_t c);
  double table_pixels() const;

  const XlsxBook& m_book;
  lxw_worksheet* m_ws;
  std::vector<double> m_widths;  // in characters, measured; 0 for an empty column
  std::vector<bool> m_fixed;
  std::vector<std::pair<lxw_row_t, double>> m_tall_rows;  // a row and its lines of wrapped text
  lxw_row_t m_last_row = 0;
  lxw_col_t m_last_col = 0;
  lxw_chart* m_chart = nullptr;
};

}  // namespace ctreport::render
