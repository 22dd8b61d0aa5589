// Where a CSV file can be cut in parts, so that readers on several cores
// each take some: the first line feed outside quotes at or after given
// bytes, with the records and lines before each (the part's first row and
// line numbers). Quotes are counted by parity, which is exact for RFC 4180 text;
// on anything else (a stray quote inside an unquoted field) the reader of the part
// before finds out, as it does not land on the cut with the same counts, and
// reads on to the end (input/parted_read).
#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ctreport::input {

struct CsvSplit {
  uint64_t offset = 0;  // byte where the second part's first record starts
  uint64_t rows = 0;    // records before it, the header and blank ones included
  uint64_t lines = 0;   // line breaks before it: the second part starts on line lines + 1
};

// Feeds CSV text block by block, counting records and lines, and finds a
// cut at or after each target byte (after the cut before it).
class CsvSplitScanner {
 public:
  // `targets`: increasing bytes; `on_cut`: called with each cut, in order.
  CsvSplitScanner(std::vector<uint64_t> targets, std::function<void(const CsvSplit&)> on_cut)
      : m_targets(std::move(targets)), m_on_cut(std::move(on_cut)) {}

  // Reads the next `size` bytes of the text. Returns true once every target
  // has its cut; the bytes after the last cut are not looked at.
  bool feed(const char* data, size_t size);

 private:
  bool block(const char* p, size_t size);

  std::vector<uint64_t> m_targets;
  std::function<void(const CsvSplit&)> m_on_cut;
  size_t m_next = 0;               // the target looked for
  uint64_t m_offset = 0;           // bytes fed so far
  uint64_t m_quote_carry = 0;      // all ones when the text so far ends inside quotes
  bool m_pending_cr = false;       // the last byte fed is a carriage return (a line break unless a line feed follows)
  bool m_pending_cr_outside = false;
  CsvSplit m_counts;               // records and lines so far
};

// The cut as the thread that finds it publishes it to the first reader,
// which stops there (CsvReader::stop_at) or, when it is already past it or
// its counts differ, reads on alone and abandons the second part.
struct CsvCut {
  std::atomic<uint64_t> offset{UINT64_MAX};  // stored last (release): rows and lines are then set
  uint64_t rows = 0;
  uint64_t lines = 0;
  std::atomic<bool> abandoned{false};  // the second part is not wanted: its reading stops

  void publish(const CsvSplit& split) {
    rows = split.rows;
    lines = split.lines;
    offset.store(split.offset, std::memory_order_release);
  }
};

// Scans `path` from its first byte to the cut after its last target (see
// CsvSplitScanner), reading it in windows of its own (any thread), and
// returns how many cuts it found: fewer when the file ends first, cannot be
// read, or `cancelled` is set.
size_t find_csv_cuts(const std::string& path, std::vector<uint64_t> targets,
                     const std::function<void(const CsvSplit&)>& on_cut, const std::atomic<bool>& cancelled);

}  // namespace ctreport::input
