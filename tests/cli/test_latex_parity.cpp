// The LaTeX/PDF report holds what the Markdown report holds: every sentence,
// every table row (comparison columns included) and every chart with its data,
// read from the two reports of the same run side by side. With LaTeX here, the
// PDF itself: its cover, table of contents and title metadata.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/cli.hpp"

using ctreport::test::run_cli;
using ctreport::test::ScratchDir;

namespace {

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

// Spaces of every kind (no-break, narrow no-break) as one plain space, trimmed.
std::string squeeze(const std::string& s) {
  std::string spaced = s;
  replace_all(spaced, "\u00A0", " ");
  replace_all(spaced, "\u202F", " ");
  std::string out;
  for (char c : spaced) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Markdown text as its reader sees it: no emphasis marks, no escapes, no code ticks.
std::string md_text(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[i + 1]))) {
      out += s[++i];
    } else if (s[i] != '*' && s[i] != '`') {
      out += s[i];
    }
  }
  return squeeze(out);
}

// LaTeX text as its reader sees it: commands that only dress text dropped, escapes undone.
std::string tex_text(std::string s) {
  static const std::regex parbox(R"(\\parbox\[[a-z]\]\{[^}]*\})");
  s = std::regex_replace(s, parbox, "");
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"\\ensuremath{-}", "\u2212"}, {"\\textless{}", "<"}, {"\\textgreater{}", ">"},
           {"\\textasciitilde{}", "~"}, {"\\textasciicircum{}", "^"}, {"\\textbackslash{}", "\\"},
           {"\\textsuperscript{er}", "er"}, {"\\raggedright ", ""}, {"\\raggedleft ", ""}}) {
    replace_all(s, from, to);
  }
  for (const char* command : {"\\textbf{", "\\emph{", "\\texttt{", "\\cthead{", "\\ctcaption{"}) replace_all(s, command, "{");
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size() && std::string("%&_#${}").find(s[i + 1]) != std::string::npos) {
      out += s[++i];
    } else if (c == '\\' && i + 1 < s.size() && s[i + 1] == ',') {
      out += ' ';
      ++i;
    } else if (c == '~') {
      out += ' ';
    } else if (c != '{' && c != '}') {
      out += c;
    }
  }
  return squeeze(out);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A Markdown table row's cells, split at the pipes that are not escaped.
std::vector<std::string> md_cells(const std::string& row) {
  std::vector<std::string> cells;
  std::string cell;
  for (size_t i = 1; i < row.size(); ++i) {
    if (row[i] == '\\' && i + 1 < row.size()) {
      cell += row[i];
      cell += row[++i];
    } else if (row[i] == '|') {
      cells.push_back(md_text(cell));
      cell.clear();
    } else {
      cell += row[i];
    }
  }
  return cells;
}

// A LaTeX table row's cells (a line ending in \\), split at the & that are not escaped.
std::vector<std::string> tex_cells(std::string row) {
  row.erase(row.size() - 2);
  std::vector<std::string> cells;
  std::string cell;
  for (size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '\\' && i + 1 < row.size()) {
      cell += row[i];
      cell += row[++i];
    } else if (row[i] == '&') {
      cells.push_back(tex_text(cell));
      cell.clear();
    } else {
      cell += row[i];
    }
  }
  cells.push_back(tex_text(cell));
  return cells;
}

std::string joined(const std::vector<std::string>& cells) {
  std::string out;
  for (const auto& c : cells) out += "[" + c + "]";
  return out;
}

struct MdTable {
  std::vector<std::vector<std::string>> rows;  // header first, without the alignment row
};

struct MdReport {
  std::vector<std::string> sentences;                  // paragraphs, list items, headings, captions
  std::vector<MdTable> tables;
  std::vector<std::pair<std::string, int>> charts;     // the image's file, the table before it (-1: none)
};

MdReport read_md(const std::string& md) {
  MdReport r;
  bool in_header = true;  // the title and identity block, which the PDF puts on its cover
  bool in_table = false;
  for (const std::string& line : lines_of(md)) {
    if (starts_with(line, "## ")) in_header = false;
    if (in_header) continue;
    if (starts_with(line, "|")) {
      if (!in_table) r.tables.emplace_back();
      in_table = true;
      if (line.find("---") == std::string::npos) r.tables.back().rows.push_back(md_cells(line));
      continue;
    }
    in_table = false;
    if (starts_with(line, "![")) {
      std::string file = line.substr(line.find("](") + 2);
      r.charts.emplace_back(file.substr(0, file.find(')')), static_cast<int>(r.tables.size()) - 1);
      continue;
    }
    std::string text = line;
    while (starts_with(text, "#")) text.erase(0, 1);
    if (starts_with(text, "- ")) text.erase(0, 2);
    if (starts_with(text, "  - ")) text.erase(0, 4);
    if (!md_text(text).empty()) r.sentences.push_back(md_text(text));
  }
  return r;
}

