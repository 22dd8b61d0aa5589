// The workbook's sheet of the team's activity log (docs/figures.md, "The
// activity log"): the headline figures, the sessions by type, by
// professional category and by month. Only when a log was given.
#pragma once
#include <xlsxwriter.h>

#include "figures/activity_figures.hpp"
#include "model/warning_texts.hpp"

namespace ctreport::render {

void activities_sheet(lxw_workbook* wb, lxw_format* bold, lxw_format* decimal, lxw_format* percent,
                      const figures::Activities& a, model::Lang lang);

}  // namespace ctreport::render
