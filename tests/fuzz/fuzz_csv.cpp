// libFuzzer harness: CSV exports, read through the TableReader interface
// (delimiter and encoding detection, quoting, chunk refills), then turned
// into stays (headers, dates, categories) and into the figures of 2024.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "figures/compute.hpp"
#include "fuzz_support.hpp"
#include "input/csv_reader.hpp"
#include "input/stay_reader.hpp"
#include "model/config.hpp"
#include "model/period.hpp"

using namespace ctreport;

namespace {

// Small chunks for a quarter of the inputs, so that records straddle refills;
// else one chunk for the whole input, as with the default size, but without
// allocating (and clearing) a megabyte per input.
size_t chunk_size_for(size_t size) {
  return size % 4 == 0 ? 1 + size % 61 : std::min(size + 1, input::CsvReader::k_default_chunk_size);
}

void read_rows(const std::string& text, size_t chunk) {
  auto reader = input::CsvReader::from_string(text, chunk);
  input::TableReader& table = *reader;
  input::Row row;
  while (table.next_row(row)) {
    for (size_t c = 0; c < row.cells.size(); ++c) {
      fuzz::touch(row.cells[c].text);
      if (c % 5 == 0) (void)table.cell_position(row, c);
    }
    (void)table.progress();
  }
  (void)table.description();
  (void)reader->encoding();
}

const model::Config& config() {
  static const model::Config c = [] {
    model::Config config = model::default_config();
    model::apply_config(config,
                        "capacity: 12\n"
                        "columns:\n  person_id: [Code, Dossier]\n  site: Site\n"
                        "sites:\n  Nord: {capacity: 6}\n  Sud: {capacity: 6}\n",
                        "fuzz.yaml");
    return config;
  }();
  return c;
}

void read_stays(const std::string& text, size_t chunk) {
  model::Period period = model::make_period(2024, config().start_month);
  input::ReadOptions options;
  options.periods = {period};
  auto result = input::read_stays(input::CsvReader::from_string(text, chunk), "fuzz.csv", config(), options);
  input::throw_if_errors(result, "fuzz.csv");
  auto warnings = result.warnings_for(period);
  (void)figures::compute_figures({result.table, config(), period, result.rows_read, result.source, &warnings});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  size_t chunk = chunk_size_for(size);
  fuzz::expect_ctreport_errors([&] { read_rows(text, chunk); });
  fuzz::expect_ctreport_errors([&] { read_stays(text, chunk); });
  return 0;
}
