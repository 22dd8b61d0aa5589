// Tests of the départements table and of origin resolution.
#include <doctest/doctest.h>

#include <map>

#include "model/geography.hpp"

using namespace ctreport::model;

namespace {
std::string code_of(std::string_view raw) {
  const auto& g = Geography::builtin();
  Origin o = g.resolve(raw);
  switch (o.kind) {
    case Origin::Kind::departement: return g.departements()[static_cast<size_t>(o.index)].code;
    case Origin::Kind::abroad: return "abroad";
    case Origin::Kind::unknown: return "unknown";
    case Origin::Kind::unresolved: return "unresolved";
  }
  return "";
}
}  // namespace

TEST_SUITE("model::geography") {

TEST_CASE("the table holds the 101 départements and 6 overseas collectivities") {
  const auto& g = Geography::builtin();
  CHECK(g.departements().size() == 107);
  std::map<std::string, int> per_region;
  for (const auto& d : g.departements()) ++per_region[d.region];
  CHECK(per_region["Île-de-France"] == 8);
  CHECK(per_region["Auvergne-Rhône-Alpes"] == 12);
  CHECK(per_region["Occitanie"] == 13);
  CHECK(per_region["Nouvelle-Aquitaine"] == 12);
  CHECK(per_region["Grand Est"] == 10);
  CHECK(per_region["Hauts-de-France"] == 5);
  CHECK(per_region["Normandie"] == 5);
  CHECK(per_region["Bretagne"] == 4);
  CHECK(per_region["Pays de la Loire"] == 5);
  CHECK(per_region["Centre-Val de Loire"] == 6);
  CHECK(per_region["Bourgogne-Franche-Comté"] == 8);
  CHECK(per_region["Provence-Alpes-Côte d'Azur"] == 6);
  CHECK(per_region["Corse"] == 2);
  CHECK(g.find("42")->name == "Loire");
  CHECK(g.find("974")->region == "La Réunion");
}

TEST_CASE("département codes") {
  CHECK(code_of("42") == "42");
  CHECK(code_of("01") == "01");
  CHECK(code_of("1") == "01");
  CHECK(code_of("2a") == "2A");
  CHECK(code_of("2B") == "2B");
  CHECK(code_of("971") == "971");
  CHECK(code_of("988") == "988");
  CHECK(code_of("20") == "unresolved");
  CHECK(code_of("99") == "abroad");  // INSEE's code of foreign countries
}

TEST_CASE("postal codes, Corsica and overseas included") {
  CHECK(code_of("42600") == "42");
  CHECK(code_of("69003") == "69");
  CHECK(code_of("1000") == "01");
  CHECK(code_of("20000") == "2A");
  CHECK(code_of("20090") == "2A");
  CHECK(code_of("20200") == "2B");
  CHECK(code_of("20600") == "2B");
  CHECK(code_of("97400") == "974");
  CHECK(code_of("97133") == "977");
  CHECK(code_of("97150") == "978");
  CHECK(code_of("98800") == "988");
  CHECK(code_of("98000") == "abroad");  // Monaco
}

TEST_CASE("département names, accent- and case-insensitive, saint abbreviated") {
  CHECK(code_of("Loire") == "42");
  CHECK(code_of("loire-atlantique") == "44");
  CHECK(code_of("BOUCHES DU RHONE") == "13");
  CHECK(code_of("Seine St Denis") == "93");
  CHECK(code_of("Côtes-d'Armor") == "22");
  CHECK(code_of("Auvergne-Rhône-Alpes") == "unresolved");  // a region is not a département
}

TEST_CASE("abroad, unknown and unresolved") {
  CHECK(code_of("Algérie") == "abroad");
  CHECK(code_of("étranger") == "abroad");
  CHECK(code_of("Côte d'Ivoire") == "abroad");
  CHECK(code_of("") == "unknown");
  CHECK(code_of("NR") == "unknown");
  CHECK(code_of("?") == "unknown");
  CHECK(code_of("Atlantide") == "unresolved");
}

TEST_CASE("classes relative to the establishment") {
  const auto& g = Geography::builtin();
  CHECK(g.classify(g.resolve("42"), "42") == OriginClass::departement);
  CHECK(g.classify(g.resolve("69"), "42") == OriginClass::region);
  CHECK(g.classify(g.resolve("75"), "42") == OriginClass::other_region);
  CHECK(g.classify(g.resolve("Algérie"), "42") == OriginClass::abroad);
  CHECK(g.classify(g.resolve(""), "42") == OriginClass::unknown);
  CHECK(g.normalize_code("2a") == std::optional<std::string>("2A"));
  CHECK(g.normalize_code("99") == std::nullopt);
}

}  // TEST_SUITE

TEST_CASE("origins inside a longer value") {
  const auto& g = ctreport::model::Geography::builtin();
  auto code = [&](const char* raw) -> std::string {
    auto o = g.resolve(raw);
    if (o.kind == ctreport::model::Origin::Kind::abroad) return "abroad";
    if (o.kind != ctreport::model::Origin::Kind::departement) return "-";
    CHECK(o.in_text);
    return g.departements()[static_cast<size_t>(o.index)].code;
  };
  CHECK(code("42600 Montbrison") == "42");
  CHECK(code("Saint-Étienne (42000)") == "42");
  CHECK(code("Lyon 3e - 69003") == "69");
  CHECK(code("Le Puy, Haute-Loire") == "43");  // not Loire
  CHECK(code("Vienne (38200)") == "38");       // the postal code decides over a name
  CHECK(code("42000 ou 69003") == "-");         // two départements: unresolved
  CHECK(code("Madrid, Espagne") == "abroad");
  CHECK(g.resolve("99").kind == ctreport::model::Origin::Kind::abroad);
  CHECK(g.resolve("99134").kind == ctreport::model::Origin::Kind::abroad);
  CHECK_FALSE(g.resolve("42").in_text);
}
