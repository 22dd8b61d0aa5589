// Test helper: runs stays and a follow-up file (CSV texts) through the real
// readers and figures engine, as `ctreport YEAR stays --followup file` does.
#pragma once
#include <string>

#include "figures/figures.hpp"
#include "input/followup_reader.hpp"
#include "support/pipeline.hpp"

namespace ctreport::test {

struct FollowupRun {
  PipelineResult stays;
  input::FollowupReadResult file;
  figures::Figures figures;  // the stays' figures with the follow-up's
};

// Reads `stays` and `contacts` (named "suivi.csv" in messages) for `year` and
// computes its figures; throws what the readers throw.
FollowupRun run_followup(const std::string& stays, const std::string& contacts, int year, const std::string& yaml = "");

}  // namespace ctreport::test
