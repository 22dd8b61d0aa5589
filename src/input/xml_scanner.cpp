// The sheet's pull scanner: byte classes, the scans of each kind of markup,
// in-place decoding, and the buffer that slides along the document.
#include "input/xml_scanner.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <optional>

#include <fmt/format.h>

#include "util/errors.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ctreport::input {

namespace {

enum : uint8_t {
  k_text = 1,        // stands for itself in text: no '<', '&', ']', CR, control or non-ASCII byte
  k_name_start = 2,  // ASCII letters, '_' and ':'
  k_name = 4,        // and digits, '.', '-'
  k_space = 8,       // XML's S: space, tab, LF, CR
  k_value = 16,      // stands for itself in an attribute value: no '<', '&', tab, LF, CR, control or non-ASCII
};

constexpr std::array<uint8_t, 256> make_classes() {
  std::array<uint8_t, 256> c{};
  for (int b = 0x20; b < 0x80; ++b) c[b] = k_text | k_value;
  c['\t'] = c['\n'] = k_text;
  c['<'] = c['&'] = 0;
  c[']'] = k_value;
  for (int b = 'a'; b <= 'z'; ++b) c[b] |= k_name_start | k_name;
  for (int b = 'A'; b <= 'Z'; ++b) c[b] |= k_name_start | k_name;
  for (int b = '0'; b <= '9'; ++b) c[b] |= k_name;
  c['_'] |= k_name_start | k_name;
  c[':'] |= k_name_start | k_name;
  c['.'] |= k_name;
  c['-'] |= k_name;
  c[' '] |= k_space;
  c['\t'] |= k_space;
  c['\n'] |= k_space;
  c['\r'] |= k_space;
  return c;
}

constexpr std::array<uint8_t, 256> k_class = make_classes();

inline bool has(char ch, uint8_t what) { return (k_class[static_cast<unsigned char>(ch)] & what) != 0; }

constexpr const char* k_invalid = "not well-formed (invalid token)";

// The first byte from p that is a control character, not ASCII, '<', '&',
// or `stop`: values and text are mostly plain ASCII, skipped 16 bytes at a
// time. The buffer's NUL sentinel ends every scan, and the buffer has 16
// bytes of room past it for the last block.
inline const char* skip_plain(const char* p, char stop) {
#if defined(__SSE2__)
  const __m128i low = _mm_set1_epi8(0x20), lt = _mm_set1_epi8('<'), amp = _mm_set1_epi8('&'),
                other = _mm_set1_epi8(stop);
  for (;; p += 16) {
    __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(b, low), _mm_cmpeq_epi8(b, lt)),
                               _mm_or_si128(_mm_cmpeq_epi8(b, amp), _mm_cmpeq_epi8(b, other)));
    if (int mask = _mm_movemask_epi8(hit)) return p + __builtin_ctz(static_cast<unsigned>(mask));
  }
#else
  for (;; ++p) {
    auto c = static_cast<unsigned char>(*p);
    if (c < 0x20 || c >= 0x80 || c == '<' || c == '&' || c == static_cast<unsigned char>(stop)) return p;
  }
#endif
}

// The length of the UTF-8 sequence at p (a byte >= 0x80) when it is a
// character XML allows (not a surrogate, U+FFFE or U+FFFF); 0 when it is
// not; -1 when `end` cuts it.
int utf8_sequence(const char* p, const char* end) {
  auto b = [&](int i) { return static_cast<unsigned char>(p[i]); };
  auto cont = [&](int i, unsigned lo, unsigned hi) -> int {  // 1 ok, 0 bad, -1 cut
    if (p + i >= end) return -1;
    return b(i) >= lo && b(i) <= hi ? 1 : 0;
  };
  unsigned c0 = b(0);
  unsigned lo = 0x80, hi = 0xBF;
  int n;
  if (c0 >= 0xC2 && c0 <= 0xDF) n = 2;
  else if (c0 >= 0xE0 && c0 <= 0xEF) n = 3, lo = c0 == 0xE0 ? 0xA0 : 0x80, hi = c0 == 0xED ? 0x9F : 0xBF;
  else if (c0 >= 0xF0 && c0 <= 0xF4) n = 4, lo = c0 == 0xF0 ? 0x90 : 0x80, hi = c0 == 0xF4 ? 0x8F : 0xBF;
  else return 0;
  for (int i = 1; i < n; ++i) {
    int r = i == 1 ? cont(i, lo, hi) : cont(i, 0x80, 0xBF);
    if (r <= 0) return r;
  }
  if (n == 3 && c0 == 0xEF && b(1) == 0xBF && (b(2) == 0xBE || b(2) == 0xBF)) return 0;  // U+FFFE, U+FFFF
  return n;
}

