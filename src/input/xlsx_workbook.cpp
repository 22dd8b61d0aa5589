// XLSX package reading: parts, relationships, shared strings, styles, and
// the streamed sheet reader. Section numbers refer to ECMA-376 Part 1.
#include "input/xlsx_workbook.hpp"

#include <zip.h>
#include <expat.h>

#include <cmath>
#include <cstring>
#include <deque>
#include <fstream>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "util/date.hpp"
#include "util/errors.hpp"

namespace ctreport::input {

namespace {

std::string_view local_name(const char* name) {
  std::string_view n(name);
  auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* attribute(const char** attrs, std::string_view wanted, bool prefixed_only = false) {
  for (size_t i = 0; attrs[i]; i += 2) {
    std::string_view n(attrs[i]);
    bool prefixed = n.find(':') != std::string_view::npos;
    if (prefixed_only && !prefixed) continue;
    if (local_name(attrs[i]) == wanted) return attrs[i + 1];
  }
  return nullptr;
}

// Expat with DOCTYPE refused: a workbook never has one, and entity
// declarations are how "billion laughs" expand.
class XmlParser {
 public:
  using Start = std::function<void(std::string_view, const char**)>;
  using End = std::function<void(std::string_view)>;
  using Text = std::function<void(std::string_view)>;

  XmlParser(Start start, End end, Text text) : m_start(std::move(start)), m_end(std::move(end)), m_text(std::move(text)) {
    m_parser = XML_ParserCreate(nullptr);
    XML_SetUserData(m_parser, this);
    XML_SetElementHandler(
        m_parser,
        [](void* self, const char* name, const char** attrs) {
          auto* p = static_cast<XmlParser*>(self);
          if (p->m_start) p->m_start(local_name(name), attrs);
        },
        [](void* self, const char* name) {
          auto* p = static_cast<XmlParser*>(self);
          if (p->m_end) p->m_end(local_name(name));
        });
    XML_SetCharacterDataHandler(m_parser, [](void* self, const char* s, int len) {
      auto* p = static_cast<XmlParser*>(self);
      if (p->m_text) p->m_text(std::string_view(s, static_cast<size_t>(len)));
    });
    XML_SetStartDoctypeDeclHandler(m_parser, [](void* self, const char*, const char*, const char*, int) {
      auto* p = static_cast<XmlParser*>(self);
      p->m_doctype = true;
      XML_StopParser(p->m_parser, XML_FALSE);
    });
    XML_SetEntityDeclHandler(m_parser, [](void* self, const char*, int, const char*, int, const char*, const char*,
                                          const char*, const char*) {
      auto* p = static_cast<XmlParser*>(self);
      p->m_doctype = true;
      XML_StopParser(p->m_parser, XML_FALSE);
    });
  }
  ~XmlParser() { XML_ParserFree(m_parser); }

  void feed(std::string_view data, bool last, const std::string& part) {
    if (XML_Parse(m_parser, data.data(), static_cast<int>(data.size()), last ? 1 : 0) == XML_STATUS_ERROR || m_doctype) {
      if (m_doctype)
        throw UsageError(fmt::format("the workbook part {} declares a DOCTYPE or entities: refused (not an XLSX file "
                                     "as spreadsheet software writes them)",
                                     part));
      throw UsageError(fmt::format("the workbook part {} is not well-formed XML (line {}: {})", part,
                                   XML_GetCurrentLineNumber(m_parser), XML_ErrorString(XML_GetErrorCode(m_parser))));
    }
  }

 private:
  XML_Parser m_parser;
  Start m_start;
  End m_end;
  Text m_text;
  bool m_doctype = false;
};

void parse_xml(const std::string& text, const std::string& part, XmlParser::Start start, XmlParser::End end = {},
               XmlParser::Text chars = {}) {
  XmlParser p(std::move(start), std::move(end), std::move(chars));
  p.feed(text, true, part);
}

// Resolves a relationship target against the folder of its source part
// (ECMA-376 Part 2, 9.3): absolute targets start at the package root.
std::string resolve_target(const std::string& base_dir, const std::string& target) {
  std::string path = !target.empty() && target[0] == '/' ? target.substr(1) : base_dir + target;
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    std::string seg = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (seg == "..") {
      if (parts.empty()) throw UsageError(fmt::format("the workbook refers to a part outside the package ('{}'): refused", target));
      parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string dir_of(const std::string& part) {
  auto slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

struct Relationship {
  std::string type, target;
};

std::map<std::string, Relationship> relationships(const std::string& xml, const std::string& part,
                                                  const std::string& source_dir) {
  std::map<std::string, Relationship> rels;
  if (xml.empty()) return rels;  // a part without relationships
  parse_xml(xml, part, [&](std::string_view name, const char** attrs) {
    if (name != "Relationship") return;
    const char* id = attribute(attrs, "Id");
    const char* type = attribute(attrs, "Type");
    const char* target = attribute(attrs, "Target");
    const char* mode = attribute(attrs, "TargetMode");
    if (!id || !type || !target || (mode && std::string_view(mode) == "External")) return;
    rels[id] = {type, resolve_target(source_dir, target)};
  });
  return rels;
}

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Built-in date formats (18.8.30 numFmt): 14-22, 27-36, 45-47, 50-58.
bool builtin_date_format(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

// A custom number format is a date when it has day, month or year tokens
// outside quotes, backslash escapes and [...] sections (18.8.31; an elapsed
// time [h] or a plain "General" is not).
bool custom_date_format(std::string_view code) {
  bool quoted = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (quoted) {
      if (c == '"') quoted = false;
      continue;
    }
    if (c == '"') quoted = true;
    else if (c == '\\' || c == '_' || c == '*') ++i;
    else if (c == '[') {
      auto close = code.find(']', i);
      if (close == std::string_view::npos) return false;
      i = close;
    } else if (c == 'G' && code.substr(i, 7) == "General") {
      i += 6;  // the General format, not an era token
    } else if (c == 'd' || c == 'D' || c == 'm' || c == 'M' || c == 'y' || c == 'Y') {
      return true;
    }
  }
  return false;
}

// _xHHHH_ escapes of shared and inline strings (22.9.2.19 ST_Xstring).
void decode_x_escapes(std::string& s) {
  if (s.find("_x") == std::string::npos) return;
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      unsigned cp = 0;
      bool hex = true;
      for (size_t k = 2; k < 6; ++k) {
        char h = s[i + k];
        cp <<= 4;
        if (h >= '0' && h <= '9') cp |= static_cast<unsigned>(h - '0');
        else if (h >= 'a' && h <= 'f') cp |= static_cast<unsigned>(h - 'a' + 10);
        else if (h >= 'A' && h <= 'F') cp |= static_cast<unsigned>(h - 'A' + 10);
        else hex = false;
      }
      if (hex) {
        if (cp < 0x80) out += static_cast<char>(cp);
        else if (cp < 0x800) out += static_cast<char>(0xC0 | (cp >> 6)), out += static_cast<char>(0x80 | (cp & 0x3F));
        else
          out += static_cast<char>(0xE0 | (cp >> 12)), out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
              out += static_cast<char>(0x80 | (cp & 0x3F));
        i += 6;
        continue;
      }
    }
    out += s[i];
  }
  s = std::move(out);
}

size_t column_of(std::string_view ref) {
  size_t col = 0;
  for (char c : ref) {
    if (c >= 'A' && c <= 'Z') col = col * 26 + static_cast<size_t>(c - 'A' + 1);
    else if (c >= 'a' && c <= 'z') col = col * 26 + static_cast<size_t>(c - 'a' + 1);
    else break;
  }
  return col == 0 ? 0 : col - 1;
}

}  // namespace

XlsxWorkbook::~XlsxWorkbook() {
  if (m_zip) zip_discard(m_zip);
}

std::unique_ptr<XlsxWorkbook> XlsxWorkbook::open(const std::string& path) {
  {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw UsageError(fmt::format("cannot open '{}': {}", path, std::strerror(errno)));
    char magic[8] = {};
    in.read(magic, 8);
    if (in.gcount() == 0) throw UsageError("the file is empty");
    if (std::memcmp(magic, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
      throw UsageError("an encrypted workbook or an old .xls (BIFF) file: save it as .xlsx without a password");
    if (std::memcmp(magic, "PK", 2) != 0)
      throw UsageError("not an XLSX workbook (no zip signature); if it is a CSV export, name it .csv");
  }
  std::unique_ptr<XlsxWorkbook> book(new XlsxWorkbook());
  book->load(path);
  return book;
}

std::string XlsxWorkbook::read_part(const std::string& name, uint64_t limit) const {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(m_zip, name.c_str(), 0, &st) != 0) return {};
  if ((st.valid & ZIP_STAT_SIZE) && st.size > limit)
    throw UsageError(fmt::format("the workbook part {} would unpack to {} MB: refused (a zip bomb?)", name, st.size >> 20));
  if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) && st.size > (uint64_t{16} << 20) &&
      st.size / std::max<uint64_t>(st.comp_size, 1) > k_max_ratio)
    throw UsageError(fmt::format("the workbook part {} is compressed more than {}:1: refused (a zip bomb?)", name, k_max_ratio));
  zip_file_t* f = zip_fopen(m_zip, name.c_str(), 0);
  if (!f) throw UsageError(fmt::format("cannot read the workbook part {}: {}", name, zip_strerror(m_zip)));
  std::string out;
  char buf[65536];
  for (;;) {
    zip_int64_t n = zip_fread(f, buf, sizeof buf);
    if (n < 0) {
      zip_fclose(f);
      throw UsageError(fmt::format("the workbook part {} is damaged", name));
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
    if (out.size() > limit || ((st.valid & ZIP_STAT_SIZE) && out.size() > st.size)) {
      zip_fclose(f);
      throw UsageError(fmt::format("the workbook part {} unpacks to more than it declares: refused (a zip bomb?)", name));
    }
  }
  zip_fclose(f);
  return out;
}

void XlsxWorkbook::load(const std::string& path) {
  int err = 0;
  m_zip = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!m_zip) {
    zip_error_t e;
    zip_error_init_with_code(&e, err);
    std::string msg = zip_error_strerror(&e);
    zip_error_fini(&e);
    throw UsageError(fmt::format("not a readable XLSX workbook ({})", msg));
  }
  // Package relationships -> the workbook part (ECMA-376 Part 2, 9.3; Part 1, 12.3.23).
  std::string root_rels = read_part("_rels/.rels", k_max_part_bytes);
  std::string workbook_part = "xl/workbook.xml";
  if (!root_rels.empty())
    for (const auto& [id, rel] : relationships(root_rels, "_rels/.rels", ""))
      if (ends_with(rel.type, "/officeDocument")) workbook_part = rel.target;
  std::string workbook = read_part(workbook_part, k_max_part_bytes);
  if (workbook.empty()) throw UsageError("not an XLSX workbook (no workbook part); is it an .ods or a .docx?");
  std::string wb_dir = dir_of(workbook_part);
  std::string wb_rels_part = wb_dir + "_rels/" + workbook_part.substr(wb_dir.size()) + ".rels";
  auto rels = relationships(read_part(wb_rels_part, k_max_part_bytes), wb_rels_part, wb_dir);

  // Sheets (18.2.19) in workbook order; date1904 (18.2.28).
  std::vector<std::string> sheet_rel_ids;
  parse_xml(workbook, workbook_part, [&](std::string_view name, const char** attrs) {
    if (name == "workbookPr") {
      const char* d = attribute(attrs, "date1904");
      m_date1904 = d && (std::string_view(d) == "1" || std::string_view(d) == "true");
    } else if (name == "sheet") {
      const char* n = attribute(attrs, "name");
      const char* state = attribute(attrs, "state");
      const char* rid = attribute(attrs, "id", true);
      if (!n || !rid) return;
      m_sheets.push_back({n, state && std::string_view(state) != "visible"});
      sheet_rel_ids.emplace_back(rid);
    }
  });
  for (const auto& rid : sheet_rel_ids) {
    auto it = rels.find(rid);
    m_sheet_parts.push_back(it != rels.end() ? it->second.target : "");
  }
  std::string styles_part = wb_dir + "styles.xml", strings_part = wb_dir + "sharedStrings.xml";
  for (const auto& [id, rel] : rels) {
    if (ends_with(rel.type, "/styles")) styles_part = rel.target;
    if (ends_with(rel.type, "/sharedStrings")) strings_part = rel.target;
  }

  // Styles (18.8): which cellXfs use a date number format.
  std::string styles = read_part(styles_part, k_max_part_bytes);
  if (!styles.empty()) {
    std::map<int, bool> custom;
    bool in_xfs = false;
    parse_xml(
        styles, styles_part,
        [&](std::string_view name, const char** attrs) {
          if (name == "numFmt") {
            const char* id = attribute(attrs, "numFmtId");
            const char* code = attribute(attrs, "formatCode");
            if (id && code) custom[std::atoi(id)] = custom_date_format(code);
          } else if (name == "cellXfs") {
            in_xfs = true;
          } else if (name == "xf" && in_xfs) {
            const char* id = attribute(attrs, "numFmtId");
            int n = id ? std::atoi(id) : 0;
            auto it = custom.find(n);
            m_date_style.push_back(it != custom.end() ? it->second : builtin_date_format(n));
          }
        },
        [&](std::string_view name) {
          if (name == "cellXfs") in_xfs = false;
        });
  }

  // Shared strings (18.4.9): rich text runs joined, phonetic runs left out.
  std::string strings = read_part(strings_part, k_max_part_bytes);
  if (!strings.empty()) {
    bool in_si = false, in_t = false;
    int in_rph = 0;
    std::string current;
    parse_xml(
        strings, strings_part,
        [&](std::string_view name, const char**) {
          if (name == "si") in_si = true, current.clear();
          else if (name == "rPh") ++in_rph;
          else if (name == "t" && in_si && in_rph == 0) in_t = true;
        },
        [&](std::string_view name) {
          if (name == "t") in_t = false;
          else if (name == "rPh") --in_rph;
          else if (name == "si") {
            decode_x_escapes(current);
            m_string_spans.emplace_back(static_cast<uint32_t>(m_strings.size()), static_cast<uint32_t>(current.size()));
            m_strings += current;
            in_si = false;
          }
        },
        [&](std::string_view text) {
          if (in_t) current += text;
        });
  }
}

// Streams one sheet's XML through expat, a chunk at a time, and hands out
// its rows (18.3.1.73 row, 18.3.1.4 c).
class XlsxSheetReader : public TableReader {
 public:
  XlsxSheetReader(XlsxWorkbook& book, size_t index) : m_book(book), m_name(book.m_sheets[index].name) {
    const std::string& part = book.m_sheet_parts[index];
    m_part = part;
    zip_stat_t st;
    zip_stat_init(&st);
    if (part.empty() || zip_stat(book.m_zip, part.c_str(), 0, &st) != 0)
      throw UsageError(fmt::format("the sheet '{}' has no part in the workbook", m_name));
    m_total = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
    if (m_total > XlsxWorkbook::k_max_sheet_bytes)
      throw UsageError(fmt::format("the sheet '{}' would unpack to {} MB: refused (a zip bomb?)", m_name, m_total >> 20));
    if ((st.valid & ZIP_STAT_COMP_SIZE) && m_total > (uint64_t{16} << 20) &&
        m_total / std::max<uint64_t>(st.comp_size, 1) > XlsxWorkbook::k_max_ratio)
      throw UsageError(fmt::format("the sheet '{}' is compressed more than {}:1: refused (a zip bomb?)", m_name,
                                   XlsxWorkbook::k_max_ratio));
    m_file = zip_fopen(book.m_zip, part.c_str(), 0);
    if (!m_file) throw UsageError(fmt::format("cannot read the sheet '{}'", m_name));
    m_parser = std::make_unique<XmlParser>(
        [this](std::string_view name, const char** attrs) { start(name, attrs); },
        [this](std::string_view name) { end(name); }, [this](std::string_view text) {
          if (m_in_value || m_in_inline_text) m_value += text;
        });
  }
  ~XlsxSheetReader() override {
    if (m_file) zip_fclose(m_file);
  }

