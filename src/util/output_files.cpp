// All-or-nothing output writing: a locked folder, a staging folder, renames
// over the old names, old versions kept as hard links for a rollback.
#include "util/output_files.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "util/errors.hpp"

namespace ctreport::util {

namespace fs = std::filesystem;

namespace {

std::string seconds(std::chrono::milliseconds d) { return fmt::format("{:g} s", static_cast<double>(d.count()) / 1000.0); }

// Writes `content` to a new file (never an existing one, never through a
// symlink) with the usual permissions, flushed to disk unless `flush` is
// false (the caller flushes a batch of them at once). Returns 0 or an errno.
int write_new_file(const fs::path& path, const std::string& content, mode_t mode = 0666, bool flush = true) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
  if (fd < 0) return errno;
  for (size_t done = 0; done < content.size();) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      return err;
    }
    done += static_cast<size_t>(n);
  }
  // On disk before it is renamed over the old version: after a power cut the
  // name holds the old or the new content, never an empty file.
  if (flush && ::fdatasync(fd) != 0 && errno != EINVAL) {
    int err = errno;
    ::close(fd);
    return err;
  }
  return ::close(fd) == 0 ? 0 : errno;
}

// Flushes the files written unflushed in `staging` to disk: one syncfs() for
// the whole filesystem (a single device flush however many files), or, where
// the system has none, fdatasync() on each file again. An error syncfs()
// reports (a write that failed) fails the commit: a file opened again would
// not see it. Returns 0 or an errno.
int flush_staged(const fs::path& staging, const std::vector<fs::path>& files) {
  int dir = ::open(staging.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return errno;
  const int synced = ::syncfs(dir);
  const int err = synced == 0 ? 0 : errno;
  ::close(dir);
  if (err != ENOSYS) return err;
  for (const auto& f : files) {
    int fd = ::open(f.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return errno;
    const int flushed = ::fdatasync(fd) != 0 && errno != EINVAL ? errno : 0;
    ::close(fd);
    if (flushed != 0) return flushed;
  }
  return 0;
}

// Flushes a folder's entries (the renames into it) to disk; best effort.
void sync_folder(const fs::path& folder) {
  int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// A process id written in decimal, or 0 when `digits` is not one.
pid_t parse_pid(std::string_view digits) {
  if (digits.empty() || digits.size() > 9) return 0;
  pid_t pid = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return 0;
    pid = pid * 10 + (c - '0');
  }
  return pid;
}

bool process_gone(pid_t pid) { return pid == ::getpid() || (::kill(pid, 0) != 0 && errno == ESRCH); }

// A leftover of the writer of ctreport 0.1 beside an output: ".NAME.tmp-PID"
// (a new version not yet renamed) or ".NAME.old-PID" (the old version moved
// away). Gives NAME and whether it is an old version, or nothing.
struct OldWriterLeftover {
  std::string name;
  bool old_version = false;
};
std::optional<OldWriterLeftover> old_writer_leftover(const std::string& file) {
  if (file.size() < 3 || file[0] != '.') return std::nullopt;
  size_t dash = file.rfind('-');
  if (dash == std::string::npos || dash < 6) return std::nullopt;
  std::string_view kind = std::string_view(file).substr(dash - 4, 4);
  if ((kind != ".old" && kind != ".tmp") || dash - 4 <= 1) return std::nullopt;
  pid_t pid = parse_pid(std::string_view(file).substr(dash + 1));
  if (pid <= 0 || !process_gone(pid)) return std::nullopt;
  return OldWriterLeftover{file.substr(1, dash - 5), kind == ".old"};
}

// A copy of `from` (a regular file or a symlink) at `to`, for filesystems
// without hard links. Returns 0 or an errno.
int copy_file(const fs::path& from, const struct stat& st, const fs::path& to) {
  if (S_ISLNK(st.st_mode)) {
    std::error_code ec;
    fs::path target = fs::read_symlink(from, ec);
    if (!ec) fs::create_symlink(target, to, ec);
    return ec ? ec.value() : 0;
  }
  if (!S_ISREG(st.st_mode)) return EPERM;
  int fd = ::open(from.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return errno;
  std::string content;
  char buf[65536];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) != 0) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      return err;
    }
    content.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return write_new_file(to, content, st.st_mode & 07777);
}

