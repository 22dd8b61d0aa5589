// Independent tasks 0..n-1 run on a few threads, the calling one included,
// each task writing only its own results: the outcome does not depend on the
// number of threads. The first exception a task throws is rethrown once every
// thread has stopped.
#pragma once
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>

namespace ctreport::util {

// Runs task(i) for every i in [0, n) on min(threads, n) threads (1: all on
// the calling thread, in order). `on_done`, when given, is called on the
// calling thread with the number of tasks finished so far, now and then.
void parallel_for(size_t n, unsigned threads, const std::function<void(size_t)>& task,
                  const std::function<void(size_t)>& on_done = {});

}  // namespace ctreport::util
