// UTF-8 validation, Windows-1252 decoding and key normalisation.
#include "util/text.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <fmt/format.h>

namespace ctreport::util {

namespace {

// The first byte from p that is not ASCII, or `end`: 16 bytes at a time, then
// straight to the first such byte of the block (text with accents has one
// every few words: byte by byte up to it was most of the check's time).
const unsigned char* skip_ascii(const unsigned char* p, const unsigned char* end) {
#if defined(__SSE2__)
  while (end - p >= 16) {
    const auto block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    if (const int high = _mm_movemask_epi8(block); high != 0) return p + __builtin_ctz(static_cast<unsigned>(high));
    p += 16;
  }
#else
  while (end - p >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    if (const uint64_t high = w & 0x8080808080808080ULL; high != 0) {
      if constexpr (std::endian::native == std::endian::little) return p + (__builtin_ctzll(high) >> 3);
      break;
    }
    p += 8;
  }
#endif
  while (p < end && *p < 0x80) ++p;
  return p;
}

}  // namespace

bool is_ascii(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  return skip_ascii(p, p + s.size()) == p + s.size();
}

// Skips ASCII a block at a time; rejects overlong forms, surrogates and
// anything above U+10FFFF.
bool is_valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    p = skip_ascii(p, end);
    if (p == end) break;
    const unsigned char c = *p;  // not ASCII
    if (c >= 0xC2 && c <= 0xDF) {
      if (end - p < 2 || (p[1] & 0xC0) != 0x80) return false;
      p += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      if (end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return false;
      if (c == 0xE0 && p[1] < 0xA0) return false;   // overlong
      if (c == 0xED && p[1] >= 0xA0) return false;  // surrogate
      p += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (end - p < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) return false;
      if (c == 0xF0 && p[1] < 0x90) return false;   // overlong
      if (c == 0xF4 && p[1] >= 0x90) return false;  // above U+10FFFF
      p += 4;
    } else {
      return false;
    }
  }
  return true;
}

namespace {
// Windows-1252 0x80..0x9F (0 = undefined, mapped to U+FFFD).
constexpr std::array<uint16_t, 32> k_cp1252_high = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};


// Lower-case ASCII form of a Latin code point with its accent removed, or
// nullptr when the code point is neither a letter nor a digit we fold.
const char* fold_latin(uint32_t cp) {
  if (cp < 0x80) return nullptr;  // handled by the caller
  switch (cp) {
    case 0xC0: case 0xC1: case 0xC2: case 0xC3: case 0xC4: case 0xC5:
    case 0xE0: case 0xE1: case 0xE2: case 0xE3: case 0xE4: case 0xE5: return "a";
    case 0xC6: case 0xE6: return "ae";
    case 0xC7: case 0xE7: return "c";
    case 0xC8: case 0xC9: case 0xCA: case 0xCB:
    case 0xE8: case 0xE9: case 0xEA: case 0xEB: return "e";
    case 0xCC: case 0xCD: case 0xCE: case 0xCF:
    case 0xEC: case 0xED: case 0xEE: case 0xEF: return "i";
    case 0xD1: case 0xF1: return "n";
    case 0xD2: case 0xD3: case 0xD4: case 0xD5: case 0xD6: case 0xD8:
    case 0xF2: case 0xF3: case 0xF4: case 0xF5: case 0xF6: case 0xF8: return "o";
    case 0xD9: case 0xDA: case 0xDB: case 0xDC:
    case 0xF9: case 0xFA: case 0xFB: case 0xFC: return "u";
    case 0xDD: case 0xFD: case 0xFF: case 0x178: return "y";
    case 0xDF: return "ss";
    case 0x152: case 0x153: return "oe";
    case 0x160: case 0x161: return "s";
    case 0x17D: case 0x17E: return "z";
    default: return nullptr;
  }
}
}  // namespace

size_t first_invalid_utf8_line(std::string_view s) {
  if (is_valid_utf8(s)) return 0;
  size_t line = 1, start = 0;
  for (;;) {
    size_t end = s.find('\n', start);  // a UTF-8 sequence never holds the byte '\n'
    std::string_view l = s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!is_valid_utf8(l) || end == std::string_view::npos) return line;
    start = end + 1;
    ++line;
  }
}

