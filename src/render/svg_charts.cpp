// SVG chart drawing with fixed geometry and fmt (no locale).
#include "render/svg_charts.hpp"

#include "model/activity_texts.hpp"
#include "render/activities_view.hpp"
#include "render/origin_lines.hpp"

#include <algorithm>
#include <cmath>

#include <optional>

#include <fmt/format.h>

#include "model/breakdown_texts.hpp"
#include "model/chart_texts.hpp"
#include "util/date.hpp"

namespace ctreport::render {

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

constexpr int k_width = 640;
constexpr const char* k_font = "font-family=\"sans-serif\"";

std::string open_svg(int height, const std::string& title, const std::string& desc) {
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" "
      "aria-labelledby=\"title desc\">\n"
      "<title id=\"title\">{2}</title>\n<desc id=\"desc\">{3}</desc>\n"
      "<rect width=\"{0}\" height=\"{1}\" fill=\"#ffffff\"/>\n"
      "<text x=\"12\" y=\"24\" {4} font-size=\"15\" font-weight=\"bold\" fill=\"#222222\">{2}</text>\n",
      k_width, height, xml_escape(title), xml_escape(desc), k_font);
}

}  // namespace

namespace {

// Approximate width of `text` in a sans-serif font of `size` px: 0.6 em per
// character (code point), enough for layout without font metrics.
double text_width(std::string_view text, double size) {
  size_t chars = 0;
  for (unsigned char c : text) chars += (c & 0xC0) != 0x80 ? 1 : 0;
  return static_cast<double>(chars) * size * 0.6;
}

// `label` on one line, or on two split at the space nearest its middle when
// wider than `max_width`.
std::vector<std::string> wrap_label(const std::string& label, double max_width, double size) {
  if (text_width(label, size) <= max_width) return {label};
  size_t best = std::string::npos;
  double best_gap = 1e9, middle = text_width(label, size) / 2;
  for (size_t i = 0; i < label.size(); ++i)
    if (label[i] == ' ') {
      double gap = std::abs(text_width(std::string_view(label).substr(0, i), size) - middle);
      if (gap < best_gap) best_gap = gap, best = i;
    }
  if (best == std::string::npos) return {label};
  return {label.substr(0, best), label.substr(best + 1)};
}

}  // namespace

std::string svg_distribution_chart(const figures::Distribution& d, const std::string& title, const NumberFormat& nf) {
  const double font = 12, max_label_w = 300, value_w = 90;
  // The label column fits the longest label (wrapped on two lines past max_label_w).
  std::vector<std::vector<std::string>> labels;
  double label_w = 60;
  for (const auto& l : d.lines) {
    labels.push_back(wrap_label(l.label, max_label_w, font));
    for (const auto& part : labels.back()) label_w = std::max(label_w, text_width(part, font));
  }
  label_w = std::ceil(label_w) + 12;
  const double bar_max = k_width - label_w - 8 - value_w;
  const int top = 40;
  std::vector<double> row_y;
  double y_next = top;
  for (const auto& parts : labels) {
    row_y.push_back(y_next);
    y_next += parts.size() > 1 ? 40 : 28;
  }
  int height = static_cast<int>(y_next) + 16;
  int64_t max = 0;
  std::string desc;
  for (const auto& l : d.lines) {
    max = std::max(max, l.count);
    desc += fmt::format("{}{}: {} ({})", desc.empty() ? "" : "; ", l.label, nf.integer(l.count), nf.percent(l.share));
  }
  std::string svg = open_svg(height, title, desc);
  for (size_t i = 0; i < d.lines.size(); ++i) {
    const auto& l = d.lines[i];
    double y = row_y[i] + (labels[i].size() > 1 ? 6 : 0);  // the bar centred on two label lines
    double w = max > 0 ? bar_max * static_cast<double>(l.count) / static_cast<double>(max) : 0;
    if (labels[i].size() == 1) {
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" {} font-size=\"12\" text-anchor=\"end\" fill=\"#333333\">{}</text>\n",
                         label_w, y + 17, k_font, xml_escape(l.label));
    } else {
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" {} font-size=\"12\" text-anchor=\"end\" fill=\"#333333\">"
                         "<tspan x=\"{:.1f}\" dy=\"0\">{}</tspan><tspan x=\"{:.1f}\" dy=\"14\">{}</tspan></text>\n",
                         label_w, y + 10, k_font, label_w, xml_escape(labels[i][0]), label_w, xml_escape(labels[i][1]));
    }
    svg += fmt::format("<rect class=\"bar\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"20\" fill=\"{}\"/>\n",
                       label_w + 8, y + 3, w, l.key == "unknown" || l.key == "other" ? "#b8b8b8" : "#3a8f8f");
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" {} font-size=\"12\" fill=\"#222222\">{} ({})</text>\n",
                       label_w + 14 + w, y + 17, k_font, xml_escape(nf.integer(l.count)), xml_escape(nf.percent(l.share)));
  }
  return svg + "</svg>\n";
}

