// `ctreport YEAR FILE`: the report of one period, rendered in the requested
// formats into the output folder.
#pragma once
#include <string>
#include <vector>

namespace ctreport::cli {

struct ReportOptions {
  std::string year;                 // as typed: "2024", "2019..2024", "2019,2021"
  std::string input;                // data file
  std::string config_path;          // -c; empty = look for ctreport.yaml
  std::string output_dir = ".";     // -o
  std::vector<std::string> formats; // md, json
  std::string template_path;        // --template
  std::string sheet;                // --sheet
  std::string activities;           // --activities: the team's activity log
  std::string followup;             // --followup: the contacts after exit
  std::string compare;              // --compare 2022,2023; empty = the year before
  std::string lang;                 // --lang; empty = the config's
  std::string by;                   // --by site (or a header): one report per site too
  unsigned threads = 0;              // --threads; 0 = two when the machine has two cores or more
  bool quiet = false;
  bool verbose = false;
};

int run_report(const ReportOptions& options);

// Parses "2024", or with periods starting another month than January the
// fiscal label "2024-2025" (-> 2024); throws UsageError otherwise, saying the
// form expected.
int parse_year(const std::string& text, unsigned start_month = 1);
// Parses "2024", "2019..2024" or "2019,2021,2024" into sorted years.
std::vector<int> parse_years(const std::string& text, unsigned start_month = 1);

}  // namespace ctreport::cli
