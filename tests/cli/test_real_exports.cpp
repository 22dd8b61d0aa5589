// Exports as real establishments send them (other software's headers and
// values, hand-kept workbooks, English and tab-separated files, missing
// columns): right figures on the first run with a configuration holding only
// the capacity and the département, and `ctreport init FILE` writing the
// mapping a new establishment edits once.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>
#include <xlsxwriter.h>

#include "support/cli.hpp"

using ctreport::test::run_cli;
using ctreport::test::ScratchDir;

namespace {

namespace fs = std::filesystem;

const fs::path k_exports = fs::path(CTREPORT_SOURCE_DIR) / "tests/fixtures/exports";
const char* k_config = "capacity: 10\nestablishment:\n  departement: \"42\"\n";

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

int64_t count_of(const nlohmann::json& dist, const std::string& key) {
  for (const auto& c : dist.is_array() ? dist : dist["categories"])
    if (c["key"] == key) return c["count"].get<int64_t>();
  return -1;
}

std::vector<std::string> warning_codes(const nlohmann::json& j) {
  std::vector<std::string> out;
  for (const auto& w : j["quality"]["warnings"]) out.push_back(w["code"].get<std::string>());
  return out;
}

bool has_code(const nlohmann::json& j, const std::string& code) {
  auto codes = warning_codes(j);
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

// The hand-kept workbook: a title row, names instead of file numbers, dates
// typed as dates, a blank row inside the data, and a totals row at the bottom.
fs::path write_hand_kept_workbook(const ScratchDir& dir) {
  fs::path path = dir.path() / "suivi-2024.xlsx";
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Résidents");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd/mm/yyyy");
  worksheet_write_string(ws, 0, 0, "Suivi des résidents — année 2024", nullptr);
  const char* headers[] = {"Nom", "Prénom", "Date de naissance", "Sexe", "Entrée", "Sortie", "Département",
                           "Orientation", "Motif de sortie", "Logement à la sortie", "Activité à la sortie"};
  for (int c = 0; c < 11; ++c) worksheet_write_string(ws, 2, static_cast<lxw_col_t>(c), headers[c], nullptr);
  struct Row {
    const char *last, *first;
    lxw_datetime birth, entry;
    bool open;
    lxw_datetime exit;
    const char *sex, *dep, *ref, *reason, *housing, *activity;
  };
  const Row rows[] = {
      {"Durand", "Claire", {1990, 5, 5}, {2023, 3, 1}, false, {2024, 2, 29}, "F", "42", "CSAPA", "Fin de contrat",
       "Résidence sociale", "CDD"},
      {"Petit", "Marc", {1980, 1, 10}, {2024, 1, 15}, false, {2024, 3, 14}, "H", "42", "Médecin traitant",
       "Départ volontaire", "Hébergé par un tiers", "Recherche d'emploi"},
      {"Roux", "Paul", {1975, 7, 20}, {2024, 6, 1}, true, {}, "H", "69", "Psychiatrie", "", "", ""},
      {"Petit", "Marc", {1980, 1, 10}, {2024, 9, 1}, true, {}, "H", "42", "Médecin traitant", "", "", ""},
      {"Morel", "Inès", {2000, 12, 31}, {2022, 6, 1}, false, {2024, 6, 30}, "F", "75", "SPIP", "Fin de contrat",
       "Sans solution", "Formation"},
      {"Fabre", "Luc", {1985, 3, 3}, {2024, 11, 15}, false, {2024, 12, 15}, "H", "Espagne", "Personnelle",
       "Exclusion", "SDF", "RSA"},
  };
  lxw_row_t r = 3;
  for (const auto& row : rows) {
    if (r == 6) ++r;  // a blank row left in the middle
    worksheet_write_string(ws, r, 0, row.last, nullptr);
    worksheet_write_string(ws, r, 1, row.first, nullptr);
    lxw_datetime birth = row.birth, entry = row.entry, exit = row.exit;
    worksheet_write_datetime(ws, r, 2, &birth, date);
    worksheet_write_string(ws, r, 3, row.sex, nullptr);
    worksheet_write_datetime(ws, r, 4, &entry, date);
    if (!row.open) worksheet_write_datetime(ws, r, 5, &exit, date);
    const char* rest[] = {row.dep, row.ref, row.reason, row.housing, row.activity};
    for (int c = 0; c < 5; ++c)
      if (*rest[c]) worksheet_write_string(ws, r, static_cast<lxw_col_t>(6 + c), rest[c], nullptr);
    ++r;
  }
  worksheet_write_string(ws, r, 0, "Total", nullptr);
  worksheet_write_number(ws, r, 4, 6, nullptr);  // the count of stays, in the entry column
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  return path;
}

// The export copied into `dir` (or written there), with the two-line config.
fs::path prepare(const ScratchDir& dir, const std::string& name) {
  dir.write("ctreport.yaml", k_config);
  if (name == "suivi-2024.xlsx") return write_hand_kept_workbook(dir);
  fs::copy_file(k_exports / name, dir.path() / name);
  return dir.path() / name;
}

nlohmann::json run_2024(const ScratchDir& dir, const std::string& name) {
  auto r = run_cli({"2024", name, "-f", "json", "-o", "out"}, dir.path());
  INFO(name, ": ", r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(dir.read("out/figures-2024.json"));
}

const std::vector<std::string> k_dialects = {"logiciel-windows-1252.csv", "english-tab.tsv",
                                             "sans-origine-ni-orientation.csv", "commune-code-postal-bom.csv",
                                             "autre-logiciel-ages.csv", "suivi-2024.xlsx"};

}  // namespace

TEST_SUITE("cli::real exports") {

// Hand-computed for the six stays (tests/fixtures/exports/README.md), 2024, 10 places:
// nights 59 + 59 + 214 + 122 + 181 + 30 = 665 of 3,660 capacity-days.
TEST_CASE("every dialect gives the hand-computed headline figures") {
  for (const auto& name : k_dialects) {
    CAPTURE(name);
    ScratchDir dir;
    prepare(dir, name);
    auto j = run_2024(dir, name);
    CHECK(j["people"]["present"] == 5);
    CHECK(j["people"]["present_at_start"] == 2);
    CHECK(j["people"]["admitted"] == 3);
    CHECK(j["people"]["exited"] == 4);
    CHECK(j["people"]["present_at_end"] == 2);
    CHECK(j["stays"]["admissions"] == 4);
    CHECK(j["stays"]["exits"] == 4);
    CHECK(j["occupancy"]["bed_days"] == 665);
    CHECK(j["occupancy"]["capacity_days"] == 3660);
    CHECK(count_of(j["sex"], "F") == 2);
    CHECK(count_of(j["sex"], "M") == 3);
    // term: Durand and Morel; dropout: Petit; exclusion: Fabre.
    CHECK(count_of(j["exits"]["reasons"], "term") == 2);
    CHECK(count_of(j["exits"]["reasons"], "dropout") == 1);
    CHECK(count_of(j["exits"]["reasons"], "exclusion") == 1);
    CHECK(j["exits"]["housing_solution"]["count"] == 2);  // supported housing, family or friends
    CHECK(j["exits"]["employment"]["count"] == 1);
    CHECK(j["exits"]["training"]["count"] == 1);
    // Every value understood: nothing counted as other.
    CHECK_FALSE(has_code(j, "unmapped_value"));
    CHECK_FALSE(has_code(j, "ambiguous_value"));
    CHECK_FALSE(has_code(j, "unresolved_origin"));
  }
}

TEST_CASE("origins and referrals as other software writes them") {
  for (const auto& name : k_dialects) {
    if (name == "sans-origine-ni-orientation.csv") continue;
    CAPTURE(name);
    ScratchDir dir;
    prepare(dir, name);
    auto j = run_2024(dir, name);
    // Loire: Durand, Petit; Rhône: Roux; Paris: Morel; abroad: Fabre.
    CHECK(count_of(j["origin"], "departement") == 2);
    CHECK(count_of(j["origin"], "region") == 1);
    CHECK(count_of(j["origin"], "other_region") == 1);
    CHECK(count_of(j["origin"], "abroad") == 1);
    CHECK(count_of(j["referral"], "medico_social") == 1);
    CHECK(count_of(j["referral"], "health") == 2);
    CHECK(count_of(j["referral"], "justice") == 1);
    CHECK(count_of(j["referral"], "self") == 1);
  }
}

TEST_CASE("ages from birth dates or ages at entry, hand-computed") {
  // At the entry of each person's latest stay: 32, 44, 48, 21, 39.
  for (const std::string name : {"logiciel-windows-1252.csv", "english-tab.tsv", "autre-logiciel-ages.csv",
                                 "suivi-2024.xlsx"}) {
    CAPTURE(name);
    ScratchDir dir;
    prepare(dir, name);
    auto j = run_2024(dir, name);
    CHECK(j["age"]["mean"].get<double>() == doctest::Approx(36.8));
    CHECK(count_of(j["age"]["brackets"], "0-29") == 1);
    CHECK(count_of(j["age"]["brackets"], "30-39") == 2);
    CHECK(count_of(j["age"]["brackets"], "40-49") == 2);
  }
}

TEST_CASE("the hand-kept workbook: title, blank and totals rows, people told apart by name") {
  ScratchDir dir;
  prepare(dir, "suivi-2024.xlsx");
  auto r = run_cli({"2024", "suivi-2024.xlsx", "-f", "md,json", "-o", "out"}, dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(dir.read("out/figures-2024.json"));
  CHECK(has_code(j, "total_row"));
  CHECK(has_code(j, "empty_row"));
  CHECK(has_code(j, "missing_column"));
  // Names and birth dates are used in memory only: never in an output or a message.
  std::string all = dir.read("out/rapport-2024.md") + dir.read("out/figures-2024.json") + r.err + r.out;
  for (const char* personal : {"Durand", "Claire", "Petit", "Morel", "Inès", "Fabre", "1990", "05/05"})
    CHECK_FALSE(contains(all, personal));
}

TEST_CASE("headers are listed used and not used in verbose, check and the method note") {
  ScratchDir dir;
  dir.write("s.csv",
            "Dossier;Date d'admission;Code postal / département;Commentaire;Téléphone\n"
            "1;02/01/2024;42600 Montbrison;x;y\n");
  auto r = run_cli({"2024", "s.csv", "--verbose", "-o", "out"}, dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "column 'Code postal / département' -> origin"));
  CHECK(contains(r.err, "column 'Commentaire' not used"));
  std::string md = dir.read("out/rapport-2024.md");
  CHECK(contains(md, "«\u00A0Code postal / département\u00A0» (origine géographique)"));
  CHECK(contains(md, "colonnes non utilisées\u00A0: «\u00A0Commentaire\u00A0», «\u00A0Téléphone\u00A0»"));
  auto c = run_cli({"check", "2024", "s.csv", "--format", "json"}, dir.path());
  auto cj = nlohmann::json::parse(c.out);
  CHECK(cj["unused_columns"] == nlohmann::json::array({"Commentaire", "Téléphone"}));
  bool origin_listed = false;
  for (const auto& col : cj["columns"]) origin_listed |= col["field"] == "origin" && col["header"] == "Code postal / département";
  CHECK(origin_listed);
  // The missing fields each have their missing_column warning naming the file's headers.
  bool sex_missing = false;
  for (const auto& f : cj["findings"])
    sex_missing |= f["code"] == "missing_column" && contains(f["message"].get<std::string>(), "no sex column") &&
                   contains(f["message"].get<std::string>(), "'Commentaire'");
  CHECK(sex_missing);
  auto t = run_cli({"check", "2024", "s.csv"}, dir.path());
  CHECK(contains(t.out, "columns used: 'Dossier' -> person_id"));
}

TEST_CASE("a header that fits two fields equally is an error naming both") {
  ScratchDir dir;
  // "Orienté par / motif" holds a referral name and an exit-reason name of one word each.
  dir.write("s.csv", "id;Date d'entrée;Orienteur motif\n1;02/01/2024;CSAPA\n");
  auto r = run_cli({"2024", "s.csv"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "'Orienteur motif' fits two fields equally"));
  CHECK(contains(r.err, "referral"));
  CHECK(contains(r.err, "exit_reason"));
  CHECK(contains(r.err, "columns:"));
  // Settled in the config.
  dir.write("ctreport.yaml", "columns:\n  referral: \"Orienteur motif\"\n");
  auto ok = run_cli({"2024", "s.csv", "-f", "json"}, dir.path());
  CHECK(ok.exit_code == 0);
}

TEST_CASE("values classified by their words are listed, ambiguous ones named with both categories") {
  ScratchDir dir;
  dir.write("s.csv",
            "id;Date d'entrée;Orienté par\n1;02/01/2024;CSAPA de Lyon\n2;03/01/2024;Hôpital - service social\n");
  auto r = run_cli({"2024", "s.csv", "-f", "md,json", "-o", "out"}, dir.path());
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(dir.read("out/figures-2024.json"));
  CHECK(count_of(j["referral"], "medico_social") == 1);
  CHECK(count_of(j["referral"], "other") == 1);
  std::string md = dir.read("out/rapport-2024.md");
  CHECK(contains(md, "«\u00A0CSAPA de Lyon\u00A0» (colonne Orienté par) classé d'après ses mots en «\u00A0Partenaire médico-social"));
  CHECK(contains(md, "contient les mots de deux catégories"));
  CHECK(contains(r.err, "classified by their words"));
  auto c = run_cli({"check", "2024", "s.csv", "--strict"}, dir.path());
  CHECK(contains(c.out, "notice[mapped_by_phrase]"));
  CHECK(contains(c.out, "warning[ambiguous_value]") == false);  // strict: warnings are errors
  CHECK(contains(c.out, "error[ambiguous_value]"));
}

TEST_CASE("ctreport init FILE writes the mapping, and the report has no unmapped value once it is edited") {
  std::vector<fs::path> exports;
  for (const auto& name : k_dialects) exports.push_back(name);
  exports.push_back("examples/sejours-2022-2024.csv");
  for (const auto& name : exports) {
    CAPTURE(name);
    ScratchDir dir;
    std::string file;
    if (name.string().starts_with("examples/")) {
      fs::copy_file(fs::path(CTREPORT_SOURCE_DIR) / name, dir.path() / name.filename());
      file = name.filename().string();
    } else {
      prepare(dir, name.string());
      fs::remove(dir.path() / "ctreport.yaml");
      file = name.string();
    }
    auto r = run_cli({"init", file}, dir.path());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string yaml = dir.read("ctreport.yaml");
    CHECK(contains(yaml, "columns:"));
    CHECK(contains(yaml, "  entry_date: "));
    for (const char* personal : {"Durand", "Claire", "A-101", "1990", "05/05"}) CHECK_FALSE(contains(yaml, personal));
    // A second run does not overwrite it.
    CHECK(run_cli({"init", file}, dir.path()).exit_code == 2);
    // The user moves each "to classify" value under the field's first category.
    std::istringstream in(yaml);
    std::string line, out, pending, first_key_line;
    std::vector<std::string> lines;
    while (std::getline(in, line)) lines.push_back(line);
    std::vector<std::string> edited;
    size_t first_category = SIZE_MAX;
    for (const auto& l : lines) {
      if (l == "    add_values:") first_category = edited.size() + 1;
      if (l.starts_with("      # - ")) {
        REQUIRE(first_category != SIZE_MAX);
        std::string moved = "        - " + l.substr(10);
        edited.insert(edited.begin() + static_cast<long>(first_category) + 1, moved);
        continue;
      }
      edited.push_back(l);
    }
    for (const auto& l : edited) out += l + "\n";
    out += "\n";
    dir.write("ctreport.yaml", out);
    auto report = run_cli({"2024", file, "-f", "json", "-o", "out"}, dir.path());
    INFO(report.err);
    REQUIRE(report.exit_code == 0);
    auto j = nlohmann::json::parse(dir.read("out/figures-2024.json"));
    CHECK_FALSE(has_code(j, "unmapped_value"));
    CHECK_FALSE(has_code(j, "ambiguous_value"));
  }
}

TEST_CASE("French plurals: 0 and 1 take the singular") {
  ScratchDir dir;
  dir.write("s.csv", "id;Date d'entrée;Date de sortie\n1;02/01/2024;\n");
  auto r = run_cli({"2024", "s.csv", "-o", "out"}, dir.path());
  REQUIRE(r.exit_code == 0);
  std::string md = dir.read("out/rapport-2024.md");
  CHECK(contains(md, "**1 personne**"));
  CHECK_FALSE(contains(md, " 0 personnes"));
  CHECK_FALSE(contains(md, " 1 personnes"));
  CHECK_FALSE(contains(md, "(0 séjours)"));
}

}  // TEST_SUITE
