// The CLI end to end, as a user runs it: files written, exit codes, messages.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <zip.h>

#include <fmt/format.h>

#include "input/xlsx_workbook.hpp"
#include "support/cli.hpp"

using ctreport::test::run_cli;
using ctreport::test::ScratchDir;

namespace {

const std::string k_csv =
    "N° dossier;Sexe;Date de naissance;Date d'entrée;Date de sortie;Orientation;Motif de sortie\r\n"
    "D-0001;F;12/05/1985;15/11/2023;10/01/2024;CSAPA;Fin de contrat\r\n"
    "D-0002;H;03/03/1990;01/03/2024;;SPIP;\r\n"
    "D-0003;M;07/07/1971;01/06/2024;30/09/2024;hôpital;départ volontaire\r\n";

// The fields k_csv has no column for, declared absent: no missing_column warning for them.
const std::string k_absent = "columns: {origin: [], housing_at_exit: [], activity_at_exit: [], stage: []}\n";
// k_csv with origin, housing, activity and stage columns present but empty: their breakdowns are 100 % unknown.
const std::string k_csv_empty_columns =
    "N° dossier;Sexe;Date de naissance;Date d'entrée;Date de sortie;Orientation;Motif de sortie;Département d'origine;"
    "Logement à la sortie;Activité à la sortie;Étape\r\n"
    "D-0001;F;12/05/1985;15/11/2023;10/01/2024;CSAPA;Fin de contrat;;;;\r\n"
    "D-0002;H;03/03/1990;01/03/2024;;SPIP;;;;;\r\n"
    "D-0003;M;07/07/1971;01/06/2024;30/09/2024;hôpital;départ volontaire;;;;\r\n";

const std::string k_config = "establishment:\n  name: CT Test & Co_50%\n  departement: '42'\ncapacity: 3\n";

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// One part of a zip file (an XLSX workbook), empty when absent.
std::string zip_entry(const std::filesystem::path& zip_path, const std::string& name) {
  zip_t* z = zip_open(zip_path.string().c_str(), ZIP_RDONLY, nullptr);
  if (!z) return "";
  std::string out;
  if (zip_file_t* f = zip_fopen(z, name.c_str(), 0)) {
    char buf[4096];
    for (zip_int64_t n; (n = zip_fread(f, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
    zip_fclose(f);
  }
  zip_discard(z);
  return out;
}

// The rows of a sheet read back with the project's reader: each cell as text, or its number as "=N".
std::vector<std::vector<std::string>> sheet_rows(const std::filesystem::path& path, size_t sheet) {
  auto book = ctreport::input::XlsxWorkbook::open(path.string());
  auto reader = book->open_sheet(sheet);
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

}  // namespace

TEST_SUITE("cli::report") {

TEST_CASE("ctreport YEAR FILE writes the Markdown report and prints a summary") {
  ScratchDir dir;
  dir.write("sejours.csv", k_csv);
  dir.write("ctreport.yaml", k_absent);
  auto r = run_cli({"2024", "sejours.csv"}, dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  REQUIRE(dir.exists("rapport-2024.md"));
  CHECK_FALSE(dir.exists("figures-2024.json"));
  std::string md = dir.read("rapport-2024.md");
  CHECK(contains(md, "# Rapport d'activité 2024"));
  CHECK(contains(md, "Nous avons accueilli **3 personnes** entre le 1er janvier 2024 et le 31 décembre 2024"));
  CHECK(contains(r.out, "personnes accueillies   3"));
  CHECK(contains(r.out, "rapport-2024.md"));
}

TEST_CASE("--format md,json and -o write both files in the output folder") {
  ScratchDir dir;
  dir.write("data/sejours.csv", k_csv);
  dir.write("data/ctreport.yaml", k_config);  // found beside the data file
  auto r = run_cli({"2024", "data/sejours.csv", "-o", "out/rapport", "--format", "md,json"}, dir.path());
  CHECK(r.exit_code == 0);
  REQUIRE(dir.exists("out/rapport/figures-2024.json"));
  auto j = nlohmann::json::parse(dir.read("out/rapport/figures-2024.json"));
  CHECK(j["schema"] == "ctreport/figures/v1");
  CHECK(j["people"]["present"] == 3);
  CHECK(j["occupancy"]["capacity_days"] == 3 * 366);
  CHECK(j["period"]["label"] == "2024");
  std::string md = dir.read("out/rapport/rapport-2024.md");
  CHECK(contains(md, "CT Test & Co\\_50%"));  // the establishment name, escaped for Markdown
  CHECK(dir.files() == std::vector<std::string>{
                           "data/ctreport.yaml", "data/sejours.csv", "out/rapport/figures-2024.json",
                           "out/rapport/rapport-2024-age.svg", "out/rapport/rapport-2024-duree.svg",
                           "out/rapport/rapport-2024-occupation.svg", "out/rapport/rapport-2024-orientation.svg",
                           "out/rapport/rapport-2024-sexe.svg",  // no origin column: no origin chart
                           "out/rapport/rapport-2024-sorties.svg", "out/rapport/rapport-2024.md"});
  CHECK(contains(md, "![Âge des personnes accueillies](rapport-2024-age.svg)"));
}

TEST_CASE("-c names the config, ctreport config --defaults prints one that loads back") {
  ScratchDir dir;
  dir.write("sejours.csv", k_csv);
  auto defaults = run_cli({"config", "--defaults"}, dir.path());
  CHECK(defaults.exit_code == 0);
  CHECK(contains(defaults.out, "stay_length_brackets:"));
  dir.write("mine.yaml", defaults.out);
  auto r = run_cli({"2024", "sejours.csv", "-c", "mine.yaml", "-f", "json"}, dir.path());
  CHECK(r.exit_code == 0);
  CHECK(dir.exists("figures-2024.json"));
}

TEST_CASE("a wrong year is a usage error") {
  ScratchDir dir;
  dir.write("sejours.csv", k_csv);
  auto r = run_cli({"20x4", "sejours.csv"}, dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.err == "ctreport: error: '20x4' is not a year (expected four digits, e.g. 2024)\n");
  CHECK(dir.files() == std::vector<std::string>{"sejours.csv"});
}

TEST_CASE("a missing, empty, binary or header-only file gets one line and an exit code") {
  ScratchDir dir;
  auto missing = run_cli({"2024", "absent.csv"}, dir.path());
  CHECK(missing.exit_code == 2);
  CHECK(contains(missing.err, "absent.csv"));
  CHECK(contains(missing.err, "No such file or directory"));

  dir.write("empty.csv", "");
  auto empty = run_cli({"2024", "empty.csv"}, dir.path());
  CHECK(empty.exit_code == 2);
  CHECK(empty.err == "ctreport: error: empty.csv: the file is empty\n");

  dir.write("binary.csv", std::string("\x7f" "ELF\0\0\0\x01\x02", 9));
  auto binary = run_cli({"2024", "binary.csv"}, dir.path());
  CHECK(binary.exit_code == 2);
  CHECK(binary.err == "ctreport: error: binary.csv: not a text file (it contains NUL bytes)\n");

  dir.write("header.csv", "N° dossier;Date d'entrée;Date de sortie\n");
  auto header = run_cli({"2024", "header.csv"}, dir.path());
  CHECK(header.exit_code == 1);
  CHECK(header.err == "ctreport: error: header.csv: the file has a header (row 1) but no data rows\n");
}

TEST_CASE("a file without an entry-date column names what was expected") {
  ScratchDir dir;
  dir.write("x.csv", "Nom;Prénom\nA;B\n");
  auto r = run_cli({"2024", "x.csv"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "x.csv: no entry-date column found in the first 30 rows: expected a header such as 'date d'entrée'"));
  CHECK(contains(r.err, "columns.entry_date"));
}

TEST_CASE("an unparseable date names file, row, column and value, and leaves no output") {
  ScratchDir dir;
  dir.write("bad.csv", k_csv + "D-0004;F;01/01/1980;31/02/2024;;CSAPA;\r\nD-0005;F;01/01/1980;01/03/2024;hier;CSAPA;\r\n");
  auto r = run_cli({"2024", "bad.csv", "-f", "md,json", "-o", "out"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        "ctreport: error: bad.csv: row 5, column D (Date d'entrée): '31/02/2024' is not a possible date; expected a date "
        "such as 31/12/2024 or 2024-12-31\n"
        "bad.csv: row 6, column E (Date de sortie): 'hier' is not a date; expected a date such as 31/12/2024 or 2024-12-31\n");
  CHECK_FALSE(dir.exists("out"));
}

TEST_CASE("an exit before the entry is an error") {
  ScratchDir dir;
  dir.write("bad.csv", k_csv + "D-0004;F;01/01/1980;01/03/2024;01/02/2024;CSAPA;\r\n");
  auto r = run_cli({"2024", "bad.csv"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        "ctreport: error: bad.csv: row 5, column E (Date de sortie): exit 2024-02-01 is before the entry 2024-03-01; "
        "expected an exit on or after the entry\n");
}

TEST_CASE("an unknown sex value is a warning, counted and listed") {
  ScratchDir dir;
  dir.write("w.csv", k_csv + "D-0004;Z;01/01/1980;01/03/2024;;CSAPA;\r\n");
  dir.write("ctreport.yaml", k_absent);
  auto r = run_cli({"2024", "w.csv", "-f", "json"}, dir.path());
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "ctreport: warning: w.csv: row 5: 'Z' maps to no sex category: counted as other"));
  CHECK(contains(r.out, "avertissements          1"));
  auto j = nlohmann::json::parse(dir.read("figures-2024.json"));
  CHECK(j["quality"]["warnings"][0]["code"] == "unmapped_value");
  CHECK(j["quality"]["warnings"][0]["row"] == 5);
}

TEST_CASE("personal data never reaches messages or reports") {
  ScratchDir dir;
  dir.write("p.csv", k_csv + "SECRET-ID-77;F;45/13/1979;01/03/2024;;CSAPA;\r\n");
  auto r = run_cli({"2024", "p.csv", "-f", "md,json", "--verbose"}, dir.path());
  CHECK(r.exit_code == 0);
  for (const auto& text : {r.out, r.err, dir.read("rapport-2024.md"), dir.read("figures-2024.json")}) {
    CHECK_FALSE(contains(text, "SECRET-ID-77"));
    CHECK_FALSE(contains(text, "45/13/1979"));
    CHECK_FALSE(contains(text, "D-0001"));
    CHECK_FALSE(contains(text, "12/05/1985"));
  }
  CHECK(contains(r.err, "birth date not readable"));
}

TEST_CASE("--quiet prints nothing, --help and --version behave") {
  ScratchDir dir;
  dir.write("sejours.csv", k_csv + "D-0004;Z;01/01/1980;01/03/2024;;CSAPA;\r\n");
  auto quiet = run_cli({"2024", "sejours.csv", "--quiet"}, dir.path());
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.out == "");
  CHECK(quiet.err == "");
  CHECK(dir.exists("rapport-2024.md"));
  auto help = run_cli({"--help"}, dir.path());
  CHECK(help.exit_code == 0);
  CHECK(contains(help.out, "ctreport 2024 sejours.csv"));
  CHECK(contains(help.out, "--format"));
  auto version = run_cli({"--version"}, dir.path());
  CHECK(version.exit_code == 0);
  CHECK(contains(version.out, "ctreport 0."));
  auto bad = run_cli({"2024", "sejours.csv", "--frobnicate"}, dir.path());
  CHECK(bad.exit_code == 2);
  auto none = run_cli({}, dir.path());
  CHECK(none.exit_code == 2);
  auto format = run_cli({"2024", "sejours.csv", "-f", "rtf"}, dir.path());
  CHECK(format.exit_code == 2);
  CHECK(format.err == "ctreport: error: unknown format 'rtf' (expected md, tex, pdf, docx, odt, xlsx or json)\n");
}

TEST_CASE("--template renders the user's own template with the same variables") {
  ScratchDir dir;
  dir.write("sejours.csv", k_csv);
  dir.write("mon-modele.md", "Accueillis : {{people.present}} ; sorties : {{stays.exits}} ; {{#sex.lines}}{{key}}={{count}} {{/sex.lines}}\n");
  auto r = run_cli({"2024", "sejours.csv", "--template", "mon-modele.md"}, dir.path());
  CHECK(r.exit_code == 0);
  CHECK(dir.read("rapport-2024.md") == "Accueillis : 3 ; sorties : 2 ; F=1 M=2 X=0 \n");
  dir.write("broken.md", "{{#people}}unclosed\n");
  auto broken = run_cli({"2024", "sejours.csv", "--template", "broken.md"}, dir.path());
  CHECK(broken.exit_code == 1);
  CHECK(contains(broken.err, "ctreport: error: template broken.md:"));
}

TEST_CASE("a config error names the file, line and key") {
  ScratchDir dir;
  dir.write("sejours.csv", k_csv);
  dir.write("ctreport.yaml", "establishment:\n  nom: X\n");
  auto r = run_cli({"2024", "sejours.csv"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err == "ctreport: error: ctreport.yaml:2: establishment.nom: unknown key (expected one of: name, departement, organisation, address, finess, phone, logo, signatory)\n");
  dir.write("ctreport.yaml", "establishment: {departement: '99'}\n");
  auto dep = run_cli({"2024", "sejours.csv"}, dir.path());
  CHECK(dep.exit_code == 1);
  CHECK(contains(dep.err, "'99' is not a French département code"));
}

}  // TEST_SUITE

TEST_SUITE("cli::init") {

TEST_CASE("ctreport init writes the config and templates, which the report then uses") {
  ScratchDir dir;
  dir.write("sejours.csv", k_csv);
  auto r = run_cli({"init"}, dir.path());
  CHECK(r.exit_code == 0);
  CHECK(dir.files() == std::vector<std::string>{"ctreport.yaml", "modeles/index.md", "modeles/rapport.docx.md",
                                                "modeles/rapport.md", "modeles/rapport.tex", "sejours.csv"});
  CHECK(contains(dir.read("ctreport.yaml"), "\ntemplates:\n  report: modeles/rapport.md\n  index: modeles/index.md\n"
                                            "  latex: modeles/rapport.tex\n  office: modeles/rapport.docx.md\n"));
  CHECK(contains(dir.read("modeles/rapport.tex"), "\\documentclass[a4paper,11pt]{article}"));
  dir.write("modeles/rapport.md", "Mon rapport : {{people.present}} personnes.\n");
  dir.write("modeles/rapport.tex", "{{=<< >>=}}Mon rapport LaTeX : <<people.present>> personnes.\n");
  auto report = run_cli({"2024", "sejours.csv", "-f", "md,tex"}, dir.path());
  CHECK(report.exit_code == 0);
  CHECK(dir.read("rapport-2024.md") == "Mon rapport : 3 personnes.\n");
  CHECK(dir.read("rapport-2024.tex") == "Mon rapport LaTeX : 3 personnes.\n");
  // The written templates are checked whole, though capacity 0 leaves the occupancy section out.
  dir.write("modeles/rapport.md", "{{#occupancy.monthly}}\n{{labl}}\n{{/occupancy.monthly}}\n");
  auto typo = run_cli({"2024", "sejours.csv"}, dir.path());
  CHECK(typo.exit_code == 1);
  CHECK(typo.err ==
        "ctreport: error: template modeles/rapport.md:2: unknown variable 'labl' (the variables are listed in docs/templates.md)\n");
  dir.write("modeles/rapport.md", "Mon rapport : {{people.present}} personnes.\n");
  auto again = run_cli({"init"}, dir.path());
  CHECK(again.exit_code == 2);
  CHECK(contains(again.err, "already exist(s); nothing written (use --force to overwrite)"));
  CHECK(dir.read("modeles/rapport.md") == "Mon rapport : {{people.present}} personnes.\n");
  auto forced = run_cli({"init", "--force", "--lang", "en"}, dir.path());
  CHECK(forced.exit_code == 0);
  CHECK(contains(dir.read("modeles/rapport.md"), "# Activity report"));
  CHECK(contains(dir.read("modeles/rapport.tex"), "\\usepackage[english]{babel}"));
  CHECK(contains(dir.read("ctreport.yaml"), "\nlang: en"));
}

TEST_CASE("--lang en gives the English report") {
  ScratchDir dir;
  dir.write("sejours.csv", k_csv);
  auto r = run_cli({"2024", "sejours.csv", "--lang", "en", "-q"}, dir.path());
  CHECK(r.exit_code == 0);
  std::string md = dir.read("rapport-2024.md");
  CHECK(contains(md, "# Activity report 2024"));
  CHECK(contains(md, "We welcomed **3 people** between 1 January 2024 and 31 December 2024"));
  CHECK(contains(md, "| Women | 1 | 33% |"));
  // The file names stay French, by choice (README, --lang): scripts and links keep working.
  CHECK(dir.exists("rapport-2024-sexe.svg"));
  CHECK(contains(md, "![Sex of the people present](rapport-2024-sexe.svg)"));
}

}  // TEST_SUITE

TEST_SUITE("cli::latex") {

TEST_CASE("--format tex writes an escaped LaTeX report, --format pdf compiles it when LaTeX is installed") {
  ScratchDir dir;
  dir.write("sejours.csv", k_csv_empty_columns);
  dir.write("ctreport.yaml", k_config);
  auto r = run_cli({"2024", "sejours.csv", "-f", "tex", "-q"}, dir.path());
  REQUIRE(r.exit_code == 0);
  std::string tex = dir.read("rapport-2024.tex");
  CHECK(tex.substr(0, 26) == "% Rapport d'activité: mod");  // no blank line left by the delimiter change
  CHECK(contains(tex, "\n% Les balises (un nom entre doubles chevrons) reçoivent les valeurs des données"));
  CHECK(contains(tex, "\\documentclass[a4paper,11pt]{article}"));
  CHECK(contains(tex, "{\\LARGE CT Test \\& Co\\_50\\%\\par}"));
  CHECK(contains(tex, "Personnes accueillies (file active) & 3"));
  CHECK(contains(tex, "\\begin{cttable}{Lrr}"));
  CHECK(contains(tex, "\\ctbars{{moins de 30 ans},"));
  // As complete as the Markdown report: origin and stay-length tables, totals, outcomes, stage, method definitions.
  CHECK(contains(tex, "Origine & Personnes & \\% \\\\\n\\midrule\nLoire (42) & 0 & 0~\\% \\\\\n"));
  CHECK(contains(tex, "Non renseigné & 3 & 100~\\% \\\\\n\\midrule\n\\textbf{Total} & \\textbf{3} & \\\\\n"));
  CHECK(contains(tex, "Durée du séjour & Sorties & \\% \\\\\n"));
  CHECK(contains(tex, "Sans solution (rue, urgence, squat) & 0 & 0~\\% \\\\\nNon renseigné & 2 & 100~\\% \\\\\n\\midrule\n"
                      "\\textbf{Total} & \\textbf{2} & \\\\\n"));
  CHECK(contains(tex, "Issue des 2 sorties\u00A0: 1 positive (50~\\%), 0 neutre (0~\\%), 1 négative (50~\\%).\n\n"
                      "\\emph{Issue selon le motif de sortie (ctreport.yaml)\u00A0: positives\u00A0: «~Fin de contrat (terme du "
                      "séjour)~» et «~Sortie préparée, projet réalisé~»\u202F; neutres\u00A0: «~Réorientation~» et «~Hospitalisation~»\u202F; "));
  CHECK(contains(tex, "\\subsection{Étape du parcours}"));
  CHECK(contains(tex, "Étape & \\cthead{À la sortie} & \\% & \\cthead{Présents au 31 décembre 2024} & \\% \\\\\n"));
  CHECK(contains(tex, "\\item Personnes accueillies (file active)\u00A0: personnes distinctes ayant au moins un séjour"));
  CHECK(contains(tex, "\\item Capacité\u00A0: 3 places\u202F; taux d'occupation = journées réalisées ÷ journées de capacité.\n"));
  CHECK(contains(tex, "\\item Âge\u00A0: en années révolues à l'entrée du dernier séjour de la période. Durée des séjours\u00A0: "
                      "séjours terminés pendant la période, de l'entrée à la sortie, en mois calendaires.\n"));
  CHECK(contains(tex, "2 séjours se sont terminés pendant l'année."));
  if (std::system("command -v pdflatex >/dev/null 2>&1") != 0) {
    MESSAGE("SKIPPED: --format pdf not tested: no LaTeX on this machine (CTREPORT_WITH_LATEX=1 bash scripts/setup.sh test)");
    auto pdf = run_cli({"2024", "sejours.csv", "-f", "pdf", "-o", "p"}, dir.path());
    CHECK(pdf.exit_code == 2);
    CHECK(contains(pdf.err, "--format pdf needs LaTeX"));
    CHECK_FALSE(dir.exists("p"));
    return;
  }
  auto pdf = run_cli({"2024", "sejours.csv", "-f", "pdf", "-o", "p", "-q"}, dir.path());
  REQUIRE(pdf.exit_code == 0);
  CHECK(dir.read("p/rapport-2024.pdf").substr(0, 5) == "%PDF-");
  CHECK(dir.files() == std::vector<std::string>{"ctreport.yaml", "p/rapport-2024.pdf", "rapport-2024.tex", "sejours.csv"});
}

}  // TEST_SUITE

TEST_SUITE("cli::xlsx_output") {

TEST_CASE("--format xlsx: headline sheet, a sheet per distribution with its chart, labels as strings") {
  ScratchDir dir;
  dir.write("sejours.csv", k_csv_empty_columns);
  dir.write("ctreport.yaml", k_config +
                                 "categories:\n  referral:\n    - {key: med, label: '=HYPERLINK(\"x\")', values: [CSAPA]}\n"
                                 "    - {key: other_ref, label: 'CSAPA & Co_50%', values: [SPIP, hôpital]}\n");
  auto r = run_cli({"2024", "sejours.csv", "-f", "xlsx", "-q"}, dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK(dir.files() == std::vector<std::string>{"ctreport.yaml", "rapport-2024.xlsx", "sejours.csv"});
  // Read it back with the project's own reader.
  auto book = ctreport::input::XlsxWorkbook::open((dir.path() / "rapport-2024.xlsx").string());
  std::vector<std::string> names;
  for (const auto& s : book->sheets()) names.push_back(s.name);
  // In the report's order (templates/report.fr.md).
  CHECK(names == std::vector<std::string>{"Chiffres clés", "Occupation", "Sexe", "Âge", "Orientation", "Origine",
                                          "Produit principal", "Traitement de substitution", "Mesure judiciaire",
                                          "Logement à l'entrée", "Ressources à l'entrée", "Activité à l'entrée",
                                          "Situation familiale", "Durée de séjour", "Motifs de sortie",
                                          "Logement à la sortie", "Activité à la sortie", "Logement entrée-sortie",
                                          "Activité entrée-sortie", "Étape", "Méthode"});
  {
    auto key = book->open_sheet(0);
    ctreport::input::Row row;
    REQUIRE(key->next_row(row));
    CHECK(row.cells[0].text == "Rapport d'activité 2024");
    REQUIRE(key->next_row(row));
    CHECK(row.cells[0].text == "CT Test & Co_50%");
    bool rate_found = false;
    while (key->next_row(row))
      if (row.cells[0].text == "Taux d'occupation") {
        rate_found = true;
        CHECK(row.cells[1].type == ctreport::input::CellType::number);
        CHECK(row.cells[1].number == doctest::Approx(436.0 / 1098.0));  // 9 + 306 + 121 nights for 3 places x 366
      }
    CHECK(rate_found);
  }
  auto referral = book->open_sheet(4);  // after the key figures, the occupancy, the sex and the age
  ctreport::input::Row row;
  REQUIRE(referral->next_row(row));  // header
  REQUIRE(referral->next_row(row));
  CHECK(row.cells[0].type == ctreport::input::CellType::text);
  CHECK(row.cells[0].text == "=HYPERLINK(\"x\")");
  CHECK(row.cells[1].number == 1);
  CHECK(row.cells[2].number == doctest::Approx(1.0 / 3.0));
  // No formula anywhere, and one chart per distribution sheet plus the occupancy.
  int charts = 0;
  zip_t* z = zip_open((dir.path() / "rapport-2024.xlsx").string().c_str(), ZIP_RDONLY, nullptr);
  REQUIRE(z != nullptr);
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    std::string name = zip_get_name(z, static_cast<zip_uint64_t>(i), 0);
    if (name.rfind("xl/charts/chart", 0) == 0) ++charts;
    if (name.rfind("xl/worksheets/sheet", 0) == 0) {
      zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
      std::string xml;
      char buf[4096];
      for (zip_int64_t n; (n = zip_fread(f, buf, sizeof buf)) > 0;) xml.append(buf, static_cast<size_t>(n));
      zip_fclose(f);
      CHECK(xml.find("<f>") == std::string::npos);
    }
  }
  zip_discard(z);
  CHECK(charts == 10);
}

}  // TEST_SUITE

TEST_SUITE("cli::xlsx_output") {

TEST_CASE("--format xlsx: numbers as numbers, month names, stage present at the end, a header over the warnings") {
  ScratchDir dir;
  // A stage column present but empty: the stage breakdowns are all unknown.
  std::string csv = "N° dossier;Sexe;Date de naissance;Date d'entrée;Date de sortie;Orientation;Motif de sortie;Étape\r\n";
  for (std::string_view rest = std::string_view(k_csv).substr(k_csv.find('\n') + 1); !rest.empty();) {
    size_t end = rest.find("\r\n");
    csv += std::string(rest.substr(0, end)) + ";\r\n";
    rest.remove_prefix(end + 2);
  }
  dir.write("sejours.csv", csv + "D-0004;Z;01/01/1980;01/02/2024;;CSAPA;;\r\n");
  dir.write("ctreport.yaml", k_config + "columns: {origin: [], housing_at_exit: [], activity_at_exit: []}\n");
  auto r = run_cli({"2024", "sejours.csv", "-f", "xlsx", "-q"}, dir.path());
  REQUIRE(r.exit_code == 0);
  auto path = dir.path() / "rapport-2024.xlsx";
  auto occupancy = sheet_rows(path, 1);  // after the key figures, as in the report
  REQUIRE(occupancy.size() == 13);
  CHECK(occupancy[1][0] == "janvier 2024");
  CHECK(occupancy[12][0] == "décembre 2024");
  auto stage = sheet_rows(path, 19);  // after the two entry → exit sheets, as in the report
  REQUIRE(stage.size() == 12);  // the blank row between the blocks is not read back
  CHECK(stage[0] == std::vector<std::string>{"Étape", "Effectif", "%"});
  CHECK(stage[5] == std::vector<std::string>{"Total", "=2"});
  CHECK(stage[6] == std::vector<std::string>{"Présents au 31 décembre 2024", "Effectif", "%"});
  CHECK(stage[10] == std::vector<std::string>{"Non renseigné", "=2", "=1"});
  CHECK(stage[11] == std::vector<std::string>{"Total", "=2"});
  auto method = sheet_rows(path, 20);
  CHECK(method[0] == std::vector<std::string>{"Période", "du 1er janvier 2024 au 31 décembre 2024 (366 jours)"});
  CHECK(method[2] == std::vector<std::string>{"Lignes lues", "=4"});
  CHECK(method[3] == std::vector<std::string>{"Séjours de la période", "=4"});
  CHECK(method[4] == std::vector<std::string>{"Colonnes utilisées",
                                             "N° dossier (identifiant de la personne), Sexe (sexe), Date de naissance "
                                             "(date de naissance), Date d'entrée (date d'entrée), Date de sortie (date de "
                                             "sortie), Orientation (orientation), Motif de sortie (motif de sortie), "
                                             "Étape (étape)"});
  CHECK(method[5][0] == "Personnes accueillies");
  CHECK(method[8][0] == "Âge");
  CHECK(method[8][1] == "en années révolues à l'entrée du dernier séjour de la période");
  CHECK(method[10] == std::vector<std::string>{"Avertissements", "=1"});
  CHECK(method[11] == std::vector<std::string>{"Nature", "Avertissement", "Ligne", "Lignes concernées"});
  REQUIRE(method.size() == 13);
  CHECK(method[12][0] == "Valeur non classée");  // in plain words, never the code (unmapped_value)
  CHECK(method[12][2] == "=5");
  CHECK(method[12][3] == "=1");
  // Share cells carry the "0%" number format (ECMA-376 18.8.30 numFmt, through the cell's style index).
  std::string sex = zip_entry(path, "xl/worksheets/sheet3.xml");
  auto at = sex.find("<c r=\"C2\" s=\"");
  REQUIRE(at != std::string::npos);
  int style = std::stoi(sex.substr(at + std::string("<c r=\"C2\" s=\"").size()));
  std::string styles = zip_entry(path, "xl/styles.xml");
  auto xfs = styles.substr(styles.find("<cellXfs"));
  size_t xf = 0;
  for (int i = 0; i <= style; ++i) xf = xfs.find("<xf ", xf + 1);
  const size_t id_at = xf + std::string("<xf numFmtId=\"").size();
  std::string num_fmt_id = xfs.substr(id_at, xfs.find('"', id_at) - id_at);
  CHECK(contains(styles, "<numFmt numFmtId=\"" + num_fmt_id + "\" formatCode=\"0&quot;\u00A0&quot;%\"/>"));  // "72 %"
}

}  // TEST_SUITE

TEST_SUITE("cli::sums") {

// D-0001 present on 1 January, out on 10 January, back on 1 March: counted once
// in the people present, but both present at the start and admitted, both
// exited and present at the end. D-0002's exit has no reason.
const std::string k_csv_return =
    "N° dossier;Sexe;Date de naissance;Date d'entrée;Date de sortie;Orientation;Motif de sortie\r\n"
    "D-0001;F;12/05/1985;15/11/2023;10/01/2024;CSAPA;Fin de contrat\r\n"
    "D-0001;F;12/05/1985;01/03/2024;;CSAPA;\r\n"
    "D-0002;H;03/03/1990;01/02/2024;30/06/2024;SPIP;\r\n"
    "D-0003;M;07/07/1971;01/05/2024;30/09/2024;hôpital;départ volontaire\r\n";

TEST_CASE("the headline sentence says who is counted twice, so that its numbers add up") {
  ScratchDir dir;
  dir.write("sejours.csv", k_csv_return);
  REQUIRE(run_cli({"2024", "sejours.csv", "-f", "md,tex", "-q"}, dir.path()).exit_code == 0);
  // 1 + 3 = 4 for 3 people; 3 + 1 = 4 for 3 people.
  CHECK(contains(dir.read("rapport-2024.md"),
                 "**3 personnes** entre le 1er janvier 2024 et le 31 décembre 2024\u00A0: 1 était présente au 1er janvier 2024 "
                 "et 3 sont entrées pendant l'année (3 admissions)\u202F; 1 personne est à la fois présente au 1er janvier "
                 "2024 et entrée à nouveau pendant l'année. 3 personnes sont sorties (3 sorties) et 1 était présente au "
                 "31 décembre 2024\u202F; 1 personne est à la fois sortie pendant l'année et présente au 31 décembre 2024 "
                 "(revenue après une sortie).\n"));
  CHECK(contains(dir.read("rapport-2024.tex"),
                 "pendant l'année (3 admissions)\u202F; 1 personne est à la fois présente au 1\\textsuperscript{er} janvier 2024"));
  REQUIRE(run_cli({"2024", "sejours.csv", "-f", "md", "--lang", "en", "-q", "-o", "en"}, dir.path()).exit_code == 0);
  CHECK(contains(dir.read("en/rapport-2024.md"),
                 "(3 admissions); 1 person was both present on 1 January 2024 and admitted again during the period. 3 "
                 "left (3 exits) and 1 was present on 31 December 2024; 1 person both left during the period and was "
                 "present on 31 December 2024 (back after an exit).\n"));
  // When the sums add up, nothing more is said.
  dir.write("simple.csv", k_csv);
  REQUIRE(run_cli({"2024", "simple.csv", "-f", "md", "-q", "-o", "simple"}, dir.path()).exit_code == 0);
  CHECK_FALSE(contains(dir.read("simple/rapport-2024.md"), "à la fois"));
}

TEST_CASE("the outcome sentence gives every class with its share, the unclassified ones, and which reasons make each") {
  ScratchDir dir;
  dir.write("sejours.csv", k_csv_return);
  REQUIRE(run_cli({"2024", "sejours.csv", "-f", "md", "-q"}, dir.path()).exit_code == 0);
  std::string md = dir.read("rapport-2024.md");
  CHECK(contains(md, "Issue des 3 sorties\u00A0: 1 positive (33\u00A0%), 0 neutre (0\u00A0%), 1 négative (33\u00A0%), "
                     "1 non classée (33\u00A0%).\n\n"));
  CHECK(contains(md, "*Issue selon le motif de sortie (ctreport.yaml)\u00A0: positives\u00A0: «\u00A0Fin de contrat (terme du séjour)\u00A0» "
                     "et «\u00A0Sortie préparée, projet réalisé\u00A0»\u202F; neutres\u00A0: «\u00A0Réorientation\u00A0» et «\u00A0Hospitalisation\u00A0»"
                     "\u202F; négatives\u00A0: «\u00A0Départ volontaire, interruption\u00A0», «\u00A0Exclusion (non-respect du "
                     "règlement)\u00A0» et «\u00A0Incarcération\u00A0»\u202F; non classées\u00A0: sorties sans motif, au motif non reconnu ou "
                     "sans issue définie.*\n"));
  // The config's outcomes make the definition.
  dir.write("ctreport.yaml", "categories:\n  exit_reason:\n    - {key: term, label: Terme, outcome: positive, values: [fin de contrat]}\n"
                             "    - {key: dropout, label: Abandon, outcome: negative, values: [départ volontaire]}\n");
  REQUIRE(run_cli({"2024", "sejours.csv", "-f", "md", "-q", "-o", "own"}, dir.path()).exit_code == 0);
  CHECK(contains(dir.read("own/rapport-2024.md"), "positives\u00A0: «\u00A0Terme\u00A0»\u202F; neutres\u00A0: aucun motif\u202F; négatives\u00A0: «\u00A0Abandon\u00A0»\u202F;"));
}

}  // TEST_SUITE

TEST_SUITE("cli::markdown") {

TEST_CASE("the Markdown renders well: label columns given their room, French spacing, one blank line, captions") {
  ScratchDir dir;
  dir.write("sejours.csv", k_csv);
  dir.write("ctreport.yaml", k_config);
  REQUIRE(run_cli({"2024", "sejours.csv", "-q"}, dir.path()).exit_code == 0);
  std::string md = dir.read("rapport-2024.md");
  // pandoc sizes the columns of a long table by the dashes of its separator line.
  CHECK(contains(md, "| Sexe | Personnes | % |\n|------------------------------|------:|-----:|\n"));
  CHECK_FALSE(contains(md, "|---|"));
  // No line can start with ":" ";" "!" "?" or "»", nor end with "«".
  for (const char* plain : {" :", " ;", " !", " ?", "« ", " »"}) {
    CAPTURE(plain);
    for (size_t at = md.find(plain); at != std::string::npos; at = md.find(plain, at + 1)) {
      const char after = at + 2 < md.size() ? md[at + 2] : '\n';
      CHECK_MESSAGE((std::string(plain).find_first_of("«»") == std::string::npos && after != ' ' && after != '\n'),
                    md.substr(at > 40 ? at - 40 : 0, 80));
    }
  }
  CHECK(contains(md, "Nous avons accueilli **3 personnes** entre le 1er janvier 2024 et le 31 décembre 2024\u00A0: "));
  CHECK(contains(md, "Chiffres produits par ctreport"));
  CHECK_FALSE(contains(md, "\n\n\n"));
  CHECK(contains(md, "![Sexe des personnes accueillies](rapport-2024-sexe.svg)\\\n"
                     "*Le graphique\u00A0: le nombre de personnes accueillies pendant l'année, par sexe.*\n"));
  // English keeps its spaces.
  REQUIRE(run_cli({"2024", "sejours.csv", "--lang", "en", "-q", "-o", "en"}, dir.path()).exit_code == 0);
  CHECK_FALSE(contains(dir.read("en/rapport-2024.md"), "\u00A0:"));
}

}  // TEST_SUITE
