// XLSX package reading: parts, relationships, shared strings, styles, and
// the streamed sheet reader. Section numbers refer to ECMA-376 Part 1.
#include "input/xlsx_workbook.hpp"

#include <zip.h>
#include <expat.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <exception>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_set>

#include <fmt/format.h>

#include "input/xlsx_entry_stream.hpp"
#include "input/xml_scanner.hpp"
#include "util/date.hpp"
#include "util/errors.hpp"
#include "util/text.hpp"

namespace ctreport::input {

namespace {

// An element or attribute name without its prefix ("x:c" -> "c").
std::string_view local_name(const char* name) {
  const char* start = name;
  const char* p = name;
  for (; *p; ++p)
    if (*p == ':') start = p + 1;
  return std::string_view(start, static_cast<size_t>(p - start));
}

// name == word, with the word's length known when compiling.
template <size_t N>
bool is(std::string_view name, const char (&word)[N]) {
  return name.size() == N - 1 && std::memcmp(name.data(), word, N - 1) == 0;
}

const char* attribute(const char** attrs, std::string_view wanted, bool prefixed_only = false) {
  for (size_t i = 0; attrs[i]; i += 2) {
    std::string_view n = local_name(attrs[i]);
    if (prefixed_only && n.data() == attrs[i]) continue;
    if (n == wanted) return attrs[i + 1];
  }
  return nullptr;
}

// Expat with DOCTYPE refused: a workbook never has one, and entity
// declarations are how "billion laughs" expand. The handler has start(name,
// attributes), end(name) and characters(text), names without their prefix.
// Handlers may throw: the exception stops the parser and is rethrown once
// expat has returned. A handler may also suspend the parser (the sheet reader
// does at each row end).
template <class Handler>
class XmlParser {
 public:
  explicit XmlParser(Handler& handler) : m_handler(handler) {
    m_parser = XML_ParserCreate(nullptr);
    if (!m_parser) throw std::bad_alloc();
    XML_SetUserData(m_parser, this);
    XML_SetElementHandler(
        m_parser,
        [](void* self, const char* name, const char** attrs) {
          auto* p = static_cast<XmlParser*>(self);
          p->guard([&] { p->m_handler.start(local_name(name), attrs); });
        },
        [](void* self, const char* name) {
          auto* p = static_cast<XmlParser*>(self);
          p->guard([&] { p->m_handler.end(local_name(name)); });
        });
    XML_SetCharacterDataHandler(m_parser, [](void* self, const char* s, int len) {
      auto* p = static_cast<XmlParser*>(self);
      p->guard([&] { p->m_handler.characters(std::string_view(s, static_cast<size_t>(len))); });
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
  XmlParser(const XmlParser&) = delete;
  XmlParser& operator=(const XmlParser&) = delete;

  // Parses `data` (all of a part when `last`).
  void feed(std::string_view data, bool last, const std::string& part) {
    check(XML_Parse(m_parser, data.data(), static_cast<int>(data.size()), last ? 1 : 0), part);
  }

  // Streaming with suspension: fill buffer(n) with up to n bytes, then
  // parse_buffer(count). Both return true when a handler suspended the parser;
  // resume() then goes on with the same buffer.
  void* buffer(size_t n) { return XML_GetBuffer(m_parser, static_cast<int>(n)); }
  bool parse_buffer(size_t count, bool last, const std::string& part) {
    return check(XML_ParseBuffer(m_parser, static_cast<int>(count), last ? 1 : 0), part);
  }
  bool resume(const std::string& part) { return check(XML_ResumeParser(m_parser), part); }
  void suspend() { XML_StopParser(m_parser, XML_TRUE); }

 private:
  template <class F>
  void guard(F&& f) {
    if (m_failure) return;
    try {
      f();
    } catch (...) {
      m_failure = std::current_exception();
      XML_StopParser(m_parser, XML_FALSE);
    }
  }

  bool check(XML_Status status, const std::string& part) {
    if (m_failure) std::rethrow_exception(m_failure);
    if (m_doctype)
      throw UsageError(fmt::format("the workbook part {} declares a DOCTYPE or entities: refused (not an XLSX file "
                                   "as spreadsheet software writes them)",
                                   part));
    if (status == XML_STATUS_ERROR)
      throw UsageError(fmt::format("the workbook part {} is not well-formed XML (line {}: {})", part,
                                   XML_GetCurrentLineNumber(m_parser), XML_ErrorString(XML_GetErrorCode(m_parser))));
    return status == XML_STATUS_SUSPENDED;
  }

  XML_Parser m_parser;
  Handler& m_handler;
  bool m_doctype = false;
  std::exception_ptr m_failure;
};

// A handler of functions, any of which may be left out, for the small parts.
struct FunctionHandler {
  std::function<void(std::string_view, const char**)> on_start;
  std::function<void(std::string_view)> on_end, on_text;
  void start(std::string_view name, const char** attrs) {
    if (on_start) on_start(name, attrs);
  }
  void end(std::string_view name) {
    if (on_end) on_end(name);
  }
  void characters(std::string_view text) {
    if (on_text) on_text(text);
  }
};

void parse_xml(const std::string& text, const std::string& part, std::function<void(std::string_view, const char**)> start,
               std::function<void(std::string_view)> end = {}, std::function<void(std::string_view)> chars = {}) {
  FunctionHandler handler{std::move(start), std::move(end), std::move(chars)};
  XmlParser<FunctionHandler> p(handler);
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

// Built-in number formats (ECMA-376 Part 1, 18.8.30 numFmt) that show a date:
// 14-17 (mm-dd-yy, d-mmm-yy, d-mmm, mmm-yy), 22 (m/d/yy h:mm), and the East
// Asian date formats 27-31, 34-36, 50-58. Not 18-21 (h:mm AM/PM, h:mm:ss AM/PM,
// h:mm, h:mm:ss), 45-47 (mm:ss, [h]:mm:ss, mmss.0) nor 32-33 (hours and
// minutes in East Asian forms): those are times of day or durations.
bool builtin_date_format(int id) {
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) || (id >= 50 && id <= 58);
}

// A custom number format (18.8.31 numFmts) shows a date when it has a day,
// month or year token outside quoted text, backslash escapes and [...]
// sections (colours, locales; [h], [m], [s] are elapsed times). "m" and "mm"
// are minutes when they follow an hour token or precede a seconds token
// (h:mm, [h]:mm:ss, mm:ss), months otherwise; "mmm" and longer are months.
// AM/PM, A/P and General are not tokens of a date.
bool custom_date_format(std::string_view code) {
  struct Token {
    char kind;   // 'd', 'm', 'y', 'h', 's'
    size_t length;
  };
  std::vector<Token> tokens;
  auto lower = [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); };
  auto starts = [&](size_t i, std::string_view word) {
    if (code.size() - i < word.size()) return false;
    for (size_t k = 0; k < word.size(); ++k)
      if (lower(code[i + k]) != lower(word[k])) return false;
    return true;
  };
  for (size_t i = 0; i < code.size(); ++i) {
    char c = lower(code[i]);
    if (c == '"') {
      auto close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '[') {
      auto close = code.find(']', i);
      if (close == std::string_view::npos) break;
      std::string_view inner = code.substr(i + 1, close - i - 1);
      if (!inner.empty() && std::all_of(inner.begin(), inner.end(), [&](char k) { return lower(k) == lower(inner[0]); }) &&
          (lower(inner[0]) == 'h' || lower(inner[0]) == 'm' || lower(inner[0]) == 's'))
        tokens.push_back({lower(inner[0]) == 'm' ? 'e' : lower(inner[0]), inner.size()});  // [m]: elapsed minutes
      i = close;
    } else if (starts(i, "am/pm")) {
      i += 4;
    } else if (starts(i, "a/p")) {
      i += 2;
    } else if (starts(i, "general")) {
      i += 6;
    } else if (c == 'd' || c == 'm' || c == 'y' || c == 'h' || c == 's') {
      size_t n = 1;
      while (i + n < code.size() && lower(code[i + n]) == c) ++n;
      tokens.push_back({c, n});
      i += n - 1;
    } else if (c == ';') {
      tokens.push_back({';', 1});  // sections do not share minutes
    }
  }
  for (size_t k = 0; k < tokens.size(); ++k) {
    char kind = tokens[k].kind;
    if (kind == 'd' || kind == 'y') return true;
    if (kind != 'm') continue;
    if (tokens[k].length > 2) return true;
    bool after_hours = k > 0 && tokens[k - 1].kind == 'h';
    bool before_seconds = k + 1 < tokens.size() && tokens[k + 1].kind == 's';
    if (!after_hours && !before_seconds) return true;
  }
  return false;
}


// The code unit of an _xHHHH_ escape at s[i], if there is one.
std::optional<uint32_t> x_escape_at(std::string_view s, size_t i) {
  if (i + 6 >= s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return std::nullopt;
  uint32_t cp = 0;
  for (size_t k = 2; k < 6; ++k) {
    char h = s[i + k];
    cp <<= 4;
    if (h >= '0' && h <= '9') cp |= static_cast<uint32_t>(h - '0');
    else if (h >= 'a' && h <= 'f') cp |= static_cast<uint32_t>(h - 'a' + 10);
    else if (h >= 'A' && h <= 'F') cp |= static_cast<uint32_t>(h - 'A' + 10);
    else return std::nullopt;
  }
  return cp;
}

// _xHHHH_ escapes of shared and inline strings (22.9.2.19 ST_Xstring): each
// is a UTF-16 code unit, so characters beyond U+FFFF come as a surrogate pair
// (_xD83D__xDE00_ is one emoji); a lone surrogate becomes U+FFFD.
void decode_x_escapes(std::string& s) {
  if (s.find("_x") == std::string::npos) return;
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    auto unit = x_escape_at(s, i);
    if (!unit) {
      out += s[i];
      continue;
    }
    i += 6;
    uint32_t cp = *unit;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      auto low = x_escape_at(s, i + 1);
      if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (*low - 0xDC00);
        i += 7;
      } else {
        cp = 0xFFFD;
      }
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    util::append_utf8(cp, out);
  }
  s = std::move(out);
}

// A cell reference's column (18.18.62 ST_CellRef: letters, then the row),
// 0-based; nullopt beyond XFD or when the reference does not start with letters.
std::optional<size_t> column_of(std::string_view ref) {
  size_t col = 0, letters = 0;
  for (char c : ref) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    if (++letters > 3) return std::nullopt;
    col = col * 26 + static_cast<size_t>(c - 'A' + 1);
  }
  if (col == 0 || col > XlsxWorkbook::k_max_columns) return std::nullopt;
  return col - 1;
}

// An unsigned decimal (xsd:unsignedInt and kin, surrounding white space
// allowed), or nullopt.
std::optional<uint64_t> unsigned_value(std::string_view s) {
  s = util::trim(s);
  uint64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// A cell's s attribute (18.3.1.4): a cellXfs index, read as atoi reads it.
int style_index(const char* s) {
  if (!s) return 0;
  int v = 0;
  size_t n = 0;
  for (; n < 9 && s[n] >= '0' && s[n] <= '9'; ++n) v = v * 10 + (s[n] - '0');
  return n > 0 && s[n] == '\0' ? v : std::atoi(s);
}

// What a cell's t attribute (18.18.11 ST_CellType) makes of its value.
enum class ValueKind : uint8_t { number, shared, text, boolean, date };

ValueKind value_kind(const char* t) {
  if (!t) return ValueKind::number;
  if (t[0] && !t[1]) {  // one letter: no strlen for the usual cases
    if (t[0] == 's') return ValueKind::shared;
    if (t[0] == 'e') return ValueKind::text;
    if (t[0] == 'b') return ValueKind::boolean;
    if (t[0] == 'd') return ValueKind::date;
    return ValueKind::number;
  }
  std::string_view v(t);
  if (is(v, "inlineStr") || is(v, "str")) return ValueKind::text;
  return ValueKind::number;  // "n", and what no spreadsheet writes
}

// Whether `text` is 1 to 15 decimal digits, and then their value in v (exact
// in a double, as from_chars would give it).
bool whole_number(std::string_view text, double& v) {
  if (text.empty() || text.size() > 15) return false;
  uint64_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  v = static_cast<double>(n);
  return true;
}

// util::iso(d), appended.
void append_iso(util::Day d, std::string& out) {
  util::Ymd ymd = util::to_ymd(d);
  if (ymd.year < 0 || ymd.year > 9999) {
    out += util::iso(d);
    return;
  }
  char buf[10];
  unsigned y = static_cast<unsigned>(ymd.year);
  buf[0] = static_cast<char>('0' + y / 1000);
  buf[1] = static_cast<char>('0' + y / 100 % 10);
  buf[2] = static_cast<char>('0' + y / 10 % 10);
  buf[3] = static_cast<char>('0' + y % 10);
  buf[4] = '-';
  buf[5] = static_cast<char>('0' + ymd.month / 10);
  buf[6] = static_cast<char>('0' + ymd.month % 10);
  buf[7] = '-';
  buf[8] = static_cast<char>('0' + ymd.day / 10);
  buf[9] = static_cast<char>('0' + ymd.day % 10);
  out.append(buf, sizeof buf);
}

// fmt's "{}" of v, appended: whole numbers up to 10^15 are written with all
// their digits by fmt, as std::to_chars writes an integer.
void append_number(double v, std::string& out) {
  if (v == std::trunc(v) && std::fabs(v) <= 1e15 && !(v == 0 && std::signbit(v))) {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(v));
    out.append(buf, end);
    return;
  }
  fmt::format_to(std::back_inserter(out), "{}", v);
}

// A sheet name in a reference as Excel writes it (`'L''équipe 2024'!D17`):
// quoted unless it is letters, digits and underscores not starting with a
// digit, with each apostrophe doubled.
std::string quoted_sheet_name(const std::string& name) {
  bool plain = !name.empty() && !(name[0] >= '0' && name[0] <= '9');
  for (unsigned char ch : name)
    if (!(std::isalnum(ch) || ch == '_' || ch >= 0x80)) plain = false;
  if (plain) return name;
  std::string out = "'";
  for (char ch : name) {
    out += ch;
    if (ch == '\'') out += '\'';
  }
  return out + "'";
}

}  // namespace

XlsxWorkbook::~XlsxWorkbook() {
  if (m_zip) zip_discard(m_zip);
}

std::unique_ptr<XlsxWorkbook> XlsxWorkbook::open(const std::string& path, XlsxReadOptions options) {
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
  book->m_options = options;
  book->load(path);
  return book;
}

std::string XlsxWorkbook::read_part(const std::string& name, uint64_t limit) const {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(m_zip, name.c_str(), 0, &st) != 0) return {};
  InflateGuard guard(fmt::format("the workbook part {}", name), st, limit);
  zip_file_t* f = zip_fopen(m_zip, name.c_str(), 0);
  if (!f) throw UsageError(fmt::format("cannot read the workbook part {}: {}", name, zip_strerror(m_zip)));
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> closer(f, zip_fclose);
  std::string out;
  char buf[65536];
  for (;;) {
    zip_int64_t n = zip_fread(f, buf, sizeof buf);
    if (n < 0) throw UsageError(fmt::format("the workbook part {} is damaged", name));
    if (n == 0) break;
    guard.add(static_cast<uint64_t>(n));
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

namespace {

// Two zip entries of one name: readers disagree on which one is the part
// (libzip takes the first, others the last), so the package is refused.
void refuse_duplicate_entries(zip_t* z) {
  zip_int64_t count = zip_get_num_entries(z, 0);
  std::unordered_set<std::string_view> names;
  names.reserve(static_cast<size_t>(std::max<zip_int64_t>(count, 0)));
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(z, static_cast<zip_uint64_t>(i), 0);
    if (!name || names.insert(name).second) continue;
    std::string shown(util::shorten(name));
    for (char& c : shown)
      if (static_cast<unsigned char>(c) < 0x20) c = '?';
    throw UsageError(fmt::format("the workbook holds two zip entries named '{}': refused (which one is the part is "
                                "ambiguous)",
                                shown));
  }
}

}  // namespace

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
  refuse_duplicate_entries(m_zip);
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