bool xml_char(uint32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
         (cp >= 0x10000 && cp <= 0x10FFFF);
}

char* put_utf8(char* w, uint32_t cp) {
  if (cp < 0x80) {
    *w++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *w++ = static_cast<char>(0xC0 | (cp >> 6));
    *w++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *w++ = static_cast<char>(0xE0 | (cp >> 12));
    *w++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *w++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *w++ = static_cast<char>(0xF0 | (cp >> 18));
    *w++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *w++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *w++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return w;
}

// The name without its prefix; `head`, its first 8 bytes (name_head), tells
// without a loop that most names have no prefix.
inline std::string_view local(std::string_view name, uint64_t head) {
  if (name.size() <= 8) {
    uint64_t v = head ^ 0x3A3A3A3A3A3A3A3AULL;  // a zero byte where a colon is (head is zero past the name)
    if (((v - 0x0101010101010101ULL) & ~v & 0x8080808080808080ULL) == 0) return name;
  }
  const char* begin = name.data();
  const char* end = begin + name.size();
  const char* p = end;
  while (p != begin && p[-1] != ':') --p;
  return std::string_view(p, static_cast<size_t>(end - p));
}

// Whether [p, end) starts with `word`; -1 when it could, but `end` comes first.
int starts_with(const char* p, const char* end, std::string_view word) {
  size_t n = std::min(word.size(), static_cast<size_t>(end - p));
  if (std::memcmp(p, word.data(), n) != 0) return 0;
  return n == word.size() ? 1 : -1;
}

// Whether two names are the same: they are short, a call to memcmp costs more.
inline bool same(const char* a, size_t an, const char* b, size_t bn) {
  if (an != bn) return false;
  for (size_t i = 0; i < an; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

bool equals_ascii_lower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

}  // namespace

XmlScanner::XmlScanner(Source source, std::string part) : m_source(std::move(source)), m_part(std::move(part)) {
  m_cap = k_chunk;
  m_buf.reset(new char[m_cap + k_padding]());  // zeroed: the sentinel, and padding read but never used
  m_attrs.resize(17);
  m_open.reset(new OpenElement[k_max_depth]);
  m_attr_spans.reserve(8);
  while (m_end < 3 && refill()) {
  }
  if (starts_with(m_buf.get(), m_buf.get() + m_end, "\xEF\xBB\xBF") == 1) m_pos = 3;  // a UTF-8 BOM
  m_decl_at = m_pos;
}

bool XmlScanner::reads(std::string_view head) {
  if (head.size() >= 2) {
    auto b0 = static_cast<unsigned char>(head[0]), b1 = static_cast<unsigned char>(head[1]);
    if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE) || b0 == 0 || b1 == 0) return false;  // UTF-16
  }
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  if (head.substr(0, 5) != "<?xml" || head.size() < 6 || !has(head[5], k_space)) return true;
  size_t close = head.find("?>");
  std::string_view decl = head.substr(0, close);
  size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return true;
  size_t q = decl.find_first_of("\"'", at);
  if (q == std::string_view::npos) return true;
  size_t q2 = decl.find(decl[q], q + 1);
  if (q2 == std::string_view::npos) return true;
  return equals_ascii_lower(decl.substr(q + 1, q2 - q - 1), "utf-8");
}

inline XmlScanner::Scan XmlScanner::markup() {
  char* const b = m_buf.get();
  char* const end = b + m_end;
  char* p = b + m_pos;
  if (p + 1 == end) return Scan::incomplete;
  switch (p[1]) {
    case '/': return end_tag(p);
    case '?': return processing_instruction(p);
    case '!': return declaration(p);
    default: return start_tag(p);
  }
}

