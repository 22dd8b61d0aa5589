// A network's figures: each establishment kept with its own figures and
// warnings, the region named only when every establishment is in it, and the
// files of earlier years paired by establishment into the years compared.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "figures/merge.hpp"
#include "model/warning_texts.hpp"
#include "render/figures_json.hpp"
#include "render/number_format.hpp"
#include "render/origin_lines.hpp"
#include "support/pipeline.hpp"
#include "util/errors.hpp"

using namespace ctreport;

namespace {

const std::string k_csv =
    "Date d'entrée;Date de sortie;Sexe;Département\n15/11/2023;10/03/2024;F;42\n01/06/2024;;Z;75\n01/02/2023;01/03/2023;M;69\n";

// An establishment's figures of `year` as `ctreport merge` reads them: through figures.json.
figures::Figures establishment(const std::string& name, const std::string& departement, int year = 2024) {
  std::string yaml = "establishment: {name: '" + name + "'" + (departement.empty() ? "" : ", departement: '" + departement + "'") +
                     "}\ncapacity: 2\n";
  return render::figures_from_json(render::figures_json_text(test::figures_of(k_csv, year, yaml)), name + ".json");
}

std::string error_of(const std::vector<figures::Figures>& in, const std::vector<std::string>& names) {
  try {
    figures::merge_network(in, names, false);
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_SUITE("figures::merge") {

TEST_CASE("each establishment keeps its own headline figures and its warnings, read back from figures.json") {
  auto m = figures::merge_figures({establishment("CT a", "42"), establishment("CT b", "69")}, {"a.json", "b.json"}, false);
  REQUIRE(m.network.members.size() == 2);
  const auto& a = m.network.members[0];
  CHECK(a.name == "CT a");
  CHECK(a.people_present == 2);
  CHECK(a.admissions == 1);
  CHECK(a.exits == 1);
  CHECK(a.bed_days == m.occupancy.bed_days / 2);
  REQUIRE(a.occupancy_rate.has_value());
  CHECK(*a.occupancy_rate == doctest::Approx(static_cast<double>(a.bed_days) / a.capacity_days));
  // The unmapped sex value, worded in French from the parameters figures.json now keeps.
  REQUIRE(a.warnings.size() == m.quality.warning_rows / 2);  // its own, all of them (missing columns too)
  CHECK(a.warnings_described);
  auto unmapped = std::find_if(a.warnings.begin(), a.warnings.end(), [](const auto& w) { return w.code == "unmapped_value"; });
  REQUIRE(unmapped != a.warnings.end());
  CHECK(model::warning_text(*unmapped, model::Lang::fr) ==
        "« Z » (colonne Sexe) ne correspond à aucune catégorie : compté en « autre »");
  CHECK(m.quality.warnings.empty());  // the network's own: none; each establishment's is with its name
}

TEST_CASE("the network's region is named only when every establishment's département is in it") {
  auto same = figures::merge_figures({establishment("CT a", "42"), establishment("CT b", "69")}, {"a", "b"}, false);
  CHECK(same.establishment.region == "Auvergne-Rhône-Alpes");
  CHECK(render::origin_is_relative(same));
  auto differ = figures::merge_figures({establishment("CT a", "42"), establishment("CT p", "75")}, {"a", "p"}, false);
  CHECK(differ.establishment.region.empty());
  CHECK(render::origin_is_relative(differ));  // each line still relative to its own establishment
  // Without a département, an establishment's French origins are all "other regions": the
  // network's département and region lines would undercount, so it shows France / abroad.
  auto without = figures::merge_figures({establishment("CT a", "42"), establishment("CT x", "")}, {"a", "x"}, false);
  CHECK(without.establishment.region.empty());
  CHECK_FALSE(render::origin_is_relative(without));
  auto shown = render::origin_as_shown(without, false);
  CHECK(test::has_line(shown, "france"));
  CHECK_FALSE(test::has_line(shown, "departement"));
}

TEST_CASE("earlier years are merged per year and compared, the same establishments each year") {
  std::vector<figures::Figures> in = {establishment("CT a", "42"), establishment("CT b", "69"),
                                      establishment("CT b", "69", 2023), establishment("CT a", "42", 2023)};
  auto years = figures::merge_network(in, {"a/24", "b/24", "b/23", "a/23"}, false);
  CHECK(years.report.period.label == "2024");
  REQUIRE(years.compared.size() == 1);
  CHECK(years.compared[0].period.label == "2023");
  CHECK(years.compared[0].network.establishments == std::vector<std::string>{"CT b", "CT a"});
  CHECK(years.compared[0].people.present == 4);  // two people in 2023 in each
  CHECK(years.not_covered.empty());

  CHECK(error_of({in[0], in[1], in[3]}, {"a/24", "b/24", "a/23"}) ==
        "b/24: no figures of 'CT b' for 2023 are given beside it: to compare the network with 2023, give the figures of "
        "2023 of each of its establishments (named by establishment.name in their config)");
  CHECK(error_of({in[0], in[1], in[2], in[3], establishment("CT c", "42", 2023)}, {"a/24", "b/24", "b/23", "a/23", "c/23"}) ==
        "c/23: 'CT c' is not one of the network's establishments in 2024: compare the network with the same establishments");
  // A single file of the latest period is no network: the period mismatch says so.
  CHECK(error_of({in[0], in[3]}, {"a/24", "a/23"}) ==
        "a/23: its period 2023 (2023-01-01 – 2023-12-31) is not the period of a/24, 2024 (2024-01-01 – 2024-12-31): "
        "merge figures of the same period");
}

TEST_CASE("an earlier year in which an establishment has no stay is not compared, and said so") {
  std::vector<figures::Figures> in = {establishment("CT a", "42"), establishment("CT b", "69"),
                                      establishment("CT a", "42", 2022), establishment("CT b", "69", 2022)};
  REQUIRE(in[2].stays.overlapping == 0);
  auto years = figures::merge_network(in, {"a/24", "b/24", "a/22", "b/22"}, false);
  CHECK(years.compared.empty());
  CHECK(years.not_covered == std::vector<std::string>{"2022"});
}

}  // TEST_SUITE