  bool next_row(Row& row) override {
    while (m_ready.empty()) {
      if (m_done) return false;
      feed();
    }
    m_current = std::move(m_ready.front());
    m_ready.pop_front();
    row.row = m_current.row;
    row.line = m_current.row;
    row.fields = 0;
    row.cells.assign(m_current.cells.size(), Cell{});
    for (size_t i = 0; i < m_current.cells.size(); ++i) {
      const auto& p = m_current.cells[i];
      Cell& c = row.cells[i];
      c.type = p.type;
      c.text = p.text;
      c.number = p.number;
      c.day = p.day;
    }
    return true;
  }

  std::string cell_position(const Row& row, size_t column) const override {
    bool plain = true;
    for (unsigned char ch : m_name)
      if (!(std::isalnum(ch) || ch == '_' || ch >= 0x80)) plain = false;
    std::string sheet = plain ? m_name : "'" + m_name + "'";
    return fmt::format("{}!{}{}", sheet, column_letters(column), row.row);
  }

  double progress() const override { return m_total ? static_cast<double>(m_read) / static_cast<double>(m_total) : 0; }
  std::string description() const override { return fmt::format("XLSX sheet '{}'", m_name); }

 private:
  struct PendingCell {
    CellType type = CellType::empty;
    std::string text;
    double number = 0;
    util::Day day = 0;
  };
  struct PendingRow {
    uint64_t row = 0;
    std::vector<PendingCell> cells;
  };