XmlScanner::Event XmlScanner::next() {
  if (m_pending_end) {
    m_pending_end = false;
    return Event::end;
  }
  for (;;) {
    if (m_pos == m_end) {
      if (refill()) continue;
      if (m_depth > 0 || !m_root_seen) fail(m_buf.get() + m_end, "no element found");
      return Event::done;
    }
    Scan s = m_buf[m_pos] == '<' ? markup() : text_run();
    if (s == Scan::event) return m_event;
    if (s == Scan::incomplete && !refill()) unclosed();
  }
}

bool XmlScanner::refill() {
  if (m_eof) return false;
  char* b = m_buf.get();
  if (m_pos > 0) {
    for (const char* p = b; (p = static_cast<const char*>(std::memchr(p, '\n', m_pos - (p - b)))); ++p) ++m_lines_before;
    m_consumed += m_pos;
    std::memmove(b, b + m_pos, m_end - m_pos);
    m_end -= m_pos;
    m_pos = 0;
  }
  if (m_end == m_cap) grow();
  size_t got = m_source(m_buf.get() + m_end, m_cap - m_end);
  m_end += got;
  m_buf[m_end] = '\0';
  if (got == 0) m_eof = true;
  return got > 0;
}

// The buffer is one unfinished piece of markup: twice the room, up to the
// limit of a piece.
void XmlScanner::grow() {
  if (m_cap >= k_max_markup)
    throw UsageError(fmt::format("the workbook part {} has a tag, comment or CDATA section of more than {} MB: refused",
                                 m_part, k_max_markup >> 20));
  size_t cap = m_cap * 2;
  std::unique_ptr<char[]> bigger(new char[cap + k_padding]());
  std::memcpy(bigger.get(), m_buf.get(), m_end + 1);
  m_buf = std::move(bigger);
  m_cap = cap;
}

void XmlScanner::fail(const char* at, std::string_view what) const {
  const char* b = m_buf.get();
  uint64_t line = m_lines_before + m_hidden_lines + 1;
  at = std::clamp(at, b, b + m_end);
  for (const char* p = b; (p = static_cast<const char*>(std::memchr(p, '\n', at - p))); ++p) ++line;
  throw UsageError(fmt::format("the workbook part {} is not well-formed XML (line {}: {})", m_part, line, what));
}

void XmlScanner::unclosed() const { fail(m_buf.get() + m_end, "unclosed token"); }

// At "<!": a comment, a CDATA section, or a DOCTYPE (refused).
XmlScanner::Scan XmlScanner::declaration(char* p) {
  char* const end = m_buf.get() + m_end;
  if (int s = starts_with(p, end, "<!--"); s != 0) return s < 0 ? Scan::incomplete : comment(p);
  if (int s = starts_with(p, end, "<![CDATA["); s != 0) return s < 0 ? Scan::incomplete : cdata(p);
  if (int s = starts_with(p, end, "<!DOCTYPE"); s != 0) {
    if (s < 0) return Scan::incomplete;
    throw UsageError(fmt::format("the workbook part {} declares a DOCTYPE or entities: refused (not an XLSX file "
                                 "as spreadsheet software writes them)",
                                 m_part));
  }
  fail(p, k_invalid);
}

// An open element's name: its first 8 bytes in a word, the rest in
// m_open_tails. The name is in the buffer, which has room past its end for
// an 8-byte load.
inline uint64_t XmlScanner::name_head(std::string_view qname) {
  uint64_t head;
  std::memcpy(&head, qname.data(), 8);
  if (qname.size() < 8) {  // the name's bytes only (qname is never empty)
    unsigned drop = static_cast<unsigned>(8 * (8 - qname.size()));
    if constexpr (std::endian::native == std::endian::little) head &= ~uint64_t{0} >> drop;
    else head &= ~uint64_t{0} << drop;
  }
  return head;
}

inline void XmlScanner::push_open(std::string_view qname, uint64_t head) {
  m_open[m_depth++] = {head, static_cast<uint32_t>(qname.size()), static_cast<uint32_t>(m_open_tails.size())};
  if (qname.size() > 8) m_open_tails.append(qname.substr(8));
}

