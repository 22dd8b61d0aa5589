// The tags of a mustache template with their lines: a scan that follows
// kainjow mustache's own tokenising (delimiter changes, triple braces), so
// that syntax errors and unknown variables are reported at the tag's real line
// and every tag can be checked, in sections that render or not.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ctreport::render {

// A report template is some kilobytes (the default ones 15 KiB); mustache
// keeps a copy of each section's text, so size and nesting are bounded before
// it sees a template.
inline constexpr size_t k_max_template_bytes = size_t{1} << 20;  // 1 MiB
inline constexpr size_t k_max_template_nesting = 100;            // sections in one another

struct TemplateTag {
  enum class Kind { variable, section, inverted, section_end, partial, comment, set_delimiter };
  Kind kind = Kind::variable;
  std::string name;  // trimmed, without the sigil
  size_t line = 0;   // 1-based
};

struct TemplateSyntaxError {
  size_t line = 0;  // 0: the whole template (too large)
  std::string message;  // without the template's name and line
};

struct TemplateTags {
  std::vector<TemplateTag> tags;  // in order; sections are balanced when there is no error
  std::optional<TemplateSyntaxError> error;
};

// Scans `text`: unclosed tags, empty tags, bad delimiter changes, names with
// an empty part (`a..b`), sections nested deeper than k_max_template_nesting
// and unbalanced sections are errors at the line of the offending tag; a text
// larger than k_max_template_bytes is an error of the whole template. Tags are
// read as kainjow mustache reads them (its whitespace, its delimiter rules), so
// that a template the scan accepts, mustache parses.
TemplateTags scan_template_tags(std::string_view text);

}  // namespace ctreport::render