  // Shared strings (18.4.9): rich text runs joined, phonetic runs (rPh,
  // 18.4.6) left out. A string over a cell's limit is kept as "too long" and
  // refused when a cell uses it, naming the cell.
  m_has_strings = zip_name_locate(m_zip, strings_part.c_str(), 0) >= 0;
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
            if (current.size() > k_max_cell_chars && util::utf8_length(current) > k_max_cell_chars)
              m_string_spans.emplace_back(0, k_too_long);
            else
              m_string_spans.emplace_back(static_cast<uint32_t>(m_strings.size()), static_cast<uint32_t>(current.size()));
            if (m_string_spans.back().second != k_too_long) m_strings += current;
            in_si = false;
          }
        },
        [&](std::string_view text) {
          // _xHHHH_ escapes take 7 bytes a character: beyond that, too long whatever it decodes to.
          if (in_t && current.size() <= 7 * k_max_cell_chars) current += text;
        });
  }
}

// Streams one sheet's XML through expat, a chunk at a time, and hands out
// its rows (18.3.1.73 row, 18.3.1.4 c): the parser is suspended at the end of
// each row, so only the current row is held, and only its non-empty cells:
// a value in column XFD costs one cell, not 16384.
class XlsxSheetReader : public TableReader {
 public:
  XlsxSheetReader(XlsxWorkbook& book, size_t index)
      : m_book(book), m_name(book.m_sheets[index].name), m_part(book.m_sheet_parts[index]), m_parser(*this) {
    std::unique_lock lock(book.m_zip_mutex);
    zip_stat_t st;
    zip_stat_init(&st);
    if (m_part.empty() || zip_stat(book.m_zip, m_part.c_str(), 0, &st) != 0)
      throw UsageError(fmt::format("the sheet '{}' has no part in the workbook", m_name));
    InflateGuard guard(fmt::format("the sheet '{}'", m_name), st, XlsxWorkbook::k_max_sheet_bytes);
    m_stream = ZipEntryStream::open(book.m_zip, m_part, std::move(guard), fmt::format("the sheet '{}' is damaged", m_name),
                                    fmt::format("cannot read the sheet '{}'", m_name), book.m_zip_mutex,
                                    book.m_options.threads);
    lock.unlock();
    m_date_system = book.m_date1904 ? DateSystem::d1904 : DateSystem::d1900;
  }

