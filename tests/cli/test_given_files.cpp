// The files a user gives besides the data (config, figures files for merge,
// templates), malformed or oversized: always exit 1 or 2 with a message naming
// the file (and the line or key), never an internal error or a crash.
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "support/cli.hpp"

using ctreport::test::run_cli;
using ctreport::test::ScratchDir;

namespace {
const std::string k_csv = "Date d'entrée;Sexe\n01/02/2024;F\n";
}  // namespace

TEST_SUITE("cli::given_files") {

TEST_CASE("a config with a Latin-1 byte is refused with its line, in every format") {
  ScratchDir dir;
  dir.write("d.csv", k_csv);
  dir.write("latin.yaml", "establishment:\n  name: CT Les \xE9toiles\n");
  for (const char* format : {"json", "md"}) {
    CAPTURE(std::string(format));
    auto r = run_cli({"2024", "d.csv", "-c", "latin.yaml", "-o", "out", "-f", format}, dir.path());
    CHECK(r.exit_code == 1);
    CHECK(r.err == "ctreport: error: latin.yaml:2: not valid UTF-8 (a Latin-1 or Windows-1252 character?): save the "
                   "file as UTF-8\n");
    CHECK_FALSE(dir.exists("out"));
  }
}

TEST_CASE("a deeply nested config, a complex key and an oversized config are errors naming the file") {
  ScratchDir dir;
  dir.write("d.csv", k_csv);
  dir.write("deep.yaml", "establishment: " + std::string(100000, '[') + "\n");
  auto deep = run_cli({"2024", "d.csv", "-c", "deep.yaml"}, dir.path());
  CHECK(deep.exit_code == 1);
  CHECK(deep.err == "ctreport: error: deep.yaml:1: nested more than 32 levels deep (lists and mappings in one another)\n");
  dir.write("key.yaml", "? [a, b] : 1\n");
  auto key = run_cli({"2024", "d.csv", "-c", "key.yaml"}, dir.path());
  CHECK(key.exit_code == 1);
  CHECK(key.err == "ctreport: error: key.yaml:1: a key must be a text, not a list or a mapping\n");
  dir.write("big.yaml", std::string((1 << 20) + 1, '#'));
  auto big = run_cli({"2024", "d.csv", "-c", "big.yaml"}, dir.path());
  CHECK(big.exit_code == 2);
  CHECK(big.err == "ctreport: error: cannot use config file 'big.yaml': larger than 1 MiB, the most a config file may be\n");
  auto check = run_cli({"check", "2024", "d.csv", "-c", "key.yaml", "--format", "github"}, dir.path());
  CHECK(check.exit_code == 1);
  CHECK(check.out.find("file=key.yaml,line=1") != std::string::npos);
}

TEST_CASE("merge refuses a figures file with a bad month or count, naming the file and key, and writes nothing") {
  ScratchDir dir;
  dir.write("d.csv", k_csv);
  dir.write("a.yaml", "establishment: {name: CT a}\n");
  dir.write("b.yaml", "establishment: {name: CT b}\n");
  REQUIRE(run_cli({"2024", "d.csv", "-c", "a.yaml", "-o", "a", "-f", "json", "-q"}, dir.path()).exit_code == 0);
  REQUIRE(run_cli({"2024", "d.csv", "-c", "b.yaml", "-o", "b", "-f", "json", "-q"}, dir.path()).exit_code == 0);
  std::string b = dir.read("b/figures-2024.json");
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string t = b;
    size_t at = t.find(from);
    REQUIRE(at != std::string::npos);
    return t.replace(at, from.size(), to);
  };
  dir.write("month.json", replaced("\"month\": \"2024-04\"", "\"month\": \"2024-13\""));
  auto month = run_cli({"merge", "a/figures-2024.json", "month.json", "-o", "net"}, dir.path());
  CHECK(month.exit_code == 1);
  CHECK(month.err == "ctreport: error: month.json: occupancy.monthly[3].month: '2024-13' is not a month (expected YYYY-MM)\n");
  dir.write("count.json", replaced("\"present\": 1,", "\"present\": 9223372036854775807,"));
  auto count = run_cli({"merge", "a/figures-2024.json", "count.json", "-o", "net"}, dir.path());
  CHECK(count.exit_code == 1);
  CHECK(count.err == "ctreport: error: count.json: people.present: 9223372036854775807 is not a count (expected a whole "
                     "number from 0 to 10^12)\n");
  CHECK_FALSE(dir.exists("net"));
}

