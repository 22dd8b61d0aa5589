// Reading a CSV file in parts on several threads, with the result of one
// thread's reading: the file is cut at record boundaries (input/csv_split),
// each part is read by a builder of its own, and the first builder absorbs
// the others in file order. The first thread reads the header and the first
// part, then takes parts as the other threads do; a worker finds the cuts
// first.
//
// Parts are absorbed by whichever thread finishes the next one in order.
// Each part checks the next part's start: its reader must land on the cut
// with the cut's row and line. When it does not (quotes the cut's parity
// count misread), it reads on to the end of the file and the later parts
// are dropped. A part that fails (an error in its rows) is read again on the
// first thread, after the parts before it, so that the error it throws is
// the one a single thread meets first.
//
// The builder offers read_header(result), read_rows(result, on_progress,
// abandoned), absorb(part, result, part_result) and finish(result), and
// take_caches() and use_caches(caches): what a builder learnt of values,
// handed to the next part's builder on the same thread.
#pragma once
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "input/csv_reader.hpp"
#include "input/csv_split.hpp"
#include "input/stay_reader.hpp"

namespace ctreport::input {

// How many parts a file of `bytes` is cut into: parts of about `part_bytes`,
// at least two, at most 64.
inline size_t part_count(uint64_t bytes, uint64_t part_bytes) {
  const uint64_t parts = part_bytes == 0 ? 64 : (bytes + part_bytes - 1) / part_bytes;
  return static_cast<size_t>(std::clamp<uint64_t>(parts, 2, 64));
}

template <typename Builder>
class PartedRead {
 public:
  // `make_part(reader, options)`: a builder of a later part, reading with
  // `first`'s header.
  using MakePart = std::function<std::unique_ptr<Builder>(CsvReader&, const ReadOptions&)>;

  PartedRead(Builder& first, CsvReader& csv, MakePart make_part, const ReadOptions& options)
      : m_first(first), m_csv(csv), m_make_part(std::move(make_part)), m_options(options), m_path(csv.path()),
        m_total(csv.total_bytes()), m_parts(part_count(m_total, options.part_bytes)) {}

  ReadResult run() {
    ReadResult result;
    m_first.read_header(result);
    const size_t workers = std::max<unsigned>(m_options.threads, 2) - 1;
    for (size_t w = 0; w < workers; ++w) m_threads.emplace_back([this, w] { work(w == 0); });
    m_csv.stop_at(&m_parts[1].start);
    try {
      m_first.read_rows(result, progress_function());
      m_caches = m_first.take_caches();
      if (m_csv.stopped_at_cut()) m_first_part_bytes = m_parts[1].start.offset.load();
      if (m_csv.stopped_at_cut()) absorb_all(result);
    } catch (...) {
      stop_all();
      throw;
    }
    stop_all();
    if (m_options.on_progress) m_options.on_progress(1.0);
    return m_first.finish(std::move(result));
  }

  ~PartedRead() { stop_all(); }

 private:
  enum State : int { waiting, reading, read, failed, skipped };

  struct Part {
    CsvCut start;  // the cut it starts at (part 0: unused)
    std::atomic<int> state{waiting};
    std::atomic<uint64_t> bytes{0};  // its size, once known, for progress
    std::atomic<double> fraction{0};
    std::unique_ptr<CsvReader> reader;
    ReadOptions options;
    std::unique_ptr<Builder> builder;
    ReadResult result;
    bool to_end = false;  // read past the next cut, to the end of the file
  };

  // A worker: the first finds the cuts, then every worker reads parts.
  void work(bool find_cuts) {
    if (find_cuts) {
      std::vector<uint64_t> targets;
      for (size_t p = 1; p < m_parts.size(); ++p) targets.push_back(m_total * p / m_parts.size());
      size_t next = 1;
      find_csv_cuts(m_path, std::move(targets), [&](const CsvSplit& cut) {
        m_parts[next++].start.publish(cut);
        notify();
      }, m_stopping);
      {
        std::lock_guard lock(m_mutex);
        m_cuts_done = true;
      }
      m_changed.notify_all();
    }
    typename Builder::Caches caches;
    while (!m_stopping.load() && read_next_part(caches)) {
    }
  }

  // Claims the next part not claimed and reads it; false when none is left.
  // `caches`: the thread's, from one part's builder to the next.
  bool read_next_part(typename Builder::Caches& caches) {
    const size_t p = m_next.fetch_add(1);
    if (p >= m_parts.size()) return false;
    Part& part = m_parts[p];
    {
      std::unique_lock lock(m_mutex);
      m_changed.wait(lock, [&] { return m_cuts_done || part.start.offset.load() != UINT64_MAX || m_stopping.load(); });
    }
    if (part.start.offset.load() == UINT64_MAX) {
      finish_part(part, skipped);  // no such cut: the part before reads to the end
      return true;
    }
    finish_part(part, read_part(p, caches) ? read : failed);
    absorb_ready();
    return true;
  }

  bool read_part(size_t p, typename Builder::Caches& caches) {
    try {
      read_part_rows(p, caches);
      return true;
    } catch (...) {
      return false;
    }
  }

