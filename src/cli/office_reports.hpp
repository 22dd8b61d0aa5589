// The docx and odt reports of `ctreport YEAR FILE --format docx,odt`: their
// Markdown template and reference documents, checked and read before any
// data, then one document per report (each year, each site) through pandoc,
// in a scratch folder inside the output folder.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "figures/figures.hpp"
#include "model/config.hpp"
#include "render/number_format.hpp"
#include "render/reference_doc.hpp"
#include "util/output_files.hpp"

namespace ctreport::cli {

// "docx" or "odt".
bool is_office_format(const std::string& format);

class OfficeReports {
 public:
  // The wanted formats among `formats`. Throws UsageError when one is wanted
  // and pandoc is missing, DataError when the template is wrong or a team's
  // reference document or the logo cannot be used.
  OfficeReports(const model::Config& config, const std::vector<std::string>& formats);

  // Whether a docx or odt report is wanted.
  bool wanted() const { return !m_formats.empty(); }

  // Adds `rapport-LABEL-SUFFIX.docx` (and .odt) of the figures `f`, compared with `before`.
  void add(util::OutputFiles& outputs, const figures::Figures& f, const render::NumberFormat& nf,
           const std::vector<const figures::Figures*>& before, const std::vector<std::string>& not_covered,
           const std::string& suffix) const;

 private:
  std::vector<render::OfficeFormat> m_formats;
  std::string m_template, m_template_name;
  std::map<render::OfficeFormat, std::string> m_reference;  // a team's reference document, by format
  std::string m_logo;                                       // the logo's bytes, or empty
};

}  // namespace ctreport::cli
