// The finding texts: every code has an English and a French message and an
// "expected", and the French ones hold no English word.
#include <doctest/doctest.h>

#include <set>

#include "model/warning_texts.hpp"

using namespace ctreport::model;

namespace {

// Lower-case words of `text` (letters and digits; UTF-8 letters are part of words).
std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      word += static_cast<char>(std::tolower(u));
    } else if (!word.empty()) {
      out.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(word);
  return out;
}

Warning sample(const WarningTemplateInfo& t) {
  Warning w;
  w.code = t.code;
  w.value = "V";
  w.column = "C";
  for (const auto& name : t.placeholders)
    if (name != "value" && name != "column") w.params.emplace_back(name, "P");
  if (!t.kind.empty()) w.params.emplace_back("kind", t.kind);
  return w;
}

}  // namespace

TEST_SUITE("model::warning_texts") {

TEST_CASE("every code renders in French without English words, and in English") {
  const std::set<std::string> english{"the",   "is",   "of",    "row",     "rows",   "stay",  "stays",   "people",
                                      "not",   "no",   "and",   "with",    "than",   "more",  "missing", "exit",
                                      "entry", "birth", "age",  "unknown", "counted", "days", "period",  "figures",
                                      "present", "other", "maps", "category", "origin", "header", "columns", "lasts"};
  auto templates = warning_templates();
  CHECK(templates.size() >= 30);
  for (const auto& t : templates) {
    CAPTURE(t.code);
    CAPTURE(t.kind);
    Warning w = sample(t);
    std::string fr = warning_text(w, Lang::fr);
    std::string en = warning_text(w, Lang::en);
    CHECK_FALSE(en.empty());
    CHECK(fr.find('{') == std::string::npos);
    CHECK(en.find('{') == std::string::npos);
    CHECK_FALSE(expected_text(w).empty());
    if (fr == "P") continue;  // a fatal error's own text (`check` only, never in a report)
    CHECK(fr != en);
    for (const auto& word : words(fr)) {
      CAPTURE(word);
      CHECK(english.count(word) == 0);
    }
  }
}

TEST_CASE("a code's variant is chosen by its kind parameter") {
  Warning w;
  w.code = "missing_column";
  w.value = "exit_date";
  w.params = {{"kind", "person_id"}, {"headers", "'dossier'"}, {"file_headers", "'Entrée', 'Sexe'"}};
  describe(w);
  CHECK(w.message == "no person-identifier column found (expected a header such as 'dossier', or name yours in the "
                     "config: columns.person_id; the file's headers: 'Entrée', 'Sexe'): each row is counted as a "
                     "different person");
  CHECK(warning_text(w, Lang::fr) == "aucune colonne d'identifiant de la personne trouvée (en-têtes du fichier : "
                                     "'Entrée', 'Sexe') : chaque ligne compte comme une personne différente");
  w.params[0].second = "person_id_by_name";
  CHECK(warning_text(w, Lang::fr).find("distinguées par nom, prénom et date de naissance") != std::string::npos);
  CHECK(w.expected == "a column of person identifiers (e.g. 'N° dossier')");
}

TEST_CASE("findings about a value are grouped, findings about a row are not") {
  CHECK(grouped_by_value("unmapped_value"));
  CHECK(grouped_by_value("unresolved_origin"));
  CHECK_FALSE(grouped_by_value("age_out_of_range"));
  CHECK_FALSE(grouped_by_value("duplicate_row"));
  WarningLog log;
  Warning a;
  a.code = "age_out_of_range";
  a.value = "8";
  a.row = 5;
  Warning b = a;
  b.row = 6;
  log.add(a);
  log.add(b);
  CHECK(log.list().size() == 2);
  Warning u;
  u.code = "unmapped_value";
  u.value = "Voisin";
  u.row = 5;
  u.rows = {5};
  Warning v = u;
  v.row = 7;
  v.rows = {7};
  log.add(u);
  log.add(v);
  REQUIRE(log.list().size() == 3);
  CHECK(log.list()[2].count == 2);
  CHECK(log.list()[2].rows == std::vector<uint64_t>{5, 7});
}

TEST_CASE("every code has a kind in plain words, never the code") {
  for (const auto& t : warning_templates()) {
    CAPTURE(t.code);
    for (Lang lang : {Lang::fr, Lang::en}) {
      std::string_view kind = warning_kind(t.code, lang);
      CHECK(kind != (lang == Lang::fr ? "Données" : "Data"));  // not the fallback of an unknown code
      CHECK(kind.find('_') == std::string_view::npos);
    }
  }
  CHECK(warning_kind("unmapped_value", Lang::fr) == "Valeur non classée");
  CHECK(warning_kind("long_stay", Lang::fr) == "Séjour très long");
  CHECK(warning_kind("long_stay", Lang::en) == "Very long stay");
  CHECK(warning_kind("not_a_code", Lang::fr) == "Données");
}

}  // TEST_SUITE
