// Templates a user may give, hostile or odd: bounded in size and nesting before
// mustache sees them, and a template the check accepts always renders (the
// check and the renderer read tags alike, by_key names always exist).
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "render/number_format.hpp"
#include "render/report_view.hpp"
#include "render/template_engine.hpp"
#include "render/template_tags.hpp"
#include "support/pipeline.hpp"
#include "util/errors.hpp"

using namespace ctreport;
using kainjow::mustache::data;

namespace {

std::string check_error(const std::string& tmpl, const data& schema) {
  try {
    render::check_template(tmpl, "t.md", schema);
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

std::string render_error(const std::string& tmpl, const data& view) {
  try {
    render::render_template(tmpl, "t.md", view, render::Escaping::markdown);
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

std::string nested(size_t levels) {
  std::string t;
  for (size_t i = 0; i < levels; ++i) t += "{{#a}}\n";
  t += "x\n";
  for (size_t i = 0; i < levels; ++i) t += "{{/a}}\n";
  return t;
}

data simple_view() {
  data v;
  v.set("a", true);
  v.set("title", "T");
  return v;
}

}  // namespace

TEST_SUITE("render::template_limits") {

TEST_CASE("sections nested deeper than 100 levels are refused at the tag, before mustache parses them") {
  // 10 000 levels (190 KB) took 5.9 s and 1.78 GB (stack overflow under ASan); 20 000 crashed; 100 000 ran for minutes.
  auto start = std::chrono::steady_clock::now();
  for (size_t levels : {101u, 10000u, 50000u}) {
    CAPTURE(levels);
    std::string t = nested(levels);
    CHECK(check_error(t, simple_view()) == "template t.md:101: section \"a\" is nested more than 100 levels deep");
    CHECK(render_error(t, simple_view()) == "template t.md:101: section \"a\" is nested more than 100 levels deep");
  }
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  CHECK(check_error(nested(100), simple_view()) == "");
  CHECK(render::render_template(nested(100), "t.md", simple_view(), render::Escaping::markdown) == "x\n");
}

TEST_CASE("a template larger than 1 MiB is refused") {
  std::string big(render::k_max_template_bytes + 1, 'x');
  CHECK(check_error(big, simple_view()) == "template t.md: larger than 1 MiB, the most a template may be");
  CHECK(render_error(big, simple_view()) == "template t.md: larger than 1 MiB, the most a template may be");
  CHECK(render_error(std::string(render::k_max_template_bytes, 'x'), simple_view()) == "");
}

TEST_CASE("a template that is not valid UTF-8 is refused at its line, by the check and the render") {
  // Before, a Latin-1 byte went through to the report, which was then not valid UTF-8.
  std::string latin1 = "# Rapport\n\nCT Les Tilleuls \xE9t\xE9 {{title}}\n";
  const std::string expected =
      "template t.md:3: not valid UTF-8 (a Latin-1 or Windows-1252 character?): save the template as UTF-8";
  CHECK(check_error(latin1, simple_view()) == expected);
  CHECK(render_error(latin1, simple_view()) == expected);
  CHECK(check_error("# Rapport\n\nCT Les Tilleuls \xC3\xA9t\xC3\xA9 {{title}}\n", simple_view()) == "");
}

TEST_CASE("a delimiter change with a vertical tab or form feed is refused by the check, at its line") {
  // The check accepted it, then rendering failed with "Invalid set delimiter tag at 2" (a byte offset).
  CHECK(check_error("x\n{{=<< \v>>=}}\n", simple_view()) ==
        "template t.md:2: invalid delimiter change \"{{=<< \v>>=}}\" (expected e.g. \"{{=<< >>=}}\")");
  CHECK(check_error("{{=<<\f >>=}}\n", simple_view()) ==
        "template t.md:1: invalid delimiter change \"{{=<<\f >>=}}\" (expected e.g. \"{{=<< >>=}}\")");
  CHECK(check_error("{{=<< \t>>=}}\n", simple_view()) ==
        "template t.md:1: invalid delimiter change \"{{=<< \t>>=}}\" (expected e.g. \"{{=<< >>=}}\")");
  CHECK(check_error("{{= <<   >> =}}<<title>>\n", simple_view()) == "");
}

TEST_CASE("a name with an empty part is an error of the check and of the render alike") {
  CHECK(check_error("\n{{title.}}\n", simple_view()) ==
        "template t.md:2: \"{{title.}}\": 'title.' is not a variable name (a dotted name has no empty part)");
  CHECK(render_error("{{a..b}}", simple_view()) ==
        "template t.md:1: \"{{a..b}}\": 'a..b' is not a variable name (a dotted name has no empty part)");
  CHECK(render::render_template("{{#title}}{{.}}{{/title}}", "t.md", simple_view(), render::Escaping::none) == "T");
}

TEST_CASE("whatever the check accepts renders with the schema it was checked against") {
  data schema = simple_view();
  const std::vector<std::string> templates = {
      "{{title\xC2\xA0}}",       // a no-break space is part of the name for mustache
      "{{ title\v}}",            // a vertical tab is not
      "{{=<< \v>>=}}<<title>>",  // nor in a delimiter change
      "{{=<< >>=}}<<title>><<={{ }}=>>{{{title}}}",
      "{{=| |=}}|title||={{ }}=|{{title}}",
      "{{{title}}",
      "{{&title}}{{& title }}",
      "{{#a}}{{title}}{{/a }}",
      "{{#a}}{{/b}}",
      "{{/a}}",
      "{{}}",
      "{{!}}",
      "{{title}}{{",
      "{{title}}}",
      "{{=<< >>=}}<<{title}>>",
      "{{ = < > = }}<title>",
      "{{=a b=}}atitleb",
      "{{=== ===}}",
  };
  for (const auto& t : templates) {
    CAPTURE(t);
    if (check_error(t, schema).empty()) CHECK(render_error(t, schema) == "");
  }
  CHECK(check_error("{{title\xC2\xA0}}", schema) ==
        "template t.md:1: unknown variable 'title\xC2\xA0' (the variables are listed in docs/templates.md)");
}

TEST_CASE("by_key.other and by_key.unknown render 0 when the distribution has no such line") {
  // {{sex.by_key.unknown.count}} passed the check (the schema has an unknown line), then failed at render.
  model::Config config = model::default_config();
  figures::Figures f = test::figures_of("Date d'entrée;Sexe\n01/02/2024;F\n", 2024);
  REQUIRE_FALSE(test::has_line(f.breakdown("sex"), "unknown"));
  REQUIRE_FALSE(test::has_line(f.breakdown("sex"), "other"));
  std::string t = "{{sex.by_key.unknown.count}} {{sex.by_key.unknown.share}} {{sex.by_key.other.count}} "
                  "{{sex.by_key.other.label}} {{age.by_key.other.count}} {{exits.reasons.by_key.unknown.share}} {{sex.by_key.F.count}}";
  render::NumberFormat nf = render::NumberFormat::for_lang("fr");
  CHECK_NOTHROW(render::check_template(t, "t.md", render::report_view_schema(config, true)));
  CHECK(render::render_template(t, "t.md", render::report_view(f, nf), render::Escaping::none) ==
        "0 " + nf.percent(0.0) + " 0 Autre (non classé) 0 " + nf.percent(std::nullopt) + " 1");
}

}  // TEST_SUITE
