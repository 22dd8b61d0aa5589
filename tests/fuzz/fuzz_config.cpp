// libFuzzer harness: ctreport.yaml read over the embedded defaults (yaml-cpp,
// key checks, brackets, categories, sites); a config it accepts must then
// carry a small export through the reader and the figures engine.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "figures/compute.hpp"
#include "fuzz_support.hpp"
#include "input/csv_reader.hpp"
#include "input/stay_reader.hpp"
#include "model/config.hpp"
#include "model/period.hpp"

using namespace ctreport;

namespace {

constexpr const char* k_export =
    "Dossier;Sexe;Date de naissance;Date d'entrée;Date de sortie;Motif de sortie;Orientation;Site;Étape\n"
    "1;F;12/03/1985;05/01/2024;30/06/2024;Fin de contrat;CSAPA;Nord;1\n"
    "2;H;01/01/1970;15/11/2023;;;SPIP;Sud;2\n"
    "3;X;;01/02/2024;01/02/2024;exclusion;famille;;3\n";

void run(std::string_view yaml) {
  static const model::Config defaults = model::default_config();  // parsed once: a copy is cheaper
  model::Config config = defaults;
  model::apply_config(config, yaml, "fuzz.yaml");
  model::Period period = model::make_period(2024, config.start_month);
  input::ReadOptions options;
  options.periods = {period};
  auto result = input::read_stays(input::CsvReader::from_string(k_export, 4096), "fuzz.csv", config, options);
  auto warnings = result.warnings_for(period);
  (void)figures::compute_figures({result.table, config, period, result.rows_read, result.source, &warnings});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view yaml(reinterpret_cast<const char*>(data), size);
  fuzz::expect_ctreport_errors([&] { run(yaml); });
  return 0;
}
