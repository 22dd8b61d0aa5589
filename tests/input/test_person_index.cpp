// Tests of the person identifier table: numbers in order of first appearance,
// the same number for the same bytes, through the table's growth.
#include <doctest/doctest.h>

#include <string>
#include <vector>

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

TEST_CASE("an index of later rows is absorbed with its persons numbered on, in its own order") {
  PersonIndex first;
  bool inserted = false;
  size_t count = 0;
  for (const char* id : {"A", "B", "C"}) first.find_or_add(id, static_cast<uint32_t>(count++), inserted);
  ++count;  // a row without an identifier: number 3
  // The later rows: numbers 0..5 there, 2 without an identifier.
  PersonIndex later;
  size_t later_count = 0;
  for (const char* id : {"D", "B"}) later.find_or_add(id, static_cast<uint32_t>(later_count++), inserted);
  ++later_count;
  for (const char* id : {"E", "A", "D"}) {
    uint32_t n = later.find_or_add(id, static_cast<uint32_t>(later_count), inserted);
    if (inserted) ++later_count;
    (void)n;
  }
  REQUIRE(later_count == 5);  // D B (none) E A
  const auto numbers = first.absorb(later, later_count, count);
  CHECK(numbers == std::vector<uint32_t>{4, 1, 5, 6, 0});  // D new, B known, none new, E new, A known
  CHECK(count == 7);
  CHECK(first.size() == 5);
  CHECK(first.find("D") == 4u);
  CHECK(first.find("E") == 6u);
  CHECK(first.find("B") == 1u);
  CHECK_FALSE(first.find("F").has_value());

  // Large indexes, both grown past several sizes: the same as adding the later identifiers one by one.
  PersonIndex a, b, one_by_one;
  size_t a_count = 0, b_count = 0, c_count = 0;
  for (int i = 0; i < 30000; ++i) {
    const std::string id = "P" + std::to_string(i * 7 % 40000);
    if (a.find_or_add(id, static_cast<uint32_t>(a_count), inserted) == a_count) ++a_count;
    if (one_by_one.find_or_add(id, static_cast<uint32_t>(c_count), inserted) == c_count) ++c_count;
  }
  std::vector<uint32_t> expected;
  for (int i = 0; i < 30000; ++i) {
    const std::string id = "P" + std::to_string(i * 11 % 50000);
    uint32_t n = b.find_or_add(id, static_cast<uint32_t>(b_count), inserted);
    if (inserted) {
      ++b_count;
      expected.push_back(one_by_one.find_or_add(id, static_cast<uint32_t>(c_count), inserted));
      if (inserted) ++c_count;
    }
    (void)n;
  }
  CHECK(a.absorb(b, b_count, a_count) == expected);
  CHECK(a_count == c_count);
  CHECK(a.size() == one_by_one.size());
}

}  // TEST_SUITE
