// The workbook: its sheets in the report's order, the compared years'
// columns, the number formats, the method in plain words, and a print setup
// that fits each sheet one page wide (read back from the XLSX's XML parts).
#include <doctest/doctest.h>

#include <zip.h>

#include <fmt/format.h>

#include <regex>
#include <string>
#include <vector>

#include "input/xlsx_workbook.hpp"
#include "model/warning_texts.hpp"
#include "render/xlsx_output.hpp"
#include "support/cli.hpp"
#include "support/pipeline.hpp"

using namespace ctreport;

namespace {

// 2023 and 2024; D-0001 leaves in January and comes back; D-0002's exit has
// no reason (an unmapped one, "Autre"); D-0005 stays long.
const std::string k_csv =
    "N° dossier;Sexe;Date de naissance;Date d'entrée;Date de sortie;Orientation;Motif de sortie\r\n"
    "D-0001;F;12/05/1985;15/11/2023;10/01/2024;CSAPA;Fin de contrat\r\n"
    "D-0001;F;12/05/1985;01/03/2024;;CSAPA;\r\n"
    "D-0002;H;03/03/1990;01/02/2024;30/06/2024;SPIP;Autre\r\n"
    "D-0003;M;07/07/1971;01/05/2024;30/09/2024;hôpital;départ volontaire\r\n"
    "D-0004;H;01/01/1980;01/02/2023;15/03/2023;SPIP;Fin de contrat\r\n"
    "D-0005;H;01/01/1975;01/02/2021;;SPIP;\r\n";
const std::string k_yaml = "establishment: {name: CT Test}\ncapacity: 12\n";

std::string zip_entry(const std::filesystem::path& path, const std::string& name) {
  zip_t* z = zip_open(path.string().c_str(), ZIP_RDONLY, nullptr);
  REQUIRE(z != nullptr);
  std::string out;
  if (zip_file_t* f = zip_fopen(z, name.c_str(), 0)) {
    char buf[4096];
    for (zip_int64_t n; (n = zip_fread(f, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
    zip_fclose(f);
  }
  zip_discard(z);
  return out;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

struct Book {
  std::filesystem::path path;
  std::vector<std::string> names;
  // The rows of the sheet `name`: each cell as text, or its number as "=N".
  std::vector<std::vector<std::string>> rows(const std::string& name) const {
    auto book = input::XlsxWorkbook::open(path.string());
    size_t index = 0;
    while (index < names.size() && names[index] != name) ++index;
    REQUIRE_MESSAGE(index < names.size(), "no sheet " << name);
    auto reader = book->open_sheet(index);
    std::vector<std::vector<std::string>> out;
    input::Row row;
    while (reader->next_row(row)) {
      std::vector<std::string> cells;
      for (const auto& c : row.cells)
        cells.push_back(c.type == input::CellType::number ? fmt::format("={}", c.number) : std::string(c.text));
      out.push_back(cells);
    }
    return out;
  }
  // The XML of the sheet `name` (sheetN.xml, in the workbook's order).
  std::string xml(const std::string& name) const {
    size_t index = 0;
    while (index < names.size() && names[index] != name) ++index;
    REQUIRE(index < names.size());
    return zip_entry(path, fmt::format("xl/worksheets/sheet{}.xml", index + 1));
  }
};

Book write_book(const test::ScratchDir& dir, const std::string& lang, bool compared) {
  auto f2024 = test::figures_of(k_csv, 2024, k_yaml + "lang: " + lang + "\n");
  auto f2023 = test::figures_of(k_csv, 2023, k_yaml + "lang: " + lang + "\n");
  std::vector<const figures::Figures*> previous;
  if (compared) previous.push_back(&f2023);
  Book b{dir.write("book-" + lang + ".xlsx", render::xlsx_workbook_report(f2024, render::NumberFormat::for_lang(lang),
                                                                         dir.path(), previous)),
         {}};
  auto workbook = input::XlsxWorkbook::open(b.path.string());
  for (const auto& s : workbook->sheets()) b.names.push_back(s.name);
  return b;
}

}  // namespace

TEST_SUITE("render::xlsx_output") {

TEST_CASE("every sheet prints on A4, one page wide, with its header rows on every page and page numbers") {
  test::ScratchDir dir;
  Book book = write_book(dir, "fr", true);
  REQUIRE(book.names.size() == 21);
  for (const auto& name : book.names) {
    CAPTURE(name);
    std::string xml = book.xml(name);
    CHECK(contains(xml, "<pageSetUpPr fitToPage=\"1\"/>"));  // ECMA-376 18.3.1.65
    // A sheet with a chart on one page (the chart never cut), the others one page wide.
    const bool chart = contains(xml, "<drawing r:id=");
    CHECK(std::regex_search(xml, std::regex(chart ? "<pageSetup paperSize=\"9\" orientation=\"(portrait|landscape)\"/>"
                                                   : "<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"(portrait|landscape)\"/>")));
    CHECK(contains(xml, "<oddFooter>&amp;CPage &amp;P sur &amp;N</oddFooter>"));
    CHECK(contains(xml, "<oddHeader>&amp;LCT Test&amp;RRapport d'activité 2024</oddHeader>"));
  }
  // The wide sheets in landscape: the method's long texts, the exit reasons with their compared year.
  CHECK(contains(book.xml("Méthode"), "orientation=\"landscape\""));
  CHECK(contains(book.xml("Motifs de sortie"), "orientation=\"landscape\""));
  CHECK(contains(book.xml("Occupation"), "orientation=\"portrait\""));
  // Header rows repeated (ECMA-376 18.2.6 definedName _xlnm.Print_Titles), a print area taking the chart in.
  std::string workbook = zip_entry(book.path, "xl/workbook.xml");
  CHECK(contains(workbook, "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"2\">Sexe!$1:$1</definedName>"));
  CHECK(contains(workbook, "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">Occupation!$1:$1</definedName>"));
  CHECK(contains(workbook, "<definedName name=\"_xlnm.Print_Area\" localSheetId=\"1\">Occupation!$A$1:$E$33</definedName>"));
  // Without a compared year, they fit a portrait page.
  test::ScratchDir alone;
  CHECK(contains(write_book(alone, "fr", false).xml("Motifs de sortie"), "orientation=\"portrait\""));
}

TEST_CASE("columns are as wide as their content: the month names are whole") {
  test::ScratchDir dir;
  Book book = write_book(dir, "fr", false);
  std::smatch m;
  std::string xml = book.xml("Occupation");
  REQUIRE(std::regex_search(xml, m, std::regex("<col min=\"1\" max=\"1\" width=\"([0-9.]+)\"")));
  CHECK(std::stod(m[1]) >= 14);  // "septembre 2024"
  CHECK(book.rows("Occupation")[9][0] == "septembre 2024");
}

TEST_CASE("counts have a thousands separator, shares are percentages, changes are signed") {
  test::ScratchDir dir;
  for (const char* lang : {"fr", "en"}) {
    std::string styles = zip_entry(write_book(dir, lang, true).path, "xl/styles.xml");
    CAPTURE(lang);
    CHECK(contains(styles, "formatCode=\"#,##0\""));  // "9 300" for a French reader, "9,300" for an English one
    CHECK(contains(styles, "formatCode=\"#,##0.0\""));
    CHECK(contains(styles, "formatCode=\"+#,##0;&quot;\u2212&quot;#,##0;&quot;=&quot;\""));
    CHECK(contains(styles, "formatCode=\"+0&quot; points&quot;;&quot;\u2212&quot;0&quot; points&quot;;&quot;=&quot;\""));
    // The locale does not space "%": the French code does ("72 %").
    CHECK(contains(styles, std::string(lang) == "fr" ? "formatCode=\"0&quot;\u00A0&quot;%\"" : "formatCode=\"0%\""));
  }
}

TEST_CASE("the sheets have the compared year's columns, as the report") {
  test::ScratchDir dir;
  Book book = write_book(dir, "fr", true);
  auto sex = book.rows("Sexe");
  REQUIRE(sex.size() >= 3);
  CHECK(sex[0] == std::vector<std::string>{"Sexe", "Effectif", "%", "2023", "% 2023", "Évolution depuis 2023",
                                           "Évolution du % depuis 2023"});
  // Women: 1 of 4 in 2024, 1 of 3 in 2023 (25 % against 33 %: −8 points).
  CHECK(sex[1] == std::vector<std::string>{"Femmes", "=1", "=0.25", "=1", fmt::format("={}", 1.0 / 3), "=0", "=-8"});
  auto key = book.rows("Chiffres clés");
  auto header = std::find_if(key.begin(), key.end(), [](const auto& r) { return !r.empty() && r[0] == "Indicateur"; });
  REQUIRE(header != key.end());
  CHECK(*header == std::vector<std::string>{"Indicateur", "2024", "2023", "Évolution depuis 2023"});
  CHECK(*(header + 1) == std::vector<std::string>{"Personnes accueillies (file active)", "=4", "=3", "=1"});
}

TEST_CASE("the method sheet names each warning in plain words, never by its code") {
  test::ScratchDir dir;
  for (const char* lang : {"fr", "en"}) {
    Book book = write_book(dir, lang, false);
    auto method = book.rows(std::string(lang) == "fr" ? "Méthode" : "Method");
    std::vector<std::string> kinds;
    bool header = false;
    for (const auto& row : method) {
      for (const auto& t : model::warning_templates())
        for (const auto& cell : row) CHECK_MESSAGE(cell != t.code, "the code " << t.code << " is shown");
      if (header && !row.empty()) kinds.push_back(row[0]);
      header = header || (!row.empty() && (row[0] == "Nature" || row[0] == "Kind"));
    }
    CAPTURE(lang);
    CHECK(header);
    if (std::string(lang) == "fr") {
      CHECK(std::find(kinds.begin(), kinds.end(), "Valeur non classée") != kinds.end());
      CHECK(std::find(kinds.begin(), kinds.end(), "Séjour très long") != kinds.end());
    } else {
      CHECK(std::find(kinds.begin(), kinds.end(), "Unclassified value") != kinds.end());
    }
  }
}

}  // TEST_SUITE
