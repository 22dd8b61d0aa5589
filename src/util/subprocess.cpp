// Helper programs run with fork and exec, never through a shell.
#include "util/subprocess.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string_view>

namespace ctreport::util {

namespace fs = std::filesystem;

std::optional<fs::path> find_program(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string_view dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  while (!dirs.empty()) {
    size_t colon = dirs.find(':');
    std::string_view dir = dirs.substr(0, colon);
    dirs = colon == std::string_view::npos ? std::string_view() : dirs.substr(colon + 1);
    if (dir.empty()) continue;  // the current folder is never searched
    fs::path candidate = fs::path(dir) / program;
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

int run_program(const std::vector<std::string>& argv, const fs::path& folder, const fs::path& log,
                const std::vector<std::string>& extra_env) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  // The environment, built before fork: the extra variables replace those of the same name.
  std::vector<char*> env;
  for (const auto& e : extra_env) env.push_back(const_cast<char*>(e.c_str()));
  for (char** e = environ; e && *e; ++e) {
    std::string_view var(*e);
    bool replaced = false;
    for (const auto& x : extra_env) replaced |= var.substr(0, var.find('=') + 1) == std::string_view(x).substr(0, x.find('=') + 1);
    if (!replaced) env.push_back(*e);
  }
  env.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid < 0) return 127;
  if (pid == 0) {  // the child: only async-signal-safe calls until exec
    int in = ::open("/dev/null", O_RDONLY);
    int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || out < 0 || ::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(out, 2) < 0 || ::chdir(folder.c_str()) != 0)
      ::_exit(127);
    ::execve(args[0], args.data(), env.data());
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return 127;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 127;
}

}  // namespace ctreport::util
