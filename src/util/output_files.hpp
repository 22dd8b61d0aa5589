// Writing a run's outputs all-or-nothing: every file goes to a temporary file
// in the output folder first, and only when all are written are they renamed
// into place, the files they replace kept aside until the last rename. A
// failure leaves the folder as it was: no partial output, no replaced file
// lost, no folder created by the run.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace ctreport::util {

class OutputFiles {
 public:
  explicit OutputFiles(std::filesystem::path folder) : m_folder(std::move(folder)) {}
  ~OutputFiles();  // removes temporaries left by a failed commit

  // Queues `name` (a plain file name or a relative path inside the folder,
  // never absolute and never with "..") with its content.
  void add(const std::string& name, std::string content);

  // Creates the folder if needed, writes every file to a temporary, then
  // renames them all. Throws UsageError naming the path on failure, after
  // undoing everything: renamed files are removed or restored, folders the
  // commit created are removed. Two outputs with the same path are refused
  // before anything is written.
  std::vector<std::filesystem::path> commit();

 private:
  void roll_back();

  struct Replaced {
    std::filesystem::path final_path;
    std::filesystem::path backup;  // where the file it replaced was moved, or empty
  };
  std::filesystem::path m_folder;
  std::vector<std::pair<std::string, std::string>> m_files;
  std::vector<std::filesystem::path> m_temporaries;
  std::vector<Replaced> m_renamed;                  // renamed into place so far
  std::vector<std::filesystem::path> m_created;     // folders this commit created, outermost first
};

}  // namespace ctreport::util
