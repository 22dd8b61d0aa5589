// Writing a docx or odt report with pandoc, an optional system program (like
// LaTeX for PDF): the report's pandoc Markdown, its charts and logo and the
// reference document are written to a private scratch folder (inside the
// output folder), pandoc runs there in two passes, and the document's bytes
// are returned for util::OutputFiles. Nothing is fetched from the network: a
// first pass (Markdown to pandoc's JSON, with templates/pandoc/ctreport.lua)
// refuses any image that is not a file of the scratch folder, before the
// second one (JSON to docx or odt) reads any.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "render/reference_doc.hpp"

namespace ctreport::render {

// pandoc on PATH, or nothing.
std::optional<std::filesystem::path> pandoc_program();

// What --format docx or odt needs and how to install it, for the error when pandoc is missing.
std::string pandoc_missing_message(OfficeFormat format);

struct PandocInput {
  OfficeFormat format = OfficeFormat::docx;
  std::string markdown;   // the report, rendered from its Markdown template
  std::string reference;  // the reference document's bytes (default or the team's)
  std::vector<std::pair<std::string, std::string>> files;  // plain file name -> bytes: charts, logo
  long long source_date = 0;  // seconds since 1970: the document's date, so that the same figures give the same bytes
};

// The document's bytes. `scratch` is a folder of this run only; the files
// written there are removed before returning. Throws UsageError when pandoc
// is missing, DataError when it fails (with its message).
std::string pandoc_document(const PandocInput& input, const std::filesystem::path& scratch);

}  // namespace ctreport::render
