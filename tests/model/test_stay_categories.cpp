// A stay holds each category in one byte: every index a stay field can have,
// "other" and "unknown" come back as they were classified, and a config that
// lists more categories than a byte holds for a stay field is refused.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "model/config.hpp"
#include "model/stay.hpp"
#include "support/pipeline.hpp"
#include "util/errors.hpp"

using namespace ctreport;
using model::CategoryField;

namespace {

// `count` categories of referral: keys r0, r1... for the values v0, v1...
std::string referral_config(size_t count) {
  std::string yaml = "categories:\n  referral:\n";
  for (size_t i = 0; i < count; ++i) yaml += fmt::format("    - {{key: r{0}, label: R{0}, values: [v{0}]}}\n", i);
  return yaml;
}

int64_t count_of(const figures::Distribution& d, const std::string& key) {
  for (const auto& l : d.lines)
    if (l.key == key) return l.count;
  FAIL("no line ", key);
  return -1;
}

}  // namespace

TEST_SUITE("model::stay") {

TEST_CASE("a stay gives back every category index it is given") {
  model::Stay s;
  CHECK(s.category(CategoryField::referral) == model::k_unknown_category);  // nothing given
  for (model::CategoryIndex c : {model::CategoryIndex{0}, model::CategoryIndex{1}, model::CategoryIndex{200},
                                 static_cast<model::CategoryIndex>(model::k_max_stay_categories - 1),
                                 model::k_other_category, model::k_unknown_category}) {
    CAPTURE(c);
    s.set_category(CategoryField::referral, c);
    CHECK(s.category(CategoryField::referral) == c);
    CHECK(s.category(CategoryField::sex) == model::k_unknown_category);  // the other fields untouched
  }
}

TEST_CASE("the last category a stay field can have is counted as itself, apart from other and unknown") {
  const size_t n = model::k_max_stay_categories;
  const std::string csv =
      "N° dossier;Date d'entrée;Date de sortie;Orientation\n"
      + fmt::format("A;01/02/2024;;v{}\n", n - 1) + "B;01/03/2024;;v0\nC;01/04/2024;;v0\nD;01/05/2024;;nulle part\nE;01/06/2024;;\n";
  auto f = test::figures_of(csv, 2024, referral_config(n));
  const auto& d = f.breakdown("referral");
  REQUIRE(d.available);
  CHECK(count_of(d, fmt::format("r{}", n - 1)) == 1);
  CHECK(count_of(d, "r0") == 2);
  CHECK(count_of(d, fmt::format("r{}", n - 2)) == 0);
  CHECK(count_of(d, "other") == 1);
  CHECK(count_of(d, "unknown") == 1);
}

TEST_CASE("more categories than a stay field can hold is a config error naming the field") {
  model::Config c = model::default_config();
  const std::string yaml = referral_config(model::k_max_stay_categories + 1);
  std::string error;
  try {
    model::apply_config(c, yaml, "ctreport.yaml");
  } catch (const DataError& e) {
    error = e.what();
  }
  CHECK(error == fmt::format("ctreport.yaml:3: categories.referral: {} categories: a field of the stays has at most {}",
                             model::k_max_stay_categories + 1, model::k_max_stay_categories));
}

}  // TEST_SUITE
