// libFuzzer harness: xl/workbook.xml (the sheet list, sheet states, relationship ids, date1904),
// in a stored zip built in memory around a sample workbook's other parts.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const ctreport::fuzz::WorkbookParts sample = ctreport::fuzz::sample_workbook();
  ctreport::fuzz::WorkbookParts parts = sample;
  parts.workbook.assign(reinterpret_cast<const char*>(data), size);
  ctreport::fuzz::expect_ctreport_errors([&] { ctreport::fuzz::read_workbook_parts(parts); });
  return 0;
}
