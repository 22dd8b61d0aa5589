// parallel_for: tasks handed out by an atomic counter; exceptions kept, not lost.
#include "util/parallel_for.hpp"

#include <algorithm>
#include <mutex>
#include <thread>
#include <vector>

namespace ctreport::util {

void parallel_for(size_t n, unsigned threads, const std::function<void(size_t)>& task,
                  const std::function<void(size_t)>& on_done) {
  std::atomic<size_t> next{0}, done{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto work = [&](bool calling_thread) {
    for (size_t i; !failed && (i = next++) < n;) {
      try {
        task(i);
      } catch (...) {
        std::lock_guard lock(error_mutex);
        if (!error) error = std::current_exception();
        failed = true;
      }
      ++done;
      if (calling_thread && on_done) on_done(done);
    }
  };
  const size_t helpers = std::min<size_t>(threads > 0 ? threads - 1 : 0, n > 0 ? n - 1 : 0);
  std::vector<std::thread> pool;
  pool.reserve(helpers);
  for (size_t t = 0; t < helpers; ++t) pool.emplace_back(work, false);
  work(true);
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
  if (on_done) on_done(done);
}

}  // namespace ctreport::util
