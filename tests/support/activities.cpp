// Stays and activity log through the real readers, for the activity tests.
#include "support/activities.hpp"

#include "figures/activity_compute.hpp"
#include "figures/compute.hpp"
#include "input/csv_reader.hpp"
#include "model/period.hpp"

namespace ctreport::test {

ActivityRun run_activities(const std::string& stays, const std::string& log, int year, const std::string& yaml) {
  ActivityRun run;
  model::Config config = config_with(yaml);
  model::Period period = model::make_period(year, config.start_month);
  run.stays = run_pipeline(stays, year, yaml);
  auto reader = input::CsvReader::from_string(log);
  input::ActivityReadOptions options;
  options.periods = {period};
  options.persons = run.stays.read.persons.get();
  run.log = input::read_activities(*reader, "activites.csv", config, options);
  model::WarningLog warnings = run.stays.read.warnings_for(period);
  warnings.merge(run.log.warnings);
  run.figures = figures::compute_figures(
      {run.stays.read.table, config, period, run.stays.read.rows_read, run.stays.read.source, &warnings});
  figures::compute_activities({run.log.log, config, run.stays.read.table, period}, run.figures);
  return run;
}

}  // namespace ctreport::test
