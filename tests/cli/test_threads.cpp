// --threads: a batch computed on one or two threads writes the same bytes,
// and a bad count is refused as a usage error.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/cli.hpp"

using ctreport::test::run_cli;
using ctreport::test::ScratchDir;

namespace {

// The files below `folder` of `dir`, named relative to it.
std::vector<std::string> files_in(const ScratchDir& dir, const std::string& folder) {
  std::vector<std::string> names;
  for (const auto& name : dir.files())
    if (name.rfind(folder, 0) == 0) names.push_back(name.substr(folder.size()));
  return names;
}

// The runs into one/ and two/ wrote the same files, byte for byte.
void check_same_files(const ScratchDir& dir, const std::vector<std::string>& one, const std::vector<std::string>& two) {
  CHECK(one == two);
  for (const auto& name : one) {
    INFO(name);
    CHECK(dir.read("one/" + name) == dir.read("two/" + name));
  }
}

}  // namespace

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
  const std::vector<std::string> one = files_in(dir, "one/"), two = files_in(dir, "two/");
  REQUIRE(one.size() >= 10);  // three years of md, tex and json, the index, the charts
  check_same_files(dir, one, two);
}

TEST_CASE("--threads 0 is refused as a usage error") {
  ScratchDir dir;
  dir.write("s.csv", "Date d'entrée;Date de sortie\n01/02/2024;\n");
  auto r = run_cli({"2024", "s.csv", "--threads", "0"}, dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--threads") != std::string::npos);
}

TEST_CASE("--by site writes the same files with --threads 1 and --threads 2") {
  ScratchDir dir;
  std::string csv = "N° dossier;Sexe;Date d'entrée;Date de sortie;Établissement\n";
  const char* sites[] = {"Le Moulin", "Les Tilleuls", "La Source", "Le Phare"};
  for (int i = 0; i < 40; ++i)
    csv += std::to_string(i % 29) + ";" + (i % 3 ? "H" : "F") + ";" + std::to_string(1 + i % 27) + "/0" +
           std::to_string(1 + i % 9) + "/202" + std::to_string(2 + i % 3) + ";" + (i % 4 ? "" : "28/12/2024") + ";" +
           sites[i % 4] + "\n";
  dir.write("s.csv", csv);
  auto run = [&](const std::string& threads, const std::string& out) {
    return run_cli({"2023..2024", "s.csv", "--by", "site", "-o", out, "-f", "md,json,xlsx", "-q", "--threads", threads},
                   dir.path());
  };
  REQUIRE(run("1", "one").exit_code == 0);
  REQUIRE(run("2", "two").exit_code == 0);
  const std::vector<std::string> one = files_in(dir, "one/"), two = files_in(dir, "two/");
  // Two years, each for the whole and for the four sites, in three formats (and the charts).
  REQUIRE(std::count_if(one.begin(), one.end(), [](const std::string& n) { return n.find("figures-") == 0; }) == 10);
  check_same_files(dir, one, two);
}
