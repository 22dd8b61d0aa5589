// Shared command steps: configuration lookup and input reading.
#include "cli/pipeline.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

#include <fmt/format.h>

#include "cli/progress.hpp"
#include "input/open_table.hpp"
#include "model/config_text.hpp"
#include "util/errors.hpp"

namespace ctreport::cli {

namespace fs = std::filesystem;

std::string read_text_file(const std::string& path, const char* what, size_t max_bytes) {
  auto too_large = [&] {
    return UsageError(fmt::format("cannot use {} '{}': larger than {}, the most a {} may be", what, path,
                                  max_bytes % (1 << 20) == 0 ? fmt::format("{} MiB", max_bytes >> 20)
                                                             : fmt::format("{} bytes", max_bytes),
                                  what));
  };
  // Refused before reading when the size is known; a pipe or device is read
  // no further than the limit.
  std::error_code ec;
  if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) > max_bytes && !ec) throw too_large();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError(fmt::format("cannot open {} '{}': {}", what, path, std::strerror(errno)));
  std::string text;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<size_t>(in.gcount()));
    if (text.size() > max_bytes) throw too_large();
  }
  return text;
}

LoadedConfig load_config(const std::string& config_path, const std::string& input) {
  LoadedConfig loaded{model::default_config(), "built-in defaults"};
  std::string path = config_path;
  if (path.empty()) {
    std::error_code ec;
    // Beside the data file; "-" (standard input) is in the current folder.
    fs::path beside = (input == "-" ? fs::path() : fs::path(input).parent_path()) / "ctreport.yaml";
    if (!input.empty() && fs::is_regular_file(beside, ec)) path = beside.string();
    else if (fs::is_regular_file("ctreport.yaml", ec)) path = "ctreport.yaml";
  }
  if (path.empty()) return loaded;
  model::Config& config = loaded.config;
  model::apply_config(config, read_text_file(path, "config file", model::k_max_config_bytes), path);
  loaded.source = path;
  // Template paths in a config file are relative to its folder.
  for (std::string* t : {&config.report_template, &config.index_template, &config.latex_template,
                         &config.office_template, &config.docx_reference, &config.odt_reference, &config.identity.logo})
    if (!t->empty() && fs::path(*t).is_relative()) *t = (fs::path(path).parent_path() / *t).string();
  // The logo is the establishment's: a missing file is the config's error, at its line.
  std::error_code ec;
  if (!config.identity.logo.empty() && !fs::is_regular_file(config.identity.logo, ec))
    throw DataError("config_error",
                    fmt::format("{}:{}: establishment.logo: cannot read '{}' (no such file; the path is relative to the "
                                "config file's folder)",
                                path, config.identity.logo_line, config.identity.logo),
                    path, static_cast<size_t>(config.identity.logo_line));
  return loaded;
}

unsigned worker_threads(unsigned asked) {
  if (asked > 0) return asked;
  return std::thread::hardware_concurrency() >= 2 ? 2 : 1;
}

input::ReadResult read_input(const std::string& path, const model::Config& config,
                             const std::vector<model::Period>& periods, const std::string& sheet, bool quiet,
                             int past_exit_months, unsigned threads) {
  auto table = input::open_table(path, config, sheet, worker_threads(threads));
  input::ReadOptions options;
  options.periods = periods;
  options.past_exit_months = past_exit_months;
  options.threads = worker_threads(threads);
  std::string name = path == "-" ? "standard input" : fs::path(path).filename().string();
  Progress progress(fmt::format("ctreport: reading {}", name), !quiet && stderr_is_terminal());
  options.on_progress = [&](double f) { progress.update(f); };
  auto result = input::read_stays(std::move(table), path, config, options);
  progress.done();
  return result;
}

namespace {

// The side file of a run: `given` (a command-line option), else the config's
// `sheet` of the stays workbook `input`; empty when neither.
std::string side_file(const std::string& given, const std::string& input, const std::string& sheet) {
  if (!given.empty()) return given;
  std::string ext = fs::path(input).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (sheet.empty() || (ext != ".xlsx" && ext != ".xlsm")) return "";
  return input;
}

}  // namespace

int followup_past_months(const std::string& followup, const std::string& input, const model::Config& config) {
  if (side_file(followup, input, config.followup.sheet).empty()) return 0;
  return config.followup.horizons.back() + config.followup.window_days / 28 + 1;
}

std::optional<input::FollowupReadResult> read_followup_file(const std::string& followup, const std::string& input,
                                                            const input::ReadResult& stays, const model::Config& config,
                                                            const std::vector<model::Period>& periods, bool quiet) {
  const std::string path = side_file(followup, input, config.followup.sheet);
  if (path.empty()) return std::nullopt;
  auto table = input::open_table(path, config.followup.sheet, input::followup_table_kind(config), false);
  input::FollowupReadOptions options;
  options.periods = periods;
  options.persons = stays.persons.get();
  std::string name = path == "-" ? "standard input" : fs::path(path).filename().string();
  Progress progress(fmt::format("ctreport: reading {}", name), !quiet && stderr_is_terminal());
  options.on_progress = [&](double f) { progress.update(f); };
  auto result = input::read_followup(*table, path, config, options);
  progress.done();
  return result;
}

std::optional<input::ActivityReadResult> read_activity_log(const std::string& activities, const std::string& input,
                                                           const input::ReadResult& stays, const model::Config& config,
                                                           const std::vector<model::Period>& periods, bool quiet) {
  const std::string& sheet = config.activities.sheet;
  std::string path = activities;
  if (path.empty()) {
    // The config's sheet of the stays workbook; a CSV stays file has no sheets to look in.
    std::string ext = fs::path(input).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (sheet.empty() || (ext != ".xlsx" && ext != ".xlsm")) return std::nullopt;
    path = input;
  }
  auto table = input::open_table(path, sheet, input::activity_table_kind(config), false);
  input::ActivityReadOptions options;
  options.periods = periods;
  options.persons = stays.persons.get();
  std::string name = path == "-" ? "standard input" : fs::path(path).filename().string();
  Progress progress(fmt::format("ctreport: reading {}", name), !quiet && stderr_is_terminal());
  options.on_progress = [&](double f) { progress.update(f); };
  auto result = input::read_activities(*table, path, config, options);
  progress.done();
  return result;
}

}  // namespace ctreport::cli
