// Expat's and the sheet scanner's events as text, and their comparison.
#include "support/xml_events.hpp"

#include <expat.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

#include "input/xml_scanner.hpp"

namespace ctreport::test {

namespace {

std::string_view local(std::string_view name) {
  size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

struct EventText {
  std::string out;
  bool in_text = false;
  void start(std::string_view name, const char** attrs) {
    close_text();
    out += '<';
    out += name;
    for (size_t i = 0; attrs[i]; i += 2) out += fmt::format(" {}=[{}]", attrs[i], attrs[i + 1]);
    out += '>';
  }
  void end(std::string_view name) {
    close_text();
    out += "</";
    out += name;
    out += '>';
  }
  void text(std::string_view t) {
    if (t.empty()) return;
    if (!in_text) out += '{';
    in_text = true;
    out += t;
  }
  void close_text() {
    if (in_text) out += '}';
    in_text = false;
  }
};

struct ExpatState {
  EventText events;
  bool doctype = false;
  XML_Parser parser = nullptr;
};

}  // namespace

std::string expat_events(std::string_view doc) {
  ExpatState s;
  s.parser = XML_ParserCreate(nullptr);
  XML_SetUserData(s.parser, &s);
  XML_SetElementHandler(
      s.parser,
      [](void* u, const char* name, const char** attrs) {
        static_cast<ExpatState*>(u)->events.start(local(name), attrs);
      },
      [](void* u, const char* name) { static_cast<ExpatState*>(u)->events.end(local(name)); });
  XML_SetCharacterDataHandler(s.parser, [](void* u, const char* t, int n) {
    static_cast<ExpatState*>(u)->events.text(std::string_view(t, static_cast<size_t>(n)));
  });
  XML_SetStartDoctypeDeclHandler(s.parser, [](void* u, const char*, const char*, const char*, int) {
    auto* st = static_cast<ExpatState*>(u);
    st->doctype = true;
    XML_StopParser(st->parser, XML_FALSE);
  });
  XML_Status status = XML_Parse(s.parser, doc.data(), static_cast<int>(doc.size()), 1);
  std::string out;
  if (s.doctype) out = "error: DOCTYPE";
  else if (status == XML_STATUS_ERROR) out = std::string("error: ") + XML_ErrorString(XML_GetErrorCode(s.parser));
  else {
    s.events.close_text();
    out = std::move(s.events.out);
  }
  XML_ParserFree(s.parser);
  return out;
}

std::string scanner_events(std::string_view doc, size_t piece) {
  size_t at = 0;
  auto source = [&](char* dst, size_t n) {
    size_t k = std::min({n, std::max<size_t>(piece, 1), doc.size() - at});
    std::memcpy(dst, doc.data() + at, k);
    at += k;
    return k;
  };
  EventText events;
  try {
    input::XmlScanner scanner(source, "doc.xml");
    for (;;) {
      switch (scanner.next()) {
        case input::XmlScanner::Event::start: events.start(scanner.name(), scanner.attributes()); break;
        case input::XmlScanner::Event::end: events.end(scanner.name()); break;
        case input::XmlScanner::Event::text: events.text(scanner.text()); break;
        case input::XmlScanner::Event::done: events.close_text(); return events.out;
      }
    }
  } catch (const std::exception& e) {
    return std::string("error: ") + e.what();
  }
}

std::optional<std::string> xml_disagreement(std::string_view doc, size_t piece) {
  if (!input::XmlScanner::reads(doc.substr(0, 1024))) return std::nullopt;
  std::string expat = expat_events(doc);
  std::string scanner = scanner_events(doc, piece);
  bool expat_refuses = expat.rfind("error: ", 0) == 0, scanner_refuses = scanner.rfind("error: ", 0) == 0;
  if (expat_refuses && scanner_refuses) return std::nullopt;
  if (scanner_refuses && (scanner.find("not ASCII") != std::string::npos || scanner.find(" deep") != std::string::npos))
    return std::nullopt;
  if (expat == scanner) return std::nullopt;
  return fmt::format("expat: {}\nscanner ({} bytes at a time): {}", expat, piece, scanner);
}

}  // namespace ctreport::test