  bool next_row(Row& row) override {
    m_cells.clear();
    m_arena.clear();
    m_row_ready = false;
    if (!m_started) start_reading();
    if (m_scanner ? !scan_row() : !parse_row()) return false;
    row.row = m_row;
    row.line = m_row;
    row.fields = 0;
    size_t width = 0;
    for (const auto& p : m_cells) width = std::max(width, p.column + 1);  // cells out of order are allowed too
    if (row.cells.data() == m_out_data && row.cells.size() == m_out_size) {
      // The row this reader filled last time: only its non-empty cells need clearing (a row with a value
      // in XFD is then not 16384 cells to reset each time).
      for (size_t column : m_out_columns) row.cells[column] = Cell{};
      row.cells.resize(width);
    } else {
      row.cells.assign(width, Cell{});
    }
    m_out_columns.clear();
    for (const auto& p : m_cells) {
      m_out_columns.push_back(p.column);
      Cell& c = row.cells[p.column];
      c.type = p.type;
      c.text = p.shared ? std::string_view(m_book.m_strings).substr(p.offset, p.size)
                        : std::string_view(m_arena).substr(p.offset, p.size);
      c.number = p.number;
      c.day = p.day;
      c.date_system = m_date_system;
    }
    m_out_data = row.cells.data();
    m_out_size = row.cells.size();
    return true;
  }

