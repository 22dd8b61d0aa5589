// Tests of key normalisation and encodings.
#include <doctest/doctest.h>

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
