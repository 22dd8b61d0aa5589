// Writing editable copies of the embedded config and templates.
#include "cli/init_command.hpp"

#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "input/activity_profile.hpp"
#include "input/activity_reader.hpp"
#include "input/export_profile.hpp"
#include "input/open_table.hpp"
#include "input/table_reader.hpp"
#include "model/config.hpp"
#include "render/init_config.hpp"
#include "util/embedded_files.hpp"
#include "util/errors.hpp"
#include "util/output_files.hpp"

namespace ctreport::cli {

int write_init_files(const InitOptions& o, std::vector<std::pair<std::string, std::string>> files);

namespace {

// The activity log's sections of `ctreport init FILE --activities LOG`.
std::string activity_sections(const InitOptions& o, const model::Config& defaults) {
  auto table = input::open_table(o.activities, "", input::activity_table_kind(defaults), false);
  model::ActivityProfile profile;
  try {
    profile = input::profile_activities(*table, defaults);
  } catch (const std::exception&) {
    input::rethrow_with_path(o.activities);
  }
  return render::init_activities_text(profile, defaults, std::filesystem::path(o.activities).filename().string());
}

// The files of `ctreport init FILE`: ctreport.yaml made from the export.
std::vector<std::pair<std::string, std::string>> files_from_export(const InitOptions& o) {
  model::Config defaults = model::default_config();
  defaults.lang = o.lang;
  auto table = input::open_table(o.input, defaults, o.sheet);
  model::ExportProfile profile;
  try {
    profile = input::profile_export(*table, defaults);
  } catch (const std::exception&) {
    input::rethrow_with_path(o.input);
  }
  std::string text = render::init_config_text(profile, defaults, std::filesystem::path(o.input).filename().string());
  if (!o.activities.empty()) text += activity_sections(o, defaults);
  return {{"ctreport.yaml", std::move(text)}};
}

}  // namespace

int run_init(const InitOptions& o) {
  namespace fs = std::filesystem;
  if (o.input.empty() && !o.activities.empty())
    throw UsageError("--activities goes with the stays export: ctreport init FILE --activities LOG");
  if (!o.input.empty()) return write_init_files(o, files_from_export(o));
  std::string config = std::string(model::default_config_text());
  // Point the config at the copies, and set the language.
  config += "\n# Written by `ctreport init`: the templates below are yours to edit.\n";
  config += "templates:\n  report: modeles/rapport.md\n  index: modeles/index.md\n  latex: modeles/rapport.tex\n"
            "  office: modeles/rapport.docx.md\n";
  if (o.lang != "fr") {
    auto pos = config.find("\nlang: fr");
    if (pos != std::string::npos) config.replace(pos, 9, "\nlang: " + o.lang);
  }
  std::vector<std::pair<std::string, std::string>> files = {
      {"ctreport.yaml", config},
      {"modeles/rapport.md", std::string(*util::find_embedded(fmt::format("report.{}.md", o.lang)))},
      {"modeles/index.md", std::string(*util::find_embedded(fmt::format("index.{}.md", o.lang)))},
      {"modeles/rapport.tex", std::string(*util::find_embedded(fmt::format("report.{}.tex", o.lang)))},
      {"modeles/rapport.docx.md", std::string(*util::find_embedded(fmt::format("report.{}.docx.md", o.lang)))},
  };
  return write_init_files(o, std::move(files));
}

int write_init_files(const InitOptions& o, std::vector<std::pair<std::string, std::string>> files) {
  namespace fs = std::filesystem;
  if (!o.force) {
    std::string existing;
    for (const auto& [name, content] : files)
      if (fs::exists(fs::path(o.folder) / name)) existing += (existing.empty() ? "" : ", ") + (fs::path(o.folder) / name).string();
    if (!existing.empty())
      throw UsageError(fmt::format("{} already exist(s); nothing written (use --force to overwrite)", existing));
  }
  util::OutputFiles outputs(o.folder);
  outputs.on_lock_wait([&](const std::string& m) { if (!o.quiet) std::cerr << "ctreport: " << m << "\n"; });
  for (auto& [name, content] : files) outputs.add(name, std::move(content));
  auto written = outputs.commit();
  if (!o.quiet)
    for (const auto& p : written) std::cout << fmt::format("written {}\n", p.string());
  return 0;
}

}  // namespace ctreport::cli
