// FINESS numbers: nine characters, the département's two then seven digits.
#include <doctest/doctest.h>

#include "model/finess.hpp"

using ctreport::model::normalize_finess;

TEST_SUITE("model::finess") {

TEST_CASE("valid FINESS numbers, spaces dropped, Corsica in capitals") {
  CHECK(normalize_finess("420012345") == "420012345");
  CHECK(normalize_finess("42 001 2345") == "420012345");
  CHECK(normalize_finess("2a0001234") == "2A0001234");
  CHECK(normalize_finess("2B0001234") == "2B0001234");
  CHECK(normalize_finess("970101234") == "970101234");
  CHECK(normalize_finess("010001234") == "010001234");
}

TEST_CASE("what is not a FINESS number") {
  CHECK_FALSE(normalize_finess("42001234"));     // 8 characters
  CHECK_FALSE(normalize_finess("4200123456"));   // 10
  CHECK_FALSE(normalize_finess("000012345"));    // no département 00
  CHECK_FALSE(normalize_finess("200012345"));    // Corsica is 2A or 2B
  CHECK_FALSE(normalize_finess("960012345"));    // no département 96
  CHECK_FALSE(normalize_finess("2C0012345"));
  CHECK_FALSE(normalize_finess("42001234A"));
  CHECK_FALSE(normalize_finess(""));
}

}  // TEST_SUITE