// The process id in a staging or scratch folder's name, or 0 when the name is not one.
pid_t staging_pid(const std::string& name) {
  for (std::string_view prefix : {OutputFiles::k_staging_prefix, OutputFiles::k_scratch_prefix})
    if (name.size() > prefix.size() && name.compare(0, prefix.size(), prefix) == 0)
      return parse_pid(std::string_view(name).substr(prefix.size()));
  return 0;
}

}  // namespace

OutputFiles::~OutputFiles() {
  std::error_code ec;
  if (!m_scratch.empty()) fs::remove_all(m_scratch, ec);
  if (!m_committed)
    for (auto it = m_created.rbegin(); it != m_created.rend(); ++it) fs::remove(*it, ec);  // only if empty
}

fs::path OutputFiles::scratch_folder() {
  if (!m_scratch.empty()) return m_scratch;
  const fs::path folder = m_folder.empty() ? fs::path(".") : m_folder;
  create_folder(folder);
  fs::path scratch = folder / fmt::format("{}{}", k_scratch_prefix, ::getpid());
  std::error_code ec;
  fs::remove_all(scratch, ec);  // a leftover of a killed process whose id this one has now
  if (::mkdir(scratch.c_str(), 0700) != 0)
    throw UsageError(fmt::format("cannot write in the output folder: cannot create '{}': {}", scratch.string(),
                                 std::strerror(errno)));
  m_scratch = scratch;
  return m_scratch;
}

void OutputFiles::add(const std::string& name, std::string content) {
  fs::path p(name);
  if (p.is_absolute() || name.empty())
    throw std::logic_error("output names are relative to the output folder");
  for (const auto& part : p)
    if (part == "..") throw std::logic_error("output names stay inside the output folder");
  m_files.emplace_back(name, std::move(content));
}

std::vector<OutputFiles::Output> OutputFiles::plan() const {
  std::vector<Output> outputs;
  std::set<fs::path> seen;
  fs::path staging = (m_folder.empty() ? fs::path(".") : m_folder) / fmt::format("{}{}", k_staging_prefix, ::getpid());
  for (const auto& [name, content] : m_files) {
    fs::path final_path = m_folder / name;
    if (!seen.insert(final_path.lexically_normal()).second)
      throw UsageError(fmt::format("two outputs of this run would both be written to '{}'; nothing was written",
                                   final_path.string()));
    outputs.push_back({final_path, staging / std::to_string(outputs.size()), {}, false});
  }
  return outputs;
}

// Creates `folder` and its missing parents, remembering them to remove them on failure.
void OutputFiles::create_folder(const fs::path& folder) {
  std::error_code ec;
  std::vector<fs::path> missing;
  for (fs::path p = folder; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (!fs::create_directory(*it, ec) && ec)
      throw UsageError(fmt::format("cannot create the output folder '{}': {}", it->string(), ec.message()));
    m_created.push_back(*it);
  }
}

void OutputFiles::lock_folder() {
  const fs::path folder = m_folder.empty() ? fs::path(".") : m_folder;
  const auto deadline = std::chrono::steady_clock::now() + m_lock_wait;
  bool told = false;
  auto waiting = [&] {
    if (!told && m_on_lock_wait)
      m_on_lock_wait(fmt::format("another ctreport run is writing to '{}': waiting up to {} for it to finish",
                                 folder.string(), seconds(m_lock_wait)));
    told = true;
  };
  for (int attempt = 0; attempt < 100; ++attempt) {
    create_folder(folder);
    switch (m_lock.acquire(folder, deadline, waiting)) {
      case FolderLock::Result::locked:
        return;
      case FolderLock::Result::busy:
        throw UsageError(fmt::format("another ctreport run is writing to '{}' (waited {} for it to finish)",
                                     folder.string(), seconds(m_lock_wait)));
      case FolderLock::Result::folder_missing:
        break;  // removed by the run that held the lock: created again
    }
  }
  throw UsageError(fmt::format("cannot lock the output folder '{}': it keeps disappearing", folder.string()));
}

