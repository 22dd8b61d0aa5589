// `ctreport merge figures-*.json -o DIR`: a network's figures and report from
// several establishments' figures.json (no personal data involved); the files
// of earlier periods, the same establishments', are the years it is compared with.
#pragma once
#include <string>
#include <vector>

namespace ctreport::cli {

struct MergeOptions {
  std::vector<std::string> inputs;  // the latest period's files are the report's, the others compared
  std::string output_dir = ".";
  std::vector<std::string> formats;
  std::string name;  // the network's name for the report
  std::string lang = "fr";
  std::string template_path;  // a Markdown template of the user's; the embedded report.LANG.md when empty
  bool quiet = false;
};

int run_merge(const MergeOptions& options);

}  // namespace ctreport::cli
