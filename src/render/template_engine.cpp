// Mustache rendering with per-format escaping.
#include "render/template_engine.hpp"

#include <cctype>

#include <fmt/format.h>

#include "render/svg_charts.hpp"
#include "render/template_tags.hpp"
#include "util/errors.hpp"

namespace ctreport::render {

std::string escape_markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|': case '#':
      case '~':  // GFM strikethrough
      case '$':  // math on GitHub and in pandoc
        out += '\\';
        out += c;
        break;
      case '&':  // only where it could start an entity (&copy; &#169;), so "A & B" stays readable
        if (i + 1 < text.size() && (std::isalpha(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '#')) out += '\\';
        out += c;
        break;
      case '\n': case '\r':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string escape_pandoc_markdown(std::string_view text) {
  std::string out;
  for (char c : escape_markdown(text)) {
    if (c == '@' || c == '^') out += '\\';
    out += c;
  }
  return out;
}

namespace {
// "1er" as a word of its own at `i` (the French ordinal of dates: "1er janvier"),
// not the start of "1erreur" nor the end of "21er".
bool is_french_first(std::string_view text, size_t i) {
  auto is_alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  if (text.substr(i, 3) != "1er") return false;
  if (i > 0 && is_alnum(text[i - 1])) return false;
  return i + 3 == text.size() || !(is_alnum(text[i + 3]) || static_cast<unsigned char>(text[i + 3]) >= 0x80);
}
}  // namespace

std::string escape_latex(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '&': out += "\\&"; break;
      case '%': out += "\\%"; break;
      case '$': out += "\\$"; break;
      case '#': out += "\\#"; break;
      case '_': out += "\\_"; break;
      case '{': out += "\\{"; break;
      case '}': out += "\\}"; break;
      case '~': out += "\\textasciitilde{}"; break;
      case '^': out += "\\textasciicircum{}"; break;
      case '\\': out += "\\textbackslash{}"; break;
      case '<': out += "\\textless{}"; break;
      case '>': out += "\\textgreater{}"; break;
      case '\n': case '\r': out += ' '; break;
      default: {
        std::string_view rest = text.substr(i);
        if (rest.substr(0, 2) == "\xC2\xA0") { out += "~"; ++i; break; }               // no-break space
        if (rest.substr(0, 3) == "\xE2\x80\xAF") { out += "\\,"; i += 2; break; }     // narrow no-break space
        if (rest.substr(0, 3) == "\xE2\x88\x92") { out += "\\ensuremath{-}"; i += 2; break; }  // minus sign
        if (is_french_first(text, i)) { out += "1\\textsuperscript{er}"; i += 2; break; }        // "1er janvier"
        out += c;
      }
    }
  }
  return out;
}

namespace {

// A context that remembers the names it could not resolve, so that a typo in
// a user's template is an error instead of an empty string.
class StrictContext : public kainjow::mustache::context<std::string> {
 public:
  explicit StrictContext(const kainjow::mustache::data* data) : context(data) {}
  const kainjow::mustache::data* get(const std::string& name) const override {
    const auto* found = context::get(name);
    if (!found && m_missing.empty()) m_missing = name;
    return found;
  }
  const kainjow::mustache::data* get_partial(const std::string& name) const override {
    const auto* found = context::get_partial(name);
    if (!found && m_missing.empty()) m_missing = "> " + name;
    return found;
  }
  const std::string& missing() const { return m_missing; }

