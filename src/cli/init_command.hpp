// `ctreport init`: writes the default configuration and every report template
// (Markdown report, batch index, LaTeX report) into
// a folder for the user to edit, refusing to overwrite unless --force.
// `ctreport init FILE` writes only ctreport.yaml, made from the export
// (render/init_config).
#pragma once
#include <string>

namespace ctreport::cli {

struct InitOptions {
  std::string input;   // an export: write ctreport.yaml from its columns and values (`ctreport init FILE`)
  std::string sheet;   // its sheet, for a workbook
  std::string activities;  // with FILE: an activity log whose sections ctreport.yaml gets too
  std::string folder = ".";
  std::string lang = "fr";
  bool force = false;
  bool quiet = false;
};

int run_init(const InitOptions& options);

}  // namespace ctreport::cli
