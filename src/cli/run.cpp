// Command-line parsing (CLI11) and the single catch that maps failures to
// "ctreport: error: ..." and exit codes.
#include "cli/run.hpp"

#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/check_command.hpp"
#include "cli/init_command.hpp"
#include "cli/merge_command.hpp"
#include "cli/report_command.hpp"
#include "model/config.hpp"
#include "util/errors.hpp"
#include "version.hpp"

namespace ctreport::cli {

namespace {

std::vector<std::string> split_formats(const std::vector<std::string>& raw) {
  std::vector<std::string> out;
  for (const auto& item : raw) {
    size_t start = 0;
    while (start <= item.size()) {
      size_t comma = item.find(',', start);
      std::string f = item.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!f.empty() && std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return out;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{
      "ctreport: the annual activity report (rapport d'activité) of a residential addiction-care\n"
      "establishment, from its stay records (CSV or XLSX export).\n\n"
      "  ctreport 2024 sejours.csv                     report for 2024 in the current folder\n"
      "  ctreport 2024 sejours.csv -o rapport/ --format md,json\n"
      "  ctreport check 2024 sejours.csv               data-quality checks (exit 1 when they fail)\n"
      "  ctreport init sejours.csv                     first step: ctreport.yaml made from your export\n"
      "  ctreport init                                 editable ctreport.yaml and templates here\n"
      "  ctreport merge a/figures-2024.json b/figures-2024.json -o reseau/   network figures\n"
      "  ctreport config --defaults > ctreport.yaml    start your own configuration\n",
      "ctreport"};
  app.set_version_flag("-V,--version", std::string("ctreport ") + CTREPORT_VERSION);
  app.require_subcommand(0, 1);

  ReportOptions report;
  std::vector<std::string> formats{"md"};
  app.add_option("year", report.year,
                 "Year(s) to report on: 2024, 2019..2024 or 2019,2021,2024 (with period.start_month: 4, 2024 = April 2024 - "
                 "March 2025)");
  app.add_option("file", report.input, "Stay records: CSV export (; , or tab, UTF-8 or Windows-1252) or XLSX workbook");
  app.add_option("-c,--config", report.config_path,
                 "Configuration file (default: ctreport.yaml beside the data file or in the current folder, else built-in defaults)");
  app.add_option("-o,--output", report.output_dir, "Output folder (created if needed; default: current folder)");
  app.add_option("-f,--format", formats, "Output formats, comma-separated: md, tex, pdf (needs LaTeX), docx, odt (need pandoc), xlsx, json (default: md)")
      ->delimiter(',');
  app.add_option("--template", report.template_path, "Your own Markdown template (variables: docs/templates.md)");
  app.add_option("--sheet", report.sheet, "XLSX input: sheet name or number");
  app.add_option("--activities", report.activities,
                 "The team's activity log (CSV or XLSX, one row per session or act): the report's section on the "
                 "team's work (docs/figures.md, \"The activity log\")");
  app.add_option("--followup", report.followup,
                 "The contacts after exit (CSV or XLSX, one row per contact attempt): the report's section on what becomes "
                 "of people after they leave (docs/figures.md, \"The follow-up after exit\")");
  app.add_option("--by", report.by,
                 "Also one report per site: 'site' (a column headed Site, Unité, Service...) or the header of the column");
  app.add_option("--compare", report.compare,
                 "Years to compare with, e.g. 2022,2023 (default: the year before, when the data covers it)");
  app.add_option("--lang", report.lang, "Report language: fr (default) or en; overrides `lang` in the config")
      ->check(CLI::IsMember({"fr", "en"}));
  app.add_option("--threads", report.threads,
                 "Threads reading a workbook and computing the years of a batch and the sites of --by (default: 2 "
                 "on a machine with two cores or more); the output is the same with any number")
      ->check(CLI::Range(1, 64));
  app.add_flag("-q,--quiet", report.quiet, "Print nothing but errors");
  app.add_flag("-v,--verbose", report.verbose, "Print the columns recognised, every warning and timings");

  CheckOptions check;
  auto* check_cmd = app.add_subcommand(
      "check",
      "Check the data of a period for problems, as a CI gate.\n"
      "Exit codes: 0 clean (warnings allowed unless --strict), 1 findings that fail the check,\n"
      "2 usage error or unreadable input.");
  check_cmd->add_option("year", check.year, "Year to check, e.g. 2024")->required();
  check_cmd->add_option("file", check.input, "Stay records (CSV or XLSX)")->required();
  check_cmd->add_option("-c,--config", check.config_path, "Configuration file (looked up as for a report)");
  check_cmd->add_option("--format", check.format, "text (default), json (schema ctreport/check/v1) or github (annotations)");
  check_cmd->add_flag("--strict", check.strict, "Warnings fail the check too");
  check_cmd->add_option("--previous", check.previous,
                        "figures.json of the previous period: its people present at the end must be this period's present at the start");
  check_cmd->add_option("--sheet", check.sheet, "XLSX input: sheet name or number");
  check_cmd->add_option("--activities", check.activities, "The team's activity log (CSV or XLSX), checked with the stays");
  check_cmd->add_option("--followup", check.followup, "The contacts after exit (CSV or XLSX), checked with the stays");
  check_cmd->add_flag("-q,--quiet", check.quiet, "Print nothing when the check passes");

  InitOptions init;
  auto* init_cmd = app.add_subcommand(
      "init", "Write ctreport.yaml and the report templates here, to edit; with FILE, ctreport.yaml made from that export");
  init_cmd->add_option("FILE", init.input,
                       "An export (CSV or XLSX): ctreport.yaml gets its columns and every value of its categorical "
                       "fields under the category it maps to");
  init_cmd->add_option("--sheet", init.sheet, "XLSX input: sheet name or number");
  init_cmd->add_option("--activities", init.activities,
                       "With FILE: an activity log, whose columns, types and professionals ctreport.yaml gets too");
  init_cmd->add_option("-o,--output", init.folder, "Folder to write into (default: current folder)");
  init_cmd->add_option("--lang", init.lang, "Language of the templates: fr (default) or en")->check(CLI::IsMember({"fr", "en"}));
  init_cmd->add_flag("--force", init.force, "Overwrite files that exist");
  init_cmd->add_flag("-q,--quiet", init.quiet, "Print nothing");

  MergeOptions merge;
  std::vector<std::string> merge_formats{"md", "json"};
  auto* merge_cmd = app.add_subcommand(
      "merge", "Network figures and report from several establishments' figures.json (same period and categories)");
  merge_cmd->add_option("files", merge.inputs, "figures.json files written by ctreport --format json")->required();
  merge_cmd->add_option("-o,--output", merge.output_dir, "Output folder (default: current folder)");
  merge_cmd->add_option("-f,--format", merge_formats, "md, json (default: both)")->delimiter(',');
  merge_cmd->add_option("--name", merge.name, "The network's name in the report");
  merge_cmd->add_option("--template", merge.template_path, "Your own Markdown template (variables: docs/templates.md)");
  merge_cmd->add_option("--lang", merge.lang, "fr (default) or en")->check(CLI::IsMember({"fr", "en"}));
  merge_cmd->add_flag("-q,--quiet", merge.quiet, "Print nothing but errors");

  auto* config_cmd = app.add_subcommand("config", "Show the configuration");
  bool defaults = false;
  config_cmd->add_flag("--defaults", defaults, "Print the built-in default configuration (a ctreport.yaml to edit)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "ctreport: error: " << e.what() << "\nRun 'ctreport --help' for usage.\n";
    return static_cast<int>(ExitCode::usage_error);
  }

  try {
    if (check_cmd->parsed()) return run_check(check);
    if (init_cmd->parsed()) return run_init(init);
    if (merge_cmd->parsed()) {
      merge.formats = split_formats(merge_formats);
      return run_merge(merge);
    }
    if (config_cmd->parsed()) {
      if (!defaults) {
        std::cerr << "ctreport: error: say what to show: ctreport config --defaults\n";
        return static_cast<int>(ExitCode::usage_error);
      }
      std::cout << model::default_config_text();
      return 0;
    }
    if (report.year.empty() || report.input.empty()) {
      std::cerr << "ctreport: error: give a year and a data file, e.g. 'ctreport 2024 sejours.csv'\n"
                   "Run 'ctreport --help' for usage.\n";
      return static_cast<int>(ExitCode::usage_error);
    }
    report.formats = split_formats(formats);
    return run_report(report);
  } catch (const UsageError& e) {
    std::cerr << "ctreport: error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::usage_error);
  } catch (const DataError& e) {
    std::cerr << "ctreport: error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::data_error);
  } catch (const std::exception& e) {
    std::cerr << "ctreport: internal error: " << e.what() << "\n";
    return 70;
  }
}

}  // namespace ctreport::cli
