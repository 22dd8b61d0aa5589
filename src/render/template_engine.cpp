// Mustache rendering with per-format escaping.
#include "render/template_engine.hpp"

#include <fmt/format.h>

#include "util/errors.hpp"

namespace ctreport::render {

std::string escape_markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|': case '#':
        out += '\\';
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

// 1-based line of the first tag naming `name` (best effort: first occurrence).
size_t line_of(std::string_view text, const std::string& name) {
  size_t pos = text.find(name);
  if (pos == std::string_view::npos) return 0;
  size_t line = 1;
  for (size_t i = 0; i < pos; ++i) line += text[i] == '\n' ? 1 : 0;
  return line;
}

// kainjow reports "Unclosed section \"x\" at 12": turn the offset into a line.
std::string with_line(std::string_view text, const std::string& message) {
  auto at = message.rfind(" at ");
  if (at == std::string::npos) return message;
  try {
    size_t offset = std::stoul(message.substr(at + 4));
    size_t line = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n' ? 1 : 0;
    return fmt::format("{}: {}", line, message.substr(0, at));
  } catch (const std::exception&) {
    return message;
  }
}

}  // namespace

std::string render_template(std::string_view template_text, const std::string& template_name,
                            const kainjow::mustache::data& view, Escaping escaping) {
  kainjow::mustache::mustache tmpl{std::string(template_text)};
  if (!tmpl.is_valid())
    throw DataError(fmt::format("template {}:{}", template_name, with_line(template_text, tmpl.error_message())));
  switch (escaping) {
    case Escaping::markdown:
      tmpl.set_custom_escape([](const std::string& s) { return escape_markdown(s); });
      break;
    case Escaping::latex:
      tmpl.set_custom_escape([](const std::string& s) { return escape_latex(s); });
      break;
    case Escaping::none:
      tmpl.set_custom_escape([](const std::string& s) { return s; });
      break;
  }
  StrictContext context(&view);
  std::string out = tmpl.render(context);
  if (!tmpl.is_valid()) throw DataError(fmt::format("template {}: {}", template_name, tmpl.error_message()));
  if (!context.missing().empty()) {
    std::string name = context.missing();
    throw DataError(fmt::format("template {}:{}: unknown variable '{}' (the variables are listed in docs/templates.md)",
                                template_name, line_of(template_text, name), name));
  }
  return out;
}

}  // namespace ctreport::render
