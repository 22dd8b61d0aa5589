// Writing a run's outputs all-or-nothing. Under a lock on the output folder
// (util::FolderLock), every file is written to a private staging folder inside
// it (`.ctreport-staging-PID`), the files it replaces are kept there as hard
// links, then each is renamed over its name: rename(2) replaces the name
// itself (a symlink there is replaced, never written through) and atomically,
// so a run killed at any point leaves every name holding its old or its new
// version. Each new file is flushed to disk before its rename, and each folder
// after the renames. A failure puts the old versions back and removes the new
// files, the staging folder and any folder the run created. The staging folders
// of killed runs are removed by the next run in that folder. A subfolder of the
// output folder that is a symbolic link is refused, never followed.
// A step that needs files on disk before the commit (pandoc's input and
// output) gets a private scratch folder inside the output folder
// (`.ctreport-scratch-PID`), removed when the OutputFiles is, and by the next
// run in that folder if this one is killed.
#pragma once
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "util/folder_lock.hpp"

namespace ctreport::util {

class OutputFiles {
 public:
  static constexpr std::chrono::milliseconds k_default_lock_wait{10'000};
  static constexpr const char* k_staging_prefix = ".ctreport-staging-";
  static constexpr const char* k_scratch_prefix = ".ctreport-scratch-";
  // From this many outputs on, they are flushed to disk together (one
  // syncfs()) once all are written, rather than each (fdatasync()) as written.
  static constexpr size_t k_flush_each_below = 16;

  // The steps of a commit, each for one output, for the test hook.
  enum class Step {
    write,     // its new content goes to the staging folder
    link_old,  // the file it replaces is kept in the staging folder as a hard link
    copy_old,  // ... or, when the link fails (a filesystem without), as a copy
    rename,    // its new content is renamed over its name
    flush,     // from k_flush_each_below outputs on: all the new contents flushed to disk at once
               // (called once, with the output folder, between the writes and the links)
  };
  // Called before each step with the output's path; returning an errno makes
  // the step fail as if the system had returned it (0: the step runs). Tests
  // use it to fail, or kill the process at, every step in turn.
  using StepHook = std::function<int(Step, const std::filesystem::path&)>;

  explicit OutputFiles(std::filesystem::path folder) : m_folder(std::move(folder)) {}
  ~OutputFiles();

  // Queues `name` (a plain file name or a relative path inside the folder,
  // never absolute and never with "..") with its content.
  void add(const std::string& name, std::string content);

  // A private folder (mode 0700) inside the output folder, created with the
  // output folder if needed, for files a renderer needs on disk; removed with
  // everything in it when this object is destroyed (the output folder too when
  // this run created it and nothing was committed). Throws UsageError.
  std::filesystem::path scratch_folder();

  // How long commit() waits for another run writing to the same folder, and
  // what to tell the user when it has to wait (called once, with a message
  // for them: util does not print).
  void set_lock_wait(std::chrono::milliseconds wait) { m_lock_wait = wait; }
  void on_lock_wait(std::function<void(const std::string& message)> notify) { m_on_lock_wait = std::move(notify); }
  void set_step_hook(StepHook hook) { m_hook = std::move(hook); }

  // Creates the folder if needed, locks it, writes every file, then renames
  // them all into place. Throws UsageError naming the path on failure, after
  // undoing everything: old versions put back, new files, the staging folder
  // and the folders the commit created removed. Two outputs with the same
  // path are refused before anything is written; so is a commit still locked
  // out after the lock wait.
  std::vector<std::filesystem::path> commit();

 private:
  struct Output {
    std::filesystem::path final_path;
    std::filesystem::path staged;  // its new content in the staging folder
    std::filesystem::path backup;  // the file it replaces, kept in the staging folder, or empty
    bool renamed = false;
  };
  std::vector<Output> plan() const;
  void lock_folder();
  void create_folder(const std::filesystem::path& folder);
  void remove_leftovers(const std::vector<Output>& outputs) const;
  void refuse_linked_subfolders(const std::vector<Output>& outputs) const;
  void stage(std::vector<Output>& outputs);
  void keep_old(std::vector<Output>& outputs);
  void rename_all(std::vector<Output>& outputs);
  void roll_back(std::vector<Output>& outputs, std::string& message);
  int step(Step s, const std::filesystem::path& path) const { return m_hook ? m_hook(s, path) : 0; }

  std::filesystem::path m_folder;
  std::vector<std::pair<std::string, std::string>> m_files;
  std::chrono::milliseconds m_lock_wait = k_default_lock_wait;
  std::function<void(const std::string&)> m_on_lock_wait;
  StepHook m_hook;
  FolderLock m_lock;
  std::filesystem::path m_staging;               // this commit's staging folder, once created
  std::vector<std::filesystem::path> m_created;  // folders this commit created, outermost first
  std::filesystem::path m_scratch;               // scratch_folder(), once created
  bool m_committed = false;
};

}  // namespace ctreport::util