  std::string cell_position(const Row& row, size_t column) const override {
    return fmt::format("{}!{}{}", quoted_sheet_name(m_name), column_letters(column), row.row);
  }

  double progress() const override {
    return m_stream->expected() ? static_cast<double>(m_stream->consumed()) / static_cast<double>(m_stream->expected()) : 0;
  }
  std::string description() const override { return fmt::format("XLSX sheet '{}'", m_name); }
  std::string sheet_name() const override { return m_name; }

 private:
  friend class XmlParser<XlsxSheetReader>;

  // A non-empty cell of the current row; its text is in m_arena or, for a
  // shared string, in the workbook's table (no copy).
  struct PendingCell {
    size_t column = 0;
    CellType type = CellType::empty;
    bool shared = false;
    uint32_t offset = 0, size = 0;
    double number = 0;
    util::Day day = 0;
  };

  // The first kilobyte decides the parser: the sheet scanner for UTF-8, the
  // only encoding spreadsheet software writes, expat for the others.
  void start_reading() {
    m_started = true;
    constexpr size_t k_head = 1024;
    char buf[k_head];
    while (m_head.size() < k_head) {
      size_t n = m_stream->read(buf, k_head - m_head.size());
      if (n == 0) break;
      m_head.append(buf, n);
    }
    if (m_book.m_options.expat_sheets || !XmlScanner::reads(m_head)) return;
    m_scanner = std::make_unique<XmlScanner>(
        [this](char* dst, size_t n) {
          if (m_head.empty()) return m_stream->read(dst, n);
          size_t k = std::min(n, m_head.size());
          std::memcpy(dst, m_head.data(), k);
          m_head.erase(0, k);
          return k;
        },
        m_part);
  }

