// Tests of reading a figures.json back (for merge): a file written by ctreport
// round-trips; a hand-edited or foreign one is refused with the file and the key
// path of the first bad value, before any figure is added up.
#include <doctest/doctest.h>

#include <cstdint>
#include <functional>
#include <limits>

#include <nlohmann/json.hpp>

#include "figures/merge.hpp"
#include "render/figures_json.hpp"
#include "render/figures_json_validation.hpp"
#include "support/pipeline.hpp"
#include "util/errors.hpp"

using namespace ctreport;

namespace {

nlohmann::json written() {
  static const std::string text = render::figures_json_text(test::figures_of(
      "Date d'entrée;Date de sortie;Sexe;Date de naissance\n01/02/2024;10/03/2024;F;01/01/1980\n01/06/2023;;M;\n", 2024));
  return nlohmann::json::parse(text);
}

// The error of reading `written()` changed by `edit`, or "" when it reads.
std::string error_of(const std::function<void(nlohmann::json&)>& edit) {
  nlohmann::json j = written();
  edit(j);
  try {
    render::figures_from_json(j.dump(), "a/figures-2024.json");
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_SUITE("render::figures_json") {

TEST_CASE("a figures file written by ctreport reads back") {
  CHECK(error_of([](nlohmann::json&) {}) == "");
  auto f = render::figures_from_json(written().dump(), "a.json");
  CHECK(f.people.present == 2);
  CHECK(f.occupancy.monthly.size() == 12);
}

TEST_CASE("a month that is not a month is refused with its key path") {
  // merge read k_days[12] out of range for '2024-13' (ASan) and failed on stoi for ''.
  CHECK(error_of([](nlohmann::json& j) { j["occupancy"]["monthly"][3]["month"] = "2024-13"; }) ==
        "a/figures-2024.json: occupancy.monthly[3].month: '2024-13' is not a month (expected YYYY-MM)");
  CHECK(error_of([](nlohmann::json& j) { j["occupancy"]["monthly"][0]["month"] = ""; }) ==
        "a/figures-2024.json: occupancy.monthly[0].month: '' is not a month (expected YYYY-MM)");
  CHECK(error_of([](nlohmann::json& j) { j["occupancy"]["monthly"][0]["month"] = "2023-12"; }) ==
        "a/figures-2024.json: occupancy.monthly[0].month: '2023-12' is outside the period (2024-01-01 to 2024-12-31)");
  CHECK(error_of([](nlohmann::json& j) { j["occupancy"]["monthly"][1]["month"] = "2024-01"; }) ==
        "a/figures-2024.json: occupancy.monthly[1].month: '2024-01' is given twice");
}

TEST_CASE("counts must be whole numbers from 0 to 10^12") {
  // 1e308 and INT64_MAX were undefined behaviour (UBSan) and gave negative sums; negative counts were summed.
  CHECK(error_of([](nlohmann::json& j) { j["people"]["present"] = 1e308; }) ==
        "a/figures-2024.json: people.present: 1e+308 is not a count (expected a whole number from 0 to 10^12)");
  CHECK(error_of([](nlohmann::json& j) { j["people"]["present"] = std::numeric_limits<int64_t>::max(); }) ==
        "a/figures-2024.json: people.present: 9223372036854775807 is not a count (expected a whole number from 0 to "
        "10^12)");
  CHECK(error_of([](nlohmann::json& j) { j["sex"]["categories"][1]["count"] = -3; }) ==
        "a/figures-2024.json: sex.categories[1].count: -3 is not a count (expected a whole number from 0 to 10^12)");
  CHECK(error_of([](nlohmann::json& j) { j["stays"]["exits"] = "1"; }) ==
        "a/figures-2024.json: stays.exits: '1' is not a count (expected a whole number from 0 to 10^12)");
  CHECK(error_of([](nlohmann::json& j) { j["exits"]["employment"]["count"] = 2.5; }) ==
        "a/figures-2024.json: exits.employment.count: 2.5 is not a count (expected a whole number from 0 to 10^12)");
  CHECK(error_of([](nlohmann::json& j) { j["people"]["present"] = render::k_max_figures_count; }) == "");
  CHECK(error_of([](nlohmann::json& j) { j["people"]["present"] = render::k_max_figures_count + 1; }) != "");
}

TEST_CASE("shares, dates, periods, settings and types are checked") {
  CHECK(error_of([](nlohmann::json& j) { j["sex"]["categories"][0]["share"] = 1.5; }) ==
        "a/figures-2024.json: sex.categories[0].share: 1.5 is not a share (expected a number from 0 to 1, or null)");
  CHECK(error_of([](nlohmann::json& j) { j["period"]["start"] = "2024-02-30"; }) ==
        "a/figures-2024.json: period.start: '2024-02-30' is not a date (expected YYYY-MM-DD)");
  CHECK(error_of([](nlohmann::json& j) { j["period"]["days"] = 365; }) ==
        "a/figures-2024.json: period.days: 365 is not the number of days from 2024-01-01 to 2024-12-31 (366)");
  CHECK(error_of([](nlohmann::json& j) { j["counting"]["bed_days"] = "weeks"; }) ==
        "a/figures-2024.json: counting.bed_days: 'weeks' is not allowed (expected one of: nights, days)");
  CHECK(error_of([](nlohmann::json& j) { j["occupancy"]["peak_date"] = "tomorrow"; }) ==
        "a/figures-2024.json: occupancy.peak_date: 'tomorrow' is not a date (expected YYYY-MM-DD)");
  CHECK(error_of([](nlohmann::json& j) { j["occupancy"]["places_start"] = 1e9; }) ==
        "a/figures-2024.json: occupancy.places_start: expected a whole number from 0 to 1000000, found 1000000000.0");
  CHECK(error_of([](nlohmann::json& j) { j["age"]["max"] = 200; }) ==
        "a/figures-2024.json: age.max: 200 is out of range (expected a whole number from 0 to 150)");
  CHECK(error_of([](nlohmann::json& j) { j["sex"]["categories"][2]["key"] = "F"; }) ==
        "a/figures-2024.json: sex.categories[2].key: 'F' is given twice");
  CHECK(error_of([](nlohmann::json& j) { j["sex"] = nlohmann::json::array(); }) ==
        "a/figures-2024.json: sex: expected an object, found a list");
  CHECK(error_of([](nlohmann::json& j) { j["exits"].erase("training"); }) == "a/figures-2024.json: exits.training: missing");
  CHECK(error_of([](nlohmann::json& j) { j["network"] = {{"establishments", {"A", 3}}, {"not_mergeable", nlohmann::json::array()}}; }) ==
        "a/figures-2024.json: network.establishments[1]: expected a text, found 3");
}

TEST_CASE("a figures text larger than 16 MiB or nested deeper than a figures file is refused") {
  std::string big = "{\"schema\": \"ctreport/figures/v1\", \"x\": \"" + std::string(render::k_max_figures_bytes, 'a') + "\"}";
  CHECK_THROWS_WITH_AS(render::figures_from_json(big, "big.json"), "big.json: larger than 16 MiB: not a figures file",
                       DataError);
  std::string deep = "{\"schema\": \"ctreport/figures/v1\", \"x\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  CHECK_THROWS_WITH_AS(render::figures_from_json(deep, "deep.json"),
                       "deep.json: nested more than 16 levels deep: not a figures file", DataError);
}

TEST_CASE("merge refuses sums that would overflow and months that are not months, whoever calls it") {
  figures::Figures a = render::figures_from_json(written().dump(), "a.json");
  figures::Figures b = a;
  a.establishment.name = "A";
  b.establishment.name = "B";
  b.people.present = std::numeric_limits<int64_t>::max();
  CHECK_THROWS_WITH_AS(figures::merge_figures({a, b}, {"a.json", "b.json"}, false),
                       "the merged counts are too large to add up: merge figures files written by ctreport", DataError);
  b = a;
  b.establishment.name = "B";
  b.occupancy.monthly[2].month = "2024-13";
  CHECK_THROWS_WITH_AS(figures::merge_figures({a, b}, {"a.json", "b.json"}, false),
                       "'2024-13' is not a month (expected YYYY-MM)", DataError);
}

}  // TEST_SUITE
