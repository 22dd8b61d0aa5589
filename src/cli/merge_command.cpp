// Merging figures.json files into network figures and rendering them.
#include "cli/merge_command.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <iostream>

#include <fmt/format.h>

#include "cli/pipeline.hpp"
#include "figures/merge.hpp"
#include "model/network_texts.hpp"
#include "render/figures_json.hpp"
#include "render/figures_json_validation.hpp"
#include "render/report_view.hpp"
#include "render/svg_charts.hpp"
#include "render/template_engine.hpp"
#include "render/template_tags.hpp"
#include "util/embedded_files.hpp"
#include "util/errors.hpp"
#include "util/output_files.hpp"

namespace ctreport::cli {

namespace fs = std::filesystem;

int run_merge(const MergeOptions& o) {
  if (o.inputs.size() < 2) throw UsageError("give at least two figures.json files to merge");
  for (const auto& f : o.formats)
    if (f != "md" && f != "json") throw UsageError(fmt::format("unknown format '{}' (expected md or json)", f));
  // The same file twice would count its establishment twice.
  std::vector<fs::path> seen;
  for (const auto& path : o.inputs) {
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(path, ec);
    if (ec) canonical = fs::absolute(path);
    for (size_t k = 0; k < seen.size(); ++k)
      if (seen[k] == canonical)
        throw UsageError(fmt::format("{}: given twice (as '{}' and '{}'): merge each establishment's figures once", path,
                                     o.inputs[k], path));
    seen.push_back(canonical);
  }
  // The template is read before the data; its tags are checked against the
  // merged figures' own view (their categories) before anything is written.
  bool markdown = std::find(o.formats.begin(), o.formats.end(), "md") != o.formats.end();
  std::string template_name = o.template_path.empty() ? fmt::format("report.{}.md", o.lang) : o.template_path;
  std::string report_template;
  if (markdown) {
    if (!o.template_path.empty()) {
      report_template = read_text_file(o.template_path, "template", render::k_max_template_bytes);
    } else {
      auto embedded = util::find_embedded(template_name);
      if (!embedded) throw std::logic_error("missing embedded template " + template_name);
      report_template = std::string(*embedded);
    }
  }
  std::vector<figures::Figures> inputs;
  for (const auto& path : o.inputs) inputs.push_back(render::figures_from_json(read_text_file(path, "figures file", render::k_max_figures_bytes), path));
  const model::Lang lang = o.lang == "en" ? model::Lang::en : model::Lang::fr;
  // The latest period's files are the network's; earlier ones are compared with it.
  figures::NetworkYears years = figures::merge_network(inputs, o.inputs, lang == model::Lang::en);
  figures::Figures& merged = years.report;
  std::string name = !o.name.empty() ? o.name : model::default_network_name(lang, merged.network.establishments.size());
  merged.establishment.name = name;
  std::vector<const figures::Figures*> compared;
  for (auto& f : years.compared) {
    f.establishment.name = name;
    compared.push_back(&f);
  }
  render::NumberFormat nf = render::NumberFormat::for_lang(o.lang);
  if (markdown) render::check_template(report_template, template_name, render::report_view_schema(merged, nf, true));
  util::OutputFiles outputs(o.output_dir);
  outputs.on_lock_wait([&](const std::string& m) { if (!o.quiet) std::cerr << "ctreport: " << m << "\n"; });
  for (const auto& format : o.formats) {
    if (format == "json") {
      outputs.add(fmt::format("figures-{}.json", merged.period.label), render::figures_json_text(merged));
    } else {
      std::string base = fmt::format("rapport-{}", merged.period.label);
      auto view = render::report_view(merged, nf, compared, years.not_covered);
      auto charts = render::report_charts(merged, base, nf);
      kainjow::mustache::data chart_names;
      for (auto& [file, svg] : charts.files) outputs.add(file, std::move(svg));
      for (const auto& [key, file] : charts.names) chart_names.set(key, file);
      view.set("charts", chart_names);
      outputs.add(base + ".md", render::render_template(report_template, template_name, view, render::Escaping::markdown));
    }
  }
  auto written = outputs.commit();
  if (!o.quiet) {
    const auto& texts = model::network_texts(lang);
    std::cout << fmt::format("{}: {} {}, {} {}\n", merged.establishment.name, nf.integer(merged.people.present),
                             texts.people_present, nf.percent(merged.occupancy.rate), texts.occupancy);
    for (const auto& p : written) std::cout << fmt::format("  {:<24}{}\n", texts.written, p.string());
  }
  return 0;
}

}  // namespace ctreport::cli