  // The events of the next row through the scanner; false at the end.
  bool scan_row() {
    while (!m_row_ready) {
      switch (m_scanner->next()) {
        case XmlScanner::Event::start: start(m_scanner->name(), m_scanner->attributes()); break;
        case XmlScanner::Event::end: end(m_scanner->name()); break;
        case XmlScanner::Event::text: characters(m_scanner->text()); break;
        case XmlScanner::Event::done: return false;
      }
    }
    return true;
  }

  // The same through expat, suspended at each row's end; false at the end.
  bool parse_row() {
    while (!m_row_ready) {
      if (m_suspended) {
        m_suspended = m_parser.resume(m_part);
        continue;
      }
      if (m_done) return false;
      constexpr size_t k_chunk = size_t{1} << 18;
      void* buf = m_parser.buffer(k_chunk);
      if (!buf) throw std::bad_alloc();
      size_t n;
      if (!m_head.empty()) {
        n = m_head.size();
        std::memcpy(buf, m_head.data(), n);
        m_head.clear();
      } else {
        n = m_stream->read(static_cast<char*>(buf), k_chunk);
        m_done = n == 0;
      }
      m_suspended = m_parser.parse_buffer(n, m_done, m_part);
    }
    return true;
  }

  std::string here() const {
    Row r;
    r.row = m_row;
    return cell_position(r, m_col);
  }

