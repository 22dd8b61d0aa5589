// The workbook's sheet of the follow-up after exit (docs/figures.md, "The
// follow-up after exit"): a line per horizon (cohort, contacted, reached,
// share), then each available horizon's situations. Only when a follow-up
// file was given.
#pragma once
#include <xlsxwriter.h>

#include "figures/followup_figures.hpp"
#include "render/number_format.hpp"

namespace ctreport::render {

void followup_sheet(lxw_workbook* wb, lxw_format* bold, lxw_format* percent, const figures::Followup& f,
                    const NumberFormat& nf);

}  // namespace ctreport::render
