// The report as an Excel workbook (--format xlsx), written with libxlsxwriter:
// the sheets in the report's order (the key figures, the monthly occupancy, a
// sheet per distribution with its native chart, the entry → exit tables, the
// method note with the data warnings), each with the compared years' columns
// as the report has them, and set up to print one page wide.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "figures/figures.hpp"
#include "render/number_format.hpp"

namespace ctreport::render {

// Returns the workbook's bytes; `previous` are the periods compared with (as
// report_view takes them); `scratch_dir` is where libxlsxwriter writes it first
// (the system's temp folder; the file is removed). Labels from the data are
// written as strings, never as formulas.
std::string xlsx_workbook_report(const figures::Figures& f, const NumberFormat& nf,
                                 const std::filesystem::path& scratch_dir,
                                 const std::vector<const figures::Figures*>& previous = {});

// The order of the sheets, the report's (templates/report.fr.md): the keys of
// the breakdowns with a sheet of their own (model/breakdowns.hpp) and of the
// other sheets ("key_figures", "occupancy", "progress", "method"). A breakdown
// with a sheet not listed here goes before the method.
std::vector<std::string_view> workbook_sheet_order();

}  // namespace ctreport::render
