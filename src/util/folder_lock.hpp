// An exclusive lock on a folder between processes, so that two runs never
// write the same output folder at once: flock(2) on a lock file inside it.
// The holder removes the lock file before unlocking, so no lock file is left
// behind; a process that locked a file since removed sees it and tries again
// (the lock is on the inode, so it must be the one the name still holds).
// A killed holder's lock ends with it (the kernel drops it); its lock file
// stays and is reused and removed by the next run.
#pragma once
#include <chrono>
#include <filesystem>
#include <functional>

namespace ctreport::util {

class FolderLock {
 public:
  static constexpr const char* k_file_name = ".ctreport.lock";

  enum class Result {
    locked,          // held until release() or destruction
    busy,            // another process still held it at the deadline
    folder_missing,  // the folder is gone (removed by the previous holder): create it and try again
  };

  FolderLock() = default;
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;
  ~FolderLock() { release(); }

  // Locks `folder`, trying until `deadline` while another process holds it;
  // `on_waiting` is called before each wait (the caller says once that it
  // waits). Throws UsageError naming the lock file when it cannot be created
  // or opened (a folder one cannot write, a symlink in its place). On a
  // filesystem without locks, goes on without one (returns locked).
  Result acquire(const std::filesystem::path& folder, std::chrono::steady_clock::time_point deadline,
                 const std::function<void()>& on_waiting);

  // Removes the lock file, then unlocks. Does nothing when not held.
  void release();

 private:
  std::filesystem::path m_path;
  int m_fd = -1;
};

}  // namespace ctreport::util
