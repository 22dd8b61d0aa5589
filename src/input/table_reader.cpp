// Shared helpers of the table readers.
#include "input/table_reader.hpp"

#include <fmt/format.h>

#include "util/errors.hpp"

namespace ctreport::input {

std::string column_letters(size_t column) {
  std::string s;
  size_t n = column + 1;
  while (n > 0) {
    size_t r = (n - 1) % 26;
    s.insert(s.begin(), static_cast<char>('A' + r));
    n = (n - 1) / 26;
  }
  return s;
}

namespace {
// Whether a message names the path already: it starts with it, or quotes it
// (a path such as "-" may be found in any message).
bool names_path(const std::string& msg, const std::string& path) {
  return msg.rfind(path + ":", 0) == 0 || msg.find("'" + path + "'") != std::string::npos;
}
}  // namespace

void rethrow_with_path(const std::string& path) {
  try {
    throw;
  } catch (const DataError& e) {
    std::string msg = e.what();
    if (names_path(msg, path)) throw;
    throw DataError(e.code(), fmt::format("{}: {}", path, msg), e.file().empty() ? path : e.file(), e.line());
  } catch (const UsageError& e) {
    std::string msg = e.what();
    if (names_path(msg, path)) throw;
    throw UsageError(fmt::format("{}: {}", path, msg));
  }
}

}  // namespace ctreport::input
