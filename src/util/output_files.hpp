// Writing a run's outputs all-or-nothing: every file goes to a temporary file
// in the output folder first, and only when all are written are they renamed
// into place. A failure leaves no partial output behind.
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
  // renames them all. Throws UsageError naming the path on failure.
  std::vector<std::filesystem::path> commit();

 private:
  std::filesystem::path m_folder;
  std::vector<std::pair<std::string, std::string>> m_files;
  std::vector<std::filesystem::path> m_temporaries;
};

}  // namespace ctreport::util