// Staging folders of runs killed in this folder. Under the lock no running
// ctreport has one here, so a folder whose process is gone (or is this one,
// its id reused) is a leftover. Beside each output, the leftovers of the
// earlier writer (".NAME.old-PID", ".NAME.tmp-PID" of a killed run) are
// cleaned too: an old version whose name is empty and that this run does not
// write is put back under its name, anything else is removed.
void OutputFiles::remove_leftovers(const std::vector<Output>& outputs) const {
  std::error_code ec;
  const fs::path folder = m_folder.empty() ? fs::path(".") : m_folder;
  std::set<fs::path> folders{folder}, written;
  for (const auto& o : outputs) {
    folders.insert(o.final_path.parent_path().empty() ? fs::path(".") : o.final_path.parent_path());
    written.insert(o.final_path.lexically_normal());
  }
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    pid_t pid = staging_pid(entry.path().filename().string());
    if (pid > 0 && process_gone(pid)) {
      std::error_code rm;
      fs::remove_all(entry.path(), rm);  // does not follow symlinks
    }
  }
  for (const auto& dir : folders) {
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      auto leftover = old_writer_leftover(entry.path().filename().string());
      if (!leftover || !entry.is_regular_file(ec)) continue;
      fs::path name = dir / leftover->name;
      struct stat st {};
      bool name_free = ::lstat(name.c_str(), &st) != 0 && errno == ENOENT;
      if (leftover->old_version && name_free && !written.count(name.lexically_normal()) &&
          ::rename(entry.path().c_str(), name.c_str()) == 0)
        continue;
      ::unlink(entry.path().c_str());
    }
  }
}

// Refuses an output whose folder, between the output folder and the file, is
// a symbolic link: writing there would write outside the chosen folder.
void OutputFiles::refuse_linked_subfolders(const std::vector<Output>& outputs) const {
  for (const auto& o : outputs) {
    fs::path relative = o.final_path.lexically_relative(m_folder.empty() ? fs::path(".") : m_folder).parent_path();
    fs::path at = m_folder;
    for (const auto& part : relative) {
      if (part == ".") continue;
      at /= part;
      struct stat st {};
      if (::lstat(at.c_str(), &st) == 0 && S_ISLNK(st.st_mode))
        throw UsageError(fmt::format("cannot write '{}': '{}' is a symbolic link, and ctreport writes only inside the "
                                     "output folder",
                                     o.final_path.string(), at.string()));
    }
  }
}

