// The template view: the schema views hold every variable a template may use,
// whatever the data, and the shipped templates use only those.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "render/report_view.hpp"
#include "render/template_tags.hpp"
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

// The words of every `code span` of docs/templates.md ("`stay_length.mean_days`,
// `.median_days`" gives stay_length, mean_days, median_days).
std::set<std::string> documented_words() {
  std::ifstream in(std::string(CTREPORT_SOURCE_DIR) + "/docs/templates.md");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string doc = ss.str();
  std::set<std::string> words;
  for (size_t open = doc.find('`'); open != std::string::npos;) {
    size_t close = doc.find('`', open + 1);
    if (close == std::string::npos) break;
    std::string word;
    for (size_t i = open + 1; i <= close; ++i) {
      char c = doc[i];
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
        word += c;
      } else {
        if (!word.empty()) words.insert(word);
        word.clear();
      }
    }
    open = doc.find('`', close + 1);
  }
  return words;
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
    std::string office = fmt::format("report.{}.docx.md", lang);
    CHECK_NOTHROW(render::check_template(*util::find_embedded(office), office, render::report_view_schema(config, true)));
  }
}

TEST_CASE("every variable the shipped templates use is documented in docs/templates.md") {
  std::set<std::string> words = documented_words();
  REQUIRE(words.count("people"));
  for (const char* name : {"report.fr.md", "report.en.md", "report.fr.tex", "report.en.tex", "index.fr.md", "index.en.md",
                           "report.fr.docx.md", "report.en.docx.md"}) {
    auto scanned = render::scan_template_tags(*util::find_embedded(name));
    REQUIRE_FALSE(scanned.error);
    for (const auto& tag : scanned.tags) {
      if (tag.kind == render::TemplateTag::Kind::comment || tag.kind == render::TemplateTag::Kind::set_delimiter ||
          tag.kind == render::TemplateTag::Kind::section_end)
        continue;
      std::string previous;
      size_t start = 0;
      for (;;) {
        size_t dot = tag.name.find('.', start);
        std::string part = tag.name.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        // Category keys after by_key are the config's (documented as KEY); `x_plural` is documented as `…_plural`.
        bool ok = previous == "by_key" || words.count(part) ||
                  (part.size() > 7 && part.substr(part.size() - 7) == "_plural" && words.count("_plural") &&
                   words.count(part.substr(0, part.size() - 7)));
        INFO(name, ":", tag.line, ": ", tag.name);
        CHECK_MESSAGE(ok, "'" << part << "' is not documented");
        if (dot == std::string::npos) break;
        previous = part;
        start = dot + 1;
      }
    }
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
