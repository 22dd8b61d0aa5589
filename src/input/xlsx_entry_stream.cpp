// A zip entry inflated on the calling thread or ahead on a producer thread,
// with the zip-bomb checks of InflateGuard.
#include "input/xlsx_entry_stream.hpp"

#include <zip.h>
#ifdef CTREPORT_HAVE_ISAL
#include <isa-l/igzip_lib.h>
#endif

#include <algorithm>
#include <cstring>
#include <optional>
#include <system_error>

#include <fmt/format.h>

#include "input/xlsx_workbook.hpp"
#include "util/errors.hpp"

namespace ctreport::input {

InflateGuard::InflateGuard(std::string what, const zip_stat_t& st, uint64_t limit) : m_what(std::move(what)), m_limit(limit) {
  if (st.valid & ZIP_STAT_SIZE) m_declared = st.size;
  if (st.valid & ZIP_STAT_COMP_SIZE) m_compressed = st.comp_size;
  if (m_declared && *m_declared > limit)
    throw UsageError(fmt::format("{} would unpack to {} MB: refused (a zip bomb?)", m_what, *m_declared >> 20));
  if (m_declared) check_ratio(*m_declared);
}

void InflateGuard::add(uint64_t n) {
  m_read += n;
  if (m_read > m_limit)
    throw UsageError(fmt::format("{} unpacks to more than {} MB: refused (a zip bomb?)", m_what, m_limit >> 20));
  if (m_declared && m_read > *m_declared)
    throw UsageError(fmt::format("{} unpacks to more than it declares: refused (a zip bomb?)", m_what));
  check_ratio(m_read);
}

void InflateGuard::check_ratio(uint64_t size) const {
  if (m_compressed && size > XlsxWorkbook::k_ratio_from &&
      size / std::max<uint64_t>(*m_compressed, 1) > XlsxWorkbook::k_max_ratio)
    throw UsageError(fmt::format("{} is compressed more than {}:1: refused (a zip bomb?)", m_what, XlsxWorkbook::k_max_ratio));
}

#ifdef CTREPORT_HAVE_ISAL
struct ZipEntryStream::RawInflate {
  inflate_state state;
  std::vector<unsigned char> in = std::vector<unsigned char>(k_piece_bytes);
  std::optional<uint32_t> crc;  // as the central directory gives it
  bool input_ended = false;
};
#else
struct ZipEntryStream::RawInflate {};
#endif

std::unique_ptr<ZipEntryStream> ZipEntryStream::open(zip_t* archive, const std::string& name, InflateGuard guard,
                                                     std::string damaged, const std::string& cannot,
                                                     std::mutex& zip_mutex, unsigned threads) {
  std::unique_ptr<RawInflate> raw;
#ifdef CTREPORT_HAVE_ISAL
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(archive, name.c_str(), 0, &st) == 0 && (st.valid & ZIP_STAT_COMP_METHOD) &&
      st.comp_method == ZIP_CM_DEFLATE && (st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
      st.encryption_method == ZIP_EM_NONE) {
    raw = std::make_unique<RawInflate>();
    isal_inflate_init(&raw->state);
    raw->state.crc_flag = ISAL_GZIP_NO_HDR;  // raw deflate, with the CRC-32 of what it inflates
    if (st.valid & ZIP_STAT_CRC) raw->crc = st.crc;
  }
#endif
  zip_file_t* file = zip_fopen(archive, name.c_str(), raw ? ZIP_FL_COMPRESSED : 0);
  if (!file) throw UsageError(cannot);
  return std::unique_ptr<ZipEntryStream>(
      new ZipEntryStream(file, std::move(raw), std::move(guard), std::move(damaged), zip_mutex, threads));
}

ZipEntryStream::ZipEntryStream(zip_file* file, std::unique_ptr<RawInflate> raw, InflateGuard guard,
                               std::string damaged, std::mutex& zip_mutex, unsigned threads)
    : m_file(file), m_raw(std::move(raw)), m_guard(std::move(guard)), m_damaged(std::move(damaged)),
      m_zip_mutex(zip_mutex) {
  m_expected = m_guard.expected();
  // A small entry is inflated in a few milliseconds: less than a thread costs.
  bool small = m_expected > 0 && m_expected <= k_thread_from;
  if (threads <= 1 || small) return;
  try {
    m_slots.resize(k_buffers);
    for (auto& s : m_slots) s.bytes.resize(k_buffer_bytes);
    m_producer = std::thread([this] { produce(); });
  } catch (const std::system_error&) {
    m_slots.clear();  // no thread to be had: the calling thread inflates
  } catch (...) {
    std::lock_guard lock(m_zip_mutex);
    zip_fclose(m_file);
    throw;
  }
}

ZipEntryStream::~ZipEntryStream() {
  if (m_producer.joinable()) {
    {
      std::lock_guard lock(m_mutex);
      m_stop = true;
    }
    m_free.notify_all();
    m_producer.join();
  }
  std::lock_guard lock(m_zip_mutex);
  zip_fclose(m_file);
}

size_t ZipEntryStream::read_piece(char* dst, size_t n) {
  if (m_raw) {
    size_t got = inflate_piece(dst, std::min(n, k_piece_bytes));
    m_guard.add(got);
    return got;
  }
  zip_int64_t got;
  {
    std::lock_guard lock(m_zip_mutex);
    got = zip_fread(m_file, dst, std::min(n, k_piece_bytes));
  }
  if (got < 0) throw UsageError(m_damaged);
  m_guard.add(static_cast<uint64_t>(got));
  return static_cast<size_t>(got);
}

// Up to n bytes inflated by ISA-L from the compressed bytes; 0 at the end of
// the deflate stream, once its CRC-32 matches the central directory's.
size_t ZipEntryStream::inflate_piece(char* dst, size_t n) {
#ifdef CTREPORT_HAVE_ISAL
  inflate_state& s = m_raw->state;
  if (s.block_state == ISAL_BLOCK_FINISH) return 0;
  s.next_out = reinterpret_cast<uint8_t*>(dst);
  s.avail_out = static_cast<uint32_t>(n);
  while (s.avail_out == n) {
    if (s.avail_in == 0 && !m_raw->input_ended) {
      zip_int64_t got;
      {
        std::lock_guard lock(m_zip_mutex);
        got = zip_fread(m_file, m_raw->in.data(), m_raw->in.size());
      }
      if (got < 0) throw UsageError(m_damaged);
      m_raw->input_ended = got == 0;
      s.next_in = m_raw->in.data();
      s.avail_in = static_cast<uint32_t>(got);
    }
    int status = isal_inflate(&s);
    if (status < 0) throw UsageError(m_damaged);
    if (s.block_state == ISAL_BLOCK_FINISH) {
      if (m_raw->crc && s.crc != *m_raw->crc) throw UsageError(m_damaged);
      break;
    }
    if (m_raw->input_ended && s.avail_in == 0 && s.avail_out == n) throw UsageError(m_damaged);  // cut short
  }
  return n - s.avail_out;
#else
  (void)dst;
  (void)n;
  return 0;
#endif
}

size_t ZipEntryStream::read(char* dst, size_t n) {
  if (n == 0) return 0;
  if (!m_producer.joinable()) {
    size_t got = read_piece(dst, n);
    m_consumed += got;
    return got;
  }
  {
    std::unique_lock lock(m_mutex);
    m_ready.wait(lock, [&] { return m_filled > 0 || m_finished; });
    if (m_filled == 0) {
      if (m_error) std::rethrow_exception(m_error);
      return 0;
    }
  }
  // The slot at m_head is the consumer's until it is handed back below.
  const Slot& slot = m_slots[m_head];
  size_t k = std::min(n, slot.size - m_pos);
  std::memcpy(dst, slot.bytes.data() + m_pos, k);
  m_pos += k;
  m_consumed += k;
  if (m_pos == slot.size) {
    {
      std::lock_guard lock(m_mutex);
      m_head = (m_head + 1) % m_slots.size();
      --m_filled;
      m_pos = 0;
    }
    m_free.notify_one();
  }
  return k;
}

// Fills `bytes` with whole pieces; false at the end of the entry or when the
// reader is being destroyed. A piece that fails is not counted in the slot.
bool ZipEntryStream::fill(std::vector<char>& bytes, size_t& size) {
  size = 0;
  while (size + k_piece_bytes <= bytes.size()) {
    {
      std::lock_guard lock(m_mutex);
      if (m_stop) return false;
    }
    size_t got = read_piece(bytes.data() + size, k_piece_bytes);
    if (got == 0) return false;
    size += got;
  }
  return true;
}

void ZipEntryStream::produce() {
  for (;;) {
    size_t index;
    {
      std::unique_lock lock(m_mutex);
      m_free.wait(lock, [&] { return m_stop || m_filled < m_slots.size(); });
      if (m_stop) return;
      index = (m_head + m_filled) % m_slots.size();
    }
    Slot& slot = m_slots[index];  // the producer's until it is counted in m_filled
    std::exception_ptr error;
    bool more = false;
    try {
      more = fill(slot.bytes, slot.size);
    } catch (...) {
      error = std::current_exception();
    }
    {
      std::lock_guard lock(m_mutex);
      if (slot.size > 0) ++m_filled;
      if (!more) {
        m_finished = true;
        m_error = error;
      }
    }
    m_ready.notify_one();
    if (!more) return;
  }
}

}  // namespace ctreport::input