  void feed() {
    char buf[1 << 16];
    zip_int64_t n = zip_fread(m_file, buf, sizeof buf);
    if (n < 0) throw DataError(fmt::format("the sheet '{}' is damaged", m_name));
    m_read += static_cast<uint64_t>(n);
    if (m_total && m_read > m_total)
      throw UsageError(fmt::format("the sheet '{}' unpacks to more than it declares: refused (a zip bomb?)", m_name));
    m_done = n == 0;
    m_parser->feed(std::string_view(buf, static_cast<size_t>(n)), m_done, m_part);
  }

  void start(std::string_view name, const char** attrs) {
    if (name == "row") {
      const char* r = attribute(attrs, "r");
      m_row = PendingRow{r ? std::strtoull(r, nullptr, 10) : m_last_row + 1, {}};
      m_next_col = 0;
    } else if (name == "c") {
      const char* r = attribute(attrs, "r");
      const char* t = attribute(attrs, "t");
      const char* s = attribute(attrs, "s");
      m_col = r ? column_of(r) : m_next_col;
      m_next_col = m_col + 1;
      m_type = t ? t : "n";
      m_style = s ? std::atoi(s) : 0;
      m_value.clear();
    } else if (name == "v") {
      m_in_value = true;
    } else if (name == "is") {
      m_in_inline = true;
    } else if (name == "t" && m_in_inline) {
      m_in_inline_text = true;
    } else if (name == "rPh") {
      m_in_inline_text = false;
    }
  }