// A name at p: its end, or nullptr when the buffer's end cuts it.
inline char* XmlScanner::name_at(char* p) {
  char* const end = m_buf.get() + m_end;
  if (!has(*p, k_name_start)) {
    if (p == end) return nullptr;
    fail(p, static_cast<unsigned char>(*p) >= 0x80 ? "a name that is not ASCII (no spreadsheet writes one)" : k_invalid);
  }
  char* q = p + 1;
  while (has(*q, k_name)) ++q;
  if (q == end) return nullptr;
  if (static_cast<unsigned char>(*q) >= 0x80) fail(q, "a name that is not ASCII (no spreadsheet writes one)");
  return q;
}

XmlScanner::Scan XmlScanner::start_tag(char* p) {
  char* const b = m_buf.get();
  char* const end = b + m_end;
  char* n = p + 1;
  char* q = name_at(n);
  if (!q) return Scan::incomplete;
  std::string_view qname(n, static_cast<size_t>(q - n));
  bool self = false;
  m_attr_spans.clear();
  if (*q == '>' && m_depth > 0 && m_depth < k_max_depth) {  // <is>, <t>, <v>: no attributes
    m_attrs[0] = nullptr;  // never empty: see the constructor
    uint64_t head = name_head(qname);
    push_open(qname, head);
    m_name = local(qname, head);
    m_pos = static_cast<size_t>(q + 1 - b);
    m_event = Event::start;
    return Scan::event;
  }
  for (;;) {
    char* s = q;
    while (has(*q, k_space)) ++q;
    if (q == end) return Scan::incomplete;
    if (*q == '>') {
      ++q;
      break;
    }
    if (*q == '/') {
      if (q + 1 == end) return Scan::incomplete;
      if (q[1] != '>') fail(q, k_invalid);
      self = true;
      q += 2;
      break;
    }
    if (q == s) fail(q, k_invalid);  // attributes are separated by white space
    char* an = q;
    q = name_at(an);
    if (!q) return Scan::incomplete;
    Span name{static_cast<uint32_t>(an - b), static_cast<uint32_t>(q - an)};
    while (has(*q, k_space)) ++q;
    if (q == end) return Scan::incomplete;
    if (*q != '=') fail(q, k_invalid);
    ++q;
    while (has(*q, k_space)) ++q;
    if (q == end) return Scan::incomplete;
    char quote = *q;
    if (quote != '"' && quote != '\'') fail(q, k_invalid);
    char* v = q + 1;
    q = const_cast<char*>(skip_plain(v, quote));  // most values are plain: no decoding
    bool plain = *q == quote;
    if (!plain) {
      q = static_cast<char*>(std::memchr(q, quote, static_cast<size_t>(end - q)));
      if (!q) return Scan::incomplete;
    }
    m_attr_spans.push_back({name, {static_cast<uint32_t>(v - b), static_cast<uint32_t>(q - v)}, plain});
    ++q;
  }
  // The whole tag is in the buffer: check it, then decode it in place.
  if (m_root_seen && m_depth == 0) fail(p, "junk after document element");
  if (m_depth >= k_max_depth)
    throw UsageError(fmt::format("the workbook part {} nests elements more than {} deep: refused", m_part, k_max_depth));
  decode_attributes(p);
  uint64_t head = name_head(qname);
  if (!self) push_open(qname, head);
  m_root_seen = true;
  m_name = local(qname, head);
  m_pending_end = self;
  m_pos = static_cast<size_t>(q - b);
  m_event = Event::start;
  return Scan::event;
}

// The attributes of the tag at `tag`, all in the buffer: checked for
// duplicates, decoded in place, NUL-terminated, listed in m_attrs.
void XmlScanner::decode_attributes(const char* tag) {
  char* const b = m_buf.get();
  const char* p = tag;
  if (size_t n = m_attr_spans.size(); n > 2) {
    check_duplicates(p);
  } else if (n == 2) {
    const Span &x = m_attr_spans[0].name, &y = m_attr_spans[1].name;
    if (same(b + x.at, x.size, b + y.at, y.size)) fail(p, "duplicate attribute");
  }
  if (m_attrs.size() < 2 * m_attr_spans.size() + 1) m_attrs.resize(2 * m_attr_spans.size() + 1);  // grows, never shrinks
  const char** out = m_attrs.data();
  for (const Attribute& a : m_attr_spans) {
    char* value = b + a.value.at;
    char* value_end = a.plain ? value + a.value.size : decode_value(value, value + a.value.size);
    char& after_name = b[a.name.at + a.name.size];
    if (after_name == '\n' || after_name == '\r') ++m_hidden_lines;
    after_name = '\0';
    *value_end = '\0';
    *out++ = b + a.name.at;
    *out++ = value;
  }
  *out = nullptr;
}

