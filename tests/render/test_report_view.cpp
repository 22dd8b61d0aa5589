// The template view: the schema views hold every variable a template may use,
// whatever the data, and the shipped templates use only those.
#include <doctest/doctest.h>

#include <string>

#include <fmt/format.h>

#include "render/report_view.hpp"
#include "render/template_engine.hpp"
#include "support/pipeline.hpp"
#include "util/embedded_files.hpp"
#include "util/errors.hpp"

using namespace ctreport;

namespace {

std::string check_error(const std::string& tmpl, const kainjow::mustache::data& schema) {
  try {
    render::check_template(tmpl, "t.md", schema);
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_SUITE("render::report_view") {

TEST_CASE("the shipped templates use only variables of the schema views") {
  for (const char* lang : {"fr", "en"}) {
    model::Config config = test::config_with(fmt::format("lang: {}\n", lang));
    std::string md = fmt::format("report.{}.md", lang), tex = fmt::format("report.{}.tex", lang),
                index = fmt::format("index.{}.md", lang);
    CHECK_NOTHROW(render::check_template(*util::find_embedded(md), md, render::report_view_schema(config, true)));
    CHECK_NOTHROW(render::check_template(*util::find_embedded(tex), tex, render::report_view_schema(config, false)));
    CHECK_NOTHROW(render::check_template(*util::find_embedded(index), index, render::index_view_schema(config)));
  }
}

TEST_CASE("the schema holds the parts the data may lack: months without capacity, comparisons, network, warnings") {
  // Capacity 0 (what `ctreport init` writes): the monthly section never renders, yet is checked.
  auto schema = render::report_view_schema(test::config_with("capacity: 0\n"), true);
  CHECK(check_error("{{#occupancy.monthly}}{{month}} {{rate}}{{/occupancy.monthly}}", schema) == "");
  CHECK(check_error("{{#occupancy.has_capacity}}\n{{#occupancy.monthly}}\n| {{labl}} |\n{{/occupancy.monthly}}\n"
                    "{{/occupancy.has_capacity}}\n",
                    schema) == "template t.md:3: unknown variable 'labl' (the variables are listed in docs/templates.md)");
  CHECK(check_error("{{#has_previous}}{{previous.label}} {{change.people_present}}{{/has_previous}}"
                    "{{#comparisons}}{{label}}{{/comparisons}}{{#network.establishments}}{{name}}{{/network.establishments}}"
                    "{{#quality.warnings}}{{message}} {{row}}{{/quality.warnings}}{{sex.by_key.unknown.count}}"
                    "{{exits.reasons.by_key.other.share}}{{charts.age}}",
                    schema) == "");
  CHECK(check_error("{{^has_previous}}\n{{typo}}{{/has_previous}}", schema) ==
        "template t.md:2: unknown variable 'typo' (the variables are listed in docs/templates.md)");
  // The LaTeX report has no SVG files.
  CHECK(check_error("{{charts.age}}", render::report_view_schema(test::config_with(""), false)) ==
        "template t.md:1: unknown variable 'charts.age' (the variables are listed in docs/templates.md)");
  // Categories of the user's config are keys too.
  auto custom = render::report_view_schema(
      test::config_with("categories:\n  referral:\n    - {key: justice, label: Justice, values: [SPIP]}\n"), true);
  CHECK(check_error("{{referral.by_key.justice.count}}", custom) == "");
  CHECK(check_error("{{referral.by_key.justise.count}}", custom) ==
        "template t.md:1: unknown variable 'referral.by_key.justise.count' (the variables are listed in docs/templates.md)");
}

TEST_CASE("the batch index schema has a year's headline") {
  auto schema = render::index_view_schema(test::config_with(""));
  CHECK(check_error("{{#years}}{{label}} {{people_present}} {{report_file}}{{/years}}{{first}}", schema) == "");
  CHECK(check_error("{{#years}}\n{{people_presnt}}{{/years}}", schema) ==
        "template t.md:2: unknown variable 'people_presnt' (the variables are listed in docs/templates.md)");
}

}  // TEST_SUITE
