// Tests of the person identifier table: numbers in order of first appearance,
// the same number for the same bytes, through the table's growth.
#include <doctest/doctest.h>

#include <string>

#include "input/person_index.hpp"

using ctreport::input::PersonIndex;

TEST_SUITE("input") {

TEST_CASE("person identifiers are numbered in order of first appearance, across growth") {
  PersonIndex index;
  bool inserted = false;
  uint32_t next = 0;
  for (int i = 0; i < 50000; ++i) {
    uint32_t p = index.find_or_add("D2023-" + std::to_string(i), next, inserted);
    REQUIRE(inserted);
    REQUIRE(p == next);
    ++next;
  }
  CHECK(index.size() == 50000);
  CHECK(index.find_or_add("D2023-0", next, inserted) == 0);
  CHECK_FALSE(inserted);
  CHECK(index.find_or_add("D2023-49999", next, inserted) == 49999);
  CHECK_FALSE(inserted);
  // A prefix, a longer value and the empty string are other identifiers.
  CHECK(index.find_or_add("D2023-", next, inserted) == 50000);
  CHECK(inserted);
  CHECK(index.find_or_add("D2023-123456789012", 50001, inserted) == 50001);
  CHECK(inserted);
  CHECK(index.find_or_add("D2023-", 50002, inserted) == 50000);
  CHECK_FALSE(inserted);
  CHECK(index.size() == 50002);
}

}  // TEST_SUITE