  void start(std::string_view name, const char** attrs) {
    if (is(name, "c")) {
      start_cell(attrs);
    } else if (is(name, "v")) {
      m_in_value = true;
      m_has_value = true;
    } else if (is(name, "row")) {
      start_row(attrs);
    } else if (is(name, "is")) {
      m_in_inline = true;
      m_has_value = true;
    } else if (is(name, "rPh")) {
      ++m_in_phonetic;
    } else if (is(name, "t") && m_in_inline && m_in_phonetic == 0) {
      m_in_inline_text = true;
    }
  }

  void start_row(const char** attrs) {
    const char* r = attribute(attrs, "r");
    if (r) {
      auto n = unsigned_value(r);
      if (!n || *n == 0 || *n > XlsxWorkbook::k_max_rows)
        throw UsageError(fmt::format("the sheet '{}' has a row numbered {}: expected 1 to {}, the rows a sheet can have",
                                     m_name, util::quote_value(r, 20), XlsxWorkbook::k_max_rows));
      m_row = *n;
    } else {
      m_row = m_last_row + 1;
    }
    m_next_col = 0;
  }

  void start_cell(const char** attrs) {
    const char *r = nullptr, *t = nullptr, *s = nullptr;  // the first of each, as attribute() finds them
    for (size_t i = 0; attrs[i]; i += 2) {
      const char* a = attrs[i];
      std::string_view n = a[0] && !a[1] ? std::string_view(a, 1) : local_name(a);  // r, t, s: no prefix to look for
      if (n.size() != 1) continue;
      const char** slot = n[0] == 'r' ? &r : n[0] == 't' ? &t : n[0] == 's' ? &s : nullptr;
      if (slot && !*slot) *slot = attrs[i + 1];
    }
    if (r) {
      auto col = column_of(r);
      if (!col)
        throw UsageError(fmt::format("{}!{}: the cell is beyond column XFD, the last of the {} columns a sheet can have",
                                     quoted_sheet_name(m_name), std::strlen(r) <= 20 ? std::string(r) : util::quote_value(r, 20),
                                     XlsxWorkbook::k_max_columns));
      m_col = *col;
    } else {
      m_col = m_next_col;
      if (m_col >= XlsxWorkbook::k_max_columns)
        throw UsageError(fmt::format("the sheet '{}' has a row {} with cells beyond column XFD, the last of the {} "
                                     "columns a sheet can have",
                                     m_name, m_row, XlsxWorkbook::k_max_columns));
    }
    m_next_col = m_col + 1;
    m_kind = value_kind(t);
    m_style = style_index(s);
    m_value.clear();
    m_has_value = false;
  }

