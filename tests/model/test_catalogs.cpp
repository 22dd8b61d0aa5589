// Every catalog of human-facing texts has each of its texts in each language,
// with the same placeholders: a language is never half translated.
#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "model/activity_texts.hpp"
#include "model/chart_texts.hpp"
#include "model/document_texts.hpp"
#include "model/followup_texts.hpp"
#include "model/index_texts.hpp"
#include "model/line_texts.hpp"
#include "model/network_texts.hpp"
#include "model/summary_texts.hpp"
#include "model/warning_texts.hpp"
#include "model/workbook_texts.hpp"

using namespace ctreport::model;

namespace {

// The texts of a catalog table made of string_views only (nested tables included), in order.
template <class T>
std::vector<std::string_view> texts_of(const T& table) {
  static_assert(std::is_trivially_copyable_v<T> && sizeof(T) % sizeof(std::string_view) == 0);
  std::vector<std::string_view> out(sizeof(T) / sizeof(std::string_view));
  std::memcpy(static_cast<void*>(out.data()), &table, sizeof(T));
  return out;
}

size_t placeholders(std::string_view text) {
  size_t n = 0;
  for (size_t at = text.find('{'); at != std::string_view::npos; at = text.find('{', at + 1)) ++n;
  return n;
}

// Both languages' tables: every text non-empty, the same placeholders in each, not the same table.
template <class T>
void check_catalog(const std::string& name, const T& (*catalog)(Lang)) {
  CAPTURE(name);
  auto fr = texts_of(catalog(Lang::fr));
  auto en = texts_of(catalog(Lang::en));
  REQUIRE(fr.size() == en.size());
  bool differ = false;
  for (size_t i = 0; i < fr.size(); ++i) {
    CAPTURE(i);
    const std::string french(fr[i]), english(en[i]);
    CAPTURE(french);
    CAPTURE(english);
    CHECK_FALSE(fr[i].empty());
    CHECK_FALSE(en[i].empty());
    CHECK(placeholders(fr[i]) == placeholders(en[i]));
    differ = differ || fr[i] != en[i];
  }
  CHECK(differ);
}

}  // namespace

TEST_SUITE("model::catalogs") {

TEST_CASE("every catalog has every text in French and in English, with the same placeholders") {
  check_catalog("activity_texts", &activity_texts);
  check_catalog("chart_texts", &chart_texts);
  check_catalog("document_texts", &document_texts);
  check_catalog("followup_texts", &followup_texts);
  check_catalog("index_texts", &index_texts);
  check_catalog("line_texts", &line_texts);
  check_catalog("network_texts", &network_texts);
  check_catalog("summary_texts", &summary_texts);
  check_catalog("workbook_texts", &workbook_texts);
}

TEST_CASE("the lines the program writes say the same words as the helpers every format uses") {
  for (Lang lang : {Lang::fr, Lang::en}) {
    CHECK(other_line_label(lang) == line_texts(lang).other);
    CHECK(unknown_line_label(lang) == line_texts(lang).unknown);
  }
  CHECK(other_line_label(Lang::fr) == "Autre (non classé)");
  CHECK(unknown_line_label(Lang::en) == "Not recorded");
  CHECK(region_outside_label(Lang::fr, "Auvergne-Rhône-Alpes", "Loire") == "Auvergne-Rhône-Alpes, hors Loire");
  CHECK(region_outside_label(Lang::en, "Auvergne-Rhône-Alpes", "Loire") == "Auvergne-Rhône-Alpes, outside Loire");
  CHECK(network_source(Lang::fr, 3) == "chiffres de 3 établissements");
  CHECK(network_source(Lang::en, 3) == "figures of 3 establishments");
}

}  // TEST_SUITE
