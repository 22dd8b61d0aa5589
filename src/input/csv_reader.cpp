// CSV reading: chunked input, start-of-file checks, delimiter sniffing,
// the record parser and per-field encoding detection.
#include "input/csv_reader.hpp"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "util/errors.hpp"
#include "util/text.hpp"

namespace ctreport::input {

namespace {

// Stop-table classes.
constexpr uint8_t k_stop_delimiter = 1;  // also '"' in the quoted table
constexpr uint8_t k_stop_lf = 2;
constexpr uint8_t k_stop_cr = 3;

// How much input the start-of-file checks and the delimiter sniffing may look at.
constexpr size_t k_sniff_limit = size_t{1} << 20;
// How many records the delimiter sniffing looks at for one with a candidate.
constexpr int k_sniff_records = 20;

constexpr uint64_t k_ones = 0x0101010101010101ULL;
constexpr uint64_t k_highs = 0x8080808080808080ULL;

// High bit set in the bytes of `w` that are zero (exact for the lowest one,
// which is all the scan needs).
inline uint64_t zero_bytes(uint64_t w) { return (w - k_ones) & ~w & k_highs; }

// First byte in [p, end) equal to one of a, b, c (or end), eight bytes at a
// time, then through `stop` for the last few bytes. Little-endian: the lowest
// byte of a word is the first in memory.
inline const char* find_stop(const char* p, const char* end, uint64_t a, uint64_t b, uint64_t c, const uint8_t* stop) {
  while (std::endian::native == std::endian::little && end - p >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    uint64_t hits = zero_bytes(w ^ a) | zero_bytes(w ^ b) | zero_bytes(w ^ c);
    if (hits) return p + (__builtin_ctzll(hits) >> 3);
    p += 8;
  }
  while (p < end && !stop[static_cast<unsigned char>(*p)]) ++p;
  return p;
}

bool is_blank_text(const char* p, const char* end) {
  for (; p < end; ++p)
    if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n') return false;
  return true;
}

bool starts_with(const char* p, const char* end, std::string_view prefix) {
  return static_cast<size_t>(end - p) >= prefix.size() && std::memcmp(p, prefix.data(), prefix.size()) == 0;
}

}  // namespace

CsvReader::CsvReader(std::unique_ptr<std::istream> in, uint64_t total_bytes, size_t chunk_size, bool stream)
    : m_in(std::move(in)), m_total_bytes(total_bytes), m_chunk_size(std::max<size_t>(chunk_size, 1)), m_stream(stream) {
  check_start();
  detect_delimiter();
  set_stop_tables();
}

CsvReader::CsvReader(std::unique_ptr<std::istream> in, uint64_t total_bytes, const CsvSplit& split, char delimiter,
                     size_t chunk_size)
    : m_in(std::move(in)), m_total_bytes(total_bytes), m_chunk_size(std::max<size_t>(chunk_size, 1)), m_stream(false),
      m_delimiter(delimiter), m_row(split.rows), m_line(split.lines + 1), m_start_offset(split.offset) {
  set_stop_tables();
}

void CsvReader::set_stop_tables() {
  m_field_stop[static_cast<unsigned char>(m_delimiter)] = k_stop_delimiter;
  m_field_stop['\n'] = k_stop_lf;
  m_field_stop['\r'] = k_stop_cr;
  m_quoted_stop['"'] = k_stop_delimiter;
  m_quoted_stop['\n'] = k_stop_lf;
  m_quoted_stop['\r'] = k_stop_cr;
}

std::unique_ptr<CsvReader> CsvReader::open_file(const std::string& path) {
  if (path == "-" && ::isatty(STDIN_FILENO) == 1)
    throw UsageError("standard input is a terminal: pipe the data in (cat export.csv | ctreport 2024 -) or give its path");
  if (path == "-") {
    struct stat st {};  // a file redirected into standard input (< x.csv) has a size
    uint64_t total = ::fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode) ? static_cast<uint64_t>(st.st_size) : 0;
    return std::make_unique<CsvReader>(std::make_unique<std::istream>(std::cin.rdbuf()), total, k_default_chunk_size, true);
  }
  errno = 0;
  auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*in) {
    int err = errno;
    throw UsageError(fmt::format("cannot open '{}': {}", path, err ? std::strerror(err) : "cannot be read"));
  }
  // A regular file's size is known; a pipe's, a FIFO's or a device's is not, and it cannot seek.
  struct stat st {};
  bool regular = ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
  uint64_t total = regular ? static_cast<uint64_t>(st.st_size) : 0;
  auto reader = std::make_unique<CsvReader>(std::move(in), total, k_default_chunk_size, !regular);
  if (regular && total > 0) reader->m_path = path;
  return reader;
}