 private:
  mutable std::string m_missing;
};

// The tags of `text`, or a DataError at the line of the first syntax error.
TemplateTags tags_or_throw(std::string_view text, const std::string& template_name) {
  TemplateTags scanned = scan_template_tags(text);
  if (scanned.error && scanned.error->line == 0)
    throw DataError("template_error", fmt::format("template {}: {}", template_name, scanned.error->message), template_name);
  if (scanned.error)
    throw DataError("template_error",
                    fmt::format("template {}:{}: {}", template_name, scanned.error->line, scanned.error->message),
                    template_name, scanned.error->line);
  return scanned;
}

// A kainjow error ("Unclosed tag at 1234", a byte offset) at its line:
// "template NAME:LINE: Unclosed tag". The tag scan should have caught it first.
[[noreturn]] void throw_mustache_error(std::string_view text, const std::string& template_name, const std::string& message) {
  size_t at = message.rfind(" at ");
  size_t offset = 0;
  bool positioned = at != std::string::npos && at + 4 < message.size() &&
                    message.find_first_not_of("0123456789", at + 4) == std::string::npos;
  if (positioned) offset = std::min<size_t>(std::stoull(message.substr(at + 4).substr(0, 18)), text.size());
  if (!positioned) throw DataError("template_error", fmt::format("template {}: {}", template_name, message), template_name);
  size_t line = 1;
  for (size_t i = 0; i < offset; ++i) line += text[i] == '\n';
  throw DataError("template_error", fmt::format("template {}:{}: {}", template_name, line, message.substr(0, at)),
                  template_name, line);
}

std::string unknown_variable(const std::string& template_name, size_t line, const std::string& name) {
  return fmt::format("template {}:{}: unknown variable '{}' (the variables are listed in docs/templates.md)",
                     template_name, line, name);
}

// The variable `name` as kainjow resolves it: the innermost context first,
// a dotted name followed from its first part.
const kainjow::mustache::data* resolve(const std::vector<const kainjow::mustache::data*>& stack, const std::string& name) {
  if (name == ".") return stack.back();
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
    const kainjow::mustache::data* found = *it;
    size_t start = 0;
    while (found) {
      size_t dot = name.find('.', start);
      found = found->get(name.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    if (found) return found;
  }
  return nullptr;
}

}  // namespace

namespace {

// Markdown with at most one blank line in a row outside fenced code blocks:
// a standalone section tag after a closing one ("{{/x}}\n{{^x}}…{{/x}}\n")
// leaves an empty line in kainjow's mustache, which Markdown reads the same.
std::string single_blank_lines(const std::string& md) {
  std::string out;
  out.reserve(md.size());
  bool fenced = false;
  size_t newlines = 0;
  for (size_t i = 0; i < md.size(); ++i) {
    if ((i == 0 || md[i - 1] == '\n') && md.compare(i, 3, "```") == 0) fenced = !fenced;
    newlines = md[i] == '\n' ? newlines + 1 : 0;
    if (newlines <= 2 || fenced) out += md[i];
  }
  return out;
}

}  // namespace

std::string render_template(std::string_view template_text, const std::string& template_name,
                            const kainjow::mustache::data& view, Escaping escaping) {
  TemplateTags scanned = tags_or_throw(template_text, template_name);
  kainjow::mustache::mustache tmpl{std::string(template_text)};
  if (!tmpl.is_valid()) throw_mustache_error(template_text, template_name, tmpl.error_message());
  switch (escaping) {
    case Escaping::markdown:
      tmpl.set_custom_escape([](const std::string& s) { return escape_markdown(s); });
      break;
    case Escaping::latex:
      tmpl.set_custom_escape([](const std::string& s) { return escape_latex(s); });
      break;
    case Escaping::pandoc:
      tmpl.set_custom_escape([](const std::string& s) { return escape_pandoc_markdown(s); });
      break;
    case Escaping::xml:
      tmpl.set_custom_escape([](const std::string& s) { return xml_escape(s); });
      break;
    case Escaping::none:
      tmpl.set_custom_escape([](const std::string& s) { return s; });
      break;
  }
  StrictContext context(&view);
  std::string out = tmpl.render(context);
  if (!tmpl.is_valid()) throw_mustache_error(template_text, template_name, tmpl.error_message());
  if (!context.missing().empty()) {
    // Not caught by check_template (a view other than the schema): the first tag naming it.
    const std::string& name = context.missing();
    size_t line = 0;
    for (const auto& t : scanned.tags)
      if (t.name == name && t.kind != TemplateTag::Kind::section_end && t.kind != TemplateTag::Kind::comment) {
        line = t.line;
        break;
      }
    throw DataError("template_error", unknown_variable(template_name, line, name), template_name, line);
  }
  return escaping == Escaping::markdown ? single_blank_lines(out) : out;
}

void check_template(std::string_view template_text, const std::string& template_name,
                    const kainjow::mustache::data& schema) {
  using Kind = TemplateTag::Kind;
  TemplateTags scanned = tags_or_throw(template_text, template_name);
  std::vector<const kainjow::mustache::data*> stack{&schema};
  for (const auto& tag : scanned.tags) {
    switch (tag.kind) {
      case Kind::comment:
      case Kind::set_delimiter:
        break;
      case Kind::partial:
        throw DataError("template_error",
                        fmt::format("template {}:{}: '> {}': partials (other templates included) are not supported",
                                    template_name, tag.line, tag.name),
                        template_name, tag.line);
      case Kind::section_end:
        stack.pop_back();
        break;
      case Kind::variable:
      case Kind::section:
      case Kind::inverted: {
        const kainjow::mustache::data* found = resolve(stack, tag.name);
        if (!found)
          throw DataError("template_error", unknown_variable(template_name, tag.line, tag.name), template_name, tag.line);
        if (tag.kind == Kind::variable) break;
        // A section over a list sees the list's items (the schema's lists are
        // never empty); an inverted one only renders for an empty list.
        if (tag.kind == Kind::section && found->is_non_empty_list()) found = &found->list_value().front();
        stack.push_back(found);
        break;
      }
    }
  }
  // The renderer itself on the schema: what passes the check renders, read by
  // the same parser (its errors at their line).
  render_template(template_text, template_name, schema, Escaping::none);
}

}  // namespace ctreport::render
