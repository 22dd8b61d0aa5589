// The data warnings of figures.json read back: with their parameters, so that
// a network's report words them in its language; an older file's, without,
// keep their English message; a warning of the wrong shape is refused.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "model/warning_texts.hpp"
#include "render/figures_json.hpp"
#include "support/pipeline.hpp"
#include "util/errors.hpp"

using namespace ctreport;

namespace {

std::string written() {
  return render::figures_json_text(
      test::figures_of("Date d'entrée;Sexe;Motif de sortie;Date de sortie\n01/02/2024;Z;;\n01/03/2024;F;Autre;02/04/2024\n", 2024));
}

}  // namespace

TEST_SUITE("render::figures_json") {

TEST_CASE("warnings read back with their code, rows, value and parameters") {
  auto original = test::figures_of("Date d'entrée;Sexe\n01/02/2024;Z\n", 2024);
  auto back = render::figures_from_json(render::figures_json_text(original), "f.json");
  REQUIRE(back.quality.warnings.size() == original.quality.warnings.size());
  REQUIRE_FALSE(back.quality.warnings.empty());
  CHECK(back.quality.warnings_described);
  for (size_t i = 0; i < back.quality.warnings.size(); ++i) {
    const auto &a = original.quality.warnings[i], &b = back.quality.warnings[i];
    CAPTURE(a.code);
    CHECK(b.code == a.code);
    CHECK(b.row == a.row);
    CHECK(b.count == a.count);
    CHECK(b.column == a.column);
    CHECK(b.value == a.value);
    auto sorted = [](auto params) {  // read back by name, in the order of their names
      std::sort(params.begin(), params.end());
      return params;
    };
    CHECK(sorted(b.params) == sorted(a.params));
    CHECK(model::warning_text(b, model::Lang::fr) == model::warning_text(a, model::Lang::fr));
  }
}

TEST_CASE("an older figures file's warnings keep their English message only") {
  auto j = nlohmann::json::parse(written());
  for (auto& w : j["quality"]["warnings"]) {
    w.erase("params");
    w.erase("value");
  }
  auto back = render::figures_from_json(j.dump(), "old.json");
  REQUIRE_FALSE(back.quality.warnings.empty());
  CHECK_FALSE(back.quality.warnings_described);
  CHECK(back.quality.warnings[0].message == j["quality"]["warnings"][0]["message"]);
}

TEST_CASE("a warning of the wrong shape is refused with its key path") {
  auto j = nlohmann::json::parse(written());
  j["quality"]["warnings"][0]["params"]["field"] = 3;
  CHECK_THROWS_WITH_AS(render::figures_from_json(j.dump(), "a.json"),
                       "a.json: quality.warnings[0].params.field: expected a text, found 3", DataError);
  j = nlohmann::json::parse(written());
  j["quality"]["warnings"][1]["row"] = -2;
  CHECK_THROWS_WITH_AS(render::figures_from_json(j.dump(), "a.json"),
                       "a.json: quality.warnings[1].row: -2 is not a count (expected a whole number from 0 to 10^12)",
                       DataError);
  j = nlohmann::json::parse(written());
  j["quality"]["warnings"] = "none";
  CHECK_THROWS_WITH_AS(render::figures_from_json(j.dump(), "a.json"),
                       "a.json: quality.warnings: expected a list of warnings, found 'none'", DataError);
}

}  // TEST_SUITE
