// The template view's comparisons: one group per compared year, most recent
// first, never the period itself, changes in points from the shown percentages.
#include <doctest/doctest.h>

#include "render/report_view.hpp"
#include "render/template_engine.hpp"

using namespace ctreport;

namespace {

figures::Figures year(int y, int64_t women, int64_t men, int64_t occupied, int64_t capacity) {
  figures::Figures f;
  f.period.label = std::to_string(y);
  f.period.start = std::to_string(y) + "-01-01";
  f.period.end = std::to_string(y) + "-12-31";
  f.period.year = y;
  f.period.days = 365;
  f.counting.bed_days = "nights";
  f.counting.age_reference = "entry";
  f.stays.overlapping = women + men;
  f.people.present = women + men;
  f.breakdown("sex").total = women + men;
  f.breakdown("sex").lines = {{"F", "Femmes", women, static_cast<double>(women) / static_cast<double>(women + men)},
                 {"M", "Hommes", men, static_cast<double>(men) / static_cast<double>(women + men)}};
  f.occupancy.has_capacity = true;
  f.occupancy.bed_days = occupied;
  f.occupancy.capacity_days = capacity;
  f.occupancy.rate = static_cast<double>(occupied) / static_cast<double>(capacity);
  f.occupancy.average_present = static_cast<double>(occupied) / 365.0;
  return f;
}

std::string show(const std::string& tpl, const kainjow::mustache::data& view) {
  return render::render_template(tpl, "t.md", view, render::Escaping::markdown);
}

}  // namespace

TEST_SUITE("render::report_view") {

TEST_CASE("changes in points are the difference of the whole percentages shown") {
  auto nf = render::NumberFormat::for_lang("fr");
  // 14,6 % of women now (shown 15 %), 23,4 % before (shown 23 %): −8 points, not round(−8,8) = −9.
  auto now = year(2024, 146, 854, 1460, 10000);   // occupancy 14,6 %
  auto before = year(2023, 234, 766, 2340, 10000);  // occupancy 23,4 %
  auto view = render::report_view(now, nf, {&before});
  CHECK(show("{{#sex.lines}}{{share}} {{#comparisons}}{{value}} {{change}}{{/comparisons}}|{{/sex.lines}}", view) ==
        "15\u00A0% 234 (23\u00A0%) \u221288 (\u22128 points)|85\u00A0% 766 (77\u00A0%) +88 (+8 points)|");
  CHECK(show("{{change.occupancy_rate}}|{{#comparisons}}{{change.occupancy_rate}}{{/comparisons}}", view) ==
        "\u22128 points|\u22128 points");
}

TEST_CASE("one comparison group per year, most recent first, never the period itself") {
  auto nf = render::NumberFormat::for_lang("fr");
  auto y2022 = year(2022, 10, 30, 100, 1000), y2023 = year(2023, 20, 20, 200, 1000), y2024 = year(2024, 30, 10, 300, 1000);
  auto view = render::report_view(y2024, nf, {&y2022, &y2024, &y2023});
  CHECK(show("{{#comparisons}}{{label}}: {{people_present}} {{change.people_present}} {{change.present_at_start}} "
               "{{change.average_present}};{{/comparisons}}",
               view) == "2023: 40 = = +0,3;2022: 40 = = +0,5;");
  CHECK(show("{{previous.label}} {{#sex.comparisons}}{{label}} {{total}} {{total_change}};{{/sex.comparisons}}", view) ==
        "2023 2023 40 =;2022 40 =;");
  auto alone = render::report_view(y2024, nf, {&y2024});
  CHECK(show("{{#has_previous}}x{{/has_previous}}{{#comparisons}}{{label}}{{/comparisons}}", alone) == "");
}

}  // TEST_SUITE
