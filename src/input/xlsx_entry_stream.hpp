// The bytes of one zip entry of a workbook, checked against zip bombs as they
// are inflated, and (with two threads) inflated ahead on a second thread into
// a small bounded queue of buffers while the caller parses what came before.
// Either way the caller gets the same bytes, and the same exception at the
// same point: after every byte inflated before the failure. A deflated entry
// is inflated with ISA-L (igzip, about three times zlib's speed) where the
// build has it, from the raw bytes libzip hands out, its CRC-32 checked at
// the end as libzip checks it; other entries go through libzip.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

struct zip;
struct zip_file;
struct zip_stat;

namespace ctreport::input {

// The bytes inflated from one zip entry, checked as they come: the sizes in
// the central directory are the packager's word and may lie (0, or a few
// bytes for gigabytes). An absolute cap, the declared size when there is one,
// and past 16 MB the ratio to the compressed size hold whatever is declared.
// Throws UsageError naming `what` ("the sheet 'Séjours'").
class InflateGuard {
 public:
  InflateGuard(std::string what, const struct zip_stat& st, uint64_t limit);
  void add(uint64_t n);
  uint64_t read() const { return m_read; }
  uint64_t expected() const { return m_declared.value_or(0); }

 private:
  void check_ratio(uint64_t size) const;

  std::string m_what;
  uint64_t m_limit;
  std::optional<uint64_t> m_declared, m_compressed;  // as the central directory gives them, when it does
  uint64_t m_read = 0;
};

class ZipEntryStream {
 public:
  // Opens entry `name` of `archive` (under `zip_mutex`, held by the caller,
  // which guards every use of the archive; the stream closes the entry under
  // it): raw, inflated by ISA-L, when the entry is deflated, not encrypted,
  // and the build has ISA-L; else inflated by libzip. `damaged` is the
  // message thrown when the entry cannot be inflated; UsageError(`cannot`)
  // when it cannot be opened. threads <= 1: everything on the calling
  // thread; 2 or more: a producer thread inflates ahead, unless the entry
  // declares at most k_thread_from bytes.
  static std::unique_ptr<ZipEntryStream> open(struct zip* archive, const std::string& name, InflateGuard guard,
                                              std::string damaged, const std::string& cannot, std::mutex& zip_mutex,
                                              unsigned threads);
  ~ZipEntryStream();  // stops the producer, whatever it was doing, and joins it
  ZipEntryStream(const ZipEntryStream&) = delete;
  ZipEntryStream& operator=(const ZipEntryStream&) = delete;

  // Copies up to n bytes to dst; returns 0 at the end of the entry. Throws
  // what inflating threw (UsageError) once the bytes before it are read.
  size_t read(char* dst, size_t n);

  uint64_t consumed() const { return m_consumed; }  // bytes handed out by read()
  uint64_t expected() const { return m_expected; }  // the size the zip declares, 0 if none

  // zip_fread's piece: a failure is reported after the pieces before it, in
  // both modes. The queue holds k_buffers of k_buffer_bytes.
  static constexpr size_t k_piece_bytes = size_t{1} << 16;
  static constexpr size_t k_buffer_bytes = size_t{1} << 19;
  static constexpr size_t k_buffers = 3;
  static constexpr uint64_t k_thread_from = uint64_t{1} << 20;

 private:
  struct RawInflate;  // ISA-L's state and the compressed bytes read ahead
  ZipEntryStream(zip_file* file, std::unique_ptr<RawInflate> raw, InflateGuard guard, std::string damaged,
                 std::mutex& zip_mutex, unsigned threads);
  size_t read_piece(char* dst, size_t n);  // one zip_fread (or one inflate), checked; throws
  size_t inflate_piece(char* dst, size_t n);
  void produce();                          // the producer thread's loop
  bool fill(std::vector<char>& bytes, size_t& size);  // false at the end of the entry

  zip_file* m_file;
  std::unique_ptr<RawInflate> m_raw;
  InflateGuard m_guard;
  std::string m_damaged;
  std::mutex& m_zip_mutex;
  uint64_t m_consumed = 0, m_expected = 0;

  // Producer and consumer: m_filled buffers from m_head on are ready to read.
  struct Slot {
    std::vector<char> bytes;
    size_t size = 0;
  };
  std::vector<Slot> m_slots;
  size_t m_head = 0, m_filled = 0, m_pos = 0;  // m_pos: consumer's offset in m_slots[m_head]
  bool m_finished = false, m_stop = false;
  std::exception_ptr m_error;
  std::mutex m_mutex;
  std::condition_variable m_ready, m_free;
  std::thread m_producer;
};

}  // namespace ctreport::input