std::unique_ptr<CsvReader> CsvReader::open_part(const std::string& path, const CsvSplit& split, char delimiter,
                                                uint64_t expected_end) {
  errno = 0;
  auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (*in) in->seekg(static_cast<std::streamoff>(split.offset));
  if (!*in) {
    int err = errno;
    throw UsageError(fmt::format("cannot open '{}': {}", path, err ? std::strerror(err) : "cannot be read"));
  }
  struct stat st {};
  uint64_t size = ::stat(path.c_str(), &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
  if (expected_end > split.offset && expected_end < size) size = expected_end;
  uint64_t total = size > split.offset ? size - split.offset : 0;
  return std::make_unique<CsvReader>(std::move(in), total, split, delimiter);
}

bool CsvReader::at_cut() {
  const uint64_t cut = m_stop->offset.load(std::memory_order_acquire);
  if (cut == UINT64_MAX) return false;
  const uint64_t here = position();
  if (here < cut) return false;
  if (here == cut && m_row == m_stop->rows && m_line == m_stop->lines + 1) {
    m_stopped = true;
    return true;
  }
  m_stop->abandoned.store(true, std::memory_order_relaxed);
  m_stop = nullptr;
  return false;
}

void CsvReader::end_with(const CsvReader& part) {
  m_transcoded |= part.m_transcoded;
  m_row = part.m_row;
  m_line = part.m_line;
  m_bytes_read = m_total_bytes;
  m_pos = m_end = 0;
  m_eof = true;
  resume();
}

std::unique_ptr<CsvReader> CsvReader::from_string(std::string content, size_t chunk_size) {
  uint64_t total = content.size();
  return std::make_unique<CsvReader>(std::make_unique<std::istringstream>(std::move(content)), total, chunk_size);
}

// Moves the unread bytes to the front of the buffer and appends at least one
// chunk, or as many bytes as are already buffered (so that a record re-parsed
// after each fill costs amortised linear time), or sets m_eof.
void CsvReader::fill() {
  if (m_eof) return;
  if (m_pos > 0) {
    std::memmove(m_buf.data(), m_buf.data() + m_pos, m_end - m_pos);
    m_end -= m_pos;
    m_pos = 0;
  }
  size_t want = std::max(m_chunk_size, m_end);
  if (m_buf.size() < m_end + want) m_buf.resize(std::max(m_end + want, m_buf.size() * 2));
  errno = 0;
  m_in->read(m_buf.data() + m_end, static_cast<std::streamsize>(want));
  auto got = static_cast<size_t>(m_in->gcount());
  if (m_in->bad()) {
    int err = errno;
    throw UsageError(fmt::format("read error: {}", err ? std::strerror(err) : "unknown error"));
  }
  m_end += got;
  m_bytes_read += got;
  if (got < want) m_eof = true;
}

void CsvReader::check_start() {
  while (m_end - m_pos < 4 && !m_eof) fill();
  const char* p = m_buf.data() + m_pos;
  const char* end = m_buf.data() + m_end;
  if (p == end) throw UsageError("the file is empty");
  if (starts_with(p, end, std::string_view("PK\x03\x04", 4))) {
    if (m_stream)
      throw UsageError("this is a zip/XLSX file, which cannot be read from a pipe or standard input (a workbook is "
                       "not read front to back): save it as a file and give its path");
    throw UsageError("this is a zip/XLSX file, not CSV");
  }
  if (starts_with(p, end, "\xFF\xFE") || starts_with(p, end, "\xFE\xFF"))
    throw UsageError("this is a UTF-16 text file, not CSV; export it as CSV (UTF-8 or Windows-1252)");
  if (std::memchr(p, '\0', end - p)) throw UsageError("not a text file (it contains NUL bytes)");
  if (starts_with(p, end, "\xEF\xBB\xBF")) m_pos += 3;
  // Nothing but whitespace (looked at up to k_sniff_limit bytes): empty.
  for (;;) {
    if (!is_blank_text(m_buf.data() + m_pos, m_buf.data() + m_end)) return;
    if (m_eof) throw UsageError("the file is empty");
    if (m_end - m_pos >= k_sniff_limit) return;
    fill();
  }
}

// The first record (of the first k_sniff_records) with any ';', ',' or tab
// outside quotes decides: the most frequent wins, a tie gives ';'.
void CsvReader::detect_delimiter() {
  for (;;) {
    const char* p = m_buf.data() + m_pos;
    const char* end = m_buf.data() + m_end;
    size_t counts[3] = {0, 0, 0};  // ';' ',' '\t'
    bool truncated = false;
    for (int record = 0; record < k_sniff_records && p < end; ++record) {
      counts[0] = counts[1] = counts[2] = 0;
      bool in_quotes = false;
      bool field_start = true;
      bool complete = false;
      for (; p < end; ++p) {
        char c = *p;
        if (in_quotes) {
          if (c == '"') {
            if (p + 1 < end && p[1] == '"') ++p;
            else in_quotes = false;
          }
          continue;
        }
        if (c == '"' && field_start) { in_quotes = true; continue; }
        field_start = false;
        if (c == ';') { ++counts[0]; field_start = true; }
        else if (c == ',') { ++counts[1]; field_start = true; }
        else if (c == '\t') { ++counts[2]; field_start = true; }
        else if (c == '\n' || c == '\r') {
          ++p;
          if (c == '\r' && p < end && *p == '\n') ++p;
          complete = true;
          break;
        }
      }
      if (!complete && !m_eof) { truncated = true; break; }
      if (counts[0] + counts[1] + counts[2] > 0) break;
    }
    if (truncated && m_end - m_pos < k_sniff_limit) {
      fill();
      continue;
    }
    size_t best = std::max({counts[0], counts[1], counts[2]});
    int winners = (counts[0] == best) + (counts[1] == best) + (counts[2] == best);
    if (best == 0 || winners > 1 || counts[0] == best) m_delimiter = ';';
    else m_delimiter = counts[1] == best ? ',' : '\t';
    return;
  }
}

// Parses the record at m_pos into m_spans (and m_arena). Returns need_more
// when the buffer ends before the record does and more input may follow; the
// caller fills and calls again (the record is parsed again from its start).
CsvReader::Parse CsvReader::parse_record() {
  m_span_count = 0;
  m_arena.clear();
  const char* const base = m_buf.data() + m_pos;
  const char* const end = m_buf.data() + m_end;
  const char* p = base;
  const uint8_t* field_stop = m_field_stop.data();
  const uint8_t* quoted_stop = m_quoted_stop.data();
  const uint64_t delimiter_bytes = k_ones * static_cast<unsigned char>(m_delimiter);
  const uint64_t quote_bytes = k_ones * '"';
  const uint64_t lf_bytes = k_ones * '\n';
  const uint64_t cr_bytes = k_ones * '\r';
  uint64_t lines = 0;
  for (;;) {
    if (p < end && *p == '"') {
      // Quoted field: content is copied to the arena only if it holds ""
      // escapes or characters follow the closing quote.
      ++p;
      const char* segment = p;
      bool in_arena = false;
      size_t arena_begin = 0;
      for (;;) {
        p = find_stop(p, end, quote_bytes, lf_bytes, cr_bytes, quoted_stop);
        if (p == end) {
          if (!m_eof) return Parse::need_more;
          throw DataError(fmt::format("row {} (line {}): quoted field never closed", m_row + 1, m_line));
        }
        char c = *p;
        if (c == '"') {
          if (p + 1 == end && !m_eof) return Parse::need_more;
          if (p + 1 < end && p[1] == '"') {
            if (!in_arena) { in_arena = true; arena_begin = m_arena.size(); }
            m_arena.append(segment, p + 1 - segment);
            p += 2;
            segment = p;
            continue;
          }
          break;  // closing quote
        }
        if (c == '\r') {
          if (p + 1 == end && !m_eof) return Parse::need_more;
          if (p + 1 == end || p[1] != '\n') ++lines;
        } else {
          ++lines;
        }
        ++p;
      }
      const char* content_end = p++;
      const char* tail = p;  // stray characters after the closing quote, kept
      while (p < end && !field_stop[static_cast<unsigned char>(*p)]) ++p;
      if (p == end && !m_eof) return Parse::need_more;
      if (tail != p && !in_arena) { in_arena = true; arena_begin = m_arena.size(); }
      if (in_arena) {
        m_arena.append(segment, content_end - segment);
        m_arena.append(tail, p - tail);
        add_span(arena_begin, m_arena.size() - arena_begin, true);
      } else {
        add_span(static_cast<size_t>(segment - base), static_cast<size_t>(content_end - segment), false);
      }
    } else {
      const char* start = p;
      p = find_stop(p, end, delimiter_bytes, lf_bytes, cr_bytes, field_stop);
      if (p == end && !m_eof) return Parse::need_more;
      add_span(static_cast<size_t>(start - base), static_cast<size_t>(p - start), false);
    }
    // p is at the delimiter, a line end, or the end of the input.
    if (p == end) break;
    char c = *p++;
    if (c == m_delimiter) continue;
    if (c == '\r') {
      if (p == end && !m_eof) return Parse::need_more;
      if (p < end && *p == '\n') ++p;
    }
    ++lines;
    break;
  }
  m_record_size = static_cast<size_t>(p - base);
  m_record_lines = lines;
  return Parse::complete;
}

// Fields that are neither ASCII nor valid UTF-8 are read as Windows-1252.
// Fields are cut at ASCII bytes, so a record that is valid UTF-8 as a whole
// has only valid fields: one check per record in the usual case.
void CsvReader::decode_fields(const char* base) {
  if (util::is_valid_utf8(std::string_view(base, m_record_size))) return;
  for (size_t i = 0; i < m_span_count; ++i) {
    Span& span = m_spans[i];
    std::string_view text = text_of(span, base);
    if (util::is_valid_utf8(text)) continue;
    if (span.in_arena) {
      // Reserve first so that `text` stays valid while appending.
      m_arena.reserve(m_arena.size() + 3 * span.size);
      text = text_of(span, base);
    }
    size_t begin = m_arena.size();
    util::append_cp1252_as_utf8(text, m_arena);
    span = {begin, m_arena.size() - begin, true};
    m_transcoded = true;
  }
}

bool CsvReader::next_row(Row& row) {
  for (;;) {
    if (m_stop && at_cut()) return false;
    if (m_pos == m_end) {
      if (m_eof) {
        row.cells.clear();
        return false;
      }
      fill();
      continue;
    }
    if (parse_record() == Parse::need_more) {
      // The record is re-parsed after each fill: past the cap, no more input is buffered.
      if (m_end - m_pos > k_max_record_bytes) record_too_long();
      fill();
      continue;
    }
    if (m_record_size > k_max_record_bytes) record_too_long();
    ++m_row;
    uint64_t line = m_line;
    m_line += m_record_lines;
    const char* base = m_buf.data() + m_pos;
    decode_fields(base);
    m_pos += m_record_size;

    size_t fields = m_span_count;
    while (m_span_count > 0 && m_spans[m_span_count - 1].size == 0) --m_span_count;
    bool blank = true;
    for (size_t i = 0; i < m_span_count; ++i) {
      if (!util::trim(text_of(m_spans[i], base)).empty()) {
        blank = false;
        break;
      }
    }
    if (blank) continue;

    row.row = m_row;
    row.line = line;
    row.fields = static_cast<uint32_t>(fields);
    row.cells.resize(m_span_count);
    for (size_t i = 0; i < m_span_count; ++i) {
      Cell& cell = row.cells[i];
      cell.text = text_of(m_spans[i], base);
      cell.type = cell.text.empty() ? CellType::empty : CellType::text;
      cell.number = 0;
      cell.day = 0;
    }
    return true;
  }
}

void CsvReader::too_many_fields() const {
  throw DataError(fmt::format("row {} (line {}): the row has more than {} fields, the most a row may have (a "
                              "sheet's columns A to XFD); is the delimiter right?",
                              m_row + 1, m_line, k_max_fields));
}

void CsvReader::record_too_long() const {
  throw DataError(fmt::format("row {} (line {}): the row is longer than {} bytes (1 MiB), the most a row may "
                              "hold; is this a CSV export of stays?",
                              m_row + 1, m_line, k_max_record_bytes));
}

std::string CsvReader::cell_position(const Row& row, size_t column) const {
  return fmt::format("row {}, column {}", row.row, column_letters(column));
}

double CsvReader::progress() const {
  if (m_total_bytes == 0) return -1;
  double consumed = static_cast<double>(m_bytes_read - (m_end - m_pos));
  return std::min(1.0, consumed / static_cast<double>(m_total_bytes));
}

std::string CsvReader::encoding() const { return m_transcoded ? "Windows-1252" : "UTF-8"; }

std::string CsvReader::description() const {
  std::string delimiter = m_delimiter == '\t' ? "tab" : fmt::format("'{}'", m_delimiter);
  return fmt::format("CSV {} {}", delimiter, encoding());
}

}  // namespace ctreport::input