void XmlScanner::check_duplicates(const char* tag) {
  const char* b = m_buf.get();
  auto name = [&](const Attribute& a) { return std::string_view(b + a.name.at, a.name.size); };
  size_t n = m_attr_spans.size();
  if (n <= 16) {
    for (size_t i = 1; i < n; ++i)
      for (size_t j = 0; j < i; ++j)
        if (same(b + m_attr_spans[i].name.at, m_attr_spans[i].name.size, b + m_attr_spans[j].name.at,
                 m_attr_spans[j].name.size))
          fail(tag, "duplicate attribute");
    return;
  }
  std::vector<std::string_view> names;
  names.reserve(n);
  for (const Attribute& a : m_attr_spans) names.push_back(name(a));
  std::sort(names.begin(), names.end());
  if (std::adjacent_find(names.begin(), names.end()) != names.end()) fail(tag, "duplicate attribute");
}

// Decodes the attribute value [p, end) in place (references; tab, LF, CR and
// CR LF to one space each) and returns its new end.
char* XmlScanner::decode_value(char* p, char* end) {
  char* w = p;
  while (p < end) {
    char* q = p;
    while (q < end && has(*q, k_value)) ++q;
    if (w != p) std::memmove(w, p, static_cast<size_t>(q - p));
    w += q - p;
    p = q;
    if (p == end) break;
    unsigned char c = static_cast<unsigned char>(*p);
    if (c == '&') {
      p = reference(p, w);  // the value's quote ends any reference first: never cut
    } else if (c == '\t' || c == '\n' || c == '\r') {
      *w++ = ' ';
      if (c != '\t') ++m_hidden_lines;
      p += c == '\r' && p + 1 < end && p[1] == '\n' ? 2 : 1;
    } else if (c >= 0x80) {
      int n = utf8_sequence(p, end);
      if (n <= 0) fail(p, k_invalid);
      std::memmove(w, p, static_cast<size_t>(n));
      w += n;
      p += n;
    } else {
      fail(p, k_invalid);  // '<' or a control character
    }
  }
  if (w < end) std::memset(w, ' ', static_cast<size_t>(end - w));
  return w;
}

// The reference at p ('&'), decoded to w; returns what follows it, or
// nullptr when the buffer's end cuts it.
char* XmlScanner::reference(char* p, char*& w) {
  char* const end = m_buf.get() + m_end;
  char* q = p + 1;
  if (*q == '#') {
    ++q;
    bool hex = *q == 'x';
    if (hex) ++q;
    char* digits = q;
    uint32_t cp = 0;
    for (;; ++q) {
      unsigned d;
      char c = *q;
      if (c >= '0' && c <= '9') d = static_cast<unsigned>(c - '0');
      else if (hex && c >= 'a' && c <= 'f') d = static_cast<unsigned>(c - 'a' + 10);
      else if (hex && c >= 'A' && c <= 'F') d = static_cast<unsigned>(c - 'A' + 10);
      else break;
      cp = std::min<uint32_t>(cp * (hex ? 16 : 10) + d, 0x110000);
    }
    if (q == end) return m_eof ? (unclosed(), nullptr) : nullptr;
    if (*q != ';' || q == digits) fail(p, k_invalid);
    if (!xml_char(cp)) fail(p, "reference to invalid character number");
    w = put_utf8(w, cp);
    return q + 1;
  }
  if (q == end) return m_eof ? (unclosed(), nullptr) : nullptr;
  char* n = q;
  q = name_at(n);
  if (!q) return m_eof ? (unclosed(), nullptr) : nullptr;
  if (*q != ';') fail(p, k_invalid);
  std::string_view name(n, static_cast<size_t>(q - n));
  char c;
  if (name == "lt") c = '<';
  else if (name == "gt") c = '>';
  else if (name == "amp") c = '&';
  else if (name == "quot") c = '"';
  else if (name == "apos") c = '\'';
  else fail(p, "undefined entity");
  *w++ = c;
  return q + 1;
}

