// Tests of template rendering: Markdown escaping, strict variables, errors with lines.
#include <doctest/doctest.h>

#include "render/template_engine.hpp"
#include "util/errors.hpp"

using namespace ctreport;
using kainjow::mustache::data;

namespace {
std::string error_of(const std::string& tmpl, const data& view) {
  try {
    render::render_template(tmpl, "t.md", view, render::Escaping::markdown);
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_SUITE("render::template_engine") {

TEST_CASE("values are escaped for Markdown") {
  data v;
  v.set("name", "CSAPA & Co_50% | *x* [a](b) <b> #1");
  CHECK(render::render_template("{{name}}", "t.md", v, render::Escaping::markdown) ==
        "CSAPA & Co\\_50% \\| \\*x\\* \\[a\\](b) \\<b\\> \\#1");
  CHECK(render::render_template("{{{name}}}", "t.md", v, render::Escaping::markdown) ==
        "CSAPA & Co_50% | *x* [a](b) <b> #1");
}

TEST_CASE("an unknown variable is an error naming the template and line") {
  data v;
  v.set("people", data{"present", data{"52"}});
  CHECK(render::render_template("{{people.present}}", "t.md", v, render::Escaping::markdown) == "52");
  CHECK(error_of("line 1\n{{people.presnt}}\n", v) ==
        "template t.md:2: unknown variable 'people.presnt' (the variables are listed in docs/templates.md)");
}

TEST_CASE("a syntax error names the template and line") {
  data v;
  v.set("a", true);
  CHECK(error_of("x\ny\n{{#a}}\nno end\n", v) == "template t.md:3: Unclosed section \"a\"");
}

}  // TEST_SUITE

TEST_SUITE("render::latex") {

TEST_CASE("values are escaped for LaTeX") {
  CHECK(ctreport::render::escape_latex("CSAPA & Co_50% #1 {x} $5 ~ ^ \\") ==
        "CSAPA \\& Co\\_50\\% \\#1 \\{x\\} \\$5 \\textasciitilde{} \\textasciicircum{} \\textbackslash{}");
  CHECK(ctreport::render::escape_latex("72\u00A0%") == "72~\\%");
  CHECK(ctreport::render::escape_latex("9\u202F300") == "9\\,300");
  CHECK(ctreport::render::escape_latex("\u22123") == "\\ensuremath{-}3");
}

}  // TEST_SUITE