struct TexChart {
  std::vector<std::string> labels, values;
};

struct TexReport {
  std::string text;                              // the whole body, as read
  std::set<std::string> rows;                    // every table row, its cells joined
  std::vector<TexChart> bars;                    // every \ctbars chart
  int pictures = 0;                              // every chart drawn (pgfplots pictures and \\ctbars)
};

std::vector<std::string> braced_items(const std::string& s) {
  std::vector<std::string> items;
  int depth = 0;
  std::string item;
  for (char c : s) {
    if (c == '{' && depth++ == 0) continue;
    if (c == '}' && --depth == 0) {
      items.push_back(tex_text(item));
      item.clear();
      continue;
    }
    if (depth > 0) item += c;
  }
  return items;
}

TexReport read_tex(const std::string& tex) {
  TexReport r;
  std::string body = tex.substr(tex.find("\\begin{document}"));
  r.text = tex_text(body);
  static const std::regex bars(R"(\\ctbars\{((?:\{[^{}]*\},)*)\}\{([^}]*)\}\{[^}]*\})");
  for (std::sregex_iterator it(body.begin(), body.end(), bars), end; it != end; ++it) {
    TexChart chart;
    chart.labels = braced_items((*it)[1].str());
    static const std::regex point(R"(\(([0-9.]+),[0-9]+\))");
    std::string points = (*it)[2].str();
    for (std::sregex_iterator p(points.begin(), points.end(), point); p != end; ++p) chart.values.push_back((*p)[1].str());
    r.bars.push_back(chart);
  }
  for (size_t at = body.find("\\begin{tikzpicture}"); at != std::string::npos; at = body.find("\\begin{tikzpicture}", at + 1))
    ++r.pictures;
  r.pictures += static_cast<int>(r.bars.size());
  for (const std::string& line : lines_of(body))
    if (line.size() > 2 && line.compare(line.size() - 2, 2, "\\\\") == 0 && line.find(" & ") != std::string::npos)
      r.rows.insert(joined(tex_cells(line)));
  return r;
}

// "1 220" or "1220" or "28,9" as the chart's raw "28.9".
std::string raw_number(std::string s) {
  std::string out;
  for (char c : squeeze(s))
    if (c != ' ') out += c == ',' ? '.' : c;
  return out;
}

bool chart_shows_table(const TexChart& chart, const MdTable& table) {
  std::vector<std::string> labels;
  for (size_t i = 1; i < table.rows.size(); ++i)
    if (!table.rows[i].empty() && table.rows[i][0] != "Total") labels.push_back(table.rows[i][0]);
  if (chart.labels != labels) return false;
  // The bars are one of the table's columns: people, exits or sessions.
  for (size_t column = 1; column < table.rows[0].size(); ++column) {
    bool all = true;
    for (size_t i = 0; i < labels.size() && all; ++i) {
      std::string cell = table.rows[i + 1].size() > column ? raw_number(table.rows[i + 1][column]) : "";
      std::string bar = chart.values.size() > i ? chart.values[i] : "";
      if (bar.size() > 2 && bar.compare(bar.size() - 2, 2, ".0") == 0) bar.erase(bar.size() - 2);
      all = cell == bar;
    }
    if (all) return true;
  }
  return false;
}

void check_parity(const std::string& md_source, const std::string& tex_source) {
  MdReport md = read_md(md_source);
  TexReport tex = read_tex(tex_source);
  REQUIRE(md.tables.size() > 10);
  for (const std::string& sentence : md.sentences) {
    CAPTURE(sentence);
    CHECK(tex.text.find(sentence) != std::string::npos);
  }
  for (const MdTable& table : md.tables)
    for (const auto& row : table.rows) {
      CAPTURE(joined(row));
      CHECK(tex.rows.count(joined(row)) == 1);
    }
  CHECK(tex.pictures >= static_cast<int>(md.charts.size()));
  for (const auto& entry : md.charts) {
    const auto& file = entry.first;  // not a structured binding: CAPTURE's lambda takes it (clang 14)
    const auto& table = entry.second;
    CAPTURE(file);
    if (file.find("-occupation.svg") != std::string::npos) {
      CHECK(tex_source.find("\\addlegendentry{Places}") != std::string::npos);
      continue;
    }
    REQUIRE(table >= 0);
    bool found = false;
    for (const TexChart& chart : tex.bars) found = found || chart_shows_table(chart, md.tables[static_cast<size_t>(table)]);
    CHECK(found);
  }
}

}  // namespace