XmlScanner::Scan XmlScanner::end_tag(char* p) {
  char* const b = m_buf.get();
  char* const end = b + m_end;
  char* n = p + 2;
  char* q = name_at(n);
  if (!q) return Scan::incomplete;
  std::string_view qname(n, static_cast<size_t>(q - n));
  while (has(*q, k_space)) ++q;
  if (q == end) return Scan::incomplete;
  if (*q != '>') fail(q, k_invalid);
  if (m_depth == 0) fail(p, m_root_seen ? "junk after document element" : k_invalid);
  const OpenElement& top = m_open[m_depth - 1];
  uint64_t head = name_head(qname);
  if (top.size != qname.size() || top.head != head ||
      (qname.size() > 8 && !same(m_open_tails.data() + top.tail_at, top.size - 8, qname.data() + 8, qname.size() - 8)))
    fail(p, "mismatched tag");
  if (top.size > 8) m_open_tails.resize(top.tail_at);
  --m_depth;
  m_name = local(qname, head);
  m_pos = static_cast<size_t>(q + 1 - b);
  m_event = Event::end;
  return Scan::event;
}

// Checks that [p, end) holds only characters XML allows.
void XmlScanner::check_chars(char* p, char* end) {
  while (p < end) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (c >= 0x80) {
      int n = utf8_sequence(p, end);
      if (n <= 0) fail(p, k_invalid);
      p += n;
    } else if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
      ++p;
    } else {
      fail(p, k_invalid);
    }
  }
}

XmlScanner::Scan XmlScanner::comment(char* p) {
  char* const end = m_buf.get() + m_end;
  char* q = p + 4;
  for (;;) {
    q = static_cast<char*>(std::memchr(q, '-', static_cast<size_t>(end - q)));
    if (!q || q + 1 >= end) return Scan::incomplete;
    if (q[1] != '-') {
      ++q;
      continue;
    }
    if (q + 2 >= end) return Scan::incomplete;
    if (q[2] != '>') fail(q, k_invalid);  // "--" only ends a comment
    break;
  }
  check_chars(p + 4, q);
  m_pos = static_cast<size_t>(q + 3 - m_buf.get());
  return Scan::skipped;
}

XmlScanner::Scan XmlScanner::cdata(char* p) {
  char* const b = m_buf.get();
  char* const end = b + m_end;
  char* start = p + 9;
  char* q = start;
  for (;;) {
    q = static_cast<char*>(std::memchr(q, ']', static_cast<size_t>(end - q)));
    if (!q || q + 2 >= end) return Scan::incomplete;
    if (q[1] == ']' && q[2] == '>') break;
    ++q;
  }
  if (m_depth == 0) fail(p, m_root_seen ? "junk after document element" : k_invalid);
  check_chars(start, q);
  char* w = start;  // CR LF and CR to LF
  for (char* r = start; r < q; ++r) {
    if (*r == '\r') {
      *w++ = '\n';
      if (r + 1 < q && r[1] == '\n') ++r;
    } else {
      *w++ = *r;
    }
  }
  if (w < q) std::memset(w, ' ', static_cast<size_t>(q - w));
  m_pos = static_cast<size_t>(q + 3 - b);
  if (w == start) return Scan::skipped;
  m_text = std::string_view(start, static_cast<size_t>(w - start));
  m_event = Event::text;
  return Scan::event;
}

XmlScanner::Scan XmlScanner::processing_instruction(char* p) {
  char* const b = m_buf.get();
  char* const end = b + m_end;
  char* n = p + 2;
  char* q = name_at(n);
  if (!q) return Scan::incomplete;
  std::string_view target(n, static_cast<size_t>(q - n));
  char* close = q;
  for (;;) {
    close = static_cast<char*>(std::memchr(close, '?', static_cast<size_t>(end - close)));
    if (!close || close + 1 >= end) return Scan::incomplete;
    if (close[1] == '>') break;
    ++close;
  }
  if (close != q && !has(*q, k_space)) fail(q, k_invalid);  // the target, then white space or "?>"
  check_chars(q, close);
  if (equals_ascii_lower(target, "xml")) {
    bool at_start = m_consumed + static_cast<uint64_t>(p - b) == m_decl_at;
    if (target != "xml") fail(p, k_invalid);
    if (!at_start) fail(p, "XML or text declaration not at start of entity");
    xml_declaration(q, close);
  }
  m_pos = static_cast<size_t>(close + 2 - b);
  return Scan::skipped;
}

