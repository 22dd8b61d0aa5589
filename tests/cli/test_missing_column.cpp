// A missing field is never a figure: an export without the column of a
// breakdown gives "not available" in every output (docs/figures.md, "A
// missing column"), never zeros or a 100 % "Non renseigné" line.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "input/xlsx_workbook.hpp"
#include "support/cli.hpp"

using ctreport::test::run_cli;
using ctreport::test::ScratchDir;
using nlohmann::json;

namespace {

// The columns of a complete export: header, then one value per row.
const std::vector<std::pair<std::string, std::vector<std::string>>> k_columns = {
    {"N° dossier", {"D-1", "D-2", "D-3", "D-4"}},
    {"Sexe", {"F", "H", "F", "H"}},
    {"Date de naissance", {"12/05/1985", "03/03/1990", "07/07/1971", "01/01/1960"}},
    {"Date d'entrée", {"15/11/2023", "01/03/2024", "01/06/2024", "01/02/2023"}},
    {"Date de sortie", {"10/01/2024", "", "30/09/2024", "15/03/2023"}},
    {"Orientation", {"CSAPA", "SPIP", "hôpital", "CSAPA"}},
    {"Département d'origine", {"42", "69", "75", "42"}},
    {"Motif de sortie", {"Fin de contrat", "", "départ volontaire", "fin de contrat"}},
    {"Logement à la sortie", {"logement autonome", "", "rue", "foyer"}},
    {"Activité à la sortie", {"CDI", "", "RSA", "formation"}},
    {"Étape", {"1", "1", "2", "2"}},
};

// The export without the columns whose headers are in `dropped`; `emptied`
// columns keep their header with every value empty.
std::string csv_without(const std::set<std::string>& dropped, const std::set<std::string>& emptied = {}) {
  std::string out;
  std::vector<const std::pair<std::string, std::vector<std::string>>*> kept;
  for (const auto& c : k_columns)
    if (!dropped.count(c.first)) kept.push_back(&c);
  for (size_t i = 0; i < kept.size(); ++i) out += (i ? ";" : "") + kept[i]->first;
  out += "\r\n";
  for (size_t r = 0; r < k_columns.front().second.size(); ++r) {
    for (size_t i = 0; i < kept.size(); ++i)
      out += (i ? ";" : "") + (emptied.count(kept[i]->first) ? std::string() : kept[i]->second[r]);
    out += "\r\n";
  }
  return out;
}

const std::string k_config = "establishment:\n  name: CT Test\n  departement: '42'\ncapacity: 3\n";

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// A report of 2024 from `csv` in `dir`/out, in `formats`.
void report(const ScratchDir& dir, const std::string& csv, const std::string& formats,
            const std::vector<std::string>& more = {}) {
  dir.write("data.csv", csv);
  dir.write("ctreport.yaml", k_config);
  std::vector<std::string> args = {"2024", "data.csv", "-c", "ctreport.yaml", "-o", "out", "--format", formats, "--quiet"};
  args.insert(args.end(), more.begin(), more.end());
  auto r = run_cli(args, dir.path());
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
}

// The rows of a sheet read back with the project's reader (cells as text, numbers as "=N").
std::vector<std::vector<std::string>> sheet_rows(const std::filesystem::path& path, const std::string& sheet) {
  auto book = ctreport::input::XlsxWorkbook::open(path.string());
  const auto& sheets = book->sheets();
  size_t index = sheets.size();
  for (size_t i = 0; i < sheets.size(); ++i)
    if (sheets[i].name == sheet) index = i;
  REQUIRE_MESSAGE(index < sheets.size(), "no sheet " << sheet);
  auto reader = book->open_sheet(index);
  std::vector<std::vector<std::string>> rows;
  ctreport::input::Row row;
  while (reader->next_row(row)) {
    std::vector<std::string> cells;
    for (const auto& c : row.cells)
      cells.push_back(c.type == ctreport::input::CellType::number ? fmt::format("={}", c.number) : std::string(c.text));
    rows.push_back(cells);
  }
  return rows;
}

const json k_not_available_origin = {{"population", "people_present"}, {"available", false}, {"missing", {"origin"}},
                                     {"same_region", {{"available", false}}}};

}  // namespace

