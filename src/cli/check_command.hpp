// `ctreport check YEAR FILE`: the data-quality gate for CI. Exit 0 when clean
// (warnings allowed unless --strict), 1 when findings fail, 2 on usage errors.
#pragma once
#include <string>

namespace ctreport::cli {

struct CheckOptions {
  std::string year, input, config_path, sheet, previous;
  std::string activities;  // --activities FILE
  std::string followup;    // --followup FILE
  std::string format = "text";  // text | json | github
  bool strict = false;
  bool quiet = false;
};

int run_check(const CheckOptions& options);

}  // namespace ctreport::cli
