// Shared helpers of the table readers.
#include "input/table_reader.hpp"

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

}  // namespace ctreport::input
