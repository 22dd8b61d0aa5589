// A folder lock between processes: flock(2) on a removable lock file.
#include "util/folder_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

#include <fmt/format.h>

#include "util/errors.hpp"

namespace ctreport::util {

namespace {
constexpr std::chrono::milliseconds k_poll{25};

// Locking is not available on this filesystem (some network mounts).
bool no_locks_here(int err) { return err == ENOLCK || err == EOPNOTSUPP || err == ENOSYS || err == EINVAL; }
}  // namespace

FolderLock::Result FolderLock::acquire(const std::filesystem::path& folder, std::chrono::steady_clock::time_point deadline,
                                       const std::function<void()>& on_waiting) {
  release();
  const std::filesystem::path path = folder / k_file_name;
  for (;;) {
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
      if (errno == ENOENT) return Result::folder_missing;
      throw UsageError(fmt::format("cannot lock the output folder: cannot create '{}': {}", path.string(),
                                   std::strerror(errno)));
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      int err = errno;
      if (err == EWOULDBLOCK || err == EINTR) {
        ::close(fd);
        if (std::chrono::steady_clock::now() >= deadline) return Result::busy;
        if (on_waiting) on_waiting();
        std::this_thread::sleep_for(k_poll);
        continue;
      }
      if (!no_locks_here(err)) {
        ::close(fd);
        throw UsageError(fmt::format("cannot lock the output folder: '{}': {}", path.string(), std::strerror(err)));
      }
    }
    // The previous holder may have removed the file between our open and our
    // lock: the lock counts only if the name still holds the inode locked.
    struct stat held {}, named {};
    if (::fstat(fd, &held) == 0 && ::lstat(path.c_str(), &named) == 0 && held.st_dev == named.st_dev &&
        held.st_ino == named.st_ino) {
      m_fd = fd;
      m_path = path;
      return Result::locked;
    }
    ::close(fd);
  }
}

void FolderLock::release() {
  if (m_fd < 0) return;
  ::unlink(m_path.c_str());  // while still locked: a waiter then sees the name gone and starts again
  ::close(m_fd);
  m_fd = -1;
  m_path.clear();
}

}  // namespace ctreport::util
