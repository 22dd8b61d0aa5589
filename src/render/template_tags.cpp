// Scanning mustache tags with their lines (the rules of kainjow mustache 4.1:
// a tag starts at the opening delimiter and ends at the next closing one;
// `{{{x}}}` only with the default delimiters; `{{=<< >>=}}` changes them).
#include "render/template_tags.hpp"

#include <fmt/format.h>

#include "util/text.hpp"

namespace ctreport::render {

namespace {

// The start of a tag as written, for messages: the opening delimiter and
// what follows up to a space, a line end or the next opening delimiter.
std::string tag_start(std::string_view text, size_t at, const std::string& open) {
  size_t end = at + open.size();
  while (end < text.size() && end - at < 40 && text[end] != ' ' && text[end] != '\n' && text[end] != '\r' &&
         text.compare(end, open.size(), open) != 0)
    ++end;
  return std::string(text.substr(at, end - at));
}

// std::isspace in the C locale, which kainjow's trim and delimiter checks use
// (not the no-break space util::trim also removes).
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// "Custom delimiters may not contain whitespace or the equals sign."
bool valid_delimiter(std::string_view d) {
  if (d.empty()) return false;
  for (char c : d)
    if (c == '=' || is_space(c)) return false;
  return true;
}

// kainjow's split of "=<< >>=": trimmed, at the first space, the second
// delimiter after the spaces that follow. False when it does not accept it.
bool parse_delimiters(std::string_view contents, std::string& open, std::string& close) {
  if (contents.size() < 5 || contents.back() != '=') return false;
  std::string_view pair = trim(contents.substr(1, contents.size() - 2));
  size_t space = pair.find(' ');
  if (space == std::string_view::npos) return false;
  size_t second = pair.find_first_not_of(' ', space + 1);
  if (second == std::string_view::npos) return false;
  std::string_view first_delim = pair.substr(0, space), second_delim = pair.substr(second);
  if (!valid_delimiter(first_delim) || !valid_delimiter(second_delim)) return false;
  open = std::string(first_delim);
  close = std::string(second_delim);
  return true;
}

// A dotted name is followed part by part: an empty part ("a..b", "a.") names nothing.
bool valid_name(std::string_view name) {
  if (name == ".") return true;
  return name.front() != '.' && name.back() != '.' && name.find("..") == std::string_view::npos;
}

}  // namespace

TemplateTags scan_template_tags(std::string_view text) {
  TemplateTags out;
  if (text.size() > k_max_template_bytes) {
    out.error = TemplateSyntaxError{0, fmt::format("larger than {} MiB, the most a template may be", k_max_template_bytes >> 20)};
    return out;
  }
  if (size_t bad_line = util::first_invalid_utf8_line(text)) {
    out.error = TemplateSyntaxError{bad_line, "not valid UTF-8 (a Latin-1 or Windows-1252 character?): save the template as UTF-8"};
    return out;
  }
  std::string open = "{{", close = "}}";
  struct Open {
    std::string name;
    size_t line;
  };
  std::vector<Open> sections;
  size_t line = 1, counted_to = 0;
  auto line_at = [&](size_t pos) {
    for (; counted_to < pos; ++counted_to) line += text[counted_to] == '\n' ? 1 : 0;
    return line;
  };
  auto fail = [&](size_t at_line, std::string message) {
    out.error = TemplateSyntaxError{at_line, std::move(message)};
    return out;
  };

  size_t pos = 0;
  while (pos < text.size()) {
    size_t at = text.find(open, pos);
    if (at == std::string_view::npos) break;
    size_t at_line = line_at(at);
    size_t contents = at + open.size();
    bool triple = open == "{{" && close == "}}" && contents < text.size() && text[contents] == '{';
    if (triple) ++contents;
    const std::string end_delim = triple ? "}}}" : close;
    size_t end = text.find(end_delim, contents);
    std::string_view raw = end == std::string_view::npos ? text.substr(contents) : text.substr(contents, end - contents);
    if (end == std::string_view::npos || raw.find(open) != std::string_view::npos || raw.find('\n') != std::string_view::npos)
      return fail(at_line, fmt::format("tag \"{}\" is not closed (expected \"{}\")", tag_start(text, at, open), end_delim));
    std::string written = std::string(text.substr(at, end + end_delim.size() - at));
    std::string contents_text(trim(raw));
    pos = end + end_delim.size();

    TemplateTag tag;
    tag.line = at_line;
    if (!triple && !contents_text.empty() && contents_text[0] == '=') {
      // "=<< >>=": two delimiters separated by spaces.
      if (!parse_delimiters(contents_text, open, close))
        return fail(at_line, fmt::format("invalid delimiter change \"{}\" (expected e.g. \"{{{{=<< >>=}}}}\")",
                                         util::shorten(written)));
      tag.kind = TemplateTag::Kind::set_delimiter;
      out.tags.push_back(tag);
      continue;
    }
    char sigil = triple || contents_text.empty() ? '\0' : contents_text[0];
    switch (sigil) {
      case '#': tag.kind = TemplateTag::Kind::section; break;
      case '^': tag.kind = TemplateTag::Kind::inverted; break;
      case '/': tag.kind = TemplateTag::Kind::section_end; break;
      case '>': tag.kind = TemplateTag::Kind::partial; break;
      case '!': tag.kind = TemplateTag::Kind::comment; break;
      default: tag.kind = TemplateTag::Kind::variable;
    }
    bool has_sigil = sigil == '#' || sigil == '^' || sigil == '/' || sigil == '>' || sigil == '!' || sigil == '&';
    tag.name = has_sigil ? std::string(trim(std::string_view(contents_text).substr(1))) : contents_text;
    if (tag.kind == TemplateTag::Kind::comment) {
      out.tags.push_back(tag);
      continue;
    }
    if (tag.name.empty()) return fail(at_line, fmt::format("empty tag \"{}\"", written));
    if (tag.kind != TemplateTag::Kind::partial && !valid_name(tag.name))
      return fail(at_line, fmt::format("\"{}\": '{}' is not a variable name (a dotted name has no empty part)",
                                       util::shorten(written), util::shorten(tag.name)));
    if (tag.kind == TemplateTag::Kind::section || tag.kind == TemplateTag::Kind::inverted) {
      if (sections.size() == k_max_template_nesting)
        return fail(at_line, fmt::format("section \"{}\" is nested more than {} levels deep", util::shorten(tag.name),
                                         k_max_template_nesting));
      sections.push_back({tag.name, at_line});
    } else if (tag.kind == TemplateTag::Kind::section_end) {
      if (sections.empty()) return fail(at_line, fmt::format("\"{}\" closes no open section", written));
      if (sections.back().name != tag.name)
        return fail(at_line, fmt::format("\"{}\" does not close the section \"{}\" opened on line {} (expected \"{}/{}{}\")",
                                         written, sections.back().name, sections.back().line, open,
                                         sections.back().name, close));
      sections.pop_back();
    }
    out.tags.push_back(tag);
  }
  if (!sections.empty())
    return fail(sections.back().line, fmt::format("section \"{}\" is not closed (expected \"{}/{}{}\")", sections.back().name,
                                                  open, sections.back().name, close));
  return out;
}

}  // namespace ctreport::render
