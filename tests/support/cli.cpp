// Running the binary under test and capturing its output.
#include "support/cli.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <algorithm>

namespace ctreport::test {

namespace fs = std::filesystem;

namespace {
std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') q += "'\\''";
    else q += c;
  }
  return q + "'";
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

ScratchDir::ScratchDir() {
  std::random_device rd;
  m_path = fs::temp_directory_path() / ("ctreport-test-" + std::to_string(rd()) + std::to_string(rd()));
  fs::create_directories(m_path);
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  fs::remove_all(m_path, ec);
}

fs::path ScratchDir::write(const std::string& name, const std::string& content) const {
  fs::path p = m_path / name;
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << content;
  return p;
}

std::string ScratchDir::read(const std::string& name) const { return slurp(m_path / name); }
bool ScratchDir::exists(const std::string& name) const { return fs::exists(m_path / name); }

std::vector<std::string> ScratchDir::files() const {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(m_path))
    if (e.is_regular_file()) out.push_back(fs::relative(e.path(), m_path).string());
  std::sort(out.begin(), out.end());
  return out;
}

namespace {
// Runs the binary after `pipe_prefix` ("cat f | " or nothing), with `stdin_redirect` (or nothing) and `args`.
CliResult run_with(const std::string& pipe_prefix, const std::string& stdin_redirect, const std::vector<std::string>& args,
                   const fs::path& cwd) {
  static int counter = 0;
  fs::path out = fs::temp_directory_path() / ("ctreport-cli-out-" + std::to_string(::getpid()) + "-" + std::to_string(counter));
  fs::path err = fs::temp_directory_path() / ("ctreport-cli-err-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::string cmd = "cd " + quote(cwd.string()) + " && " + pipe_prefix + quote(CTREPORT_BINARY);
  for (const auto& a : args) cmd += " " + quote(a);
  cmd += stdin_redirect + " >" + quote(out.string()) + " 2>" + quote(err.string());
  int status = std::system(cmd.c_str());
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  std::error_code ec;
  fs::remove(out, ec);
  fs::remove(err, ec);
  return r;
}

}  // namespace

CliResult run_cli(const std::vector<std::string>& args, const fs::path& cwd) { return run_with("", " </dev/null", args, cwd); }

CliResult run_cli_piped(const std::vector<std::string>& args, const fs::path& cwd, const fs::path& input) {
  return run_with("cat " + quote(input.string()) + " | ", "", args, cwd);
}

}  // namespace ctreport::test
