// `ctreport YEAR FILE`: the report of one period, rendered in the requested
// formats into the output folder.
#pragma once
#include <string>
#include <vector>

namespace ctreport::cli {

struct ReportOptions {
  std::string year;                 // as typed: "2024"
  std::string input;                // data file
  std::string config_path;          // -c; empty = look for ctreport.yaml
  std::string output_dir = ".";     // -o
  std::vector<std::string> formats; // md, json
  std::string template_path;        // --template
  std::string sheet;                // --sheet
  std::string lang;                 // --lang; empty = the config's
  bool quiet = false;
  bool verbose = false;
};

int run_report(const ReportOptions& options);

// Parses "2024"; throws UsageError otherwise.
int parse_year(const std::string& text);

}  // namespace ctreport::cli
