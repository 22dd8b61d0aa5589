// The one place templates are built: kainjow mustache with the escaper of the
// output format (Markdown or LaTeX), never mustache's default HTML
// escaping. Syntax errors are reported with the template's name.
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include <kainjow/mustache.hpp>

namespace ctreport::render {

// pandoc: the Markdown of the docx and odt reports (read by pandoc, whose
// Markdown has citations and superscripts); xml: the parts of the default
// reference documents.
enum class Escaping { markdown, latex, pandoc, xml, none };

// Markdown punctuation (\ ` * _ [ ] < > | # ~ $, & before an entity) backslash-escaped, line ends as spaces.
std::string escape_markdown(std::string_view text);
// escape_markdown, and @ (a citation) and ^ (superscript) for pandoc's Markdown.
std::string escape_pandoc_markdown(std::string_view text);
// LaTeX special characters (& % $ # _ { } ~ ^ \) escaped; no-break spaces as
// ~ and \, (narrow), the minus sign in math mode. Input is UTF-8.
std::string escape_latex(std::string_view text);

// Renders `template_text` (named `template_name` in errors) with `view`.
// Throws DataError on a syntax error or a variable the view lacks.
std::string render_template(std::string_view template_text, const std::string& template_name,
                            const kainjow::mustache::data& view, Escaping escaping);

// Checks the whole template, every section included whether the data would
// render it or not, against `schema`: a view with every optional part present
// (report_view_schema, index_view_schema). Throws DataError naming the
// template, the line and the variable (or the syntax error).
void check_template(std::string_view template_text, const std::string& template_name,
                    const kainjow::mustache::data& schema);

}  // namespace ctreport::render
