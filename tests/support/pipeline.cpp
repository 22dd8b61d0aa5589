// Test helper: CSV text -> stays -> figures, through the production code.
#include "support/pipeline.hpp"

#include <doctest/doctest.h>

#include "figures/compute.hpp"
#include "input/csv_reader.hpp"
#include "model/period.hpp"

namespace ctreport::test {

model::Config config_with(const std::string& yaml) {
  model::Config config = model::default_config();
  if (!yaml.empty()) model::apply_config(config, yaml, "test.yaml");
  return config;
}

PipelineResult run_pipeline(const std::string& csv, int year, const std::string& yaml) {
  model::Config config = config_with(yaml);
  auto reader = input::CsvReader::from_string(csv);
  model::Period period = model::make_period(year, config.start_month);
  input::ReadOptions options;
  options.periods = {period};
  PipelineResult r;
  r.read = input::read_stays(std::move(reader), "test.csv", config, options);
  input::throw_if_errors(r.read, "test.csv");
  auto warnings = r.read.warnings_for(period);
  r.figures = figures::compute_figures({r.read.table, config, period, r.read.rows_read, r.read.source, &warnings});
  return r;
}

figures::Figures figures_of(const std::string& csv, int year, const std::string& yaml) {
  return run_pipeline(csv, year, yaml).figures;
}

const figures::Line& line(const figures::Distribution& d, const std::string& key) {
  for (const auto& l : d.lines)
    if (l.key == key) return l;
  FAIL("no line '" << key << "' in distribution of " << d.population);
  static figures::Line none;
  return none;
}

bool has_line(const figures::Distribution& d, const std::string& key) {
  for (const auto& l : d.lines)
    if (l.key == key) return true;
  return false;
}

}  // namespace ctreport::test
