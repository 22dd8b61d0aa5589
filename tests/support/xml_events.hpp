// An XML document's events as expat reads it and as the sheet scanner
// (input::XmlScanner) reads it, for the differential tests and fuzz harness.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ctreport::test {

// The events as text ("<c r=[A1]>{text}</c>": element names without their
// prefix, attribute names with theirs, adjacent pieces of text joined), or
// "error: ..." when the document is refused. Expat is set up as the workbook
// reader sets it up: no namespace processing, a DOCTYPE refused.
std::string expat_events(std::string_view doc);
// The same through XmlScanner, fed `piece` bytes at a time.
std::string scanner_events(std::string_view doc, size_t piece);

// Where the two disagree on `doc` (the scanner fed `piece` bytes at a time),
// or nullopt when they agree: the same events, or both refuse the document.
// The scanner may refuse alone what it says it does not read (names that
// are not ASCII, deeper than its limit); a document XmlScanner::reads()
// declines is not compared.
std::optional<std::string> xml_disagreement(std::string_view doc, size_t piece);

}  // namespace ctreport::test
