// Test helper: runs stays and an activity log (CSV texts) through the real
// readers and figures engine, as `ctreport YEAR stays --activities log` does.
#pragma once
#include <string>

#include "figures/figures.hpp"
#include "input/activity_reader.hpp"
#include "support/pipeline.hpp"

namespace ctreport::test {

struct ActivityRun {
  PipelineResult stays;
  input::ActivityReadResult log;
  figures::Figures figures;  // the stays' figures with the log's
};

// Reads `stays` and `log` (named "activites.csv" in messages) for `year` and
// computes its figures; throws what the readers throw.
ActivityRun run_activities(const std::string& stays, const std::string& log, int year, const std::string& yaml = "");

}  // namespace ctreport::test