TEST_SUITE("cli::latex_parity") {

TEST_CASE("the LaTeX report has every sentence, table row and chart of the Markdown report") {
  ScratchDir dir;
  std::filesystem::path examples = std::filesystem::path(CTREPORT_SOURCE_DIR) / "examples";
  for (std::string lang : {"fr", "en"}) {
    CAPTURE(lang);
    auto r = run_cli({"2022..2024", (examples / "sejours-2022-2024.csv").string(), "-o", lang, "-f", "md,tex", "-q",
                      "--lang", lang, "--activities", (examples / "activites-2022-2024.csv").string()},
                     dir.path());
    REQUIRE(r.exit_code == 0);
    for (std::string year : {"2022", "2024"}) {  // without and with a year to compare with
      CAPTURE(year);
      check_parity(dir.read(lang + "/rapport-" + year + ".md"), dir.read(lang + "/rapport-" + year + ".tex"));
    }
  }
  // The comparison columns are there: the 2024 sex table's line with 2023's value and the change.
  std::string tex = dir.read("fr/rapport-2024.tex");
  CHECK(tex.find("Femmes & 24 & 27~\\% & 13 (18~\\%) & +11 (+9 points) \\\\") != std::string::npos);
  CHECK(tex.find("\\ctbars{{Fin de contrat (terme du séjour)},") != std::string::npos);  // the exit reasons' chart
}

TEST_CASE("the parity check fails on a LaTeX report that lacks a comparison column or a chart") {
  ScratchDir dir;
  std::filesystem::path examples = std::filesystem::path(CTREPORT_SOURCE_DIR) / "examples";
  REQUIRE(run_cli({"2024", (examples / "sejours-2022-2024.csv").string(), "-f", "md,tex", "-q"}, dir.path()).exit_code == 0);
  MdReport md = read_md(dir.read("rapport-2024.md"));
  std::string tex = dir.read("rapport-2024.tex");
  TexReport full = read_tex(tex);
  std::string row = "[Femmes][24][27 %][13 (18 %)][+11 (+9 points)]";
  CHECK(full.rows.count(row) == 1);
  std::string cut = tex;
  replace_all(cut, "Femmes & 24 & 27~\\% & 13 (18~\\%) & +11 (+9 points) \\\\", "Femmes & 24 & 27~\\% \\\\");
  CHECK(read_tex(cut).rows.count(row) == 0);
  size_t bars = full.bars.size();
  std::string no_chart = tex;
  no_chart.erase(no_chart.find("\\ctbars{{Fin de contrat"), 8);
  CHECK(read_tex(no_chart).bars.size() == bars - 1);
  CHECK(!md.charts.empty());
}

TEST_CASE("--format pdf: a cover, a table of contents and the title in the PDF's metadata") {
  if (std::system("command -v pdflatex >/dev/null 2>&1") != 0 || std::system("command -v pdfinfo >/dev/null 2>&1") != 0 ||
      std::system("command -v pdftotext >/dev/null 2>&1") != 0) {
    MESSAGE("SKIPPED: the PDF is not checked: no LaTeX or no poppler-utils (pdfinfo, pdftotext) on this machine");
    return;
  }
  ScratchDir dir;
  std::filesystem::path examples = std::filesystem::path(CTREPORT_SOURCE_DIR) / "examples";
  REQUIRE(run_cli({"2024", (examples / "sejours-2022-2024.csv").string(), "-f", "pdf", "-q"}, dir.path()).exit_code == 0);
  std::string pdf = (dir.path() / "rapport-2024.pdf").string();
  std::string info = (dir.path() / "info.txt").string(), text = (dir.path() / "text.txt").string();
  REQUIRE(std::system(("pdfinfo '" + pdf + "' > '" + info + "'").c_str()) == 0);
  REQUIRE(std::system(("pdftotext -layout '" + pdf + "' '" + text + "'").c_str()) == 0);
  std::string meta = dir.read("info.txt"), pages = dir.read("text.txt");
  CHECK(meta.find("Title:           Rapport d'activité 2024 — Communauté thérapeutique Les Tilleuls") != std::string::npos);
  CHECK(meta.find("Author:          Association Les Chemins du Forez") != std::string::npos);
  std::vector<std::string> page_texts;
  std::string page;
  for (char c : pages) {
    if (c == '\f') {
      page_texts.push_back(page);
      page.clear();
    } else {
      page += c;
    }
  }
  REQUIRE(page_texts.size() > 3);
  CHECK(page_texts[0].find("activité 2024") != std::string::npos);  // the cover, alone on its page
  CHECK(page_texts[0].find("Association Les Chemins du Forez") != std::string::npos);
  CHECK(page_texts[0].find("L'essentiel") == std::string::npos);
  CHECK(page_texts[1].find("Table des matières") != std::string::npos);
  CHECK(page_texts[1].find("Motifs de sortie") != std::string::npos);
}

}  // TEST_SUITE
