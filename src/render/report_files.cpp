// Rendering one report into each requested format, and a batch's index.
#include "render/report_files.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "model/index_texts.hpp"
#include "model/period.hpp"
#include "render/figures_json.hpp"
#include "render/latex_pdf.hpp"
#include "render/report_view.hpp"
#include "render/svg_charts.hpp"
#include "render/template_engine.hpp"
#include "render/xlsx_output.hpp"
#include "util/date.hpp"

namespace ctreport::render {

namespace fs = std::filesystem;

namespace {

// The PDF's date: the day after the period, at midnight UTC (reproducible).
long long pdf_date(const figures::Figures& f) {
  return (static_cast<long long>(util::parse_date(f.period.end, 2200).day) + 1) * 86400;
}

// The Markdown report and its charts, beside it and referenced from it.
void add_markdown(const ReportRequest& r, const std::string& base, const ReportTemplates& t, const NumberFormat& nf,
                  NamedFiles& out) {
  auto view = report_view(r.figures, nf, r.previous, r.not_covered);
  auto charts = report_charts(r.figures, base, nf);
  kainjow::mustache::data chart_names;
  for (auto& [name, svg] : charts.files) out.emplace_back(name, std::move(svg));
  for (const auto& [key, name] : charts.names) chart_names.set(key, name);
  view.set("charts", chart_names);
  out.emplace_back(base + ".md", render_template(t.markdown, t.markdown_name, view, Escaping::markdown));
}

}  // namespace

NamedFiles report_files(const ReportRequest& r, const std::vector<std::string>& formats, const ReportTemplates& t,
                        const NumberFormat& nf) {
  NamedFiles out;
  const figures::Figures& f = r.figures;
  const std::string base = fmt::format("rapport-{}{}", f.period.label, r.suffix);
  for (const auto& format : formats) {
    if (format == "md") {
      add_markdown(r, base, t, nf, out);
    } else if (format == "json") {
      out.emplace_back(fmt::format("figures-{}{}.json", f.period.label, r.suffix), figures_json_text(f));
    } else if (format == "xlsx") {
      out.emplace_back(base + ".xlsx", xlsx_workbook_report(f, nf, fs::temp_directory_path(), r.previous));
    } else if (format == "tex" || format == "pdf") {
      std::string tex = render_template(t.latex, t.latex_name, report_view(f, nf, r.previous, r.not_covered), Escaping::latex);
      if (format == "tex") out.emplace_back(base + ".tex", std::move(tex));
      else out.emplace_back(base + ".pdf", compile_pdf(tex, fs::temp_directory_path(), pdf_date(f)));
    }
  }
  return out;
}

NamedFiles index_files(const std::vector<const figures::Figures*>& years, const model::Config& config,
                       const ReportTemplates& t, const NumberFormat& nf) {
  // Years without data keep their place, and so does a year without places on the occupancy chart.
  std::vector<std::pair<std::string, std::optional<int64_t>>> people;
  std::vector<std::pair<std::string, std::optional<double>>> occupancy;
  for (int y = years.front()->period.year; y <= years.back()->period.year; ++y) {
    const figures::Figures* f = nullptr;
    for (const auto* listed : years)
      if (listed->period.year == y) f = listed;
    bool has_data = f && f->stays.overlapping > 0;
    std::string label = model::make_period(y, config.start_month).label;
    people.emplace_back(label, has_data ? std::optional<int64_t>(f->people.present) : std::nullopt);
    occupancy.emplace_back(label, has_data && f->occupancy.has_capacity ? f->occupancy.rate : std::nullopt);
  }
  const auto& texts = model::index_texts(nf.french ? model::Lang::fr : model::Lang::en);
  NamedFiles out;
  out.emplace_back("index-tendance.svg", svg_trend_chart(people, std::string(texts.people_chart_title), nf));
  if (config.capacity.defined())  // the index shows the occupancy column and chart only then
    out.emplace_back("index-occupation.svg", svg_rate_trend_chart(occupancy, std::string(texts.occupancy_chart_title), nf));
  out.emplace_back("index.md", render_template(t.index, t.index_name, index_view(years, config, nf), Escaping::markdown));
  return out;
}

}  // namespace ctreport::render