TEST_CASE("merge refuses a figures file larger than 16 MiB before reading it") {
  ScratchDir dir;
  dir.write("d.csv", k_csv);
  REQUIRE(run_cli({"2024", "d.csv", "-o", "a", "-f", "json", "-q"}, dir.path()).exit_code == 0);
  dir.write("big.json", std::string((16 << 20) + 1, ' '));
  auto r = run_cli({"merge", "a/figures-2024.json", "big.json", "-o", "net"}, dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err == "ctreport: error: cannot use figures file 'big.json': larger than 16 MiB, the most a figures file may be\n");
}

TEST_CASE("a template nested too deep or too large is refused with its name, before anything is written") {
  ScratchDir dir;
  dir.write("d.csv", k_csv);
  std::string deep;
  for (int i = 0; i < 10000; ++i) deep += "{{#establishment}}";
  dir.write("deep.md", "# {{establishment.name}}\n" + deep);
  auto r = run_cli({"2024", "d.csv", "--template", "deep.md", "-o", "out"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err == "ctreport: error: template deep.md:2: section \"establishment\" is nested more than 100 levels deep\n");
  CHECK_FALSE(dir.exists("out"));
  dir.write("big.md", std::string((1 << 20) + 1, 'x'));
  auto big = run_cli({"2024", "d.csv", "--template", "big.md", "-o", "out"}, dir.path());
  CHECK(big.exit_code == 2);
  CHECK(big.err == "ctreport: error: cannot use template 'big.md': larger than 1 MiB, the most a template may be\n");
}

TEST_CASE("a documented by_key variable renders whatever the data: by_key.unknown without unknown values") {
  ScratchDir dir;
  dir.write("d.csv", k_csv);
  dir.write("t.md", "{{sex.by_key.F.count}} F, {{sex.by_key.unknown.count}} non renseigné, {{sex.by_key.other.count}} autre\n");
  auto r = run_cli({"2024", "d.csv", "--template", "t.md", "-o", "out", "-q"}, dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  CHECK(dir.read("out/rapport-2024.md") == "1 F, 0 non renseigné, 0 autre\n");
}

TEST_CASE("merge of figures files with the largest counts allowed renders small charts, quickly") {
  // Monthly bed-days of 10^12 gave a y axis of millions of ticks: 9.5 GB and minutes in the occupancy chart.
  ScratchDir dir;
  dir.write("d.csv", k_csv);
  dir.write("a.yaml", "establishment: {name: CT a}\n");
  dir.write("b.yaml", "establishment: {name: CT b}\n");
  REQUIRE(run_cli({"2024", "d.csv", "-c", "a.yaml", "-o", "a", "-f", "json", "-q"}, dir.path()).exit_code == 0);
  REQUIRE(run_cli({"2024", "d.csv", "-c", "b.yaml", "-o", "b", "-f", "json", "-q"}, dir.path()).exit_code == 0);
  auto j = nlohmann::json::parse(dir.read("b/figures-2024.json"));
  for (auto& m : j["occupancy"]["monthly"]) m["bed_days"] = 1'000'000'000'000;
  j["people"]["present"] = 1'000'000'000'000;
  dir.write("b/figures-2024.json", j.dump());
  auto r = run_cli({"merge", "a/figures-2024.json", "b/figures-2024.json", "-o", "net", "-q"}, dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  CHECK(dir.read("net/rapport-2024-occupation.svg").size() < 20000);
  CHECK(nlohmann::json::parse(dir.read("net/figures-2024.json"))["people"]["present"] == 1'000'000'000'001);
}

}  // TEST_SUITE