  void end(std::string_view name) {
    if (name == "v") m_in_value = false;
    else if (name == "t") m_in_inline_text = false;
    else if (name == "is") m_in_inline = false;
    else if (name == "c") finish_cell();
    else if (name == "row") {
      m_last_row = m_row.row;
      bool any = false;
      for (const auto& c : m_row.cells) any |= c.type != CellType::empty;
      if (any) m_ready.push_back(std::move(m_row));
      m_row = PendingRow{};
    }
  }

  void finish_cell() {
    PendingCell cell;
    const std::string& t = m_type;
    if (t == "s") {
      size_t i = std::strtoul(m_value.c_str(), nullptr, 10);
      if (i < m_book.m_string_spans.size()) {
        auto [off, size] = m_book.m_string_spans[i];
        cell.text.assign(m_book.m_strings, off, size);
      }
      cell.type = cell.text.empty() ? CellType::empty : CellType::text;
    } else if (t == "inlineStr" || t == "str" || t == "e") {
      cell.text = m_value;
      decode_x_escapes(cell.text);
      cell.type = cell.text.empty() ? CellType::empty : CellType::text;
    } else if (t == "b") {
      cell.type = CellType::boolean;
      cell.number = m_value == "1" ? 1 : 0;
      cell.text = cell.number ? "TRUE" : "FALSE";
    } else if (t == "d") {  // ISO 8601 date cell (18.18.11)
      auto p = util::parse_date(m_value.substr(0, 10), 2200);
      if (p.status == util::DateParse::ok) {
        cell.type = CellType::date;
        cell.day = p.day;
        cell.text = util::iso(p.day);
      } else {
        cell.type = m_value.empty() ? CellType::empty : CellType::text;
        cell.text = m_value;
      }
    } else if (!m_value.empty()) {
      double v = std::strtod(m_value.c_str(), nullptr);
      bool is_date = m_style >= 0 && static_cast<size_t>(m_style) < m_book.m_date_style.size() && m_book.m_date_style[m_style];
      if (is_date && v >= 1 && v < 2958466) {
        long serial = static_cast<long>(std::floor(v));
        util::Day day;
        if (m_book.m_date1904) day = static_cast<util::Day>(serial - 24107);   // 1904-01-01 is serial 0
        else if (serial >= 61) day = static_cast<util::Day>(serial - 25569);  // 1899-12-30 + serial
        else day = static_cast<util::Day>(serial - 25568);                    // Lotus 1-2-3's 29 Feb 1900 bug
        if (!m_book.m_date1904 && serial == 60) {
          cell.type = CellType::text;  // 1900-02-29 does not exist
          cell.text = "29/02/1900";
        } else {
          cell.type = CellType::date;
          cell.day = day;
          cell.text = util::iso(day);
        }
      } else {
        cell.type = CellType::number;
        cell.number = v;
        cell.text = fmt::format("{}", v);
      }
    }
    if (m_row.cells.size() <= m_col) m_row.cells.resize(m_col + 1);
    m_row.cells[m_col] = std::move(cell);
  }

  XlsxWorkbook& m_book;
  std::string m_name, m_part;
  zip_file_t* m_file = nullptr;
  std::unique_ptr<XmlParser> m_parser;
  uint64_t m_total = 0, m_read = 0;
  bool m_done = false;
  std::deque<PendingRow> m_ready;
  PendingRow m_row, m_current;
  uint64_t m_last_row = 0;
  size_t m_col = 0, m_next_col = 0;
  std::string m_type, m_value;
  int m_style = 0;
  bool m_in_value = false, m_in_inline = false, m_in_inline_text = false;
};

std::unique_ptr<TableReader> XlsxWorkbook::open_sheet(size_t index) {
  if (index >= m_sheets.size()) throw UsageError(fmt::format("there is no sheet number {}", index + 1));
  return std::make_unique<XlsxSheetReader>(*this, index);
}

}  // namespace ctreport::input
