// The steps every command shares: find and load the configuration, open and
// read the input with a progress line.
#pragma once
#include <string>
#include <vector>

#include <optional>

#include "input/activity_reader.hpp"
#include "input/followup_reader.hpp"
#include "input/stay_reader.hpp"
#include "model/config.hpp"
#include "model/period.hpp"

namespace ctreport::cli {

struct LoadedConfig {
  model::Config config;
  std::string source;  // the file used, or "built-in defaults"
};

// `config_path` if given, else ctreport.yaml beside `input`, else in the
// current folder, else the built-in defaults.
LoadedConfig load_config(const std::string& config_path, const std::string& input);

// Reads `input` keeping the stays that overlap `periods`; row errors are in
// the result (not thrown). Shows progress on a terminal unless `quiet`.
// `past_exit_months`: the exits this many months before each period are
// kept too (followup_past_months).
input::ReadResult read_input(const std::string& input, const model::Config& config,
                             const std::vector<model::Period>& periods, const std::string& sheet, bool quiet,
                             int past_exit_months = 0, unsigned threads = 0);

// The threads to work on for --threads `asked` (0: not given): two when the
// machine has two cores or more, else one.
unsigned worker_threads(unsigned asked);

// The activity log of the run, when there is one: `activities` (--activities
// FILE, CSV or a workbook, whose sheet is the config's activities.sheet or the
// first with a date and a type column), else the config's activities.sheet of
// the stays workbook `input`; none otherwise. Its persons are joined to the
// stays of `stays` in memory. Throws DataError naming the file and the rows
// that cannot be used.
std::optional<input::ActivityReadResult> read_activity_log(const std::string& activities, const std::string& input,
                                                           const input::ReadResult& stays, const model::Config& config,
                                                           const std::vector<model::Period>& periods, bool quiet);

// The follow-up file of the run, when there is one: `followup` (--followup
// FILE, CSV or a workbook, whose sheet is the config's followup.sheet or the
// first with a person, a date and a reached column), else the config's
// followup.sheet of the stays workbook `input`; none otherwise. Its persons
// are joined to the stays of `stays` in memory. Throws DataError naming the
// file and the rows that cannot be used.
std::optional<input::FollowupReadResult> read_followup_file(const std::string& followup, const std::string& input,
                                                            const input::ReadResult& stays, const model::Config& config,
                                                            const std::vector<model::Period>& periods, bool quiet);

// How many months before a period the stays reader keeps exits for the
// follow-up's cohorts: the longest horizon and the window, when the run has a
// follow-up file; 0 otherwise.
int followup_past_months(const std::string& followup, const std::string& input, const model::Config& config);

// The whole of a file the user gave (`what` names it in errors: "config
// file"); a UsageError when it is larger than `max_bytes`, checked before
// reading when its size is known.
inline constexpr size_t k_max_text_file_bytes = size_t{64} << 20;
std::string read_text_file(const std::string& path, const char* what, size_t max_bytes = k_max_text_file_bytes);

}  // namespace ctreport::cli