  void characters(std::string_view text) {
    if (!m_in_value && !m_in_inline_text) return;
    // _xHHHH_ escapes take 7 bytes a character: beyond that, too long whatever it decodes to.
    if (m_value.size() + text.size() > 7 * XlsxWorkbook::k_max_cell_chars) too_long();
    m_value += text;
  }

  [[noreturn]] void too_long() const {
    throw DataError(fmt::format("{}: the cell holds more than {} characters, the most a cell can hold (Excel's limit); "
                                "expected a date, a category or a short text",
                                here(), XlsxWorkbook::k_max_cell_chars));
  }

  void end(std::string_view name) {
    if (is(name, "v")) m_in_value = false;
    else if (is(name, "c")) finish_cell();
    else if (is(name, "t")) m_in_inline_text = false;
    else if (is(name, "rPh")) --m_in_phonetic;
    else if (is(name, "is")) m_in_inline = false;
    else if (is(name, "row")) {
      m_last_row = m_row;
      if (!m_cells.empty()) {
        m_row_ready = true;
        if (!m_scanner) m_parser.suspend();
      }
    }
  }

  void add_text(PendingCell& cell, std::string_view text) {
    cell.offset = static_cast<uint32_t>(m_arena.size());
    cell.size = static_cast<uint32_t>(text.size());
    m_arena += text;
  }

  void add_date(PendingCell& cell, util::Day day) {
    cell.offset = static_cast<uint32_t>(m_arena.size());
    append_iso(day, m_arena);
    cell.size = static_cast<uint32_t>(m_arena.size() - cell.offset);
  }

  void finish_cell() {
    PendingCell cell;
    cell.column = m_col;
    if (!m_has_value) {
      // <c t="s"/>, <c t="b"/>, a formula without a cached value: an empty cell.
    } else if (m_kind == ValueKind::shared) {
      shared_string(cell);
    } else if (m_kind == ValueKind::text) {
      decode_x_escapes(m_value);
      if (m_value.size() > XlsxWorkbook::k_max_cell_chars && util::utf8_length(m_value) > XlsxWorkbook::k_max_cell_chars)
        too_long();
      if (!m_value.empty()) {
        cell.type = CellType::text;
        add_text(cell, m_value);
      }
    } else if (m_kind == ValueKind::boolean) {
      std::string_view v = util::trim(m_value);
      if (!v.empty()) {
        cell.type = CellType::boolean;
        cell.number = v == "1" || v == "true" ? 1 : 0;
        add_text(cell, cell.number ? "TRUE" : "FALSE");
      }
    } else if (m_kind == ValueKind::date) {  // ISO 8601 date cell (18.18.11)
      auto p = util::parse_date(std::string_view(m_value).substr(0, 10), 2200);
      if (p.status == util::DateParse::ok) {
        cell.type = CellType::date;
        cell.day = p.day;
        add_date(cell, p.day);
      } else if (!m_value.empty()) {
        cell.type = CellType::text;
        add_text(cell, m_value);
      }
    } else if (!m_value.empty()) {
      number(cell);
    }
    if (cell.type != CellType::empty) m_cells.push_back(cell);
  }

