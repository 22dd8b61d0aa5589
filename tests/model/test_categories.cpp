// Category values by phrase: whole words, the longest overlapping phrase,
// ambiguity between two categories; the shipped French values of real exports.
#include <doctest/doctest.h>

#include "model/config.hpp"

using namespace ctreport;
using model::CategoryField;
using model::MatchKind;

namespace {

std::pair<std::string, MatchKind> classify(CategoryField f, const std::string& value) {
  static const model::Config config = model::default_config();
  const auto& set = config.category_set(f);
  std::string scratch;
  auto c = set.classify_value(value, scratch);
  std::string key = c.index < set.categories().size() ? set.categories()[c.index].key : "";
  return {key, c.kind};
}

}  // namespace

TEST_SUITE("model::categories") {

TEST_CASE("values as real exports write them are mapped by phrase") {
  using P = std::pair<std::string, MatchKind>;
  CHECK(classify(CategoryField::referral, "CSAPA de Lyon") == P{"medico_social", MatchKind::phrase});
  CHECK(classify(CategoryField::referral, "Médecin de ville") == P{"health", MatchKind::exact});
  CHECK(classify(CategoryField::referral, "CMP / psychiatrie") == P{"health", MatchKind::phrase});
  CHECK(classify(CategoryField::referral, "Service d'addictologie (sevrage)") == P{"health", MatchKind::phrase});
  CHECK(classify(CategoryField::referral, "Post-cure / SSR") == P{"health", MatchKind::phrase});
  CHECK(classify(CategoryField::exit_reason, "Fin de contrat (terme)") == P{"term", MatchKind::phrase});
  CHECK(classify(CategoryField::housing_at_exit, "Logement accompagné / résidence sociale") ==
        P{"supported_housing", MatchKind::phrase});
  CHECK(classify(CategoryField::housing_at_exit, "Hébergé chez un tiers") == P{"family", MatchKind::exact});
  CHECK(classify(CategoryField::housing_at_exit, "Hébergé chez une tierce personne : tiers") == P{"family", MatchKind::phrase});
}

TEST_CASE("overlapping phrases keep the longest, two categories are ambiguous") {
  using P = std::pair<std::string, MatchKind>;
  // "hébergement d'urgence" (no solution) holds "hébergement" (shelter).
  CHECK(classify(CategoryField::housing_at_exit, "Hébergement d'urgence (115)") == P{"none", MatchKind::phrase});
  CHECK(classify(CategoryField::activity_at_exit, "Inscrit à Pôle emploi") == P{"job_seeking", MatchKind::phrase});
  CHECK(classify(CategoryField::referral, "Hôpital - service social").second == MatchKind::ambiguous);
  CHECK(classify(CategoryField::referral, "Divers").second == MatchKind::none);
  CHECK(classify(CategoryField::referral, "NR").second == MatchKind::missing);
  // Whole words only: "ACT" is not found in "contact".
  CHECK(classify(CategoryField::housing_at_exit, "Contact perdu").second == MatchKind::none);
}

}  // TEST_SUITE
