// A strict pull scanner of XML 1.0 documents in UTF-8, for the one part of a
// workbook that is big: the sheet. It hands out start tags (local name and
// attributes), end tags and text, decoded as expat decodes them (the five
// predefined entities and character references, line ends and attribute
// values normalised), without building anything; it refuses what expat
// refuses (mismatched or unclosed tags, duplicate attributes, undefined
// entities, invalid characters or UTF-8, junk after the root...), and a
// DOCTYPE. It does not read other encodings (reads() says which documents it
// takes: the sheet reader gives the others to expat), nor names that are not
// ASCII, which no spreadsheet writes. Text and attribute values are decoded in
// place in its buffer, so a whole sheet costs a buffer, not a copy.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ctreport::input {

class XmlScanner {
 public:
  // Fills up to n bytes at dst and returns how many; 0 at the end.
  using Source = std::function<size_t(char* dst, size_t n)>;

  // `part` names the document in messages ("xl/worksheets/sheet1.xml").
  XmlScanner(Source source, std::string part);

  enum class Event : uint8_t { start, end, text, done };

  // The next event; throws UsageError when the document is not well-formed.
  // What name(), attributes() and text() return is valid until the next call.
  Event next();
  // The element's name without its prefix ("x:c" -> "c"), for start and end.
  std::string_view name() const { return m_name; }
  // For start: name, value, name, value..., nullptr, as expat gives them
  // (names with their prefix, values decoded and NUL-terminated).
  const char** attributes() { return m_attrs.data(); }
  // For text: a piece of the text (a text may come in several pieces).
  std::string_view text() const { return m_text; }

  // Whether a document starting with `head` (its first kilobyte or all of it)
  // is one this scanner reads: not UTF-16, and no XML declaration naming an
  // encoding other than UTF-8.
  static bool reads(std::string_view head);

  static constexpr size_t k_chunk = size_t{1} << 18;       // bytes asked of the source at a time
  static constexpr size_t k_max_markup = size_t{4} << 20;  // one tag, comment, CDATA section...
  static constexpr size_t k_max_depth = 4096;
  static constexpr size_t k_padding = 1 + 16;  // the sentinel, and room for a 16-byte load from it

 private:
  enum class Scan : uint8_t { event, skipped, incomplete };
  struct Span {
    uint32_t at, size;
  };
  struct Attribute {
    Span name, value;
    bool plain;  // the value needs no decoding
  };

  Scan markup();
  Scan declaration(char* p);
  Scan start_tag(char* p);
  void decode_attributes(const char* tag);
  Scan end_tag(char* p);
  Scan comment(char* p);
  Scan cdata(char* p);
  Scan processing_instruction(char* p);
  Scan text_run();
  void xml_declaration(char* p, char* end);
  static uint64_t name_head(std::string_view qname);
  void push_open(std::string_view qname, uint64_t head);
  char* name_at(char* p);              // a name's end; nullptr if cut by the buffer's end
  char* reference(char* p, char*& w);  // at '&': the character written at w; nullptr if cut by the buffer's end
  char* decode_value(char* p, char* end);
  void check_chars(char* p, char* end);
  void check_duplicates(const char* tag);
  bool refill();
  void grow();
  [[noreturn]] void fail(const char* at, std::string_view what) const;
  [[noreturn]] void unclosed() const;

  Source m_source;
  std::string m_part;
  std::unique_ptr<char[]> m_buf;  // m_cap bytes, k_padding more; a NUL after m_end, which no XML holds, ends the scans
  size_t m_cap = 0, m_pos = 0, m_end = 0;
  bool m_eof = false;
  uint64_t m_consumed = 0;    // bytes dropped from the buffer's front
  uint64_t m_lines_before = 0;  // line ends in them
  uint64_t m_hidden_lines = 0;  // line ends decoding turned into spaces (attribute values), for messages
  uint64_t m_decl_at = 0;        // where an XML declaration may be: 0, or 3 after a BOM
  bool m_root_seen = false, m_pending_end = false;
  Event m_event = Event::done;
  struct OpenElement {
    uint64_t head;  // the name's first 8 bytes (zeros after a shorter name)
    uint32_t size, tail_at;  // its length; where the rest of a longer one starts in m_open_tails
  };
  std::unique_ptr<OpenElement[]> m_open;  // the open elements, k_max_depth of room
  size_t m_depth = 0;                      // how many are open, the innermost last
  std::string m_open_tails;
  std::string_view m_name, m_text;
  std::vector<const char*> m_attrs;
  std::vector<Attribute> m_attr_spans;
};

}  // namespace ctreport::input
