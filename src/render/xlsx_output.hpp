// The report as an Excel workbook (--format xlsx), written with libxlsxwriter:
// a sheet of headline figures, a sheet per distribution with its native
// chart, the monthly occupancy, and the method note with the data warnings.
#pragma once
#include <filesystem>
#include <string>

#include "figures/figures.hpp"
#include "render/number_format.hpp"

namespace ctreport::render {

// Returns the workbook's bytes; `scratch_dir` is where libxlsxwriter writes
// it first (the system's temp folder; the file is removed). Labels from the data
// are written as strings, never as formulas.
std::string xlsx_workbook_report(const figures::Figures& f, const NumberFormat& nf,
                                 const std::filesystem::path& scratch_dir);

}  // namespace ctreport::render
