// `ctreport merge figures-*.json -o DIR`: a network's figures and report from
// several establishments' figures.json (no personal data involved).
#pragma once
#include <string>
#include <vector>

namespace ctreport::cli {

struct MergeOptions {
  std::vector<std::string> inputs;
  std::string output_dir = ".";
  std::vector<std::string> formats;
  std::string name;  // the network's name for the report
  std::string lang = "fr";
  std::string template_path;  // a Markdown template of the user's; the embedded report.LANG.md when empty
  bool quiet = false;
};

int run_merge(const MergeOptions& options);

}  // namespace ctreport::cli
