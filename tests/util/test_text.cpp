// Tests of key normalisation and encodings.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "util/text.hpp"

using namespace ctreport::util;

TEST_SUITE("util::text") {

TEST_CASE("normalised keys ignore case, accents, spaces and punctuation") {
  CHECK(normalize_key("Date d'entrée") == "datedentree");
  CHECK(normalize_key("DATE D’ENTRÉE") == "datedentree");
  CHECK(normalize_key("N° dossier") == "ndossier");
  CHECK(normalize_key("Âge à l'entrée") == "agealentree");
  CHECK(normalize_key("Œuvre  Ça") == "oeuvreca");
  CHECK(normalize_key("Démarche-Personnelle") == "demarchepersonnelle");
}

TEST_CASE("Windows-1252 to UTF-8") {
  std::string out;
  append_cp1252_as_utf8("Entr\xe9" "e \x80 \x9c", out);
  CHECK(out == "Entrée € œ");
}

TEST_CASE("UTF-8 validation") {
  CHECK(is_valid_utf8("entrée"));
  CHECK_FALSE(is_valid_utf8("entr\xe9" "e"));
  CHECK_FALSE(is_valid_utf8("\xc3"));
  CHECK_FALSE(is_valid_utf8("\xc0\x80"));  // overlong
  // A view ending where sixteen ASCII bytes end: the byte after it (a lead byte here) is not read.
  for (size_t n : {16, 32, 24}) {
    std::string s = std::string(n, 'a') + "\xc3";
    CHECK(is_valid_utf8(std::string_view(s.data(), n)));
  }
}

TEST_CASE("UTF-8 validation agrees with a byte-by-byte decoder wherever the bytes fall in a block") {
  // The reference: Unicode's table 3-7 of well-formed byte sequences, one byte at a time.
  auto reference = [](std::string_view s) {
    size_t i = 0;
    auto cont = [&](size_t k, unsigned lo, unsigned hi) {
      return i + k < s.size() && static_cast<unsigned char>(s[i + k]) >= lo && static_cast<unsigned char>(s[i + k]) <= hi;
    };
    while (i < s.size()) {
      const unsigned c = static_cast<unsigned char>(s[i]);
      size_t n = 0;
      if (c < 0x80) n = 1;
      else if (c >= 0xC2 && c <= 0xDF && cont(1, 0x80, 0xBF)) n = 2;
      else if (c == 0xE0 && cont(1, 0xA0, 0xBF) && cont(2, 0x80, 0xBF)) n = 3;
      else if (((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) && cont(1, 0x80, 0xBF) && cont(2, 0x80, 0xBF)) n = 3;
      else if (c == 0xED && cont(1, 0x80, 0x9F) && cont(2, 0x80, 0xBF)) n = 3;
      else if (c == 0xF0 && cont(1, 0x90, 0xBF) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF)) n = 4;
      else if (c >= 0xF1 && c <= 0xF3 && cont(1, 0x80, 0xBF) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF)) n = 4;
      else if (c == 0xF4 && cont(1, 0x80, 0x8F) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF)) n = 4;
      if (n == 0) return false;
      i += n;
    }
    return true;
  };
  // Mostly ASCII, as exports are, with pieces (valid or not) at every offset
  // of a 16-byte block and across block ends.
  const std::vector<std::string> pieces = {"é", "€", "😀", "\xc3", "\xe9", "\xed\xa0\x80", "\xf4\x90\x80\x80",
                                           "\xe0\x80\x80", "\x80", "\xff", "\xc3\xa9\xc3"};
  uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff; };
  size_t invalid = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string s;
    const size_t len = next() % 70;
    while (s.size() < len) {
      if (next() % 6 == 0) s += pieces[next() % pieces.size()];
      else s += static_cast<char>('a' + next() % 26);
    }
    CAPTURE(s);
    CHECK(is_valid_utf8(s) == reference(s));
    invalid += reference(s) ? 0 : 1;
  }
  CHECK(invalid > 500);  // both kinds were met
  CHECK(invalid < 3500);
}

TEST_CASE("trim removes spaces and non-breaking spaces") {
  CHECK(trim("  a b \t\r\n") == "a b");
  CHECK(trim("\xc2\xa0x\xc2\xa0") == "x");
  CHECK(trim("") == "");
}

TEST_CASE("values quoted in messages are cut after a screenful, at a character boundary") {
  CHECK(quote_value("31/02/2024") == "'31/02/2024'");
  CHECK(quote_value("") == "''");
  CHECK(quote_value(std::string(60, 'a')) == "'" + std::string(60, 'a') + "'");
  CHECK(quote_value(std::string(300000, 'a')) == "'" + std::string(60, 'a') + "…' (300000 characters)");
  CHECK(quote_value("éééé", 2) == "'éé…' (4 characters)");
  CHECK(utf8_length("Séjours") == 7);
}

}  // TEST_SUITE