  // Reads part `p` (throws what its rows throw).
  void read_part_rows(size_t p, typename Builder::Caches& caches) {
    Part& part = m_parts[p];
    part.state.store(reading);
    const CsvSplit start{part.start.offset.load(std::memory_order_acquire), part.start.rows, part.start.lines};
    const bool last = p + 1 == m_parts.size();
    const uint64_t next = last ? 0 : m_parts[p + 1].start.offset.load(std::memory_order_acquire);
    part.reader = CsvReader::open_part(m_path, start, m_csv.delimiter(), next == UINT64_MAX ? 0 : next);
    part.bytes.store(part.reader->total_bytes());
    if (!last) part.reader->stop_at(&m_parts[p + 1].start);
    part.options = m_options;  // kept: the builder refers to them
    part.options.on_progress = [&part](double f) { part.fraction.store(f, std::memory_order_relaxed); };
    part.builder = m_make_part(*part.reader, part.options);
    part.builder->use_caches(std::move(caches));
    part.result = {};
    part.builder->read_rows(part.result, part.options.on_progress, &part.start.abandoned);
    caches = part.builder->take_caches();
    part.to_end = !part.reader->stopped_at_cut();
  }

  void finish_part(Part& part, State state) {
    part.state.store(state, std::memory_order_release);
    notify();
  }

  void notify() {
    { std::lock_guard lock(m_mutex); }
    m_changed.notify_all();
  }

  // On the first thread, once its part is read: absorbs the parts in order,
  // reading parts while the next one to absorb is not read; a part that
  // failed is read again here, where its error is thrown.
  void absorb_all(ReadResult& result) {
    {
      std::lock_guard lock(m_absorb_mutex);
      m_result = &result;
    }
    for (;;) {
      absorb_ready();
      size_t next = 0;
      {
        std::lock_guard lock(m_absorb_mutex);
        if (m_error) std::rethrow_exception(m_error);
        if (m_ended || m_absorbed == m_parts.size()) return;
        next = m_absorbed;
        Part& part = m_parts[next];
        if (part.state.load() == failed) {
          read_part_rows(next, m_caches);  // throws the error where a single thread meets it
          part.state.store(read);
          continue;
        }
      }
      if (!read_next_part(m_caches)) wait_for(m_parts[next]);
    }
  }

  // Absorbs the parts read, in order, from the next one not absorbed: on
  // whichever thread finished one, so that a part's memory is freed as soon
  // as the parts before it are in. Stops at a part not read yet, or failed.
  void absorb_ready() {
    std::lock_guard lock(m_absorb_mutex);
    if (!m_result) return;  // the first part is not read yet, or did not stop at its cut
    while (!m_ended && m_absorbed < m_parts.size()) {
      Part& part = m_parts[m_absorbed];
      const int state = part.state.load(std::memory_order_acquire);
      if (state == skipped) m_ended = true;  // the part before read to the end (it cannot have stopped)
      if (state != read) break;
      try {
        m_first.absorb(*part.builder, *m_result, part.result);
      } catch (...) {
        m_error = std::current_exception();
        m_ended = true;
        break;
      }
      m_csv.end_with(*part.reader);
      if (part.to_end) end_here(m_absorbed);
      part.builder.reset();
      part.reader.reset();
      part.result = {};
      ++m_absorbed;
    }
  }

  // Part `p` was read to the end of the file: the later parts are not wanted.
  void end_here(size_t p) {
    m_ended = true;
    m_stopping.store(true);
    for (size_t later = p + 1; later < m_parts.size(); ++later) m_parts[later].start.abandoned.store(true);
  }

  static bool finished(const Part& part) {
    const int s = part.state.load(std::memory_order_acquire);
    return s == read || s == failed || s == skipped;
  }

  void wait_for(Part& part) {
    std::unique_lock lock(m_mutex);
    while (!m_changed.wait_for(lock, std::chrono::milliseconds(100), [&] { return finished(part); }))
      if (m_options.on_progress) m_options.on_progress(progress());
  }

  double progress() const {
    double done = m_first_part_bytes ? static_cast<double>(m_first_part_bytes) : m_csv.progress() * static_cast<double>(m_total);
    for (size_t p = 1; p < m_parts.size(); ++p)
      done += m_parts[p].fraction.load(std::memory_order_relaxed) * static_cast<double>(m_parts[p].bytes.load());
    return std::min(0.99, done / static_cast<double>(m_total));
  }

  std::function<void(double)> progress_function() {
    if (!m_options.on_progress) return {};
    return [this](double) { m_options.on_progress(progress()); };
  }

  void stop_all() {
    m_stopping.store(true);
    for (auto& part : m_parts) part.start.abandoned.store(true);
    notify();
    for (auto& t : m_threads)
      if (t.joinable()) t.join();
    m_threads.clear();
  }

  Builder& m_first;
  CsvReader& m_csv;
  MakePart m_make_part;
  const ReadOptions& m_options;
  std::string m_path;
  uint64_t m_total;
  std::deque<Part> m_parts;  // not moved: their atomics and cuts are shared
  std::mutex m_absorb_mutex;  // held while absorbing into the first builder
  ReadResult* m_result = nullptr;  // the first builder's, once its part stopped at the cut
  size_t m_absorbed = 1;  // the next part to absorb
  bool m_ended = false;   // nothing more to absorb
  std::exception_ptr m_error;  // thrown while absorbing, on any thread
  typename Builder::Caches m_caches;  // this thread's
  uint64_t m_first_part_bytes = 0;  // once the first part is read (this thread's)
  std::atomic<size_t> m_next{1};
  std::atomic<bool> m_stopping{false};
  bool m_cuts_done = false;
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::vector<std::thread> m_threads;
};

}  // namespace ctreport::input
