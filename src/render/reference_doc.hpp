// The default reference documents of the docx and odt reports: their styles,
// page layout, running header (the establishment and the report's title) and
// page numbers. Their parts are readable XML under templates/docx/reference/
// and templates/odt/reference/, embedded in the binary and zipped at run time
// (so they can be read, diffed and edited, and hold the establishment's name).
#pragma once
#include <string>

namespace ctreport::render {

enum class OfficeFormat { docx, odt };

// "docx" / "odt".
const char* format_name(OfficeFormat format);

// The reference document's bytes, its header naming `establishment` and `title`.
std::string default_reference_document(OfficeFormat format, const std::string& establishment, const std::string& title);

}  // namespace ctreport::render