std::string svg_occupancy_chart(const std::vector<figures::MonthOccupancy>& months, const std::string& title,
                                const NumberFormat& nf) {
  const int top = 40, plot_h = 200, left = 48, bottom = 40;
  const auto& texts = model::chart_texts(nf.french ? model::Lang::fr : model::Lang::en);
  int height = top + plot_h + bottom;
  int n = std::max<int>(1, static_cast<int>(months.size()));
  double slot = (k_width - left - 16) / static_cast<double>(n);
  std::vector<double> places;
  double max = 1;
  std::string desc;
  for (const auto& m : months) {
    int y = std::stoi(m.month.substr(0, 4));
    unsigned mo = static_cast<unsigned>(std::stoi(m.month.substr(5, 2)));
    double p = static_cast<double>(m.capacity_days) / util::days_in_month(y, mo);
    places.push_back(p);
    max = std::max({max, p, m.average_present});
    desc += fmt::format("{}{}: {} {} / {} {}", desc.empty() ? "" : "; ", nf.month(y, mo),
                        nf.decimal_places(m.average_present, 1), texts.present, nf.decimal_places(p, 0), texts.places);
  }
  // The y axis: a round step giving 4 to 8 ticks, the top tick above every value.
  double step = 1;
  for (double candidate : {1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 500.0, 1000.0}) {
    step = candidate;
    if (max / candidate <= 7) break;
  }
  while (max / step > 7) step *= 10;  // a network's figures may be far larger: at most 8 ticks whatever the values
  max = std::ceil(max * 1.08 / step) * step;
  auto y_of = [&](double v) { return top + plot_h - plot_h * v / max; };
  std::string svg = open_svg(height, title, desc);
  for (double t = 0; t <= max + 1e-9; t += step) {
    svg += fmt::format("<line class=\"tick\" x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"{}\"/>\n", left - 4, y_of(t),
                       k_width - 16, y_of(t), t == 0 ? "#888888" : "#e4e4e4");
    svg += fmt::format("<text class=\"tick-label\" x=\"{}\" y=\"{:.1f}\" {} font-size=\"11\" text-anchor=\"end\" fill=\"#555555\">{}</text>\n",
                       left - 7, y_of(t) + 4, k_font, xml_escape(nf.integer(static_cast<int64_t>(std::lround(t)))));
  }
  std::string line;
  for (size_t i = 0; i < months.size(); ++i) {
    const auto& m = months[i];
    double x = left + slot * static_cast<double>(i);
    double bar_y = y_of(m.average_present);
    svg += fmt::format("<rect class=\"bar\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"#3a8f8f\"/>\n",
                       x + slot * 0.15, bar_y, slot * 0.7, top + plot_h - bar_y);
    svg += fmt::format("<text class=\"value\" x=\"{:.1f}\" y=\"{:.1f}\" {} font-size=\"10\" text-anchor=\"middle\" fill=\"#222222\">{}</text>\n",
                       x + slot / 2, bar_y - 3, k_font, xml_escape(nf.decimal_places(m.average_present, 1)));
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" {} font-size=\"11\" text-anchor=\"middle\" fill=\"#333333\">{}</text>\n",
                       x + slot / 2, top + plot_h + 16, k_font, xml_escape(m.month.substr(5, 2) + "/" + m.month.substr(2, 2)));
    line += fmt::format("{}{:.1f},{:.1f} {:.1f},{:.1f}", line.empty() ? "" : " ", x, y_of(places[i]), x + slot, y_of(places[i]));
  }
  svg += fmt::format("<polyline class=\"places\" points=\"{}\" fill=\"none\" stroke=\"#b03030\" stroke-width=\"2\"/>\n", line);
  svg += fmt::format("<text x=\"{}\" y=\"{}\" {} font-size=\"12\" fill=\"#333333\">{}</text>\n", left, height - 6, k_font,
                     xml_escape(texts.occupancy_legend));
  return svg + "</svg>\n";
}

