// Progress display for long work: a single self-rewriting line on stderr when
// stderr is a terminal (and not --quiet), nothing otherwise.
#pragma once
#include <chrono>
#include <string>

namespace ctreport::cli {

class Progress {
 public:
  Progress(std::string what, bool enabled);
  ~Progress();
  void update(double fraction);  // 0..1, negative when not known (no percentage shown); throttled
  void done();

 private:
  std::string m_what;
  bool m_enabled;
  bool m_shown = false;
  std::chrono::steady_clock::time_point m_start, m_last;
};

bool stderr_is_terminal();

}  // namespace ctreport::cli
