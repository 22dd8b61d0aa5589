// The establishment's identity (config `establishment:`) on the title block of
// the Markdown and LaTeX reports and in the workbook, and its checks.
#include <doctest/doctest.h>

#include <zip.h>

#include <string>

#include "support/cli.hpp"

using ctreport::test::run_cli;
using ctreport::test::ScratchDir;

namespace {

const std::string k_csv =
    "N° dossier;Sexe;Date de naissance;Date d'entrée;Date de sortie\n"
    "1;F;01/02/1990;05/01/2024;20/06/2024\n"
    "2;M;15/07/1985;10/03/2024;\n";

const std::string k_identity =
    "establishment:\n"
    "  name: \"CT Les Tilleuls\"\n"
    "  organisation: \"Association Les Chemins & Co\"\n"
    "  address: |\n"
    "    12 chemin des Tilleuls\n"
    "    42600 Montbrison\n"
    "  finess: \"42 001 2345\"\n"
    "  phone: \"04 77 00 00 00\"\n"
    "  signatory: \"Claire Martin, directrice\"\n";

bool contains(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

std::string zip_entry(const std::string& bytes, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  std::string out;
  zip_stat_t st;
  if (archive && zip_stat(archive, name.c_str(), 0, &st) == 0) {
    zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
    out.resize(st.size);
    if (file) zip_fread(file, out.data(), st.size), zip_fclose(file);
  }
  if (archive) zip_close(archive);
  return out;
}

}  // namespace

TEST_SUITE("cli::identity") {

TEST_CASE("the identity is on the Markdown and LaTeX title blocks and in the workbook") {
  ScratchDir dir;
  dir.write("sejours.csv", k_csv);
  dir.write("ctreport.yaml", k_identity);
  auto r = run_cli({"2024", "sejours.csv", "-f", "md,tex,xlsx", "-q"}, dir.path());
  REQUIRE(r.exit_code == 0);
  std::string md = dir.read("rapport-2024.md");
  CHECK(contains(md, "**Association Les Chemins & Co**  \n12 chemin des Tilleuls, 42600 Montbrison  \n"
                     "Tél. 04 77 00 00 00  \nFINESS 420012345  \nSignataire\u00A0: Claire Martin, directrice\n"));
  std::string tex = dir.read("rapport-2024.tex");
  CHECK(contains(tex, "\\textbf{Association Les Chemins \\& Co}\\par\n12 chemin des Tilleuls\\par\n42600 Montbrison\\par\n"));
  CHECK(contains(tex, "FINESS 420012345\\par\n"));
  std::string xlsx = dir.read("rapport-2024.xlsx");
  // One part a row: the whole line is wider than a printed page.
  const std::string strings = zip_entry(xlsx, "xl/sharedStrings.xml");
  for (const char* part : {"<t>Association Les Chemins &amp; Co</t>", "<t>12 chemin des Tilleuls, 42600 Montbrison</t>",
                           "<t>Tél. 04 77 00 00 00</t>", "<t>FINESS 420012345</t>",
                           "<t>Signataire\u00A0: Claire Martin, directrice</t>"})
    CHECK(contains(strings, part));
  CHECK(contains(zip_entry(xlsx, "xl/worksheets/sheet1.xml"), "<oddHeader>&amp;LCT Les Tilleuls&amp;RRapport d'activité 2024</oddHeader>"));
  // Without an identity, nothing of it is written.
  dir.write("ctreport.yaml", "establishment: {name: \"CT\"}\n");
  REQUIRE(run_cli({"2024", "sejours.csv", "-f", "md", "-q"}, dir.path()).exit_code == 0);
  CHECK_FALSE(contains(dir.read("rapport-2024.md"), "FINESS"));
}

TEST_CASE("a wrong FINESS number or logo is an error naming the config file and line") {
  ScratchDir dir;
  dir.write("sejours.csv", k_csv);
  dir.write("ctreport.yaml", "establishment:\n  name: CT\n  finess: \"4200123\"\n");
  auto r = run_cli({"2024", "sejours.csv", "-q"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err == "ctreport: error: ctreport.yaml:3: establishment.finess: '4200123' is not a FINESS number (expected 9 "
                 "characters: the département's two, 01 to 95, 2A or 2B for Corsica, 97 overseas, then 7 digits, e.g. "
                 "420001234)\n");
  CHECK_FALSE(dir.exists("rapport-2024.md"));
  dir.write("ctreport.yaml", "establishment:\n  name: CT\n  logo: logo.gif\n");
  r = run_cli({"2024", "sejours.csv", "-q"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err == "ctreport: error: ctreport.yaml:3: establishment.logo: 'logo.gif' is not a PNG or JPEG image (expected "
                 "a .png, .jpg or .jpeg file)\n");
  dir.write("ctreport.yaml", "establishment:\n  name: CT\n  logo: logo.png\n");
  r = run_cli({"2024", "sejours.csv", "-q"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err == "ctreport: error: ctreport.yaml:3: establishment.logo: cannot read 'logo.png' (no such file; the path "
                 "is relative to the config file's folder)\n");
}

}  // TEST_SUITE
