// The bundled example: its check passes, and its committed reports are what
// the tool produces today.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/cli.hpp"

using ctreport::test::run_cli;
using ctreport::test::ScratchDir;

namespace {
std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

TEST_SUITE("cli::example") {

TEST_CASE("ctreport check passes on the bundled example") {
  ScratchDir dir;
  auto r = run_cli({"check", "2024", std::string(CTREPORT_SOURCE_DIR) + "/examples/sejours-2022-2024.csv"}, dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("0 error(s)") != std::string::npos);
}

TEST_CASE("the committed example reports are what ctreport produces") {
  ScratchDir dir;
  std::filesystem::path examples = std::filesystem::path(CTREPORT_SOURCE_DIR) / "examples";
  auto r = run_cli({"2022..2024", (examples / "sejours-2022-2024.csv").string(), "-o", "out", "-f", "md,json", "-q",
                    "--activities", (examples / "activites-2022-2024.csv").string(), "--followup",
                    (examples / "suivi-2022-2024.csv").string()},
                   dir.path());
  REQUIRE(r.exit_code == 0);
  for (std::string name : {"rapport-2022.md", "rapport-2023.md", "rapport-2024.md", "figures-2022.json",
                           "figures-2023.json", "figures-2024.json", "index.md", "index-tendance.svg", "index-occupation.svg",
                           "rapport-2024-age.svg", "rapport-2024-occupation.svg", "rapport-2024-activites.svg"}) {
    CAPTURE(name);
    CHECK(dir.read(std::string("out/") + name) == slurp(examples / "rapport" / name));
  }
}

TEST_CASE("the committed network example is the merge of the two establishments") {
  ScratchDir dir;
  std::filesystem::path examples = std::filesystem::path(CTREPORT_SOURCE_DIR) / "examples";
  REQUIRE(run_cli({"2023..2024", (examples / "sejours-2022-2024.csv").string(), "-o", "a", "-f", "json", "-q"}, dir.path())
              .exit_code == 0);
  REQUIRE(run_cli({"2023..2024", (examples / "le-moulin" / "sejours-2022-2024.csv").string(), "-o", "b", "-f", "json", "-q"},
                  dir.path())
              .exit_code == 0);
  // 2024, compared with 2023 (scripts/setup.sh example).
  REQUIRE(run_cli({"merge", "a/figures-2024.json", "b/figures-2024.json", "a/figures-2023.json", "b/figures-2023.json", "-o",
                   "net", "--name", "Réseau des CT de la Loire et du Rhône", "-q"},
                  dir.path())
              .exit_code == 0);
  for (std::string name : {"rapport-2024.md", "figures-2024.json", "rapport-2024-origine.svg"}) {
    CAPTURE(name);
    CHECK(dir.read("net/" + name) == slurp(examples / "reseau-2024" / name));
  }
}

}  // TEST_SUITE
