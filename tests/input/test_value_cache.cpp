// The cache of what raw values mean: found by their exact bytes, through
// its growth, and no more than its capacity.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "input/value_cache.hpp"

using ctreport::input::ValueCache;

TEST_SUITE("input") {

TEST_CASE("a value cache finds texts by their exact bytes, through its growth") {
  ValueCache<int> cache(100000);
  CHECK(cache.find("hôpital") == nullptr);
  for (int i = 0; i < 5000; ++i) cache.add("v" + std::to_string(i), i);
  CHECK(cache.size() == 5000);
  for (int i = 0; i < 5000; i += 97) {
    const int* v = cache.find("v" + std::to_string(i));
    REQUIRE(v != nullptr);
    CHECK(*v == i);
  }
  CHECK(cache.find("v") == nullptr);       // a prefix
  CHECK(cache.find("v10 ") == nullptr);    // a trailing space: other bytes
  CHECK(cache.find("") == nullptr);
  cache.add("", -1);
  REQUIRE(cache.find("") != nullptr);
  CHECK(*cache.find("") == -1);
  cache.add("v3", 42);  // already there: kept as first added
  CHECK(*cache.find("v3") == 3);
}

TEST_CASE("an empty text without storage is a text like any other") {
  // An empty cell's view may have a null data(): no memcmp may be given it (found by the csv_parts fuzzer).
  ValueCache<int> cache;
  cache.add("a", 1);
  CHECK(cache.find(std::string_view()) == nullptr);
  cache.add(std::string_view(), 2);
  REQUIRE(cache.find(std::string_view()) != nullptr);
  CHECK(*cache.find(std::string_view()) == 2);
  CHECK(*cache.find("") == 2);
}

TEST_CASE("a value cache remembers no more than its capacity") {
  ValueCache<int> cache(3);
  for (int i = 0; i < 10; ++i) cache.add(std::to_string(i), i);
  CHECK(cache.size() == 3);
  CHECK(cache.find("2") != nullptr);
  CHECK(cache.find("3") == nullptr);
}

}  // TEST_SUITE
