// The cut of a CSV file in two: 64 bytes at a time, masks of quotes, line
// feeds and carriage returns, the bytes inside quotes by a prefix XOR of the
// quote mask (as simdjson finds its strings).
#include "input/csv_split.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ctreport::input {

namespace {

struct Masks {
  uint64_t quote = 0, lf = 0, cr = 0;  // bit i: byte i of the block is '"', '\n', '\r'
};

Masks masks_of(const char* p, size_t size) {
  Masks m;
#if defined(__SSE2__)
  if (size == 64) {
    const __m128i quote = _mm_set1_epi8('"'), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    for (int i = 0; i < 4; ++i) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
      auto bits = [&](__m128i c) {
        return static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, c)))) << (16 * i);
      };
      m.quote |= bits(quote);
      m.lf |= bits(lf);
      m.cr |= bits(cr);
    }
    return m;
  }
#endif
  for (size_t i = 0; i < size; ++i) {
    uint64_t bit = uint64_t{1} << i;
    if (p[i] == '"') m.quote |= bit;
    else if (p[i] == '\n') m.lf |= bit;
    else if (p[i] == '\r') m.cr |= bit;
  }
  return m;
}

// Bit i set when an odd number of the bits 0..i of `x` are.
uint64_t prefix_xor(uint64_t x) {
  x ^= x << 1;
  x ^= x << 2;
  x ^= x << 4;
  x ^= x << 8;
  x ^= x << 16;
  x ^= x << 32;
  return x;
}

// Bits set in `x`, without a library call where the target has no popcnt instruction.
inline uint64_t bits_set(uint64_t x) {
#if defined(__POPCNT__)
  return static_cast<uint64_t>(std::popcount(x));
#else
  x = x - ((x >> 1) & 0x5555555555555555ULL);
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return (x * 0x0101010101010101ULL) >> 56;
#endif
}

}  // namespace

bool CsvSplitScanner::feed(const char* data, size_t size) {
  for (size_t at = 0; at < size && m_next < m_targets.size(); at += 64) block(data + at, std::min<size_t>(64, size - at));
  return m_next == m_targets.size();
}

// One block of at most 64 bytes. A record ends at a line feed, or at a
// carriage return not followed by one, outside quotes; a line at either,
// anywhere (as CsvReader counts them). Returns true when the last target's
// cut is in it.
bool CsvSplitScanner::block(const char* p, size_t size) {
  const Masks m = masks_of(p, size);
  if (m_pending_cr) {  // the previous block's last byte
    m_pending_cr = false;
    if (!(m.lf & 1)) {
      ++m_counts.lines;
      if (m_pending_cr_outside) ++m_counts.rows;
    }
  }
  const uint64_t inside = prefix_xor(m.quote) ^ m_quote_carry;
  const uint64_t last = uint64_t{1} << (size - 1);
  uint64_t lone_cr = m.cr & ~(m.lf >> 1);
  if (lone_cr & last) {  // decided by the next block's first byte
    m_pending_cr = true;
    m_pending_cr_outside = !(inside & last);
    lone_cr &= ~last;
  }
  const uint64_t breaks = m.lf | lone_cr;
  const uint64_t ends = breaks & ~inside;
  uint64_t counted = 0;  // bits of the block already counted
  while (m_next < m_targets.size()) {
    uint64_t candidates = m.lf & ~inside & ~counted;
    const uint64_t target = m_targets[m_next];
    if (target > m_offset) {
      const uint64_t skip = target - m_offset;
      candidates = skip >= 64 ? 0 : candidates & (~uint64_t{0} << skip);
    }
    if (!candidates) break;
    const int bit = std::countr_zero(candidates);
    const uint64_t upto = (bit == 63 ? ~uint64_t{0} : (uint64_t{1} << (bit + 1)) - 1) & ~counted;
    m_counts.lines += bits_set(breaks & upto);
    m_counts.rows += bits_set(ends & upto);
    counted |= upto;
    m_counts.offset = m_offset + static_cast<uint64_t>(bit) + 1;
    ++m_next;
    m_on_cut(m_counts);
  }
  if (m_next == m_targets.size()) return true;
  m_counts.lines += bits_set(breaks & ~counted);
  m_counts.rows += bits_set(ends & ~counted);
  m_quote_carry = (inside & last) ? ~uint64_t{0} : 0;
  m_offset += size;
  return false;
}

// The file is mapped a window at a time (no copy; and a window unmapped
// before the next, so that the scan adds little to the process's resident size).
size_t find_csv_cuts(const std::string& path, std::vector<uint64_t> targets,
                     const std::function<void(const CsvSplit&)>& on_cut, const std::atomic<bool>& cancelled) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  struct stat st {};
  const uint64_t size = ::fstat(fd, &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
  constexpr uint64_t k_window = uint64_t{8} << 20;  // a multiple of the page size
  size_t found = 0;
  CsvSplitScanner scanner(std::move(targets), [&](const CsvSplit& cut) {
    ++found;
    on_cut(cut);
  });
  for (uint64_t offset = 0; offset < size && !cancelled.load(std::memory_order_relaxed); offset += k_window) {
    const auto length = static_cast<size_t>(std::min(k_window, size - offset));
    void* window = ::mmap(nullptr, length, PROT_READ, MAP_PRIVATE, fd, static_cast<off_t>(offset));
    if (window == MAP_FAILED) break;
    ::madvise(window, length, MADV_SEQUENTIAL);
    const bool done = scanner.feed(static_cast<const char*>(window), length);
    ::munmap(window, length);
    if (done) break;
  }
  ::close(fd);
  return found;
}

}  // namespace ctreport::input
