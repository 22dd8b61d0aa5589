// Test helper: runs the real ctreport binary in a scratch folder, as a user would.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace ctreport::test {

struct CliResult {
  int exit_code = -1;
  std::string out, err;
};

// A fresh empty folder under the system temp folder, removed at destruction.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path write(const std::string& name, const std::string& content) const;
  std::string read(const std::string& name) const;
  bool exists(const std::string& name) const;
  std::vector<std::string> files() const;  // relative names of regular files, sorted

 private:
  std::filesystem::path m_path;
};

// Runs `ctreport args...` with `cwd` as current folder and no terminal.
CliResult run_cli(const std::vector<std::string>& args, const std::filesystem::path& cwd);

// The same with the file `input` piped into its standard input, as
// `cat input | ctreport args...` does (a pipe, not a file, on stdin).
CliResult run_cli_piped(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                        const std::filesystem::path& input);

}  // namespace ctreport::test
