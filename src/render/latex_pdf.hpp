// Compiling a LaTeX report to PDF with the TeX installation of the machine
// (latexmk, else pdflatex twice), in a scratch folder (in the system's temp
// folder, so that a failed run creates nothing in the output folder) that is
// removed afterwards.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace ctreport::render {

// The command that will be used, or nothing when no LaTeX engine is installed.
std::optional<std::string> latex_engine();

// Compiles `tex` and returns the PDF's bytes. `scratch_parent` is where the
// scratch folder goes (the system's temp folder). Throws UsageError when no engine
// is installed (saying how to install one), DataError when compilation fails
// (with the first LaTeX error line).
// `source_date` (seconds since 1970) is the PDF's creation date, so that the
// same figures give the same PDF bytes.
std::string compile_pdf(const std::string& tex, const std::filesystem::path& scratch_parent, long long source_date);

}  // namespace ctreport::render
