// Zipping the embedded parts of a default reference document, each rendered
// with the establishment's name and the report's title (XML-escaped).
#include "render/reference_doc.hpp"

#include <stdexcept>
#include <vector>

#include <kainjow/mustache.hpp>

#include "render/template_engine.hpp"
#include "util/embedded_files.hpp"
#include "util/zip_writer.hpp"

namespace ctreport::render {

namespace {

struct Part {
  const char* entry;     // name in the archive
  const char* embedded;  // name under templates/
  bool stored;
};

// The package's parts in archive order. Names pandoc and the office suites
// need that a source tree should not hold ("[Content_Types].xml", "_rels/.rels")
// are given here.
constexpr Part k_docx_parts[] = {
    {"[Content_Types].xml", "docx/reference/Content_Types.xml", false},
    {"_rels/.rels", "docx/reference/package.rels", false},
    {"word/document.xml", "docx/reference/word/document.xml", false},
    {"word/_rels/document.xml.rels", "docx/reference/word/document.rels", false},
    {"word/styles.xml", "docx/reference/word/styles.xml", false},
    {"word/settings.xml", "docx/reference/word/settings.xml", false},
    {"word/header1.xml", "docx/reference/word/header1.xml", false},
    {"word/footer1.xml", "docx/reference/word/footer1.xml", false},
    {"docProps/core.xml", "docx/reference/docProps/core.xml", false},
    {"docProps/app.xml", "docx/reference/docProps/app.xml", false},
};

// An ODF package starts with its uncompressed `mimetype` (ODF 1.2, part 3, 3.3).
constexpr Part k_odt_parts[] = {
    {"mimetype", "odt/reference/mimetype", true},
    {"META-INF/manifest.xml", "odt/reference/manifest.xml", false},
    {"content.xml", "odt/reference/content.xml", false},
    {"styles.xml", "odt/reference/styles.xml", false},
    {"meta.xml", "odt/reference/meta.xml", false},
};

}  // namespace

const char* format_name(OfficeFormat format) { return format == OfficeFormat::docx ? "docx" : "odt"; }

std::string default_reference_document(OfficeFormat format, const std::string& establishment, const std::string& title) {
  kainjow::mustache::data view, est, doc;
  est.set("name", establishment);
  doc.set("title", title);
  view.set("establishment", est);
  view.set("document", doc);
  std::vector<util::ZipEntry> entries;
  auto add = [&](const Part& part) {
    auto text = util::find_embedded(part.embedded);
    if (!text) throw std::logic_error(std::string("missing embedded file ") + part.embedded);
    entries.push_back({part.entry, render_template(*text, part.embedded, view, Escaping::xml), part.stored});
  };
  if (format == OfficeFormat::docx)
    for (const auto& part : k_docx_parts) add(part);
  else
    for (const auto& part : k_odt_parts) add(part);
  return util::zip_archive(entries);
}

}  // namespace ctreport::render
