// The follow-up file's reader: reached or not, its headers, the situations
// read only when reached, the errors naming the file, row, column, value and
// what was expected, and the config's own headers and category lists.
#include <doctest/doctest.h>

#include "input/csv_reader.hpp"
#include "input/followup_reader.hpp"
#include "model/period.hpp"
#include "support/pipeline.hpp"
#include "util/errors.hpp"

using namespace ctreport;

namespace {

input::FollowupReadResult read(const std::string& csv, const model::Config& config = model::default_config()) {
  auto reader = input::CsvReader::from_string(csv);
  input::FollowupReadOptions options;
  options.periods = {model::make_period(2024, 1)};
  return input::read_followup(*reader, "suivi.csv", config, options);
}

std::string error_of(const std::string& csv) {
  try {
    read(csv);
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_SUITE("input::followup") {

TEST_CASE("reached or not, in the words people type") {
  for (const char* yes : {"oui", "Oui", "OUI", "yes", "1", "x", "joint", "Jointe", "abouti", "reached"})
    CHECK_MESSAGE(input::parse_reached(yes) == std::optional<bool>(true), yes);
  for (const char* no : {"non", "Non", "no", "0", "non joint", "non jointe", "injoignable", "messagerie", "sans réponse"})
    CHECK_MESSAGE(input::parse_reached(no) == std::optional<bool>(false), no);
  for (const char* neither : {"peut-être", "2", "rappeler", "?"})
    CHECK_MESSAGE(!input::parse_reached(neither), neither);
}

TEST_CASE("headers recognised by their words, French and English, unused ones listed") {
  auto fr = read("N° dossier;Date de l'appel;Joint;Logement;Activité;Consommation;Soins en cours;Appelant\n"
                 "A;05/04/2024;oui;locataire;CDI;abstinent;oui;Marie\n");
  CHECK(fr.log.mapping == std::vector<std::pair<std::string, std::string>>{{"person_id", "N° dossier"},
                                                                           {"date", "Date de l'appel"},
                                                                           {"reached", "Joint"},
                                                                           {"housing", "Logement"},
                                                                           {"activity", "Activité"},
                                                                           {"consumption", "Consommation"},
                                                                           {"care", "Soins en cours"}});
  CHECK(fr.log.unused_headers == std::vector<std::string>{"Appelant"});
  auto en = read("Client ID;Contact date;Reached;Housing\nA;2024-04-05;yes;rental\n");
  CHECK(en.log.has(model::FollowupField::housing));
  CHECK_FALSE(en.log.has(model::FollowupField::care));
  REQUIRE(en.log.contacts.size() == 1);
  CHECK(en.log.contacts[0].reached);
}

TEST_CASE("the situation is read only when reached, by the stays' categories at exit") {
  auto r = read("N° dossier;Date;Joint;Logement;Consommation\n"
                "A;05/04/2024;oui;locataire;consommation maîtrisée\n"
                "A;06/04/2024;non;locataire;reprise\n"
                "A;07/04/2024;oui;;\n");
  REQUIRE(r.log.contacts.size() == 3);
  const auto& config = model::default_config();
  const auto& housing = config.category_set(model::CategoryField::housing_at_exit).categories();
  CHECK(housing[r.log.contacts[0].housing].key == "own_housing");
  CHECK(config.followup.consumption.categories()[r.log.contacts[0].consumption].key == "controlled");
  CHECK(r.log.contacts[1].housing == model::k_unknown_category);  // not reached: not read
  CHECK(r.log.contacts[2].housing == model::k_unknown_category);  // reached, not filled
  CHECK(r.log.contacts[0].care == model::k_unknown_category);     // no column
  CHECK(r.warnings.empty());
}

TEST_CASE("a situation that maps to no category is a warning, counted as other") {
  auto r = read("N° dossier;Date;Joint;Consommation\nA;05/04/2024;oui;on verra\n");
  CHECK(r.log.contacts[0].consumption == model::k_other_category);
  auto list = r.warnings.list();
  REQUIRE(list.size() == 1);
  CHECK(list[0].code == "unmapped_followup_value");
  CHECK(list[0].message == "suivi.csv: 'on verra' maps to no category of followup_consumption: counted as other");
}

TEST_CASE("contacts far from the period are counted, not kept, the file's dates are all rows'") {
  auto r = read("N° dossier;Date;Joint\nA;15/11/2023;non\nA;20/11/2023;non\nB;05/04/2024;oui\nC;20/02/2025;non\n\n");
  CHECK(r.log.rows_read == 4);
  CHECK(r.log.rows_outside == 2);  // 15/11/2023 and 20/02/2025 are more than 45 days from 2024
  CHECK(r.log.contacts.size() == 2);
  CHECK(util::iso(r.log.first_date) == "2023-11-15");
  CHECK(util::iso(r.log.last_date) == "2025-02-20");
}

TEST_CASE("a missing person, date or reached column is an error naming the file and the headers") {
  CHECK(error_of("N° dossier;Date\nA;05/04/2024\n") ==
        "suivi.csv: no follow-up header found in the first 30 rows: expected a person-identifier column (e.g. 'N° "
        "dossier'), a date column (e.g. 'Date du contact') and a reached column (e.g. 'Joint'), or name yours in the "
        "config (followup: {columns: {person_id: …, date: …, reached: …}}); the first row's headers: 'N° dossier', "
        "'Date'");
}

TEST_CASE("bad values are errors naming the file, row, column, value and what was expected, never the identifier") {
  CHECK(error_of("N° dossier;Date;Joint\nSECRET-1;05/04/2024;peut-être\n") ==
        "suivi.csv: row 2, column C (Joint): 'peut-être' does not say whether the person was reached; expected oui "
        "or non (yes or no, joint or non joint, 1 or 0)");
  CHECK(error_of("N° dossier;Date;Joint\nSECRET-1;05/04/2024;\n") ==
        "suivi.csv: row 2, column C (Joint): whether the person was reached is empty; expected oui or non (yes or "
        "no, joint or non joint, 1 or 0)");
  CHECK(error_of("N° dossier;Date;Joint\n;05/04/2024;oui\n") ==
        "suivi.csv: row 2, column A (N° dossier): the person's identifier is empty; expected the person's "
        "identifier, written as in the stays file");
  std::string bad_date = error_of("N° dossier;Date;Joint\nSECRET-1;31/02/2024;oui\n");
  CHECK(bad_date == "suivi.csv: row 2, column B (Date): '31/02/2024' is not a possible date; expected a date such as "
                    "31/12/2024 or 2024-12-31");
  CHECK(bad_date.find("SECRET") == std::string::npos);
}

TEST_CASE("the config names headers and gives the follow-up its own lists") {
  auto config = test::config_with(
      "followup: {columns: {reached: \"Abouti ?\", person_id: \"Qui\"}, horizons: [6], window_days: 30}\n"
      "followup_housing:\n"
      "  - {key: home, label: Chez soi, values: [chez soi]}\n");
  CHECK(config.followup.horizons == std::vector<int>{6});
  CHECK(config.followup.window_days == 30);
  auto r = read("Qui;Date;Abouti ?;Logement\nA;05/04/2024;oui;chez soi\n", config);
  REQUIRE(r.log.contacts.size() == 1);
  CHECK(config.followup_housing().categories()[r.log.contacts[0].housing].key == "home");
  // The activity stays the stays' list at exit.
  CHECK(&config.followup_activity() == &config.category_set(model::CategoryField::activity_at_exit));
}

TEST_CASE("the config's horizons are checked") {
  CHECK_THROWS_WITH_AS(test::config_with("followup: {horizons: [6, 3]}\n"),
                       doctest::Contains("followup.horizons[1]: the horizons must be in ascending order, each once"),
                       DataError);
  CHECK_THROWS_WITH_AS(test::config_with("followup: {horizons: []}\n"),
                       doctest::Contains("expected a list of 1 to 12 numbers of months"), DataError);
  CHECK_THROWS_WITH_AS(test::config_with("followup: {window: 3}\n"), doctest::Contains("unknown key"), DataError);
}

}  // TEST_SUITE
