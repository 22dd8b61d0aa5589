// --threads: a batch computed on one or two threads writes the same bytes,
// and a bad count is refused as a usage error.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/cli.hpp"

using ctreport::test::run_cli;
using ctreport::test::ScratchDir;

TEST_CASE("a batch writes the same files with --threads 1 and --threads 2") {
  ScratchDir dir;
  const std::filesystem::path examples = std::filesystem::path(CTREPORT_SOURCE_DIR) / "examples";
  auto run = [&](const std::string& threads, const std::string& out) {
    return run_cli({"2022..2024", (examples / "sejours-2022-2024.csv").string(), "-c",
                    (examples / "ctreport.yaml").string(), "-o", out, "-f", "md,tex,json", "-q", "--activities",
                    (examples / "activites-2022-2024.csv").string(), "--followup",
                    (examples / "suivi-2022-2024.csv").string(), "--threads", threads},
                   dir.path());
  };
  REQUIRE(run("1", "one").exit_code == 0);
  REQUIRE(run("2", "two").exit_code == 0);
  std::vector<std::string> one, two;
  for (const auto& name : dir.files()) {
    if (name.rfind("one/", 0) == 0) one.push_back(name.substr(4));
    if (name.rfind("two/", 0) == 0) two.push_back(name.substr(4));
  }
  REQUIRE(one.size() >= 10);  // three years of md, tex and json, the index, the charts
  CHECK(one == two);
  for (const auto& name : one) {
    INFO(name);
    CHECK(dir.read("one/" + name) == dir.read("two/" + name));
  }
}

TEST_CASE("--threads 0 is refused as a usage error") {
  ScratchDir dir;
  dir.write("s.csv", "Date d'entrée;Date de sortie\n01/02/2024;\n");
  auto r = run_cli({"2024", "s.csv", "--threads", "0"}, dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--threads") != std::string::npos);
}