// The XML declaration's pseudo-attributes, [p, end) after "<?xml": version,
// then encoding (UTF-8 only: reads() gives the others to expat), then
// standalone, each optional but the first.
void XmlScanner::xml_declaration(char* p, char* end) {
  const char* k_bad = "XML declaration not well-formed";
  auto pseudo = [&](std::string_view name) -> std::optional<std::string_view> {
    char* q = p;
    while (q < end && has(*q, k_space)) ++q;
    if (q == p || static_cast<size_t>(end - q) < name.size() || std::string_view(q, name.size()) != name) return std::nullopt;
    q += name.size();
    while (q < end && has(*q, k_space)) ++q;
    if (q == end || *q != '=') fail(q, k_bad);
    ++q;
    while (q < end && has(*q, k_space)) ++q;
    if (q == end || (*q != '"' && *q != '\'')) fail(q, k_bad);
    char* v = q + 1;
    char* close = static_cast<char*>(std::memchr(v, *q, static_cast<size_t>(end - v)));
    if (!close) fail(q, k_bad);
    p = close + 1;
    return std::string_view(v, static_cast<size_t>(close - v));
  };
  auto version = pseudo("version");
  if (!version || version->empty()) fail(p, k_bad);
  for (char c : *version)
    if (!has(c, k_name)) fail(p, k_bad);
  if (auto encoding = pseudo("encoding"); encoding && !equals_ascii_lower(*encoding, "utf-8")) fail(p, "unknown encoding");
  if (auto standalone = pseudo("standalone"); standalone && *standalone != "yes" && *standalone != "no") fail(p, k_bad);
  while (p < end && has(*p, k_space)) ++p;
  if (p != end) fail(p, k_bad);
}

// Text up to the next '<' or the buffer's end, decoded in place; outside the
// root element, only white space.
XmlScanner::Scan XmlScanner::text_run() {
  char* const b = m_buf.get();
  char* const end = b + m_end;
  char* r = b + m_pos;
  if (m_depth == 0) {
    while (has(*r, k_space)) ++r;
    if (r != end && *r != '<') fail(r, m_root_seen ? "junk after document element" : k_invalid);
    m_pos = static_cast<size_t>(r - b);
    return Scan::skipped;
  }
  char* const start = r;
  char* w = r;
  for (;;) {
    char* q = r;
    for (;;) {  // plain text, tabs and line feeds
      q = const_cast<char*>(skip_plain(q, ']'));
      if (*q != '\t' && *q != '\n') break;
      ++q;
    }
    if (w != r) std::memmove(w, r, static_cast<size_t>(q - r));
    w += q - r;
    r = q;
    unsigned char c = static_cast<unsigned char>(*r);
    if (c == '<' || r == end) break;
    if (c == '&') {
      char* after = reference(r, w);
      if (!after) break;
      r = after;
    } else if (c == '\r') {
      if (r + 1 == end && !m_eof) break;
      *w++ = '\n';
      r += r[1] == '\n' ? 2 : 1;
    } else if (c == ']') {
      if (r + 2 >= end && !m_eof) break;
      if (r + 2 < end && r[1] == ']' && r[2] == '>') fail(r, k_invalid);
      *w++ = *r++;
    } else if (c >= 0x80) {
      int n = utf8_sequence(r, end);
      if (n < 0 && !m_eof) break;
      if (n <= 0) fail(r, k_invalid);
      std::memmove(w, r, static_cast<size_t>(n));
      w += n;
      r += n;
    } else {
      fail(r, k_invalid);  // a control character
    }
  }
  m_pos = static_cast<size_t>(r - b);
  if (w == start) return r == start ? Scan::incomplete : Scan::skipped;
  if (w < r) std::memset(w, ' ', static_cast<size_t>(r - w));  // no stale line end for the line count of messages
  m_text = std::string_view(start, static_cast<size_t>(w - start));
  m_event = Event::text;
  return Scan::event;
}

}  // namespace ctreport::input
