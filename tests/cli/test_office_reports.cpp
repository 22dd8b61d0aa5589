// --format docx,odt: the documents pandoc writes, opened as Word and
// LibreOffice would (their zip parts and XML): every table, figure and chart of
// the Markdown report, the blocks the team completes, the cover's identity, a
// team's own reference document. Skipped, with a message, without pandoc.
#include <doctest/doctest.h>

#include <zip.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "render/pandoc_document.hpp"
#include "render/reference_doc.hpp"
#include "support/cli.hpp"
#include "util/subprocess.hpp"
#include "util/zip_writer.hpp"

using ctreport::test::run_cli;
using ctreport::test::ScratchDir;
namespace fs = std::filesystem;
namespace render = ctreport::render;
namespace util = ctreport::util;

namespace {

const fs::path k_examples = fs::path(CTREPORT_SOURCE_DIR) / "examples";

bool have_pandoc() {
  if (render::pandoc_program()) return true;
  MESSAGE("SKIPPED: --format docx,odt not tested: no pandoc on this machine (CTREPORT_WITH_DOCX=1 bash scripts/setup.sh test)");
  return false;
}

// The entry `name` of the zip archive `bytes`, or "" when it has none.
std::string zip_entry(const std::string& bytes, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  if (!archive) {
    if (source) zip_source_free(source);
    return "";
  }
  std::string out;
  zip_stat_t st;
  if (zip_stat(archive, name.c_str(), 0, &st) == 0) {
    zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
    out.resize(st.size);
    if (file) zip_fread(file, out.data(), st.size), zip_fclose(file);
  }
  zip_close(archive);
  return out;
}

std::vector<std::string> zip_names(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  std::vector<std::string> names;
  for (zip_int64_t i = 0; archive && i < zip_get_num_entries(archive, 0); ++i) names.push_back(zip_get_name(archive, static_cast<zip_uint64_t>(i), 0));
  if (archive) zip_close(archive);
  return names;
}

// The text of an XML part as a reader sees it: tags dropped, entities and
// typographic apostrophes made plain.
std::string xml_text(const std::string& xml) {
  std::string text = std::regex_replace(xml, std::regex("<[^>]*>"), "");
  for (auto [from, to] : {std::pair<std::string, std::string>{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"},
                          {"&quot;", "\""}, {"&apos;", "'"}, {"&#39;", "'"}, {"\u2019", "'"}})
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
      text.replace(at, from.size(), to);
  return text;
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// The cells of the Markdown report's tables, as text (bold and escapes dropped).
std::vector<std::string> markdown_cells(const std::string& md, size_t& tables) {
  std::vector<std::string> cells;
  std::istringstream lines(md);
  bool in_table = false;
  tables = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("|---", 0) == 0) {
      ++tables;
      in_table = true;
      continue;
    }
    if (line.empty() || line[0] != '|') {
      in_table = false;
      continue;
    }
    (void)in_table;
    std::stringstream row(line.substr(1));
    for (std::string cell; std::getline(row, cell, '|');) {
      cell = std::regex_replace(cell, std::regex("\\*\\*|\\\\"), "");
      cell = std::regex_replace(cell, std::regex("^ +| +$"), "");
      if (!cell.empty()) cells.push_back(cell);
    }
  }
  return cells;
}

}  // namespace

