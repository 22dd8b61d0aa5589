// Test helper: runs CSV text through the real reader and figures engine.
#pragma once
#include <string>

#include "figures/figures.hpp"
#include "input/stay_reader.hpp"
#include "model/config.hpp"

namespace ctreport::test {

model::Config config_with(const std::string& yaml);

struct PipelineResult {
  input::ReadResult read;
  figures::Figures figures;
};

// Reads `csv` (as a file named test.csv) and computes the figures of `year`.
PipelineResult run_pipeline(const std::string& csv, int year, const std::string& yaml = "");
figures::Figures figures_of(const std::string& csv, int year, const std::string& yaml = "");

// The line with `key` in a distribution (fails the test if absent).
const figures::Line& line(const figures::Distribution& d, const std::string& key);
bool has_line(const figures::Distribution& d, const std::string& key);

}  // namespace ctreport::test
