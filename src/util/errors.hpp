// The two kinds of failure ctreport reports, and its exit codes.
// Low-level code throws; one catch in cli::run prints "ctreport: error: ..."
// and returns the exit code. Messages never carry personal data.
#pragma once
#include <stdexcept>
#include <string>

namespace ctreport {

enum class ExitCode : int {
  ok = 0,
  data_error = 1,   // the input data or config is wrong (or check findings fail)
  usage_error = 2,  // bad command line, unreadable or unusable input file
};

// A problem with the data, the config or a template: exit code 1.
class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A problem with how the tool was called or with a file it cannot use at all
// (missing, binary, empty): exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace ctreport
