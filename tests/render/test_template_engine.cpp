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
  // Strikethrough, math and entities stay literal.
  CHECK(render::escape_markdown("CT ~~barré~~ $x^2$ &copy; &#169; A & B") ==
        "CT \\~\\~barré\\~\\~ \\$x^2\\$ \\&copy; \\&\\#169; A & B");
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

TEST_CASE("a syntax error names the template and the line of the tag") {
  data v;
  v.set("a", true);
  CHECK(error_of("x\ny\n{{#a}}\nno end\n", v) == "template t.md:3: section \"a\" is not closed (expected \"{{/a}}\")");
  CHECK(error_of("{{#a}}\n{{/b}}\n", v) ==
        "template t.md:2: \"{{/b}}\" does not close the section \"a\" opened on line 1 (expected \"{{/a}}\")");
  CHECK(error_of("x\n{{/a}}\n", v) == "template t.md:2: \"{{/a}}\" closes no open section");
  CHECK(error_of("{{=<< >>=}}\n% entre << >> viennent\n", v) == "template t.md:2: empty tag \"<< >>\"");
  CHECK(error_of("{{=<<>>=}}\n", v) == "template t.md:1: invalid delimiter change \"{{=<<>>=}}\" (expected e.g. \"{{=<< >>=}}\")");
  CHECK(error_of("{{=<< >>=}}\n<<#a>>\n", v) == "template t.md:2: section \"a\" is not closed (expected \"<</a>>\")");
}

TEST_CASE("a tag left open is reported on its own line, not where the next section ends") {
  data v;
  v.set("people", data{"present", data{"52"}});
  v.set("age", data{"has_ages", data{true}});
  std::string tmpl;
  for (int i = 1; i < 60; ++i) tmpl += "line\n";
  tmpl += "Nous avons accueilli {{people.present personnes.\n";  // line 60
  tmpl += "{{#age.has_ages}}\n";
  tmpl += "x\n";
  tmpl += "{{/age.has_ages}}\n";  // line 63
  CHECK(error_of(tmpl, v) == "template t.md:60: tag \"{{people.present\" is not closed (expected \"}}\")");
  CHECK(error_of("a\nb {{{x}} c\n", v) == "template t.md:2: tag \"{{{x}}\" is not closed (expected \"}}}\")");
  CHECK(error_of("a\nb {{x\n", v) == "template t.md:2: tag \"{{x\" is not closed (expected \"}}\")");
}

TEST_CASE("an unknown variable at render time is reported at its tag, not at an earlier mention of the name") {
  data v;
  v.set("shown", true);
  CHECK(error_of("typo in text\n{{#shown}}\n{{typo}}\n{{/shown}}\n", v) ==
        "template t.md:3: unknown variable 'typo' (the variables are listed in docs/templates.md)");
}

TEST_CASE("check_template checks every section against the schema, whether the data renders it or not") {
  data schema;
  data monthly_item;
  monthly_item.set("label", "janvier");
  kainjow::mustache::list monthly{monthly_item};
  data occupancy;
  occupancy.set("has_capacity", true);
  occupancy.set("monthly", monthly);
  schema.set("occupancy", occupancy);
  schema.set("has_previous", false);
  schema.set("title", "T");
  auto check_error = [&](const std::string& tmpl) {
    try {
      render::check_template(tmpl, "t.md", schema);
    } catch (const DataError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK(check_error("{{title}}\n{{#occupancy.has_capacity}}{{#occupancy.monthly}}{{label}} {{title}}{{/occupancy.monthly}}"
                    "{{/occupancy.has_capacity}}\n{{^has_previous}}{{title}}{{/has_previous}}{{! a comment }}\n") == "");
  CHECK(check_error("x\n{{#occupancy.has_capacity}}\n{{#occupancy.monthly}}\n{{labl}}\n{{/occupancy.monthly}}\n"
                    "{{/occupancy.has_capacity}}\n") ==
        "template t.md:4: unknown variable 'labl' (the variables are listed in docs/templates.md)");
  CHECK(check_error("{{label}}\n{{title}}\n{{^has_previous}}{{typo}}{{/has_previous}}\n") ==
        "template t.md:1: unknown variable 'label' (the variables are listed in docs/templates.md)");
  CHECK(check_error("\n\n{{^has_previous}}{{typo}}{{/has_previous}}\n") ==
        "template t.md:3: unknown variable 'typo' (the variables are listed in docs/templates.md)");
  // Inside an inverted list section there is no item to read from.
  CHECK(check_error("{{^occupancy.monthly}}{{label}}{{/occupancy.monthly}}") ==
        "template t.md:1: unknown variable 'label' (the variables are listed in docs/templates.md)");
  CHECK(check_error("{{> other}}") == "template t.md:1: '> other': partials (other templates included) are not supported");
}

TEST_CASE("Markdown keeps one blank line in a row, outside fenced code") {
  data v;
  v.set("x", false);
  CHECK(render::render_template("a\n{{#x}}\nb\n{{/x}}\n{{^x}}\n\n\nc\n{{/x}}\n\n\nd\n```\n\n\n\n```\n", "t.md", v,
                                render::Escaping::markdown) == "a\n\nc\n\nd\n```\n\n\n\n```\n");
  CHECK(render::render_template("a\n\n\nb", "t.tex", v, render::Escaping::latex) == "a\n\n\nb");
}

}  // TEST_SUITE

TEST_SUITE("render::latex") {

TEST_CASE("values are escaped for LaTeX") {
  CHECK(ctreport::render::escape_latex("CSAPA & Co_50% #1 {x} $5 ~ ^ \\") ==
        "CSAPA \\& Co\\_50\\% \\#1 \\{x\\} \\$5 \\textasciitilde{} \\textasciicircum{} \\textbackslash{}");
  CHECK(ctreport::render::escape_latex("72\u00A0%") == "72~\\%");
  CHECK(ctreport::render::escape_latex("9\u202F300") == "9\\,300");
  CHECK(ctreport::render::escape_latex("\u22123") == "\\ensuremath{-}3");
  // The French ordinal of dates in superscript; not inside a number or a word.
  CHECK(ctreport::render::escape_latex("1er janvier 2024") == "1\\textsuperscript{er} janvier 2024");
  CHECK(ctreport::render::escape_latex("au 1er") == "au 1\\textsuperscript{er}");
  CHECK(ctreport::render::escape_latex("21er 1erreur 1ère") == "21er 1erreur 1ère");
}

}  // TEST_SUITE
