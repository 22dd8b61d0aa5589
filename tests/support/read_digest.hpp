// Everything a reading of stays gives, as text, for comparing two readings
// of one file (one thread, or parts on several): the tests of parted reading
// and its differential fuzz harness share it.
#pragma once
#include <string>

#include "input/stay_reader.hpp"
#include "model/config.hpp"

namespace ctreport::test {

// Reads the CSV file at `path` with `options` (its first period is the one
// whose warnings are listed) and returns the stays, past exits, persons,
// sites, warnings and errors with their positions and texts, and the
// counts; or "thrown: " and the message of the DataError or UsageError the
// reading throws.
std::string read_digest(const std::string& path, const model::Config& config, const input::ReadOptions& options);

}  // namespace ctreport::test
