// All-or-nothing output: duplicates refused, every failing step rolled back,
// symlinks replaced and never written through, a killed run leaving each name
// old or new and its leftovers cleaned by the next run, one run at a time.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "support/cli.hpp"
#include "util/errors.hpp"
#include "util/output_files.hpp"

using ctreport::test::ScratchDir;
using ctreport::util::OutputFiles;
namespace fs = std::filesystem;

namespace {

std::string commit_error(OutputFiles& out) {
  try {
    out.commit();
  } catch (const ctreport::UsageError& e) {
    return e.what();
  }
  return "";
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Everything under `root`, hidden entries included: a file's content, a
// symlink's target, "<dir>" for a folder.
std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    std::string name = e.path().lexically_relative(root).string();
    auto st = fs::symlink_status(e.path());
    if (fs::is_symlink(st)) out[name] = "-> " + fs::read_symlink(e.path()).string();
    else if (fs::is_directory(st)) out[name] = "<dir>";
    else out[name] = read_file(e.path());
  }
  return out;
}

// Outputs a0..a5 replacing files, n0..n3 new.
const std::vector<std::string> k_names = {"a0", "a1", "a2", "a3", "a4", "a5", "n0", "n1", "n2", "n3"};
constexpr size_t k_replaced = 6;

void write_old(const ScratchDir& dir) {
  for (size_t i = 0; i < k_replaced; ++i) dir.write("o/" + k_names[i], "old " + k_names[i] + std::string(100, 'x'));
}

// Queues every output with its `version` content.
void add_all(OutputFiles& out, const std::string& version) {
  for (const auto& n : k_names) out.add(n, version + " " + n + std::string(5000, 'y'));
}

std::map<std::string, std::string> all_of(const std::string& version) {
  std::map<std::string, std::string> m;
  for (const auto& n : k_names) m[n] = version + " " + n + std::string(5000, 'y');
  return m;
}

std::map<std::string, std::string> old_state() {
  std::map<std::string, std::string> m;
  for (size_t i = 0; i < k_replaced; ++i) m[k_names[i]] = "old " + k_names[i] + std::string(100, 'x');
  return m;
}

// Each output name holds its complete old version (or is absent if it had
// none) or its complete new one.
void check_old_or_new(const std::map<std::string, std::string>& now, const std::string& version) {
  auto before = old_state();
  auto after = all_of(version);
  for (const auto& n : k_names) {
    auto it = now.find(n);
    bool is_new = it != now.end() && it->second == after[n];
    bool is_old = before.count(n) ? it != now.end() && it->second == before[n] : it == now.end();
    CHECK_MESSAGE((is_new || is_old), n);
  }
}

