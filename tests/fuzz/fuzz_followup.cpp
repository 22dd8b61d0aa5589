// libFuzzer harness: follow-up files (--followup), read through the CSV
// TableReader, their contacts joined to a fixed stays file's persons and
// exits, and turned into the follow-up figures of 2024, written to
// figures.json and read back, and into the template view in French and
// English (docs/figures.md, "The follow-up after exit").
#include <cstddef>
#include <cstdint>
#include <string>

#include "figures/compute.hpp"
#include "figures/followup_compute.hpp"
#include "fuzz_support.hpp"
#include "input/csv_reader.hpp"
#include "input/followup_reader.hpp"
#include "input/stay_reader.hpp"
#include "model/config.hpp"
#include "model/period.hpp"
#include "render/figures_json.hpp"
#include "render/followup_json.hpp"
#include "render/followup_view.hpp"

using namespace ctreport;

namespace {

// Horizons of 1 and 3 months too, so that short files reach the month ends.
const model::Config& config() {
  static const model::Config c = [] {
    model::Config config = model::default_config();
    model::apply_config(config, "followup: {horizons: [1, 3, 6, 12], window_days: 20}\n", "fuzz.yaml");
    return config;
  }();
  return c;
}

const model::Period& period() {
  static const model::Period p = model::make_period(2024, 1);
  return p;
}

// Exits at month ends, a person who left twice, a death, a person still present.
const input::ReadResult& stays() {
  static const input::ReadResult r = [] {
    input::ReadOptions options;
    options.periods = {period()};
    options.past_exit_months = 14;
    return input::read_stays(input::CsvReader::from_string(
                                 "N° dossier;Date d'entrée;Date de sortie;Motif de sortie\n"
                                 "A;01/01/2023;31/01/2024;fin de séjour\n"
                                 "B;01/02/2023;15/03/2023;fin de séjour\n"
                                 "C;01/01/2023;10/02/2024;décès\n"
                                 "D;01/01/2023;30/06/2023;fin de séjour\n"
                                 "D;01/09/2023;31/03/2024;renvoi\n"
                                 "E;01/06/2023;;\n"
                                 "F;01/01/2024;29/02/2024;fin de séjour\n"),
                             "sejours.csv", config(), options);
  }();
  return r;
}

void run(const std::string& text) {
  input::FollowupReadOptions options;
  options.periods = {period()};
  options.persons = stays().persons.get();
  auto file = input::read_followup(*input::CsvReader::from_string(text), "suivi.csv", config(), options);
  model::WarningLog warnings = stays().warnings_for(period());
  warnings.merge(file.warnings);
  figures::Figures f = figures::compute_figures(
      {stays().table, config(), period(), stays().rows_read, stays().source, &warnings});
  figures::compute_followup({file.log, config(), stays().table, period()}, f);
  figures::Figures back = render::figures_from_json(render::figures_json_text(f), "figures.json");
  if (render::followup_to_json(back.followup) != render::followup_to_json(f.followup)) __builtin_trap();  // a round trip
  for (const char* lang : {"fr", "en"}) (void)render::followup_view(back.followup, render::NumberFormat::for_lang(lang), {&f});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  fuzz::expect_ctreport_errors([&] { run(text); });
  return 0;
}
