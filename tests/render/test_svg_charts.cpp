// The SVG charts: well-formed XML, one bar per line with widths proportional
// to the counts, every text escaped, accessible title.
#include <doctest/doctest.h>

#include <expat.h>

#include <algorithm>
#include <map>
#include <vector>

#include <fmt/format.h>

#include "render/svg_charts.hpp"

using namespace ctreport;

namespace {

struct Parsed {
  bool ok = false;
  std::vector<std::map<std::string, std::string>> bars;  // attributes of <rect class="bar">
  int polylines = 0;
  std::string title;
  std::vector<std::string> texts;
  std::vector<std::map<std::string, std::string>> text_attrs;  // attributes of each <text>, same order
};

Parsed parse(const std::string& svg) {
  Parsed p;
  struct State {
    Parsed* p;
    std::string current;
    bool in_title = false, in_text = false;
  } st{&p};
  XML_Parser x = XML_ParserCreate(nullptr);
  XML_SetUserData(x, &st);
  XML_SetElementHandler(
      x,
      [](void* u, const char* name, const char** attrs) {
        auto* s = static_cast<State*>(u);
        std::map<std::string, std::string> a;
        for (int i = 0; attrs[i]; i += 2) a[attrs[i]] = attrs[i + 1];
        std::string n = name;
        if (n == "rect" && a["class"] == "bar") s->p->bars.push_back(a);
        if (n == "polyline") ++s->p->polylines;
        if (n == "text") s->p->text_attrs.push_back(a);
        if (n == "tspan") {  // a label on two lines reads as one, with a space
          if (!s->current.empty()) s->current += ' ';
          return;
        }
        s->in_title = n == "title";
        s->in_text = n == "text";
        s->current.clear();
      },
      [](void* u, const char* name) {
        auto* s = static_cast<State*>(u);
        if (std::string(name) == "tspan") return;
        if (std::string(name) == "title") s->p->title = s->current;
        if (std::string(name) == "text") s->p->texts.push_back(s->current);
        s->in_title = s->in_text = false;
      });
  XML_SetCharacterDataHandler(x, [](void* u, const char* t, int len) {
    auto* s = static_cast<State*>(u);
    if (s->in_title || s->in_text) s->current.append(t, static_cast<size_t>(len));
  });
  p.ok = XML_Parse(x, svg.data(), static_cast<int>(svg.size()), 1) == XML_STATUS_OK;
  XML_ParserFree(x);
  return p;
}

}  // namespace

