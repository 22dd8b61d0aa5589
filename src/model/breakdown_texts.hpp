// The human texts of each declared breakdown (model/breakdowns.hpp), one
// table per language: its section title, chart title, table column header,
// workbook sheet name and the noun messages name it by.
#pragma once
#include <string_view>

#include "model/breakdowns.hpp"
#include "model/warning_texts.hpp"

namespace ctreport::model {

struct BreakdownText {
  std::string_view key;          // the breakdown's key
  std::string_view title;        // section title: "Origine de l'orientation"
  std::string_view chart_title;  // the SVG chart's title: "Sexe des personnes accueillies"
  std::string_view column;       // a table's first column header: "Orienté·e par"
  // The workbook sheet (at most 31 characters); for a breakdown below the
  // previous one, the heading of its block, where {end} is the period's last day.
  std::string_view sheet;
  std::string_view noun;         // in messages: "motif de sortie"
};

// The texts of `b` in `lang`; std::logic_error when the table has none (a
// breakdown declared without its texts: tests/model/test_breakdowns.cpp).
const BreakdownText& breakdown_text(const Breakdown& b, Lang lang);

}  // namespace ctreport::model
