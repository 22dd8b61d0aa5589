// Terminal progress line.
#include "cli/progress.hpp"

#include <cstdio>
#include <unistd.h>

namespace ctreport::cli {

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

Progress::Progress(std::string what, bool enabled)
    : m_what(std::move(what)), m_enabled(enabled), m_start(std::chrono::steady_clock::now()), m_last(m_start) {}

Progress::~Progress() { done(); }

void Progress::update(double fraction) {
  if (!m_enabled) return;
  auto now = std::chrono::steady_clock::now();
  // Only for work that lasts: nothing in the first 300 ms, then 10 updates a second.
  if (now - m_start < std::chrono::milliseconds(300) || (m_shown && now - m_last < std::chrono::milliseconds(100))) return;
  m_last = now;
  m_shown = true;
  if (fraction < 0) std::fprintf(stderr, "\r%s…", m_what.c_str());  // a pipe: how much is left is not known
  else std::fprintf(stderr, "\r%s %3d %%", m_what.c_str(), static_cast<int>(fraction * 100 + 0.5));
  std::fflush(stderr);
}

void Progress::done() {
  if (!m_shown) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  m_shown = false;
}

}  // namespace ctreport::cli