TEST_SUITE("render::svg_charts") {

TEST_CASE("a distribution: one bar per line, widths proportional to counts, labels escaped") {
  figures::Distribution d;
  d.lines = {{"a", "CSAPA & Co_50% <b>", 10, 0.625}, {"b", "Justice", 5, 0.3125}, {"unknown", "Non renseigné", 1, 0.0625},
             {"c", "Famille", 0, 0.0}};
  auto nf = render::NumberFormat::for_lang("fr");
  std::string svg = render::svg_distribution_chart(d, "Orientation & origine", nf);
  CHECK(svg.find("CSAPA &amp; Co_50% &lt;b&gt;") != std::string::npos);
  auto p = parse(svg);
  REQUIRE(p.ok);
  CHECK(p.title == "Orientation & origine");
  REQUIRE(p.bars.size() == 4);
  double w0 = std::stod(p.bars[0]["width"]);
  CHECK(w0 > 0);
  CHECK(std::stod(p.bars[1]["width"]) == doctest::Approx(w0 / 2).epsilon(0.01));
  CHECK(std::stod(p.bars[2]["width"]) == doctest::Approx(w0 / 10).epsilon(0.01));
  CHECK(std::stod(p.bars[3]["width"]) == 0);
  CHECK(std::find(p.texts.begin(), p.texts.end(), "CSAPA & Co_50% <b>") != p.texts.end());
  CHECK(std::find(p.texts.begin(), p.texts.end(), "10 (63\u00A0%)") != p.texts.end());
}

TEST_CASE("long labels are not cut: the label column fits them, the longest wraps onto two lines") {
  figures::Distribution d;
  d.lines = {{"a", "Partenaire médico-social (CSAPA, CAARUD…)", 33, 0.37},
             {"b", "Logement accompagné (résidence sociale, pension de famille, ACT…)", 7, 0.13},
             {"c", "Justice", 7, 0.08}};
  auto p = parse(render::svg_distribution_chart(d, "Orientation", render::NumberFormat::for_lang("fr")));
  REQUIRE(p.ok);
  CHECK(p.title == "Orientation");
  // Whole labels, the longest on two lines (read back joined by a space).
  CHECK(p.texts[1] == "Partenaire médico-social (CSAPA, CAARUD…)");
  CHECK(p.texts[3] == "Logement accompagné (résidence sociale, pension de famille, ACT…)");
  // Right-aligned at x: the column is wide enough for 41 characters at 0.6 em of 12 px.
  double label_x = std::stod(p.text_attrs[1]["x"]);
  CHECK(label_x >= 41 * 12 * 0.6);
  CHECK(std::stod(p.bars[0]["x"]) > label_x);
  // The bars and their values stay inside the 640 px width.
  for (auto& bar : p.bars) CHECK(std::stod(bar["x"]) + std::stod(bar["width"]) <= 640 - 60);
}

TEST_CASE("an empty distribution is still a valid chart") {
  figures::Distribution d;
  d.lines = {{"a", "A", 0, std::nullopt}};
  auto p = parse(render::svg_distribution_chart(d, "Vide", render::NumberFormat::for_lang("fr")));
  REQUIRE(p.ok);
  REQUIRE(p.bars.size() == 1);
  CHECK(std::stod(p.bars[0]["width"]) == 0);
}

TEST_CASE("monthly occupancy: a bar per month and the places line, the trend chart") {
  std::vector<figures::MonthOccupancy> months;
  for (int m = 1; m <= 12; ++m)
    months.push_back({fmt::format("2024-{:02}", m), 100, 35 * 30, std::nullopt, 20.0 + m});
  auto p = parse(render::svg_occupancy_chart(months, "Occupation", render::NumberFormat::for_lang("fr")));
  REQUIRE(p.ok);
  CHECK(p.bars.size() == 12);
  CHECK(p.polylines == 1);
  CHECK(std::stod(p.bars[11]["height"]) > std::stod(p.bars[0]["height"]));
  // A y axis with round ticks up to above the highest value, and each month's value over its bar.
  std::vector<std::string> ticks, values;
  for (size_t i = 0; i < p.texts.size(); ++i) {
    if (p.text_attrs[i]["class"] == "tick-label") ticks.push_back(p.texts[i]);
    if (p.text_attrs[i]["class"] == "value") values.push_back(p.texts[i]);
  }
  CHECK(ticks == std::vector<std::string>{"0", "10", "20", "30", "40"});  // places reach 36,2 (35 x 30 / 29 days)
  REQUIRE(values.size() == 12);
  CHECK(values[0] == "21,0");
  CHECK(values[11] == "32,0");
  auto t = parse(render::svg_trend_chart({{"2022", 82}, {"2023", 74}, {"2024", 89}}, "Tendance", render::NumberFormat::for_lang("fr")));
  REQUIRE(t.ok);
  CHECK(t.bars.size() == 3);
  CHECK(std::find(t.texts.begin(), t.texts.end(), "89") != t.texts.end());
}

TEST_CASE("the occupancy trend: a bar per year with its rate, a dash for a year without, a line at 100 %") {
  auto nf = render::NumberFormat::for_lang("fr");
  auto t = parse(render::svg_rate_trend_chart({{"2021", std::nullopt}, {"2022", 0.89}, {"2023", 1.1}}, "Taux", nf));
  REQUIRE(t.ok);
  CHECK(t.title == "Taux");
  REQUIRE(t.bars.size() == 2);  // no bar for 2021, never a zero
  for (const char* text : {"\u2013", "89\u00A0%", "110\u00A0%", "100\u00A0%", "2021", "2022", "2023"}) {
    CAPTURE(std::string(text));
    CHECK(std::find(t.texts.begin(), t.texts.end(), text) != t.texts.end());
  }
  // Heights proportional to the rates: 89 % is 89/110 of 110 %.
  double h89 = std::stod(t.bars[0].at("height")), h110 = std::stod(t.bars[1].at("height"));
  CHECK(h89 / h110 == doctest::Approx(0.89 / 1.1).epsilon(0.01));
}

}  // TEST_SUITE