std::string svg_trend_chart(const std::vector<std::pair<std::string, std::optional<int64_t>>>& values,
                            const std::string& title, const NumberFormat& nf) {
  const int top = 40, plot_h = 180, left = 24, bottom = 30;
  int height = top + plot_h + bottom;
  int n = std::max<int>(1, static_cast<int>(values.size()));
  double slot = (k_width - left - 16) / static_cast<double>(n);
  int64_t max = 1;
  std::string desc;
  for (const auto& [label, v] : values) {
    if (v) max = std::max(max, *v);
    desc += fmt::format("{}{}: {}", desc.empty() ? "" : "; ", label, v ? nf.integer(*v) : "\u2013");
  }
  std::string svg = open_svg(height, title, desc);
  for (size_t i = 0; i < values.size(); ++i) {
    double x = left + slot * static_cast<double>(i);
    // A year without data keeps its place on the axis: no bar, a dash.
    const auto& v = values[i].second;
    double h = v ? plot_h * 0.9 * static_cast<double>(*v) / static_cast<double>(max) : 0.0;
    if (v)
      svg += fmt::format("<rect class=\"bar\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"#3a8f8f\"/>\n",
                         x + slot * 0.2, top + plot_h - h, slot * 0.6, h);
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" {} font-size=\"12\" text-anchor=\"middle\" fill=\"#222222\">{}</text>\n",
                       x + slot / 2, top + plot_h - h - 4, k_font, v ? xml_escape(nf.integer(*v)) : "\u2013");
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" {} font-size=\"12\" text-anchor=\"middle\" fill=\"#333333\">{}</text>\n",
                       x + slot / 2, top + plot_h + 18, k_font, xml_escape(values[i].first));
  }
  return svg + "</svg>\n";
}

std::string svg_rate_trend_chart(const std::vector<std::pair<std::string, std::optional<double>>>& values,
                                 const std::string& title, const NumberFormat& nf) {
  const int top = 40, plot_h = 180, left = 24, bottom = 30;
  int height = top + plot_h + bottom;
  int n = std::max<int>(1, static_cast<int>(values.size()));
  double slot = (k_width - left - 16) / static_cast<double>(n);
  double max = 1;  // 100 % at least, so that bars of different batches read alike
  std::string desc;
  for (const auto& [label, v] : values) {
    if (v) max = std::max(max, *v);
    desc += fmt::format("{}{}: {}", desc.empty() ? "" : "; ", label, nf.percent(v));
  }
  auto height_of = [&](double v) { return plot_h * 0.9 * v / max; };
  std::string svg = open_svg(height, title, desc);
  // The line of a full house: 100 %.
  double full = top + plot_h - height_of(1);
  svg += fmt::format("<line class=\"full\" x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#b03030\" "
                     "stroke-dasharray=\"4 3\"/>\n",
                     left, full, k_width - 16, full);
  svg += fmt::format("<text x=\"{}\" y=\"{:.1f}\" {} font-size=\"11\" text-anchor=\"end\" fill=\"#b03030\">{}</text>\n",
                     k_width - 16, full - 4, k_font, xml_escape(nf.percent(1.0)));
  for (size_t i = 0; i < values.size(); ++i) {
    double x = left + slot * static_cast<double>(i);
    // A year without data or without places keeps its place on the axis: no bar, a dash.
    const auto& v = values[i].second;
    double h = v ? height_of(*v) : 0.0;
    if (v)
      svg += fmt::format("<rect class=\"bar\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"#3a8f8f\"/>\n",
                         x + slot * 0.2, top + plot_h - h, slot * 0.6, h);
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" {} font-size=\"12\" text-anchor=\"middle\" fill=\"#222222\">{}</text>\n",
                       x + slot / 2, top + plot_h - h - 4, k_font, xml_escape(nf.percent(v)));
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" {} font-size=\"12\" text-anchor=\"middle\" fill=\"#333333\">{}</text>\n",
                       x + slot / 2, top + plot_h + 18, k_font, xml_escape(values[i].first));
  }
  return svg + "</svg>\n";
}

ReportCharts report_charts(const figures::Figures& f, const std::string& base, const NumberFormat& nf) {
  ReportCharts out;
  auto add = [&](std::string_view key, std::string svg) {
    std::string name = fmt::format("{}-{}.svg", base, key);
    out.files.emplace_back(name, std::move(svg));
    out.names.emplace_back(std::string(key), name);
  };
  // A chart for each breakdown declared with one, none for a distribution the
  // export has no column for (docs/figures.md, "A missing column").
  for (size_t i = 0; i < model::k_breakdown_count; ++i) {
    const model::Breakdown& b = model::k_breakdowns[i];
    if (b.chart.empty() || !f.breakdowns[i].available) continue;
    std::string title(model::breakdown_text(b, nf.french ? model::Lang::fr : model::Lang::en).chart_title);
    add(b.chart, svg_distribution_chart(distribution_as_shown(f, i, !nf.french), title, nf));
  }
  add("occupation", svg_occupancy_chart(f.occupancy.monthly,
                                        std::string(model::chart_texts(nf.french ? model::Lang::fr : model::Lang::en).occupancy_title),
                                        nf));
  if (f.activities.given) {
    const auto& texts = model::activity_texts(nf.french ? model::Lang::fr : model::Lang::en);
    add("activites", svg_distribution_chart(activity_type_distribution(f.activities), std::string(texts.chart_title), nf));
  }
  return out;
}

}  // namespace ctreport::render