TEST_SUITE("cli::missing_column") {

TEST_CASE("without origin and referral columns, no output gives an origin or referral figure") {
  ScratchDir dir;
  report(dir, csv_without({"Département d'origine", "Orientation"}), "md,tex,xlsx,json");

  std::string md = dir.read("out/rapport-2024.md");
  CHECK(contains(md, "### Origine géographique\n\nRépartition non disponible dans l'export (aucune colonne d'origine "
                     "géographique).\n\n## Profil à l'entrée"));
  // An export without any profile column: one sentence, no section of zeros.
  CHECK(contains(md, "## Profil à l'entrée\n\nProfil à l'entrée non disponible dans l'export (aucune colonne de produit "
                     "principal à l'entrée, de traitement de substitution, de mesure judiciaire, de logement à "
                     "l'entrée, de ressources à l'entrée, d'activité à l'entrée ni de situation familiale).\n\n## Les séjours"));
  CHECK(contains(md, "### Origine de l'orientation\n\nRépartition non disponible dans l'export (aucune colonne "
                     "d'orientation).\n\n### Origine géographique"));
  CHECK_FALSE(contains(md, "viennent de la région"));
  CHECK_FALSE(contains(md, "| Origine |"));
  CHECK_FALSE(contains(md, "Orienté·e par"));
  CHECK_FALSE(contains(md, "-origine.svg"));
  CHECK_FALSE(contains(md, "-orientation.svg"));
  CHECK(contains(md, "| Sexe | Personnes | % |"));  // the columns present keep their tables
  CHECK(contains(md, "![Sexe des personnes accueillies](rapport-2024-sexe.svg)"));

  std::string tex = dir.read("out/rapport-2024.tex");
  CHECK(contains(tex, "Répartition non disponible dans l'export (aucune colonne d'origine géographique)."));
  CHECK(contains(tex, "Répartition non disponible dans l'export (aucune colonne d'orientation)."));
  CHECK_FALSE(contains(tex, "viennent de la région"));
  CHECK_FALSE(contains(tex, "Origine & Personnes"));
  CHECK_FALSE(contains(tex, "Orienté·e par &"));
  CHECK(contains(tex, "Sexe & Personnes"));

  json j = json::parse(dir.read("out/figures-2024.json"));
  CHECK(j["origin"] == k_not_available_origin);
  CHECK(j["referral"] == json{{"population", "people_present"}, {"available", false}, {"missing", {"referral"}}});
  CHECK(j["sex"]["available"] == true);
  CHECK(j["sex"]["total"] == 3);
  for (const auto& w : j["quality"]["warnings"]) {  // neither an invariant nor a missing-values finding about them
    CHECK(w["code"] != "invariant");
    CHECK(w["code"] != "unknown_share");
  }

  auto origin = sheet_rows(dir.path() / "out/rapport-2024.xlsx", "Origine");
  CHECK(origin == std::vector<std::vector<std::string>>{
                      {"Origine"}, {"Non disponible dans l'export (aucune colonne d'origine géographique)"}});
  auto referral = sheet_rows(dir.path() / "out/rapport-2024.xlsx", "Orientation");
  CHECK(referral.size() == 2);
  CHECK(sheet_rows(dir.path() / "out/rapport-2024.xlsx", "Sexe").size() > 2);

  auto files = dir.files();
  CHECK(std::count(files.begin(), files.end(), "out/rapport-2024-origine.svg") == 0);
  CHECK(std::count(files.begin(), files.end(), "out/rapport-2024-orientation.svg") == 0);
  CHECK(std::count(files.begin(), files.end(), "out/rapport-2024-sexe.svg") == 1);
}

TEST_CASE("the English report says so in English") {
  ScratchDir dir;
  report(dir, csv_without({"Département d'origine"}), "md,tex", {"--lang", "en"});
  std::string md = dir.read("out/rapport-2024.md");
  CHECK(contains(md, "### Geographic origin\n\nBreakdown not available in the export (no geographic origin column).\n"));
  CHECK_FALSE(contains(md, "came from the"));
  CHECK(contains(dir.read("out/rapport-2024.tex"), "Breakdown not available in the export (no geographic origin column)."));
}

TEST_CASE("without a sex column, no share of women") {
  ScratchDir dir;
  report(dir, csv_without({"Sexe"}), "md,tex,json");
  std::string md = dir.read("out/rapport-2024.md");
  CHECK(contains(md, "### Sexe\n\nRépartition non disponible dans l'export (aucune colonne de sexe).\n\n### Âge"));
  CHECK_FALSE(contains(md, "Les femmes représentent"));
  CHECK_FALSE(contains(dir.read("out/rapport-2024.tex"), "Les femmes représentent"));
  json j = json::parse(dir.read("out/figures-2024.json"));
  CHECK(j["sex"] == json{{"population", "people_present"}, {"available", false}, {"missing", {"sex"}}});
  CHECK_FALSE(dir.exists("out/rapport-2024-sexe.svg"));
}

TEST_CASE("without any birth or age column, no age figure at all") {
  ScratchDir dir;
  report(dir, csv_without({"Date de naissance"}), "md,tex,json");
  std::string md = dir.read("out/rapport-2024.md");
  CHECK(contains(md, "### Âge\n\nRépartition non disponible dans l'export (aucune colonne de date de naissance, "
                     "d'année de naissance ni d'âge à l'entrée).\n\n### Origine de l'orientation"));
  CHECK_FALSE(contains(md, "Âge à l'entrée : moyenne"));
  CHECK_FALSE(contains(dir.read("out/rapport-2024.tex"), "Âge moyen"));
  json j = json::parse(dir.read("out/figures-2024.json"));
  CHECK(j["age"] == json{{"population", "people_present"},
                         {"available", false},
                         {"missing", {"birth_date", "birth_year", "age_at_entry"}}});
  CHECK_FALSE(dir.exists("out/rapport-2024-age.svg"));
}

TEST_CASE("without an exit-reason column, no reasons nor outcomes, but the term reached from the dates") {
  ScratchDir dir;
  report(dir, csv_without({"Motif de sortie"}), "md,tex,json");
  std::string md = dir.read("out/rapport-2024.md");
  CHECK(contains(md, "### Motifs de sortie\n\nRépartition non disponible dans l'export (aucune colonne de motif de "
                     "sortie).\n\n### Situation"));
  CHECK_FALSE(contains(md, "Sorties positives"));
  CHECK_FALSE(contains(dir.read("out/rapport-2024.tex"), "Sorties positives"));
  json j = json::parse(dir.read("out/figures-2024.json"));
  json reasons = {{"population", "exits"}, {"available", false}, {"missing", {"exit_reason"}}};
  CHECK(j["exits"]["reasons"] == reasons);
  CHECK(j["exits"]["outcomes"] == reasons);
  CHECK(j["exits"]["total"] == 2);
  CHECK(j["stay_length"]["reached_term"] == json{{"count", 0}, {"share", 0.0}, {"available", true}});
  CHECK_FALSE(dir.exists("out/rapport-2024-sorties.svg"));
}

TEST_CASE("without housing and activity columns, neither the tables nor the sentence on the situation at exit") {
  ScratchDir dir;
  report(dir, csv_without({"Logement à la sortie", "Activité à la sortie"}), "md,json,xlsx");
  std::string md = dir.read("out/rapport-2024.md");
  CHECK_FALSE(contains(md, "À leur sortie"));
  CHECK(contains(md, "### Situation à la sortie\n\nRépartition non disponible dans l'export (aucune colonne de logement "
                     "à la sortie).\n\nRépartition non disponible dans l'export (aucune colonne d'activité à la "
                     "sortie).\n\n### De l'entrée à la sortie"));
  CHECK(contains(md, "Tableau non disponible dans l'export (aucune colonne de logement à l'entrée ni de logement à la "
                     "sortie).\n\nTableau non disponible dans l'export (aucune colonne d'activité à l'entrée ni "
                     "d'activité à la sortie).\n\n### Retours"));
  json j = json::parse(dir.read("out/figures-2024.json"));
  for (const char* h : {"housing_solution", "employment", "training"}) CHECK(j["exits"][h] == json{{"available", false}});
  // The workbook's key figures: the label, no value (never 0).
  int rows = 0;
  for (const auto& row : sheet_rows(dir.path() / "out/rapport-2024.xlsx", "Chiffres clés"))
    if (row[0] == "Sorties avec une solution de logement" || row[0] == "Sorties vers l'emploi" ||
        row[0] == "Sorties vers une formation") {
      ++rows;
      for (size_t i = 1; i < row.size(); ++i) CHECK((row[i].empty() || row[i] == "–"));  // 2023 compared: not available either
    }
  CHECK(rows == 3);

  ScratchDir housing_only;
  report(housing_only, csv_without({"Activité à la sortie"}), "md");
  CHECK(contains(housing_only.read("out/rapport-2024.md"),
                 "### Situation à la sortie\n\nÀ leur sortie, 1 personne avait une solution de logement ou "
                 "d'hébergement.\n\n| Logement à la sortie |"));
  ScratchDir activity_only;
  report(activity_only, csv_without({"Logement à la sortie"}), "md");
  CHECK(contains(activity_only.read("out/rapport-2024.md"),
                 "### Situation à la sortie\n\nÀ leur sortie, 1 personne a repris un emploi et 0 est entrée en "
                 "formation.\n\nRépartition non disponible dans l'export (aucune colonne de logement à la sortie)."));
}

TEST_CASE("without a stage column, no stage table") {
  ScratchDir dir;
  report(dir, csv_without({"Étape"}), "md,json");
  std::string md = dir.read("out/rapport-2024.md");
  CHECK(contains(md, "### Étape du parcours\n\nRépartition non disponible dans l'export (aucune colonne d'étape du "
                     "parcours).\n\n## Note"));
  json j = json::parse(dir.read("out/figures-2024.json"));
  CHECK(j["stage"] == json{{"exits", {{"population", "exits"}, {"available", false}, {"missing", {"stage"}}}},
                           {"present_at_end",
                            {{"population", "people_present_at_end"}, {"available", false}, {"missing", {"stage"}}}}});
}

TEST_CASE("a column present but empty on every row is 100 % unknown, as before") {
  ScratchDir dir;
  report(dir, csv_without({}, {"Département d'origine"}), "md,json");
  json j = json::parse(dir.read("out/figures-2024.json"));
  CHECK(j["origin"]["available"] == true);
  CHECK(j["origin"]["total"] == 3);
  REQUIRE(j["origin"]["categories"].size() == 5);
  CHECK(j["origin"]["categories"][4]["key"] == "unknown");
  CHECK(j["origin"]["categories"][4]["share"] == 1.0);
  bool warned = false;
  for (const auto& w : j["quality"]["warnings"]) warned = warned || w["code"] == "unknown_share";
  CHECK(warned);
  CHECK(contains(dir.read("out/rapport-2024.md"), "| Non renseigné | 3 | 100\u00A0% |"));
}

TEST_CASE("a figures.json with a distribution not available merges into a network where it is not available") {
  ScratchDir dir;
  dir.write("ctreport.yaml", k_config);
  dir.write("a.csv", csv_without({}));
  dir.write("b.csv", csv_without({"Département d'origine", "Sexe"}));
  for (const char* name : {"a", "b"}) {
    dir.write(fmt::format("{}.yaml", name), fmt::format("establishment:\n  name: CT {}\n  departement: '42'\n", name));
    auto r = run_cli({"2024", fmt::format("{}.csv", name), "-c", fmt::format("{}.yaml", name), "-o", name, "--format",
                      "json", "--quiet"},
                     dir.path());
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  }
  for (const auto& order : {std::vector<std::string>{"a", "b"}, std::vector<std::string>{"b", "a"}}) {
    auto r = run_cli({"merge", order[0] + "/figures-2024.json", order[1] + "/figures-2024.json", "-o", "net-" + order[0],
                      "--format", "json,md", "--quiet"},
                     dir.path());
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    json j = json::parse(dir.read("net-" + order[0] + "/figures-2024.json"));
    CHECK(j["origin"] == k_not_available_origin);
    CHECK(j["sex"] == json{{"population", "people_present"}, {"available", false}, {"missing", {"sex"}}});
    CHECK(j["referral"]["available"] == true);
    CHECK(j["referral"]["total"] == 6);
    std::string md = dir.read("net-" + order[0] + "/rapport-2024.md");
    CHECK(contains(md, "Répartition non disponible dans l'export (aucune colonne d'origine géographique)."));
    CHECK_FALSE(contains(md, "| Origine |"));
  }
}

TEST_CASE("a batch index and --compare show a dash for a value the export has no column for") {
  ScratchDir dir;
  dir.write("data.csv", csv_without({"Sexe", "Date de naissance"}));
  dir.write("ctreport.yaml", k_config);
  auto r = run_cli({"2023..2024", "data.csv", "-c", "ctreport.yaml", "-o", "out", "--quiet"}, dir.path());
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  std::string index = dir.read("out/index.md");
  CHECK(contains(index, "| [2024](rapport-2024.md) | 3 | 2 | 2 | 436 | 40\u00A0% | – | – |\n"));
  CHECK(contains(index, "| [2023](rapport-2023.md) | 2 | 2 | 1 | 89 | 8\u00A0% | – | – |\n"));

  r = run_cli({"2024", "data.csv", "-c", "ctreport.yaml", "-o", "cmp", "--compare", "2023", "--quiet"}, dir.path());
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  std::string md = dir.read("cmp/rapport-2024.md");
  CHECK(contains(md, "| Personnes accueillies (file active) | 3 | 2 | +1 |"));
  CHECK(contains(md, "Répartition non disponible dans l'export (aucune colonne de sexe)."));
  CHECK_FALSE(contains(md, "| Sexe |"));
}

}  // TEST_SUITE
