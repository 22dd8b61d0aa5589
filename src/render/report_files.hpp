// The files of one report in the requested formats (Markdown with its SVG
// charts, LaTeX, PDF, workbook, figures.json), and the index of a batch:
// names and contents, for the caller to write.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "figures/figures.hpp"
#include "model/config.hpp"
#include "render/number_format.hpp"

namespace ctreport::render {

using NamedFiles = std::vector<std::pair<std::string, std::string>>;  // file name, content

// The templates a run renders, checked beforehand; names are for messages.
struct ReportTemplates {
  std::string markdown, markdown_name;
  std::string latex, latex_name;
  std::string index, index_name;
};

// One report: `previous` are the periods it is compared with, `not_covered`
// the labels of those the data does not cover; `suffix` follows the period in
// file names ("-le-moulin" for a site). In the order of `formats`.
struct ReportRequest {
  const figures::Figures& figures;
  const std::vector<const figures::Figures*>& previous;
  const std::vector<std::string>& not_covered;
  const std::string& suffix;
};
NamedFiles report_files(const ReportRequest& report, const std::vector<std::string>& formats,
                        const ReportTemplates& templates, const NumberFormat& nf);

// A batch's index.md and its trend charts (people present, and the occupancy
// rate when the config gives places): `years` every year of the batch (the
// figures of a year without stays included); one place per year from the first
// to the last, listed or not.
NamedFiles index_files(const std::vector<const figures::Figures*>& years, const model::Config& config,
                       const ReportTemplates& templates, const NumberFormat& nf);

}  // namespace ctreport::render
