// Choice of reader by file type.
#include "input/open_table.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "input/csv_reader.hpp"
#include "util/errors.hpp"

namespace ctreport::input {

std::unique_ptr<TableReader> open_table(const std::string& path, const model::Config& config, const std::string& sheet) {
  (void)config;
  (void)sheet;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw UsageError(fmt::format("{}: is a folder, not a data file", path));
  try {
    return CsvReader::open_file(path);
  } catch (const UsageError& e) {
    std::string msg = e.what();
    if (msg.rfind(path, 0) == 0 || msg.find(path) != std::string::npos) throw;
    throw UsageError(fmt::format("{}: {}", path, msg));
  }
}

}  // namespace ctreport::input
