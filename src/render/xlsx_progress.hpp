// The workbook's sheets of the entry → exit cross-tables: one per table, the
// counts with their totals, then the headline with the compared years'
// (docs/figures.md, "Progress from entry to exit").
#pragma once
#include <vector>

#include "figures/figures.hpp"
#include "render/number_format.hpp"
#include "render/xlsx_sheet.hpp"

namespace ctreport::render {

// `previous`: the compared periods, most recent first.
void progress_sheets(const XlsxBook& book, const figures::Figures& f, const std::vector<const figures::Figures*>& previous,
                     const NumberFormat& nf);

}  // namespace ctreport::render
