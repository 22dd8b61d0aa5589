// docx and odt reports: template, reference documents and logo, then pandoc.
#include "cli/office_reports.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "cli/pipeline.hpp"
#include "model/document_texts.hpp"
#include "render/pandoc_document.hpp"
#include "render/report_view.hpp"
#include "render/svg_charts.hpp"
#include "render/template_engine.hpp"
#include "render/template_tags.hpp"
#include "util/date.hpp"
#include "util/embedded_files.hpp"
#include "util/errors.hpp"

namespace ctreport::cli {

namespace {

constexpr size_t k_max_reference_bytes = size_t{32} << 20;  // a letterhead document with its images
constexpr size_t k_max_logo_bytes = size_t{16} << 20;

// The last config file given (where the logo and templates were named).
std::string config_source(const model::Config& config) {
  return config.sources.empty() ? std::string("built-in defaults") : config.sources.back();
}

// A PNG (ISO/IEC 15948, its 8-byte signature) or a JPEG (SOI marker FF D8 FF).
bool is_png_or_jpeg(const std::string& bytes) {
  return bytes.rfind("\x89PNG\r\n\x1a\n", 0) == 0 || bytes.rfind("\xFF\xD8\xFF", 0) == 0;
}

// The document's date: the day after the period, at midnight UTC (reproducible, as for the PDF).
long long document_date(const figures::Figures& f) {
  return (static_cast<long long>(util::parse_date(f.period.end, 2200).day) + 1) * 86400;
}

}  // namespace

bool is_office_format(const std::string& format) { return format == "docx" || format == "odt"; }

OfficeReports::OfficeReports(const model::Config& config, const std::vector<std::string>& formats) {
  for (const auto& f : formats) {
    auto format = f == "docx" ? render::OfficeFormat::docx : render::OfficeFormat::odt;
    if (is_office_format(f) && std::find(m_formats.begin(), m_formats.end(), format) == m_formats.end())
      m_formats.push_back(format);
  }
  if (m_formats.empty()) return;
  if (!render::pandoc_program()) throw UsageError(render::pandoc_missing_message(m_formats.front()));
  if (!config.office_template.empty()) {
    m_template_name = config.office_template;
    m_template = read_text_file(config.office_template, "template", render::k_max_template_bytes);
  } else {
    m_template_name = fmt::format("report.{}.docx.md", config.lang);
    auto t = util::find_embedded(m_template_name);
    if (!t) throw std::logic_error("missing embedded template " + m_template_name);
    m_template = std::string(*t);
  }
  render::check_template(m_template, m_template_name, render::report_view_schema(config, true));
  for (auto format : m_formats) {
    const std::string& path = format == render::OfficeFormat::docx ? config.docx_reference : config.odt_reference;
    if (path.empty()) continue;
    std::string bytes = read_text_file(path, "reference document", k_max_reference_bytes);
    if (bytes.rfind("PK", 0) != 0)
      throw DataError(fmt::format("{}: templates.{}: '{}' is not a {} document (not a zip package); save the letterhead "
                                  "as .{} from Word or LibreOffice",
                                  config_source(config), render::format_name(format), path, render::format_name(format),
                                  render::format_name(format)));
    m_reference[format] = std::move(bytes);
  }
  if (!config.identity.logo.empty()) {
    m_logo = read_text_file(config.identity.logo, "logo", k_max_logo_bytes);
    if (!is_png_or_jpeg(m_logo))
      throw DataError("config_error",
                      fmt::format("{}:{}: establishment.logo: '{}' is not a PNG or JPEG image", config_source(config),
                                  config.identity.logo_line, config.identity.logo),
                      config_source(config), static_cast<uint64_t>(config.identity.logo_line));
  }
}

void OfficeReports::add(util::OutputFiles& outputs, const figures::Figures& f, const render::NumberFormat& nf,
                        const std::vector<const figures::Figures*>& before, const std::vector<std::string>& not_covered,
                        const std::string& suffix) const {
  if (m_formats.empty()) return;
  const model::Lang lang = nf.french ? model::Lang::fr : model::Lang::en;
  std::string base = fmt::format("rapport-{}{}", f.period.label, suffix);
  auto view = render::report_view(f, nf, before, not_covered);
  // The charts go beside pandoc's input only: in the output folder they are
  // the Markdown report's (--format md), not the document's.
  render::PandocInput input;
  kainjow::mustache::data chart_names;
  auto charts = render::report_charts(f, base, nf);
  for (const auto& [key, name] : charts.names) chart_names.set(key, name);
  for (auto& [name, svg] : charts.files) input.files.emplace_back(name, std::move(svg));
  view.set("charts", chart_names);
  if (!m_logo.empty()) input.files.emplace_back(view.get("establishment")->get("logo")->string_value(), m_logo);
  input.markdown = render::render_template(m_template, m_template_name, view, render::Escaping::pandoc);
  input.source_date = document_date(f);
  for (auto format : m_formats) {
    auto team = m_reference.find(format);
    input.format = format;
    input.reference = team != m_reference.end()
                          ? team->second
                          : render::default_reference_document(format, f.establishment.name,
                                                               model::report_title(lang, f.period.label));
    outputs.add(fmt::format("{}.{}", base, render::format_name(format)),
                render::pandoc_document(input, outputs.scratch_folder()));
  }
}

}  // namespace ctreport::cli