void append_cp1252_as_utf8(std::string_view s, std::string& out) {
  for (unsigned char c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0xA0) {
      uint16_t cp = k_cp1252_high[c - 0x80];
      append_utf8(cp ? cp : 0xFFFD, out);
    } else {
      append_utf8(c, out);
    }
  }
}

namespace {
// Appends the normalised form of `s` to `out`; a character dropped from a key
// appends `separator` instead, when it is not 0 and `out` does not end with it.
void append_normalised(std::string_view s, std::string& out, char separator) {
  auto separate = [&] {
    if (separator && !out.empty() && out.back() != separator) out += separator;
  };
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += static_cast<char>(c);
      else separate();
      ++p;
      continue;
    }
    int n = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : 0;
    if (n == 0 || end - p <= n) { ++p; separate(); continue; }
    uint32_t cp = c & (n == 1 ? 0x1F : n == 2 ? 0x0F : 0x07);
    for (int i = 1; i <= n; ++i) cp = (cp << 6) | (p[i] & 0x3F);
    if (const char* f = fold_latin(cp)) out += f;
    else separate();
    p += n + 1;
  }
  if (separator && !out.empty() && out.back() == separator) out.pop_back();
}
}  // namespace

void normalize_key(std::string_view s, std::string& out) {
  out.clear();
  append_normalised(s, out, 0);
}

void normalize_words(std::string_view s, std::string& out) {
  out.clear();
  append_normalised(s, out, ' ');
}

std::string normalize_words(std::string_view s) {
  std::string out;
  normalize_words(s, out);
  return out;
}

std::string normalize_key(std::string_view s) {
  std::string out;
  normalize_key(s, out);
  return out;
}

std::string slug(std::string_view s) {
  std::string out, word;
  size_t start = 0;
  auto flush = [&](size_t end) {
    normalize_key(s.substr(start, end - start), word);
    if (!word.empty()) out += (out.empty() ? "" : "-") + word;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ' ' || c == '-' || c == '_' || c == '/' || c == '\\' || c == '\'' || c == '.' || c == '(' || c == ')' ||
        c == ',' || c == ';' || c == ':') {
      flush(i);
      start = i + 1;
    }
  }
  flush(s.size());
  return out.empty() ? "x" : out;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string shorten(std::string_view s, size_t max_chars) {
  size_t chars = 0, cut = s.size();
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (chars++ == max_chars) {
      cut = i;
      break;
    }
  }
  if (cut == s.size()) return std::string(s);
  return std::string(s.substr(0, cut)) + "… (" + std::to_string(utf8_length(s)) + " characters)";
}

std::string quote_value(std::string_view s, size_t max_chars) {
  std::string v = shorten(s, max_chars);
  if (v.size() == s.size()) return "'" + v + "'";
  size_t mark = v.rfind("… (");
  return fmt::format("'{}…'{}", v.substr(0, mark), v.substr(mark + std::string_view("…").size()));
}

std::string_view trim(std::string_view s) {
  for (;;) {
    if (s.empty()) return s;
    unsigned char c = static_cast<unsigned char>(s.front());
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') { s.remove_prefix(1); continue; }
    if (s.size() >= 2 && c == 0xC2 && static_cast<unsigned char>(s[1]) == 0xA0) { s.remove_prefix(2); continue; }
    if (s.size() >= 3 && c == 0xE2 && static_cast<unsigned char>(s[1]) == 0x80 &&
        static_cast<unsigned char>(s[2]) == 0xAF) { s.remove_prefix(3); continue; }
    break;
  }
  for (;;) {
    if (s.empty()) return s;
    unsigned char c = static_cast<unsigned char>(s.back());
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') { s.remove_suffix(1); continue; }
    if (s.size() >= 2 && c == 0xA0 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC2) { s.remove_suffix(2); continue; }
    if (s.size() >= 3 && c == 0xAF && static_cast<unsigned char>(s[s.size() - 2]) == 0x80 &&
        static_cast<unsigned char>(s[s.size() - 3]) == 0xE2) { s.remove_suffix(3); continue; }
    break;
  }
  return s;
}

void append_utf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace ctreport::util
