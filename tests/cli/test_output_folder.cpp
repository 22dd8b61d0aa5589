// The output folder end to end, with the real binary: a symlink at an
// output's name, a run waiting for another, a killed run's leftovers.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <chrono>
#include <filesystem>
#include <string>

#include <fmt/format.h>

#include "support/cli.hpp"
#include "util/folder_lock.hpp"

using ctreport::test::run_cli;
using ctreport::test::ScratchDir;
namespace fs = std::filesystem;

namespace {

const std::string k_csv =
    "N° dossier;Sexe;Date de naissance;Date d'entrée;Date de sortie;Orientation;Motif de sortie\r\n"
    "D-0001;F;12/05/1985;15/11/2023;10/01/2024;CSAPA;Fin de contrat\r\n"
    "D-0002;H;03/03/1990;01/03/2024;;SPIP;\r\n";

// The fields k_csv has no column for, declared absent: no missing_column warning on standard error.
const std::string k_absent = "columns: {origin: [], housing_at_exit: [], activity_at_exit: [], stage: []}\n";

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// Runs the binary in `cwd`; once its standard error holds `until`, calls
// `then`, and returns its exit code and whole standard error.
template <typename Then>
std::pair<int, std::string> run_until(const std::vector<std::string>& args, const fs::path& cwd, const std::string& until,
                                      Then then) {
  int err[2];
  REQUIRE(::pipe(err) == 0);
  pid_t pid = ::fork();
  if (pid == 0) {
    int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::dup2(err[1], 2);
    ::close(err[0]);
    if (::chdir(cwd.c_str()) != 0) ::_exit(120);
    std::vector<char*> argv{const_cast<char*>(CTREPORT_BINARY)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(CTREPORT_BINARY, argv.data());
    ::_exit(121);
  }
  ::close(err[1]);
  std::string text;
  bool done = false;
  char buf[512];
  for (ssize_t n; (n = ::read(err[0], buf, sizeof buf)) > 0;) {
    text.append(buf, static_cast<size_t>(n));
    if (!done && contains(text, until)) {
      then();
      done = true;
    }
  }
  ::close(err[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text};
}

}  // namespace

TEST_SUITE("cli::output_folder") {

TEST_CASE("-o DIR with the report's name a symlink to an outside file: the link is replaced, the file untouched") {
  ScratchDir dir;
  dir.write("sejours.csv", k_csv);
  dir.write("ctreport.yaml", k_absent);
  dir.write("outside.md", "someone else's file\n");
  fs::create_directories(dir.path() / "out");
  fs::create_symlink(dir.path() / "outside.md", dir.path() / "out" / "rapport-2024.md");
  auto r = run_cli({"2024", "sejours.csv", "-o", "out"}, dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  CHECK(dir.read("outside.md") == "someone else's file\n");
  CHECK(fs::is_regular_file(fs::symlink_status(dir.path() / "out" / "rapport-2024.md")));
  CHECK(contains(dir.read("out/rapport-2024.md"), "# Rapport d'activité 2024"));
}

TEST_CASE("a run finding the output folder locked says it waits, then writes once it is free") {
  ScratchDir dir;
  dir.write("sejours.csv", k_csv);
  dir.write("ctreport.yaml", k_absent);
  fs::create_directories(dir.path() / "out");
  ctreport::util::FolderLock lock;  // as another run writing there would hold it
  REQUIRE(lock.acquire(dir.path() / "out", std::chrono::steady_clock::now(), {}) ==
          ctreport::util::FolderLock::Result::locked);
  auto [code, err] = run_until({"2024", "sejours.csv", "-o", "out"}, dir.path(), "waiting", [&] { lock.release(); });
  CHECK(code == 0);
  CHECK(err == "ctreport: another ctreport run is writing to 'out': waiting up to 10 s for it to finish\n");
  CHECK(contains(dir.read("out/rapport-2024.md"), "# Rapport d'activité 2024"));
  CHECK_FALSE(dir.exists("out/.ctreport.lock"));
}

TEST_CASE("the staging folder of a killed run is removed by the next run in that folder") {
  ScratchDir dir;
  dir.write("sejours.csv", k_csv);
  pid_t dead = ::fork();
  if (dead == 0) ::_exit(0);
  ::waitpid(dead, nullptr, 0);
  std::string leftover = fmt::format("out/.ctreport-staging-{}", dead);
  dir.write(leftover + "/3", "half of a killed run");
  auto r = run_cli({"2024", "sejours.csv", "-o", "out", "--quiet"}, dir.path());
  CHECK(r.exit_code == 0);
  CHECK_FALSE(dir.exists(leftover));
  CHECK(dir.exists("out/rapport-2024.md"));
}

}  // TEST_SUITE
