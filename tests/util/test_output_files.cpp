// All-or-nothing output: duplicates refused, renames rolled back, no folder left.
#include <doctest/doctest.h>

#include <filesystem>

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
}  // namespace

TEST_SUITE("util::output_files") {

TEST_CASE("files are written into a new folder") {
  ScratchDir dir;
  OutputFiles out(dir.path() / "o" / "p");
  out.add("a.txt", "A");
  out.add("sub/b.txt", "B");
  auto written = out.commit();
  CHECK(written.size() == 2);
  CHECK(dir.read("o/p/a.txt") == "A");
  CHECK(dir.read("o/p/sub/b.txt") == "B");
  CHECK(dir.files() == std::vector<std::string>{"o/p/a.txt", "o/p/sub/b.txt"});
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

TEST_CASE("a failed rename puts back the files already replaced and removes the new ones") {
  ScratchDir dir;
  dir.write("o/a.txt", "old");
  fs::create_directories(dir.path() / "o" / "c.txt");  // in the way of the third output
  OutputFiles out(dir.path() / "o");
  out.add("a.txt", "new");
  out.add("b.txt", "B");
  out.add("c.txt", "C");
  CHECK(commit_error(out) == "cannot write '" + (dir.path() / "o" / "c.txt").string() +
                                 "': a folder of that name is in the way; nothing was written");
  CHECK(dir.read("o/a.txt") == "old");
  CHECK(dir.files() == std::vector<std::string>{"o/a.txt"});  // no b.txt, no temporaries, no backups
  CHECK(fs::is_directory(dir.path() / "o" / "c.txt"));
}

TEST_CASE("a failed commit removes the folders it created") {
  ScratchDir dir;
  OutputFiles out(dir.path() / "new" / "out");
  out.add("d/x.txt", "X");
  out.add("d", "D");  // d is the folder of the first output: its rename fails
  CHECK_FALSE(commit_error(out).empty());
  CHECK_FALSE(fs::exists(dir.path() / "new"));
}

}  // TEST_SUITE