  void shared_string(PendingCell& cell) {
    if (!m_book.m_has_strings)
      throw UsageError(fmt::format("{}: the cell refers to a shared string, but the workbook has no shared-strings part "
                                   "(xl/sharedStrings.xml): the workbook is damaged",
                                   here()));
    auto index = unsigned_value(m_value);
    if (!index)
      throw UsageError(fmt::format("{}: the shared-string index {} is not a number: the workbook is damaged", here(),
                                   util::quote_value(m_value, 20)));
    if (*index >= m_book.m_string_spans.size())
      throw UsageError(fmt::format("{}: the cell refers to shared string {}, but the workbook has {}: the workbook is "
                                   "damaged",
                                   here(), *index, m_book.m_string_spans.size()));
    auto [off, size] = m_book.m_string_spans[*index];
    if (size == XlsxWorkbook::k_too_long) too_long();
    if (size == 0) return;
    cell.type = CellType::text;
    cell.shared = true;
    cell.offset = off;
    cell.size = size;
  }

  // A number (18.18.11 ST_CellType n), or a date when its style's number
  // format shows a date (18.8.30, 18.8.31) and the serial is one (18.17.4.1).
  void number(PendingCell& cell) {
    std::string_view text = util::trim(m_value);
    double v = 0;
    if (!whole_number(text, v)) {  // most are: date serials, stages
      auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (ec != std::errc() || p != text.data() + text.size()) v = std::numeric_limits<double>::infinity();
    }
    if (!std::isfinite(v)) {
      cell.type = CellType::text;  // not a number after all: kept as written
      add_text(cell, m_value);
      return;
    }
    bool is_date = m_style >= 0 && static_cast<size_t>(m_style) < m_book.m_date_style.size() && m_book.m_date_style[m_style];
    bool d1904 = m_date_system == DateSystem::d1904;
    if (is_date && v >= (d1904 ? 0 : 1) && v < 2958466) {
      long serial = static_cast<long>(std::floor(v));
      util::Day day;
      if (d1904) day = static_cast<util::Day>(serial - 24107);        // 1904-01-01 is serial 0
      else if (serial >= 61) day = static_cast<util::Day>(serial - 25569);  // 1899-12-30 + serial
      else day = static_cast<util::Day>(serial - 25568);                    // Lotus 1-2-3's 29 Feb 1900 bug
      if (!d1904 && serial == 60) {
        cell.type = CellType::text;  // 1900-02-29 does not exist
        add_text(cell, "29/02/1900");
      } else {
        cell.type = CellType::date;
        cell.day = day;
        add_date(cell, day);
      }
      return;
    }
    cell.type = CellType::number;
    cell.number = v;
    cell.offset = static_cast<uint32_t>(m_arena.size());
    append_number(v, m_arena);
    cell.size = static_cast<uint32_t>(m_arena.size() - cell.offset);
  }

  XlsxWorkbook& m_book;
  std::string m_name, m_part;
  XmlParser<XlsxSheetReader> m_parser;
  std::unique_ptr<ZipEntryStream> m_stream;
  std::unique_ptr<XmlScanner> m_scanner;  // unless the sheet goes through expat (m_parser)
  std::string m_head;                     // the first bytes, until a parser has them
  bool m_started = false;
  DateSystem m_date_system = DateSystem::d1900;
  bool m_done = false, m_suspended = false, m_row_ready = false;
  std::vector<PendingCell> m_cells;  // the current row's non-empty cells
  std::string m_arena;               // their text, but shared strings
  const Cell* m_out_data = nullptr;  // the cells last handed out, and which of them were set
  size_t m_out_size = 0;
  std::vector<size_t> m_out_columns;
  uint64_t m_row = 0, m_last_row = 0;
  size_t m_col = 0, m_next_col = 0;
  ValueKind m_kind = ValueKind::number;
  std::string m_value;
  int m_style = 0;
  int m_in_phonetic = 0;
  bool m_in_value = false, m_in_inline = false, m_in_inline_text = false, m_has_value = false;
};

std::unique_ptr<TableReader> XlsxWorkbook::open_sheet(size_t index) {
  if (index >= m_sheets.size()) throw UsageError(fmt::format("there is no sheet number {}", index + 1));
  return std::make_unique<XlsxSheetReader>(*this, index);
}

}  // namespace ctreport::input
