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

struct TemplateTag {
  enum class Kind { variable, section, inverted, section_end, partial, comment, set_delimiter };
  Kind kind = Kind::variable;
  std::string name;  // trimmed, without the sigil
  size_t line = 0;   // 1-based
};

struct TemplateSyntaxError {
  size_t line = 0;
  std::string message;  // without the template's name and line
};

struct TemplateTags {
  std::vector<TemplateTag> tags;  // in order; sections are balanced when there is no error
  std::optional<TemplateSyntaxError> error;
};

// Scans `text`: unclosed tags, empty tags, bad delimiter changes and
// unbalanced sections are errors at the line of the offending tag.
TemplateTags scan_template_tags(std::string_view text);

}  // namespace ctreport::render
