// A zip entry inflated on the calling thread or ahead on a producer thread,
// with the zip-bomb checks of InflateGuard.
#include "input/xlsx_entry_stream.hpp"

#include <zip.h>

#include <algorithm>
#include <cstring>
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

ZipEntryStream::ZipEntryStream(zip_file* file, InflateGuard guard, std::string damaged, std::mutex& zip_mutex,
                               unsigned threads)
    : m_file(file), m_guard(std::move(guard)), m_damaged(std::move(damaged)), m_zip_mutex(zip_mutex) {
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
  zip_int64_t got;
  {
    std::lock_guard lock(m_zip_mutex);
    got = zip_fread(m_file, dst, std::min(n, k_piece_bytes));
  }
  if (got < 0) throw UsageError(m_damaged);
  m_guard.add(static_cast<uint64_t>(got));
  return static_cast<size_t>(got);
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
