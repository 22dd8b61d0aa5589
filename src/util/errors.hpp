// The two kinds of failure ctreport reports, and its exit codes.
// Low-level code throws; one catch in cli::run prints "ctreport: error: ..."
// and returns the exit code. Messages never carry personal data.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>

namespace ctreport {

enum class ExitCode : int {
  ok = 0,
  data_error = 1,   // the input data or config is wrong (or check findings fail)
  usage_error = 2,  // bad command line, unreadable or unusable input file
};

// A problem with the data, the config or a template: exit code 1.
// `code` names the problem for `ctreport check` (missing_column,
// duplicate_header, config_error…), `file` and `line` where it is when known.
class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  DataError(std::string code, const std::string& message, std::string file = {}, uint64_t line = 0)
      : std::runtime_error(message), m_code(std::move(code)), m_file(std::move(file)), m_line(line) {}
  const std::string& code() const { return m_code; }
  const std::string& file() const { return m_file; }
  uint64_t line() const { return m_line; }

 private:
  std::string m_code, m_file;
  uint64_t m_line = 0;
};

// A problem with how the tool was called or with a file it cannot use at all
// (missing, binary, empty): exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace ctreport
