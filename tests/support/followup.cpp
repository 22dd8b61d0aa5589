// Stays and follow-up file through the real readers, for the follow-up tests.
#include "support/followup.hpp"

#include "figures/compute.hpp"
#include "figures/followup_compute.hpp"
#include "input/csv_reader.hpp"
#include "model/period.hpp"

namespace ctreport::test {

FollowupRun run_followup(const std::string& stays, const std::string& contacts, int year, const std::string& yaml) {
  FollowupRun run;
  model::Config config = config_with(yaml);
  model::Period period = model::make_period(year, config.start_month);
  run.stays = run_pipeline(stays, year, yaml);
  auto reader = input::CsvReader::from_string(contacts);
  input::FollowupReadOptions options;
  options.periods = {period};
  options.persons = run.stays.read.persons.get();
  run.file = input::read_followup(*reader, "suivi.csv", config, options);
  model::WarningLog warnings = run.stays.read.warnings_for(period);
  warnings.merge(run.file.warnings);
  run.figures = figures::compute_figures(
      {run.stays.read.table, config, period, run.stays.read.rows_read, run.stays.read.source, &warnings});
  figures::compute_followup({run.file.log, config, run.stays.read.table, period}, run.figures);
  return run;
}

}  // namespace ctreport::test
