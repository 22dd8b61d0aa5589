// The workbook's sheets of the entry → exit cross-tables: one per table, the
// counts with their totals, then the headline (docs/figures.md, "Progress from entry to exit").
#pragma once
#include <xlsxwriter.h>

#include "figures/figures.hpp"
#include "model/warning_texts.hpp"

namespace ctreport::render {

void progress_sheets(lxw_workbook* wb, lxw_format* bold, lxw_format* percent, const figures::Progress& p, model::Lang lang);

}  // namespace ctreport::render
