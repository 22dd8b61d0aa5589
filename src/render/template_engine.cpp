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

std::string render_template(std::string_view template_text, const std::string& template_name,
                            const kainjow::mustache::data& view, Escaping escaping) {
  kainjow::mustache::mustache tmpl{std::string(template_text)};
  if (!tmpl.is_valid()) throw DataError(fmt::format("template {}: {}", template_name, tmpl.error_message()));
  switch (escaping) {
    case Escaping::markdown:
      tmpl.set_custom_escape([](const std::string& s) { return escape_markdown(s); });
      break;
    case Escaping::none:
      tmpl.set_custom_escape([](const std::string& s) { return s; });
      break;
  }
  std::string out = tmpl.render(view);
  if (!tmpl.is_valid()) throw DataError(fmt::format("template {}: {}", template_name, tmpl.error_message()));
  return out;
}

}  // namespace ctreport::render
