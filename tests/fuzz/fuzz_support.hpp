// What the libFuzzer harnesses of tests/fuzz share: ctreport's own errors
// taken as expected outcomes, a stored (uncompressed) zip built in memory
// around a fuzzed XLSX part, and an in-memory file for readers that want a path.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/errors.hpp"

namespace ctreport::fuzz {

// Runs `f`; DataError and UsageError are what ctreport answers bad input
// with. Any other exception escapes, and libFuzzer reports it as a crash.
template <class F>
void expect_ctreport_errors(F&& f) {
  try {
    f();
  } catch (const DataError&) {
  } catch (const UsageError&) {
  }
}

// The bytes of a zip archive holding `entries` (name, content) stored
// without compression, as libzip reads them.
std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& entries);

// A file in memory (memfd) whose content is replaced at each call; its path
// (/proc/self/fd/N) stays the same for the life of the process.
const std::string& memory_file(std::string_view content);

// Reads every byte of `text`, so that AddressSanitizer sees a view into freed
// or reused memory.
void touch(std::string_view text);

// The parts of a small workbook: one sheet "Séjours" with shared strings and a
// date style, for harnesses that replace one part with fuzzed bytes.
struct WorkbookParts {
  std::string rels, workbook, workbook_rels, styles, strings, sheet;
};
WorkbookParts sample_workbook();

// Opens the workbook at `path` and reads every row of every sheet through the
// TableReader interface. ctreport's errors are let through to the caller.
void read_workbook(const std::string& path);

// The workbook of `parts` as a zip in a memory file, read through.
void read_workbook_parts(const WorkbookParts& parts);

}  // namespace ctreport::fuzz
