// libFuzzer harness: whole XLSX files (zip container, package relationships,
// workbook, styles, shared strings, every sheet streamed row by row).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ctreport::fuzz::expect_ctreport_errors([&] { ctreport::fuzz::read_workbook(ctreport::fuzz::memory_file(bytes)); });
  return 0;
}
