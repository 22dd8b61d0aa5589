// `ctreport init`: writes the default configuration and every report template
// (Markdown report, batch index, LaTeX report) into
// a folder for the user to edit, refusing to overwrite unless --force.
#pragma once
#include <string>

namespace ctreport::cli {

struct InitOptions {
  std::string folder = ".";
  std::string lang = "fr";
  bool force = false;
  bool quiet = false;
};

int run_init(const InitOptions& options);

}  // namespace ctreport::cli
