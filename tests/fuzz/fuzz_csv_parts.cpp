// libFuzzer harness, differential: a CSV export read on one thread and read
// in parts on two (cut every few dozen bytes, input/parted_read) must give
// the same stays, persons, sites, warnings and errors, to the byte, or the
// same error. A difference aborts, with both readings on stderr.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz_support.hpp"
#include "model/config.hpp"
#include "model/period.hpp"
#include "support/read_digest.hpp"

using namespace ctreport;

namespace {

const model::Config& config() {
  static const model::Config c = [] {
    model::Config config = model::default_config();
    model::apply_config(config, "columns:\n  person_id: [Code, Dossier]\n  site: Site\n", "fuzz.yaml");
    return config;
  }();
  return c;
}

std::string reading(const std::string& path, unsigned threads, uint64_t part_bytes) {
  input::ReadOptions options;
  options.periods = {model::make_period(2024, config().start_month)};
  options.threads = threads;
  options.min_split_bytes = 0;
  options.part_bytes = part_bytes;
  return test::read_digest(path, config(), options);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = fuzz::memory_file(std::string(reinterpret_cast<const char*>(data), size));
  const uint64_t part_bytes = 1 + size % 53;
  const std::string one = reading(path, 1, part_bytes);
  const std::string parts = reading(path, 2, part_bytes);
  if (one != parts) {
    std::fprintf(stderr, "one thread:\n%s\nin parts of %llu bytes:\n%s\n", one.c_str(),
                 static_cast<unsigned long long>(part_bytes), parts.c_str());
    std::abort();
  }
  return 0;
}