TEST_SUITE("cli::docx") {

TEST_CASE("docx and odt hold every table, figure and chart of the Markdown report, the blocks to complete and the cover") {
  if (!have_pandoc()) return;
  ScratchDir dir;
  auto r = run_cli({"2024", (k_examples / "sejours-2022-2024.csv").string(), "-c", (k_examples / "ctreport.yaml").string(),
                    "-o", "out", "-f", "md,docx,odt", "-q"},
                   dir.path());
  REQUIRE(r.exit_code == 0);
  // The charts are the Markdown's files; nothing else is left beside the documents.
  for (const auto& name : dir.files()) CHECK(name.find(".ctreport-") == std::string::npos);
  std::string md = dir.read("out/rapport-2024.md");
  size_t tables = 0;
  std::vector<std::string> cells = markdown_cells(md, tables);
  REQUIRE(tables >= 10);
  size_t charts = count(md, "![");
  std::string docx = dir.read("out/rapport-2024.docx"), odt = dir.read("out/rapport-2024.odt");
  std::string word = zip_entry(docx, "word/document.xml"), office = zip_entry(odt, "content.xml");
  REQUIRE(!word.empty());
  REQUIRE(!office.empty());
  std::string word_text = xml_text(word), office_text = xml_text(office);
  for (const auto& cell : cells) {
    INFO("cell: ", cell);
    CHECK(word_text.find(cell) != std::string::npos);
    CHECK(office_text.find(cell) != std::string::npos);
  }
  CHECK(count(word, "<w:tbl>") == tables);
  CHECK(count(office, "<table:table ") == tables);
  CHECK(count(word, "<pic:pic>") == charts);
  CHECK(count(office, "<draw:image ") == charts);
  // Headings the navigation pane and the table of contents use, and the table of contents itself.
  CHECK(count(word, "w:val=\"Heading1\"") >= 8);
  CHECK(word.find("TOC \\o \"1-2\"") != std::string::npos);
  CHECK(office.find("<text:table-of-content ") != std::string::npos);
  // The team's blocks: the director's word, partnerships, team, community life, outlook.
  CHECK(count(word, "w:val=\"Acompleter\"") == 5);
  CHECK(count(office, "text:style-name=\"À compléter\"") == 5);
  CHECK(count(word_text, "À compléter par l'équipe") == 5);
  // The cover's identity, and the running header.
  for (const char* identity : {"Communauté thérapeutique Les Tilleuls", "Association Les Chemins du Forez",
                               "12 chemin des Tilleuls", "42600 Montbrison", "420012345", "04 77 00 00 00",
                               "Claire Martin, directrice"}) {
    CHECK(word_text.find(identity) != std::string::npos);
    CHECK(office_text.find(identity) != std::string::npos);
  }
  std::string header = xml_text(zip_entry(docx, "word/header1.xml"));
  CHECK(header.find("Communauté thérapeutique Les Tilleuls") != std::string::npos);
  CHECK(header.find("Rapport d'activité 2024") != std::string::npos);
  CHECK(zip_entry(docx, "word/footer1.xml").find("PAGE") != std::string::npos);
  CHECK(xml_text(zip_entry(odt, "styles.xml")).find("Rapport d'activité 2024") != std::string::npos);
  // French spacing: no ordinary space before : ; ! ? or inside « ».
  for (const char* bad : {" :", " ;", " !", " ?", "« ", " »"}) {
    CHECK(count(word_text, bad) == 0);
    CHECK(count(office_text, bad) == 0);
  }
}

TEST_CASE("docx: comparison columns with --compare, in English, one document per year and per site") {
  if (!have_pandoc()) return;
  ScratchDir dir;
  auto r = run_cli({"2023..2024", (k_examples / "sejours-2022-2024.csv").string(), "-c",
                    (k_examples / "ctreport.yaml").string(), "-o", "out", "-f", "docx", "--compare", "2022,2023",
                    "--lang", "en", "-q"},
                   dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK(dir.exists("out/rapport-2023.docx"));
  std::string text = xml_text(zip_entry(dir.read("out/rapport-2024.docx"), "word/document.xml"));
  CHECK(text.find("Change since 2022") != std::string::npos);
  CHECK(text.find("Change since 2023") != std::string::npos);
  CHECK(text.find("To be completed by the team") != std::string::npos);
  CHECK(text.find("Activity report 2024") != std::string::npos);
  // --by site: one document per site too, its header naming the site.
  dir.write("sites.csv", "N° dossier;Date d'entrée;Date de sortie;Site\n1;05/01/2024;;Les Tilleuls\n2;10/02/2024;;Le Moulin\n");
  dir.write("ctreport.yaml", "establishment: {name: \"CT\"}\n");
  REQUIRE(run_cli({"2024", "sites.csv", "-o", "sites", "-f", "docx", "--by", "site", "-q"}, dir.path()).exit_code == 0);
  CHECK(dir.exists("sites/rapport-2024.docx"));
  CHECK(xml_text(zip_entry(dir.read("sites/rapport-2024-le-moulin.docx"), "word/header1.xml")).find("CT — Le Moulin") !=
        std::string::npos);
}

TEST_CASE("docx and odt: a team's reference document gives its styles and header") {
  if (!have_pandoc()) return;
  ScratchDir dir;
  // The default reference, its Heading 1 in another font and its header another text.
  auto change = [](std::string bytes, const std::vector<std::pair<std::string, std::pair<std::string, std::string>>>& edits,
                   const std::vector<std::string>& names, bool odt) {
    std::vector<util::ZipEntry> entries;
    for (const auto& name : names) {
      std::string content = zip_entry(bytes, name);
      for (const auto& [part, edit] : edits)
        if (part == name) {
          auto at = content.find(edit.first);
          REQUIRE(at != std::string::npos);
          content.replace(at, edit.first.size(), edit.second);
        }
      entries.push_back({name, content, odt && name == "mimetype"});
    }
    return util::zip_archive(entries);
  };
  std::string docx = render::default_reference_document(render::OfficeFormat::docx, "X", "Y");
  dir.write("charte.docx", change(docx,
                                  {{"word/styles.xml", {"<w:name w:val=\"heading 1\"/>",
                                                        "<w:name w:val=\"heading 1\"/><w:rPr><w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\"/></w:rPr>"}},
                                   {"word/header1.xml", {"<w:t xml:space=\"preserve\">X</w:t>", "<w:t>Charte de l'association Test</w:t>"}}},
                                  zip_names(docx), false));
  std::string odt = render::default_reference_document(render::OfficeFormat::odt, "X", "Y");
  dir.write("charte.odt", change(odt, {{"styles.xml", {"<text:p text:style-name=\"Header\">X", "<text:p text:style-name=\"Header\">Charte ODT Test"}}},
                                 zip_names(odt), true));
  dir.write("ctreport.yaml", "establishment: {name: \"CT Test\"}\ntemplates: {docx: charte.docx, odt: charte.odt}\n");
  auto r = run_cli({"2024", (k_examples / "sejours-2022-2024.csv").string(), "-c", "ctreport.yaml", "-o", "out", "-f",
                    "docx,odt", "-q"},
                   dir.path());
  REQUIRE(r.exit_code == 0);
  std::string out = dir.read("out/rapport-2024.docx");
  CHECK(zip_entry(out, "word/styles.xml").find("Courier New") != std::string::npos);
  std::string headers;
  for (const auto& name : zip_names(out))
    if (name.rfind("word/header", 0) == 0) headers += zip_entry(out, name);
  CHECK(headers.find("Charte de l'association Test") != std::string::npos);
  CHECK(headers.find("CT Test") == std::string::npos);
  CHECK(zip_entry(dir.read("out/rapport-2024.odt"), "styles.xml").find("Charte ODT Test") != std::string::npos);
  // A reference document that is not one is refused before any data is read.
  dir.write("charte.docx", "not a zip");
  auto bad = run_cli({"2024", (k_examples / "sejours-2022-2024.csv").string(), "-c", "ctreport.yaml", "-o", "bad", "-f",
                      "docx", "-q"},
                     dir.path());
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("templates.docx: ") != std::string::npos);
  CHECK_FALSE(dir.exists("bad"));
}

TEST_CASE("docx: an image from the network or another folder is refused, nothing is fetched") {
  if (!have_pandoc()) return;
  ScratchDir dir;
  dir.write("modele.md", "# Rapport {{period.label}}\n\n![logo](https://example.com/logo.png)\n");
  dir.write("ctreport.yaml", "templates: {office: modele.md}\n");
  auto r = run_cli({"2024", (k_examples / "sejours-2022-2024.csv").string(), "-c", "ctreport.yaml", "-o", "out", "-f",
                    "docx", "-q"},
                   dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("pandoc could not write the docx report") != std::string::npos);
  CHECK(r.err.find("is not one of the charts or the logo") != std::string::npos);
  CHECK_FALSE(dir.exists("out"));  // the scratch folder and the output folder the run created are gone
}

TEST_CASE("docx and odt open in LibreOffice: converted to PDF") {
  if (!have_pandoc()) return;
  auto soffice = util::find_program("soffice");
  if (!soffice) {
    MESSAGE("SKIPPED: docx and odt not converted to PDF: no LibreOffice (soffice) on this machine");
    return;
  }
  ScratchDir dir;
  auto r = run_cli({"2024", (k_examples / "sejours-2022-2024.csv").string(), "-c", (k_examples / "ctreport.yaml").string(),
                    "-o", "out", "-f", "docx,odt", "-q"},
                   dir.path());
  REQUIRE(r.exit_code == 0);
  fs::path profile = dir.path() / "lo-profile";  // its own LibreOffice profile: runs in parallel do not share one
  for (std::string format : {"docx", "odt"}) {
    int status = util::run_program({soffice->string(), "-env:UserInstallation=file://" + profile.string(), "--headless",
                                     "--convert-to", "pdf", "--outdir", "pdf-" + format, "out/rapport-2024." + format},
                                    dir.path(), dir.path() / "soffice.log");
    CHECK(status == 0);
    std::string pdf = "pdf-" + format + "/rapport-2024.pdf";
    REQUIRE(dir.exists(pdf));
    CHECK(dir.read(pdf).rfind("%PDF-", 0) == 0);
    CHECK(dir.read(pdf).size() > 20000);
  }
}

}  // TEST_SUITE
