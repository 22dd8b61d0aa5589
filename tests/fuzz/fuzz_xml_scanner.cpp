// libFuzzer harness, differential: the sheet scanner (input/xml_scanner) and
// expat must give the same events for any document, or both refuse it (the
// scanner may refuse alone names that are not ASCII and very deep nesting).
// The first byte sets how many bytes the scanner is fed at a time (1 to 64),
// so that every token is also cut by the buffer's end. A difference aborts,
// with both readings on stderr.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "support/xml_events.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  size_t piece = 1 + data[0] % 64;
  std::string_view doc(reinterpret_cast<const char*>(data) + 1, size - 1);
  for (size_t p : {piece, doc.size() + 1}) {
    if (auto difference = ctreport::test::xml_disagreement(doc, p)) {
      std::fprintf(stderr, "the scanner and expat disagree\n%s\n", difference->c_str());
      std::abort();
    }
  }
  return 0;
}
