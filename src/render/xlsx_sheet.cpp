// Writing a worksheet: cells, column widths from the content, a chart below
// the table, the print setup.
#include "render/xlsx_sheet.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "model/document_texts.hpp"
#include "util/errors.hpp"

namespace ctreport::render {

namespace {

constexpr double k_min_width = 8;           // characters: a column of small numbers
constexpr double k_max_width = 60;          // characters: a longer label runs over the next column
constexpr double k_chart_pixels = 480;      // libxlsxwriter's default chart: 480 × 288 pixels
constexpr double k_chart_height = 1.25;     // times 288 pixels
constexpr lxw_row_t k_chart_rows = 18;      // 360 pixels in rows of 20
constexpr double k_portrait_pixels = 698;   // A4 portrait less 2 × 0.5 inch of margins, at 96 pixels an inch
constexpr uint8_t k_paper_a4 = 9;           // ECMA-376 18.3.1.64 pageSetup paperSize

// The characters of a UTF-8 text.
double characters(std::string_view text) {
  return static_cast<double>(std::count_if(text.begin(), text.end(),
                                           [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
}

// A column `chars` wide on screen, in pixels (Calibri 11: 7 pixels a digit, 5 of padding).
double pixels(double chars) { return std::floor(chars * 7 + 5); }

lxw_format* number_format(lxw_workbook* wb, const char* code, bool bold = false) {
  lxw_format* f = workbook_add_format(wb);
  format_set_num_format(f, code);
  if (bold) format_set_bold(f);
  return f;
}

}  // namespace

void check_xlsx(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw DataError(fmt::format("cannot write the workbook ({}: {})", what, lxw_strerror(e)));
}

XlsxFormats XlsxFormats::make(lxw_workbook* wb, bool french) {
  XlsxFormats fm{};
  fm.bold = workbook_add_format(wb);
  format_set_bold(fm.bold);
  fm.title = workbook_add_format(wb);
  format_set_bold(fm.title);
  format_set_font_size(fm.title, 14);
  fm.header = workbook_add_format(wb);
  format_set_bold(fm.header);
  format_set_text_wrap(fm.header);
  format_set_align(fm.header, LXW_ALIGN_RIGHT);
  format_set_align(fm.header, LXW_ALIGN_VERTICAL_BOTTOM);
  fm.wrap = workbook_add_format(wb);
  format_set_text_wrap(fm.wrap);
  format_set_align(fm.wrap, LXW_ALIGN_VERTICAL_TOP);
  fm.count = number_format(wb, "#,##0");
  fm.count_bold = number_format(wb, "#,##0", true);
  // A locale rule, not a text: a French reader's locale shows "0%" as "72%", so the
  // no-break space of "72 %" is in the format.
  fm.percent = number_format(wb, french ? "0\"\u00A0\"%" : "0%");
  fm.decimal = number_format(wb, "#,##0.0");
  fm.change = number_format(wb, "+#,##0;\"\u2212\"#,##0;\"=\"");  // U+2212 minus, as the report typesets it
  // The report's word for a change in points (document_texts), always plural: a number format cannot agree.
  const std::string points(model::document_texts(french ? model::Lang::fr : model::Lang::en).points);
  fm.points = number_format(wb, fmt::format("+0\"{}\";\"\u2212\"0\"{}\";\"=\"", points, points).c_str());
  fm.count_left = number_format(wb, "#,##0");
  format_set_align(fm.count_left, LXW_ALIGN_LEFT);
  format_set_align(fm.count_left, LXW_ALIGN_VERTICAL_TOP);
  fm.label_top = workbook_add_format(wb);
  format_set_bold(fm.label_top);
  format_set_align(fm.label_top, LXW_ALIGN_VERTICAL_TOP);
  fm.decimal_change = number_format(wb, "+#,##0.0;\"\u2212\"#,##0.0;\"=\"");
  return fm;
}

XlsxSheet::XlsxSheet(const XlsxBook& book, const std::string& name)
    : m_book(book), m_ws(workbook_add_worksheet(book.wb, name.c_str())) {
  if (!m_ws) throw DataError(fmt::format("cannot add the sheet '{}' to the workbook", name));
}

void XlsxSheet::used(lxw_row_t r, lxw_col_t c) {
  m_last_row = std::max(m_last_row, r);
  m_last_col = std::max(m_last_col, c);
  if (m_widths.size() <= c) {
    m_widths.resize(c + 1, 0);
    m_fixed.resize(c + 1, false);
  }
}

void XlsxSheet::measure(lxw_col_t c, double chars) {
  used(0, c);
  if (!m_fixed[c]) m_widths[c] = std::max(m_widths[c], chars);
}

void XlsxSheet::text(lxw_row_t r, lxw_col_t c, std::string_view text, lxw_format* f) {
  const std::string s(text);
  check_xlsx(worksheet_write_string(m_ws, r, c, s.c_str(), f), "text");
  used(r, c);
  const double chars = characters(text) * (f == m_book.fm.bold || f == m_book.fm.label_top ? 1.1 : 1.0);  // bold is wider
  if (m_fixed[c]) {
    const double lines = std::ceil(chars / (m_widths[c] * 1.1));  // a width holds about 1.1 characters of text
    if (lines > 1) m_tall_rows.emplace_back(r, lines);
  }
  measure(c, chars);
}

void XlsxSheet::header(lxw_row_t r, lxw_col_t c, std::string_view text, lxw_format* f) {
  const std::string s(text);
  check_xlsx(worksheet_write_string(m_ws, r, c, s.c_str(), f), "header");
  used(r, c);
  double longest = 0;
  for (size_t start = 0; start <= text.size();) {
    size_t end = std::min(text.find(' ', start), text.size());
    longest = std::max(longest, characters(text.substr(start, end - start)));
    start = end + 1;
  }
  measure(c, std::max(longest, characters(text) / 2) * 1.1);  // two lines at most
}

void XlsxSheet::title(lxw_row_t r, std::string_view text, lxw_format* f) {
  const std::string s(text);
  check_xlsx(worksheet_write_string(m_ws, r, 0, s.c_str(), f), "title");
  used(r, 0);
}

void XlsxSheet::number(lxw_row_t r, lxw_col_t c, double v, lxw_format* f) {
  check_xlsx(worksheet_write_number(m_ws, r, c, v, f), "number");
  used(r, c);
  const double digits = std::floor(std::log10(std::max(std::fabs(v), 1.0))) + 1;
  measure(c, digits + std::floor((digits - 1) / 3) + 3);  // separators, sign or %, a decimal
}

void XlsxSheet::value(lxw_row_t r, lxw_col_t c, XlsxValue kind, std::optional<double> v) {
  if (!v) return text(r, c, "–");
  const XlsxFormats& fm = m_book.fm;
  number(r, c, *v, kind == XlsxValue::count ? fm.count : kind == XlsxValue::share ? fm.percent : fm.decimal);
}

void XlsxSheet::change(lxw_row_t r, lxw_col_t c, XlsxValue kind, std::optional<double> now,
                       std::optional<double> before, const NumberFormat& nf) {
  if (!now || !before) return text(r, c, "–");
  const XlsxFormats& fm = m_book.fm;
  switch (kind) {
    case XlsxValue::count: return number(r, c, *now - *before, fm.change);
    case XlsxValue::share:
      return number(r, c, static_cast<double>(nf.whole_percent(*now) - nf.whole_percent(*before)), fm.points);
    case XlsxValue::decimal:
      return number(r, c, static_cast<double>(std::lround(*now * 10) - std::lround(*before * 10)) / 10, fm.decimal_change);
  }
}

void XlsxSheet::fixed_column(lxw_col_t c, double width) {
  used(0, c);
  m_fixed[c] = true;
  m_widths[c] = width;
}

void XlsxSheet::chart_below(lxw_chart* chart) { m_chart = chart; }

double XlsxSheet::table_pixels() const {
  double px = 0;
  for (double w : m_widths) px += pixels(w);
  return px;
}

void XlsxSheet::finish(lxw_row_t repeat_first, lxw_row_t repeat_last) {
  for (size_t c = 0; c < m_widths.size(); ++c)
    if (!m_fixed[c]) m_widths[c] = std::clamp(m_widths[c] + 2, k_min_width, k_max_width);
  lxw_row_t last = m_last_row;
  if (m_chart) {
    if (!m_widths.empty() && table_pixels() < k_chart_pixels) m_widths[0] += (k_chart_pixels - table_pixels()) / 7;
    lxw_chart_options options = {};
    options.x_scale = table_pixels() / k_chart_pixels;
    options.y_scale = k_chart_height;
    check_xlsx(worksheet_insert_chart_opt(m_ws, m_last_row + 2, 0, m_chart, &options), "chart");
    last = m_last_row + 2 + k_chart_rows;
  }
  for (const auto& [row, lines] : m_tall_rows)
    check_xlsx(worksheet_set_row(m_ws, row, 15 * std::min(lines, 30.0), nullptr), "row height");  // 15 points a line
  for (size_t c = 0; c < m_widths.size(); ++c)
    check_xlsx(worksheet_set_column(m_ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), m_widths[c], nullptr),
               "column width");
  worksheet_set_paper(m_ws, k_paper_a4);
  if (table_pixels() > k_portrait_pixels) worksheet_set_landscape(m_ws);
  worksheet_set_margins(m_ws, 0.5, 0.5, 0.75, 0.75);
  // One page wide, as many pages down as needed; a sheet with a chart on one
  // page, so that the chart is never cut (its table is short).
  worksheet_fit_to_pages(m_ws, 1, m_chart ? 1 : 0);
  if (repeat_last >= repeat_first) check_xlsx(worksheet_repeat_rows(m_ws, repeat_first, repeat_last), "repeated rows");
  check_xlsx(worksheet_print_area(m_ws, 0, 0, last, m_last_col), "print area");
  check_xlsx(worksheet_set_header(m_ws, m_book.page_header.c_str()), "page header");
  check_xlsx(worksheet_set_footer(m_ws, m_book.page_footer.c_str()), "page footer");
}

}  // namespace ctreport::render
