// Tests of French and English number formatting.
#include <doctest/doctest.h>

#include "render/number_format.hpp"

using ctreport::render::NumberFormat;

TEST_SUITE("render::number_format") {

TEST_CASE("French numbers, percentages and dates") {
  auto fr = NumberFormat::for_lang("fr");
  CHECK(fr.integer(9300) == "9\u202F300");
  CHECK(fr.integer(1234567) == "1\u202F234\u202F567");
  CHECK(fr.integer(52) == "52");
  CHECK(fr.decimal_places(3.46, 1) == "3,5");
  CHECK(fr.decimal_places(12345.0, 1) == "12\u202F345,0");
  CHECK(fr.percent(0.72) == "72\u00A0%");
  CHECK(fr.percent(0.004) == "<\u00A01\u00A0%");
  CHECK(fr.percent(0.0) == "0\u00A0%");
  CHECK(fr.percent(std::nullopt) == "–");
  CHECK(fr.date(ctreport::util::to_day(2024, 1, 1)) == "1er janvier 2024");
  CHECK(fr.date(ctreport::util::to_day(2024, 12, 31)) == "31 décembre 2024");
}

TEST_CASE("English numbers") {
  auto en = NumberFormat::for_lang("en");
  CHECK(en.integer(9300) == "9,300");
  CHECK(en.decimal_places(3.46, 1) == "3.5");
  CHECK(en.percent(0.72) == "72%");
  CHECK(en.date(ctreport::util::to_day(2024, 1, 1)) == "1 January 2024");
}

TEST_CASE("French prose: no-break spaces before colons, semicolons, ! ? and inside « », so that no line starts with them") {
  auto fr = NumberFormat::for_lang("fr");
  CHECK(fr.prose("« Autre » (colonne X) : compté en « autre » ; vraiment ? oui !") ==
        "«\u00A0Autre\u00A0» (colonne X)\u00A0: compté en «\u00A0autre\u00A0»\u202F; vraiment\u202F? oui\u202F!");
  CHECK(fr.prose("08:30, a :b, fin :") == "08:30, a :b, fin\u00A0:");  // not inside words or times
  CHECK(NumberFormat::for_lang("en").prose("a : b ; c") == "a : b ; c");
}

}  // TEST_SUITE
