// libFuzzer harness: activity logs (--activities FILE) as CSV, read through
// the real reader (header and column recognition, dates, times, durations,
// participants, persons joined to a small fixed stay table), then turned into
// the activity figures of 2024 and their figures.json object.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "figures/activity_compute.hpp"
#include "figures/compute.hpp"
#include "fuzz_support.hpp"
#include "input/activity_reader.hpp"
#include "input/csv_reader.hpp"
#include "input/stay_reader.hpp"
#include "model/config.hpp"
#include "model/period.hpp"
#include "render/activities_json.hpp"

using namespace ctreport;

namespace {

const model::Config& config() {
  static const model::Config c = [] {
    model::Config config = model::default_config();
    model::apply_config(config, "capacity: 4\n", "fuzz.yaml");
    return config;
  }();
  return c;
}

const model::Period& period() {
  static const model::Period p = model::make_period(2024, config().start_month);
  return p;
}

// The stays the log's persons are joined to, read once.
struct Stays {
  input::ReadResult read;
  figures::Figures figures;
};

const Stays& stays() {
  static const Stays s = [] {
    Stays out;
    input::ReadOptions options;
    options.periods = {period()};
    out.read = input::read_stays(input::CsvReader::from_string(
                                     "N° dossier;Date d'entrée;Date de sortie\n"
                                     "A1;01/01/2024;15/03/2024\nB2;01/02/2024;\nC3;10/10/2023;05/01/2024\n"),
                                 "stays.csv", config(), options);
    auto warnings = out.read.warnings_for(period());
    out.figures = figures::compute_figures(
        {out.read.table, config(), period(), out.read.rows_read, out.read.source, &warnings});
    return out;
  }();
  return s;
}

void read_log(const std::string& text, size_t chunk) {
  const Stays& s = stays();
  auto reader = input::CsvReader::from_string(text, chunk);
  input::ActivityReadOptions options;
  options.periods = {period()};
  options.persons = s.read.persons.get();
  auto log = input::read_activities(*reader, "fuzz.csv", config(), options);
  figures::Figures f = s.figures;
  figures::compute_activities({log.log, config(), s.read.table, period()}, f);
  fuzz::touch(render::activities_to_json(f.activities).dump());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  size_t chunk = size % 4 == 0 ? 1 + size % 61 : std::min(size + 1, input::CsvReader::k_default_chunk_size);
  fuzz::expect_ctreport_errors([&] { read_log(text, chunk); });
  return 0;
}
