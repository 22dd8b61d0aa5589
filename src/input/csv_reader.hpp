// Streaming reader of CSV exports: detects the delimiter (';', ',' or tab)
// and the encoding of each field (UTF-8 or Windows-1252), follows RFC 4180
// quoting, and hands out rows whose cells point into its chunk buffer; a
// record past a cap of bytes or fields is refused before it is all read.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "input/csv_split.hpp"
#include "input/table_reader.hpp"

namespace ctreport::input {

class CsvReader : public TableReader {
 public:
  static constexpr size_t k_default_chunk_size = size_t{1} << 20;

  // Caps against hostile or broken files (docs/figures.md, "Limits"), far
  // above any stay export (a few hundred bytes and a few dozen fields a
  // row); they apply to every record, the header row included, and bound
  // the memory and time one record costs: a record past a cap is refused as
  // soon as the reader is past it, without reading the rest of its line.
  static constexpr size_t k_max_record_bytes = size_t{1} << 20;  // line ends and quotes included
  static constexpr size_t k_max_fields = 16384;                   // as a sheet's columns A..XFD

  // Reads `in` front to back in chunks of `chunk_size` bytes (tiny sizes are
  // for tests). `total_bytes` is the input size for progress(), 0 if unknown.
  // `stream`: the input is a pipe (standard input, a FIFO), for messages.
  // Throws UsageError when the input is not CSV text at all (NUL bytes, a
  // zip/XLSX file, UTF-16, nothing but whitespace); messages carry no path.
  CsvReader(std::unique_ptr<std::istream> in, uint64_t total_bytes, size_t chunk_size = k_default_chunk_size,
            bool stream = false);
  // The same for a later part of a cut file: no start checks, the
  // delimiter given, rows and lines numbered from the cut's.
  CsvReader(std::unique_ptr<std::istream> in, uint64_t total_bytes, const CsvSplit& split, char delimiter,
            size_t chunk_size = k_default_chunk_size);

  // `path` "-" is standard input; a pipe, FIFO or character device is read
  // as it comes, front to back (its size is not known). Throws
  // UsageError("cannot open 'x.csv': No such file or directory").
  static std::unique_ptr<CsvReader> open_file(const std::string& path);
  static std::unique_ptr<CsvReader> from_string(std::string content, size_t chunk_size = k_default_chunk_size);

  // Cells are CellType::text (untrimmed) or CellType::empty; trailing empty
  // cells are dropped. Throws DataError("row N (line L): quoted field never
  // closed") when the input ends inside quotes, and DataError("row N (line
  // L): …") for a record past k_max_record_bytes or k_max_fields.
  bool next_row(Row& row) override;
  std::string cell_position(const Row& row, size_t column) const override;  // "row 17, column E"
  double progress() const override;  // negative when the size is not known
  std::string description() const override;  // "CSV ';' UTF-8", "CSV tab Windows-1252"

  char delimiter() const { return m_delimiter; }

  // Reading in parts (input/parted_read): a regular file opened by path can be cut.
  bool can_split() const { return !m_path.empty(); }
  const std::string& path() const { return m_path; }
  uint64_t total_bytes() const { return m_total_bytes; }
  // A later part: `path` from the cut `split`, with the first part's
  // delimiter, rows numbered on from the cut's; read to the end of the file
  // or to a cut it stops at. `expected_end`: where that cut is, if known
  // (else 0), for progress() and the reading's estimates.
  static std::unique_ptr<CsvReader> open_part(const std::string& path, const CsvSplit& split, char delimiter,
                                              uint64_t expected_end = 0);
  // next_row() returns false at `cut` once it is published, if this reader
  // lands on it with the same row and line; otherwise `cut->abandoned` is set
  // and the reader reads on to the end. `cut` must outlive the reading.
  void stop_at(CsvCut* cut) { m_stop = cut; }
  bool stopped_at_cut() const { return m_stopped; }
  // After stopping at the cut: read on (the next part is not used).
  void resume() { m_stop = nullptr; m_stopped = false; }
  // After stopping at the cut: the next part, `part`, was read instead, and
  // where it ended is where this reader's input ends.
  void end_with(const CsvReader& part);
  // "Windows-1252" once any field read so far needed transcoding, else "UTF-8".
  std::string encoding() const;

 private:
  // Where a field's text is: relative to the record start in the chunk
  // buffer, or in the arena.
  struct Span {
    size_t begin;
    size_t size;
    bool in_arena;
  };
  enum class Parse : uint8_t { complete, need_more };

  void fill();
  void set_stop_tables();
  bool at_cut();
  // Byte of the input where the next record starts.
  uint64_t position() const { return m_start_offset + m_bytes_read - (m_end - m_pos); }
  void check_start();
  void detect_delimiter();
  Parse parse_record();
  void decode_fields(const char* base);
  [[noreturn]] void too_many_fields() const;
  [[noreturn]] void record_too_long() const;
  void add_span(size_t begin, size_t size, bool in_arena) {
    if (m_span_count == k_max_fields) too_many_fields();
    if (m_span_count == m_spans.size()) m_spans.resize(m_spans.size() * 2 + 16);
    m_spans[m_span_count++] = {begin, size, in_arena};
  }
  std::string_view text_of(const Span& span, const char* base) const {
    return {(span.in_arena ? m_arena.data() : base) + span.begin, span.size};
  }

  std::unique_ptr<std::istream> m_in;
  uint64_t m_total_bytes;
  size_t m_chunk_size;
  bool m_stream;

  std::vector<char> m_buf;  // unread input is [m_pos, m_end)
  size_t m_pos = 0;
  size_t m_end = 0;
  uint64_t m_bytes_read = 0;
  bool m_eof = false;

  char m_delimiter = ';';
  bool m_transcoded = false;
  std::array<uint8_t, 256> m_field_stop{};   // bytes that end an unquoted field
  std::array<uint8_t, 256> m_quoted_stop{};  // bytes a quoted field must look at

  // The record being parsed (reused across rows).
  std::vector<Span> m_spans;  // the first m_span_count are the record's fields
  size_t m_span_count = 0;
  std::string m_arena;        // unescaped or transcoded fields
  size_t m_record_size = 0;   // bytes of the record, terminator included
  uint64_t m_record_lines = 0;  // line breaks in the record, terminator included

  uint64_t m_row = 0;   // records read so far
  uint64_t m_line = 1;  // line where the next record starts

  std::string m_path;            // a regular file's, else empty (not to be cut)
  uint64_t m_start_offset = 0;   // where in the file this reader started (a second part)
  CsvCut* m_stop = nullptr;
  bool m_stopped = false;
};

}  // namespace ctreport::input
