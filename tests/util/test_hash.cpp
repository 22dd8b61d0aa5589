// The short-string hash: every length, and an empty view without data.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <string_view>

#include "util/hash.hpp"

using ctreport::util::short_string_hash;

TEST_SUITE("util::hash") {

TEST_CASE("an empty view hashes like an empty string, whether or not it points anywhere") {
  // A default view has a null data(): under UBSan, "null pointer passed to memcpy" before.
  std::string_view null_view;
  REQUIRE(null_view.data() == nullptr);
  CHECK(short_string_hash(null_view) == short_string_hash(std::string_view("")));
  CHECK(short_string_hash(null_view) == short_string_hash(std::string_view("abc", 0)));
}

TEST_CASE("lengths 0 to 24 and their bytes all count") {
  std::set<uint64_t> seen;
  std::string s;
  for (int n = 0; n <= 24; ++n) {
    CHECK(seen.insert(short_string_hash(s)).second);
    std::string flipped = s + "a";
    flipped.back() = 'b';
    CHECK(short_string_hash(flipped) != short_string_hash(s + "a"));
    s += 'a';
  }
}

}  // TEST_SUITE
