// util::parallel_for: every task runs once whatever the threads, results land
// in their own slots, the first exception comes back after every thread stops.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <stdexcept>
#include <vector>

#include "util/parallel_for.hpp"

using ctreport::util::parallel_for;

TEST_CASE("parallel_for runs each task once, with any number of threads") {
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    for (size_t n : {size_t{0}, size_t{1}, size_t{2}, size_t{7}, size_t{100}}) {
      std::vector<int> runs(n, 0);
      std::vector<size_t> squares(n, 0);
      size_t last_done = 0;
      parallel_for(n, threads, [&](size_t i) {
        ++runs[i];
        squares[i] = i * i;
      }, [&](size_t done) { last_done = done; });
      for (size_t i = 0; i < n; ++i) {
        CHECK(runs[i] == 1);
        CHECK(squares[i] == i * i);
      }
      CHECK(last_done == n);
    }
  }
}

TEST_CASE("parallel_for on one thread runs the tasks in order on the calling thread") {
  std::vector<size_t> order;
  parallel_for(5, 1, [&](size_t i) { order.push_back(i); });
  CHECK(order == std::vector<size_t>{0, 1, 2, 3, 4});
}

TEST_CASE("parallel_for rethrows a task's exception after the other threads stop") {
  for (unsigned threads : {1u, 2u}) {
    std::atomic<int> ran{0};
    auto run = [&] {
      parallel_for(50, threads, [&](size_t i) {
        ++ran;
        if (i == 3) throw std::runtime_error("task 3 failed");
        // Tasks that take a while: the other thread cannot run them all before the failure is seen.
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
      });
    };
    CHECK_THROWS_WITH_AS(run(), "task 3 failed", std::runtime_error);
    CHECK(ran.load() >= 4);   // the tasks before it ran
    CHECK(ran.load() < 50);   // and the rest were not started once it failed
  }
}