void OutputFiles::stage(std::vector<Output>& outputs) {
  fs::path staging = outputs.front().staged.parent_path();
  if (::mkdir(staging.c_str(), 0700) != 0)
    throw UsageError(fmt::format("cannot write in the output folder: cannot create '{}': {}", staging.string(),
                                 std::strerror(errno)));
  m_staging = staging;
  // A run writing many files (--by site: one report a site) flushes them all
  // with one syncfs() once written: a device flush each was most of its time.
  // A few files are flushed one by one, not waiting on the rest of the disk.
  const bool flush_each = outputs.size() < k_flush_each_below;
  std::vector<fs::path> unflushed;
  for (size_t i = 0; i < outputs.size(); ++i) {
    const fs::path& final_path = outputs[i].final_path;
    create_folder(final_path.parent_path());
    struct stat st {};
    if (::lstat(final_path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
      throw UsageError(fmt::format("cannot write '{}': a folder of that name is in the way", final_path.string()));
    int err = step(Step::write, final_path);
    if (err == 0) err = write_new_file(outputs[i].staged, m_files[i].second, 0666, flush_each);
    if (err != 0) throw UsageError(fmt::format("cannot write '{}': {}", final_path.string(), std::strerror(err)));
    if (!flush_each) unflushed.push_back(outputs[i].staged);
  }
  if (unflushed.empty()) return;
  int err = step(Step::flush, m_folder);
  if (err == 0) err = flush_staged(staging, unflushed);
  if (err != 0) throw UsageError(fmt::format("cannot write in '{}': {}", m_folder.string(), std::strerror(err)));
}

// Each file about to be replaced is kept in the staging folder (a hard link,
// or a copy where the filesystem has none) for a rollback to put back.
void OutputFiles::keep_old(std::vector<Output>& outputs) {
  for (auto& o : outputs) {
    struct stat st {};
    if (::lstat(o.final_path.c_str(), &st) != 0) {
      if (errno == ENOENT) continue;
      throw UsageError(fmt::format("cannot replace '{}': {}", o.final_path.string(), std::strerror(errno)));
    }
    fs::path backup = o.staged;
    backup += ".old";
    int err = step(Step::link_old, o.final_path);
    if (err == 0 && ::linkat(AT_FDCWD, o.final_path.c_str(), AT_FDCWD, backup.c_str(), 0) != 0) err = errno;
    if (err != 0) {
      err = step(Step::copy_old, o.final_path);
      if (err == 0) err = copy_file(o.final_path, st, backup);
    }
    if (err != 0)
      throw UsageError(fmt::format("cannot keep the previous '{}' to put it back on failure: {}", o.final_path.string(),
                                   std::strerror(err)));
    o.backup = backup;
  }
}

void OutputFiles::rename_all(std::vector<Output>& outputs) {
  for (auto& o : outputs) {
    int err = step(Step::rename, o.final_path);
    if (err == 0 && ::rename(o.staged.c_str(), o.final_path.c_str()) != 0) err = errno;
    if (err != 0) {
      std::error_code ec;
      std::string why = fs::is_directory(fs::symlink_status(o.final_path, ec)) ? "a folder of that name is in the way"
                                                                               : std::strerror(err);
      throw UsageError(fmt::format("cannot write '{}': {}", o.final_path.string(), why));
    }
    o.renamed = true;
  }
  std::set<fs::path> folders;
  for (const auto& o : outputs) folders.insert(o.final_path.parent_path());
  for (const auto& f : folders) sync_folder(f);
}

// Puts back the old versions of the files renamed so far, removes the new
// ones, the staging folder (kept if an old version could not be put back),
// the lock and the folders this commit created. Adds what it did to `message`.
void OutputFiles::roll_back(std::vector<Output>& outputs, std::string& message) {
  std::vector<std::string> not_restored;
  for (auto it = outputs.rbegin(); it != outputs.rend(); ++it) {
    if (!it->renamed) continue;
    if (it->backup.empty()) {
      ::unlink(it->final_path.c_str());
    } else if (::rename(it->backup.c_str(), it->final_path.c_str()) != 0) {
      not_restored.push_back(fmt::format("'{}'", it->final_path.string()));
    }
  }
  std::error_code ec;
  if (not_restored.empty()) {
    if (!m_staging.empty()) fs::remove_all(m_staging, ec);
    message += "; nothing was written";
  } else {
    message += fmt::format("; the previous version of {} could not be put back: it is kept in '{}' until the next run "
                           "in that folder",
                           fmt::join(not_restored, ", "), m_staging.string());
  }
  m_staging.clear();
  m_lock.release();
  for (auto it = m_created.rbegin(); it != m_created.rend(); ++it) fs::remove(*it, ec);  // only if empty
  m_created.clear();
}

std::vector<fs::path> OutputFiles::commit() {
  std::vector<Output> outputs = plan();
  std::vector<fs::path> finals;
  for (const auto& o : outputs) finals.push_back(o.final_path);
  if (outputs.empty()) return finals;
  try {
    lock_folder();
    refuse_linked_subfolders(outputs);
    remove_leftovers(outputs);
    stage(outputs);
    keep_old(outputs);
    rename_all(outputs);
  } catch (const UsageError& e) {
    std::string message = e.what();
    roll_back(outputs, message);
    throw UsageError(message);
  } catch (...) {
    std::string ignored;
    roll_back(outputs, ignored);
    throw;
  }
  std::error_code ec;
  fs::remove_all(m_staging, ec);  // the old versions kept for a rollback
  m_staging.clear();
  m_lock.release();
  m_created.clear();
  m_committed = true;
  return finals;
}

}  // namespace ctreport::util