// Runs `body` in a child process; returns its wait status.
template <typename Body>
int in_child(Body body) {
  pid_t pid = ::fork();
  if (pid == 0) {
    int code = 0;
    try {
      code = body();
    } catch (...) {
      code = 99;
    }
    ::_exit(code);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

}  // namespace

TEST_SUITE("util::output_files") {

TEST_CASE("files are written into a new folder") {
  ScratchDir dir;
  OutputFiles out(dir.path() / "o" / "p");
  out.add("a.txt", "A");
  out.add("sub/b.txt", "B");
  auto written = out.commit();
  CHECK(written == std::vector<fs::path>{dir.path() / "o" / "p" / "a.txt", dir.path() / "o" / "p" / "sub/b.txt"});
  // No lock file, no staging folder left.
  CHECK(snapshot(dir.path()) == std::map<std::string, std::string>{
                                    {"o", "<dir>"}, {"o/p", "<dir>"}, {"o/p/a.txt", "A"}, {"o/p/sub", "<dir>"}, {"o/p/sub/b.txt", "B"}});
}

TEST_CASE("two outputs with the same path are refused before anything is written") {
  ScratchDir dir;
  OutputFiles out(dir.path() / "o");
  out.add("a.txt", "A");
  out.add("./a.txt", "B");
  CHECK(commit_error(out) == "two outputs of this run would both be written to '" + (dir.path() / "o" / "./a.txt").string() +
                                 "'; nothing was written");
  CHECK_FALSE(fs::exists(dir.path() / "o"));
}

TEST_CASE("a folder in the way of an output is refused before any file is replaced") {
  ScratchDir dir;
  dir.write("o/a.txt", "old");
  fs::create_directories(dir.path() / "o" / "c.txt");  // in the way of the third output
  OutputFiles out(dir.path() / "o");
  out.add("a.txt", "new");
  out.add("b.txt", "B");
  out.add("c.txt", "C");
  CHECK(commit_error(out) == "cannot write '" + (dir.path() / "o" / "c.txt").string() +
                                 "': a folder of that name is in the way; nothing was written");
  CHECK(snapshot(dir.path() / "o") == std::map<std::string, std::string>{{"a.txt", "old"}, {"c.txt", "<dir>"}});
}

TEST_CASE("a failed commit removes the folders it created") {
  ScratchDir dir;
  OutputFiles out(dir.path() / "new" / "out");
  out.add("d/x.txt", "X");
  out.add("d", "D");  // d is the folder of the first output
  CHECK_FALSE(commit_error(out).empty());
  CHECK_FALSE(fs::exists(dir.path() / "new"));
}

TEST_CASE("an output whose name is a symlink replaces the link, never writes through it") {
  ScratchDir dir;
  dir.write("outside.md", "not a report");
  fs::create_directories(dir.path() / "o");
  fs::create_symlink(dir.path() / "outside.md", dir.path() / "o" / "rapport-2024.md");
  OutputFiles out(dir.path() / "o");
  out.add("rapport-2024.md", "the report");
  out.commit();
  CHECK(dir.read("outside.md") == "not a report");
  CHECK(fs::is_regular_file(fs::symlink_status(dir.path() / "o" / "rapport-2024.md")));
  CHECK(dir.read("o/rapport-2024.md") == "the report");
}

TEST_CASE("a failed commit puts a replaced symlink back as the link it was") {
  ScratchDir dir;
  dir.write("outside.md", "not a report");
  fs::create_directories(dir.path() / "o");
  fs::create_symlink(dir.path() / "outside.md", dir.path() / "o" / "a.md");
  OutputFiles out(dir.path() / "o");
  out.add("a.md", "A");
  out.add("b.md", "B");
  out.set_step_hook([&](OutputFiles::Step s, const fs::path& p) {
    return s == OutputFiles::Step::rename && p.filename() == "b.md" ? EIO : 0;
  });
  CHECK(commit_error(out) == fmt::format("cannot write '{}': Input/output error; nothing was written",
                                         (dir.path() / "o" / "b.md").string()));
  CHECK(snapshot(dir.path()) == std::map<std::string, std::string>{{"o", "<dir>"},
                                                                   {"o/a.md", "-> " + (dir.path() / "outside.md").string()},
                                                                   {"outside.md", "not a report"}});
}

TEST_CASE("each step failing in turn leaves every file as it was and reports the error") {
  // Steps of a commit: 10 writes, 6 links of the replaced files, 10 renames.
  const size_t steps = k_names.size() + k_replaced + k_names.size();
  for (size_t k = 0; k < steps; ++k) {
    CAPTURE(k);
    ScratchDir dir;
    write_old(dir);
    OutputFiles out(dir.path() / "o");
    add_all(out, "new");
    size_t count = 0;
    std::string failed;
    out.set_step_hook([&](OutputFiles::Step s, const fs::path& p) {
      if (count++ != k) return 0;
      failed = p.filename().string();
      return s == OutputFiles::Step::link_old ? EXDEV : ENOSPC;  // a failed link is worked around
    });
    std::string error = commit_error(out);
    std::string expected =
        k >= k_names.size() && k < k_names.size() + k_replaced
            ? ""
            : fmt::format("cannot write '{}': No space left on device; nothing was written", (dir.path() / "o" / failed).string());
    CHECK(error == expected);
    if (expected.empty()) CHECK(snapshot(dir.path() / "o") == all_of("new"));
    else CHECK(snapshot(dir.path() / "o") == old_state());  // no new file, no staging folder, no lock file
  }
}

TEST_CASE("many outputs, flushed together once written, are still all or nothing") {
  // From k_flush_each_below outputs on (--by site: a report a site), the files are
  // flushed to disk together after the last is written, not one by one.
  const size_t n = OutputFiles::k_flush_each_below + 9;
  auto content = [](size_t i, const std::string& version) { return fmt::format("{} {} {}", version, i, std::string(3000, 'z')); };
  ScratchDir dir;
  for (size_t i = 0; i < n; i += 2) dir.write(fmt::format("o/s{}.json", i), content(i, "old"));
  {
    OutputFiles out(dir.path() / "o");
    for (size_t i = 0; i < n; ++i) out.add(fmt::format("s{}.json", i), content(i, "new"));
    size_t writes = 0;
    out.set_step_hook([&](OutputFiles::Step s, const fs::path&) {
      return s == OutputFiles::Step::write && ++writes == n - 1 ? ENOSPC : 0;  // the last but one
    });
    CHECK(commit_error(out).find("No space left on device; nothing was written") != std::string::npos);
  }
  std::map<std::string, std::string> old, fresh;
  for (size_t i = 0; i < n; ++i) {
    if (i % 2 == 0) old[fmt::format("s{}.json", i)] = content(i, "old");
    fresh[fmt::format("s{}.json", i)] = content(i, "new");
  }
  CHECK(snapshot(dir.path() / "o") == old);
  {
    OutputFiles out(dir.path() / "o");
    for (size_t i = 0; i < n; ++i) out.add(fmt::format("s{}.json", i), content(i, "new"));
    size_t flushes = 0;
    out.set_step_hook([&](OutputFiles::Step s, const fs::path&) { return s == OutputFiles::Step::flush && ++flushes ? EIO : 0; });
    CHECK(commit_error(out) ==
          fmt::format("cannot write in '{}': Input/output error; nothing was written", (dir.path() / "o").string()));
    CHECK(flushes == 1);
  }
  CHECK(snapshot(dir.path() / "o") == old);
  OutputFiles out(dir.path() / "o");
  for (size_t i = 0; i < n; ++i) out.add(fmt::format("s{}.json", i), content(i, "new"));
  CHECK(out.commit().size() == n);
  CHECK(snapshot(dir.path() / "o") == fresh);  // no staging folder, no lock, no old version left
}

TEST_CASE("where hard links fail the replaced files are copied, and put back from the copies") {
  ScratchDir dir;
  write_old(dir);
  fs::permissions(dir.path() / "o" / "a2", fs::perms(0640));
  OutputFiles out(dir.path() / "o");
  add_all(out, "new");
  out.set_step_hook([&](OutputFiles::Step s, const fs::path& p) {
    if (s == OutputFiles::Step::link_old) return EPERM;
    return s == OutputFiles::Step::rename && p.filename() == "n2" ? EIO : 0;
  });
  CHECK(commit_error(out) == fmt::format("cannot write '{}': Input/output error; nothing was written",
                                         (dir.path() / "o" / "n2").string()));
  CHECK(snapshot(dir.path() / "o") == old_state());
  CHECK(fs::status(dir.path() / "o" / "a2").permissions() == fs::perms(0640));
}

TEST_CASE("a replaced file that can be neither linked nor copied is refused before any rename") {
  ScratchDir dir;
  write_old(dir);
  OutputFiles out(dir.path() / "o");
  add_all(out, "new");
  out.set_step_hook([&](OutputFiles::Step s, const fs::path& p) {
    bool a3 = p.filename() == "a3";
    return a3 && s == OutputFiles::Step::link_old ? EPERM : a3 && s == OutputFiles::Step::copy_old ? EACCES : 0;
  });
  CHECK(commit_error(out) == fmt::format("cannot keep the previous '{}' to put it back on failure: Permission denied; "
                                         "nothing was written",
                                         (dir.path() / "o" / "a3").string()));
  CHECK(snapshot(dir.path() / "o") == old_state());
}

TEST_CASE("a run killed at any step leaves each name old or new, and the next run cleans up") {
  const size_t steps = k_names.size() + k_replaced + k_names.size();
  for (size_t k = 0; k <= steps; ++k) {
    CAPTURE(k);
    ScratchDir dir;
    write_old(dir);
    int status = in_child([&] {
      OutputFiles out(dir.path() / "o");
      add_all(out, "new");
      size_t count = 0;
      out.set_step_hook([&](OutputFiles::Step, const fs::path&) {
        if (count++ == k) ::raise(SIGKILL);
        return 0;
      });
      out.commit();
      return 0;
    });
    if (k < steps) REQUIRE((WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL));
    else REQUIRE((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    auto now = snapshot(dir.path() / "o");
    check_old_or_new(now, "new");
    for (const auto& entry : now) {
      const auto& name = entry.first;  // not a structured binding: CHECK_MESSAGE's lambda takes it (clang 14)
      bool leftover = name == ".ctreport.lock" || name.rfind(".ctreport-staging-", 0) == 0;
      CHECK_MESSAGE((leftover || std::find(k_names.begin(), k_names.end(), name) != k_names.end()), name);
    }
    if (k >= k_names.size() + k_replaced) {  // renames started: the first k of them are done
      size_t renamed = k - k_names.size() - k_replaced;
      for (size_t i = 0; i < k_names.size(); ++i) CHECK((now[k_names[i]] == all_of("new")[k_names[i]]) == (i < renamed));
    }
    OutputFiles next(dir.path() / "o");
    add_all(next, "next");
    next.commit();
    CHECK(snapshot(dir.path() / "o") == all_of("next"));
  }
}

TEST_CASE("staging folders of running processes are left alone") {
  ScratchDir dir;
  pid_t dead = ::fork();
  if (dead == 0) ::_exit(0);
  ::waitpid(dead, nullptr, 0);
  std::string live = fmt::format(".ctreport-staging-{}", ::getppid());
  dir.write(fmt::format("o/.ctreport-staging-{}/0", dead), "leftover");
  dir.write("o/" + live + "/0", "someone else's");
  dir.write("o/.ctreport-staging-notapid/0", "not ours");
  OutputFiles out(dir.path() / "o");
  out.add("a", "A");
  out.commit();
  CHECK(snapshot(dir.path() / "o") == std::map<std::string, std::string>{{"a", "A"},
                                                                          {live, "<dir>"},
                                                                          {live + "/0", "someone else's"},
                                                                          {".ctreport-staging-notapid", "<dir>"},
                                                                          {".ctreport-staging-notapid/0", "not ours"}});
}

TEST_CASE("leftovers of the earlier writer beside the outputs are cleaned, a lost old version put back") {
  // ctreport 0.1 moved each replaced file to ".NAME.old-PID" and wrote ".NAME.tmp-PID"
  // beside it; a run killed between its renames left them there, some names empty.
  ScratchDir dir;
  pid_t dead = ::fork();
  if (dead == 0) ::_exit(0);
  ::waitpid(dead, nullptr, 0);
  pid_t live = ::getppid();
  dir.write(fmt::format("o/.rapport-2024.md.old-{}", dead), "old report");      // rewritten by this run: removed
  dir.write(fmt::format("o/.rapport-2024.md.tmp-{}", dead), "half");            // removed
  dir.write(fmt::format("o/.figures-2023.json.old-{}", dead), "old 2023");      // its name is empty: put back
  dir.write("o/figures-2022.json", "2022");
  dir.write(fmt::format("o/.figures-2022.json.old-{}", dead), "older 2022");    // its name holds a file: removed
  dir.write(fmt::format("o/.rapport-2024.md.old-{}", live), "someone else's");  // a live process: kept
  dir.write("o/sub/x", "X");
  dir.write(fmt::format("o/sub/.x.old-{}", dead), "old x");                     // in a folder of an output: removed
  OutputFiles out(dir.path() / "o");
  out.add("rapport-2024.md", "new report");
  out.add("sub/x", "new x");
  out.commit();
  CHECK(snapshot(dir.path() / "o") ==
        std::map<std::string, std::string>{{"rapport-2024.md", "new report"},
                                           {"figures-2023.json", "old 2023"},
                                           {"figures-2022.json", "2022"},
                                           {fmt::format(".rapport-2024.md.old-{}", live), "someone else's"},
                                           {"sub", "<dir>"},
                                           {"sub/x", "new x"}});
}

TEST_CASE("a subfolder of the output folder that is a symlink is refused, never written through") {
  ScratchDir dir;
  fs::create_directories(dir.path() / "outside");
  dir.write("outside/a.md", "not a report");
  fs::create_directories(dir.path() / "o");
  fs::create_directory_symlink(dir.path() / "outside", dir.path() / "o" / "nord");
  OutputFiles out(dir.path() / "o");
  out.add("top.md", "T");
  out.add("nord/a.md", "the report");
  CHECK(commit_error(out) ==
        fmt::format("cannot write '{}': '{}' is a symbolic link, and ctreport writes only inside the output folder; "
                    "nothing was written",
                    (dir.path() / "o" / "nord" / "a.md").string(), (dir.path() / "o" / "nord").string()));
  CHECK(dir.read("outside/a.md") == "not a report");
  CHECK_FALSE(fs::exists(dir.path() / "o" / "top.md"));
}

TEST_CASE("a second run waits for the first to finish, then writes") {
  ScratchDir dir;
  write_old(dir);
  int ready[2], go[2];
  REQUIRE(::pipe(ready) == 0);
  REQUIRE(::pipe(go) == 0);
  pid_t first = ::fork();
  if (first == 0) {
    ::close(ready[0]);  // so that each side sees the other's end close if it dies
    ::close(go[1]);
    OutputFiles out(dir.path() / "o");
    add_all(out, "first");
    out.set_step_hook([&](OutputFiles::Step s, const fs::path& p) {
      if (s == OutputFiles::Step::rename && p.filename() == "a3") {  // halfway through, holding the lock
        char c = 'r';
        (void)!::write(ready[1], &c, 1);
        (void)!::read(go[0], &c, 1);
      }
      return 0;
    });
    try {
      out.commit();
    } catch (...) {
      ::_exit(1);
    }
    ::_exit(0);
  }
  ::close(ready[1]);
  ::close(go[0]);
  char c;
  REQUIRE(::read(ready[0], &c, 1) == 1);
  OutputFiles second(dir.path() / "o");
  add_all(second, "second");
  second.set_lock_wait(std::chrono::seconds(20));
  std::vector<std::string> told;
  second.on_lock_wait([&](const std::string& message) {
    told.push_back(message);
    (void)!::write(go[1], "g", 1);  // let the first run finish
  });
  second.commit();
  int status = 0;
  ::waitpid(first, &status, 0);
  CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
  CHECK(told == std::vector<std::string>{fmt::format("another ctreport run is writing to '{}': waiting up to 20 s for it to finish",
                                                     (dir.path() / "o").string())});
  CHECK(snapshot(dir.path() / "o") == all_of("second"));
  for (int fd : {ready[0], go[1]}) ::close(fd);
}

TEST_CASE("a second run refuses when the first holds the folder longer than the wait") {
  ScratchDir dir;
  write_old(dir);
  int ready[2], go[2];
  REQUIRE(::pipe(ready) == 0);
  REQUIRE(::pipe(go) == 0);
  pid_t first = ::fork();
  if (first == 0) {
    ::close(ready[0]);  // so that each side sees the other's end close if it dies
    ::close(go[1]);
    OutputFiles out(dir.path() / "o");
    add_all(out, "first");
    out.set_step_hook([&](OutputFiles::Step s, const fs::path& p) {
      if (s == OutputFiles::Step::write && p.filename() == "a0") {
        char c = 'r';
        (void)!::write(ready[1], &c, 1);
        (void)!::read(go[0], &c, 1);
      }
      return 0;
    });
    try {
      out.commit();
    } catch (...) {
      ::_exit(1);
    }
    ::_exit(0);
  }
  ::close(ready[1]);
  ::close(go[0]);
  char c;
  REQUIRE(::read(ready[0], &c, 1) == 1);
  OutputFiles second(dir.path() / "o");
  add_all(second, "second");
  second.set_lock_wait(std::chrono::milliseconds(200));
  int told = 0;
  second.on_lock_wait([&](const std::string&) { ++told; });
  CHECK(commit_error(second) == fmt::format("another ctreport run is writing to '{}' (waited 0.2 s for it to finish); "
                                            "nothing was written",
                                            (dir.path() / "o").string()));
  CHECK(told == 1);
  CHECK(snapshot(dir.path() / "o").count("n0") == 0);  // nothing of the second run
  (void)!::write(go[1], "g", 1);
  int status = 0;
  ::waitpid(first, &status, 0);
  CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
  CHECK(snapshot(dir.path() / "o") == all_of("first"));
  for (int fd : {ready[0], go[1]}) ::close(fd);
}

TEST_CASE("the lock file of a killed run is reused and removed") {
  ScratchDir dir;
  dir.write("o/.ctreport.lock", "");
  OutputFiles out(dir.path() / "o");
  out.add("a", "A");
  out.commit();
  CHECK(snapshot(dir.path() / "o") == std::map<std::string, std::string>{{"a", "A"}});
}

TEST_CASE("a symlink in place of the lock file is refused") {
  ScratchDir dir;
  fs::create_directories(dir.path() / "o");
  fs::create_symlink(dir.path() / "elsewhere", dir.path() / "o" / ".ctreport.lock");
  OutputFiles out(dir.path() / "o");
  out.add("a", "A");
  CHECK(commit_error(out) == fmt::format("cannot lock the output folder: cannot create '{}': Too many levels of symbolic "
                                         "links; nothing was written",
                                         (dir.path() / "o" / ".ctreport.lock").string()));
  CHECK_FALSE(fs::exists(dir.path() / "elsewhere"));
  CHECK_FALSE(fs::exists(dir.path() / "o" / "a"));
}

}  // TEST_SUITE
