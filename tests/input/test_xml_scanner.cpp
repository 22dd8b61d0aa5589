// The sheet scanner (input/xml_scanner) against expat: the same events for
// XML written every legal way, and the same refusals, fed any number of bytes
// at a time; its messages, limits and the documents it leaves to expat.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "input/xml_scanner.hpp"
#include "support/xml_events.hpp"

using ctreport::input::XmlScanner;
using ctreport::test::expat_events;
using ctreport::test::scanner_events;
using ctreport::test::xml_disagreement;

namespace {

// Documents both must read alike: what spreadsheet software writes, and
// every corner of XML 1.0 a sheet may hold.
const std::vector<std::string> k_accepted = {
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<worksheet xmlns=\"urn:x\"><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>N° dossier</t></is></c><c r=\"B1\" s=\"2\"><v>45292</v></c></row>"
    "</sheetData></worksheet>",
    "\xEF\xBB\xBF<?xml version='1.0'?><x:ws xmlns:x='urn:x'><x:row r = '2' ><x:c r='A2'><x:v>1</x:v></x:c></x:row></x:ws>",
    "<a b=\"x\r\ny\tz\" c='&#9;&#60;&lt;&gt;&amp;&quot;&apos;' d='>'/>",
    "<a>x\r\ny\rz\r</a>",
    "<a>&#x1F600;&#233;&#00065;&#x9;&#10;&#13;</a>",
    "<a><![CDATA[x&amp;<\r\n]]]]><![CDATA[]]></a>",
    "<a>x]]y]</a>",
    "<a>\x7F\xC2\x85\xF0\x9F\x98\x80</a>",
    "<a><!----><!-- c - d --><?pi?><?pi x ?></a><!-- after --> <?pi?>\n",
    "<a >x</a >",
    "<a\n\tb='1'\r\n/>",
    "<a:/>",
    "<a.b-c_d/>",
    "<?xml version='1.1'?><a/>",
    "<a><b><c/></b><b/></a>",
    std::string("<a>") + std::string(300000, 'x') + "&amp;" + std::string(300000, 'y') + "</a>",
};

// Documents both must refuse.
const std::vector<std::string> k_refused = {
    "<a>\xEF\xBF\xBE</a>", "<a>x]]>y</a>", "<a>]]]></a>", "<a\xC3\x97/>", "<a>\x01</a>", "<a>&#0;</a>",
    "<a>&#xFFFE;</a>", "<a>&#xD800;</a>", "<a>&#X20;</a>", "<a>&#;</a>", "<a>&#x;</a>", "<a>&#x110000;</a>",
    "<a/><?xml version='1.0'?>", "<a/>x", "<a><!-- a--b --></a>", "<a><?xml x?></a>", "<a><?XmL x?></a>",
    "<a b='1' b='2'/>", "<a b='<'/>", "<a>&unknown;</a>", "<a>&amp</a>", " <?xml version='1.0'?><a/>",
    "<a>\xC0\x80</a>", "<a>\xED\xA0\x80</a>", "<a>\xE9</a>", "<-a/>", "<a b='1'c='2'/>", "<a>x</ a>",
    "<?xml version='1.0'?>", "", "<a><!---></a>", "<a><!-- x ---></a>", "<?xml version=\"1.0\"encoding=\"UTF-8\"?><a/>",
    "<?xml encoding='UTF-8'?><a/>", "<a b='\xEF\xBF\xBE'/>", "<?pi\x01?><a/>", "<!-- \x01 --><a/>",
    "<a><![CDATA[\xEF\xBF\xBE]]></a>", "<!DOCTYPE a><a/>", "<a></b>", "<a>", "<a><b></a></b>", "<a/><b/>", "x<a/>",
    "<a><![CDATA[x]]", "<a b='1", "<a>\0</a>", "<![CDATA[x]]><a/>", "<a>&#65</a>", "<a/>&amp;",
};

}  // namespace

TEST_CASE("the sheet scanner gives expat's events, fed any number of bytes at a time") {
  for (const std::string& doc : k_accepted) {
    CAPTURE(doc.substr(0, 120));
    REQUIRE(expat_events(doc).rfind("error", 0) != 0);
    for (size_t piece : {size_t{1}, size_t{2}, size_t{3}, size_t{5}, size_t{7}, size_t{64}, doc.size() + 1}) {
      CAPTURE(piece);
      auto difference = xml_disagreement(doc, piece);
      CHECK_MESSAGE(!difference, *difference);
    }
  }
  // What the events hold, as decoded: values normalised, references and line ends.
  CHECK(scanner_events("<a b=\"x\r\ny\tz\" c='&#9;&lt;'>&lt;&#x1F600;\r\n</a>", 1) ==
        "<a b=[x y z] c=[\t<]>{<\xF0\x9F\x98\x80\n}</a>");
  CHECK(scanner_events("<x:row r='1'><x:c/></x:row>", 2) == "<row r=[1]><c></c></row>");
}

TEST_CASE("the sheet scanner refuses what expat refuses") {
  for (const std::string& doc : k_refused) {
    CAPTURE(doc);
    REQUIRE(expat_events(doc).rfind("error", 0) == 0);
    for (size_t piece : {size_t{1}, size_t{3}, doc.size() + 1}) {
      CAPTURE(piece);
      CHECK(scanner_events(doc, piece).rfind("error: the workbook part doc.xml ", 0) == 0);
    }
  }
}

TEST_CASE("the sheet scanner's refusals name the part, the line and what is wrong") {
  CHECK(scanner_events("<a>\n\n<b></a>", 4) ==
        "error: the workbook part doc.xml is not well-formed XML (line 3: mismatched tag)");
  CHECK(scanner_events("<a>\r\n<b x='1' x='2'/></a>", 1) ==
        "error: the workbook part doc.xml is not well-formed XML (line 2: duplicate attribute)");
  CHECK(scanner_events("<a b='1\r\n2'\n c='&amp;\n'>&lt;\r\n\r<b></a>", 1) ==
        "error: the workbook part doc.xml is not well-formed XML (line 6: mismatched tag)");
  CHECK(scanner_events("<a>&nbsp;</a>", 100) ==
        "error: the workbook part doc.xml is not well-formed XML (line 1: undefined entity)");
  CHECK(scanner_events("<a>", 100) == "error: the workbook part doc.xml is not well-formed XML (line 1: no element found)");
  CHECK(scanner_events("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaa\">]><r>&a;</r>", 5) ==
        "error: the workbook part doc.xml declares a DOCTYPE or entities: refused (not an XLSX file as spreadsheet "
        "software writes them)");
  // Names that are not ASCII: XML allows them, no spreadsheet writes them.
  CHECK(scanner_events("<\xC3\x9F:a/>", 100) ==
        "error: the workbook part doc.xml is not well-formed XML (line 1: a name that is not ASCII (no spreadsheet "
        "writes one))");
}

TEST_CASE("the sheet scanner streams long text and refuses a tag of more than 4 MB") {
  std::string text(10 << 20, 'x');
  std::string doc = "<a>" + text + "</a>";
  CHECK(scanner_events(doc, 1 << 16) == "<a>{" + text + "}</a>");
  std::string long_tag = "<a b='" + std::string(XmlScanner::k_max_markup, 'x') + "'/>";
  CHECK(scanner_events(long_tag, 1 << 16) ==
        "error: the workbook part doc.xml has a tag, comment or CDATA section of more than 4 MB: refused");
  std::string deep;
  for (size_t i = 0; i <= XmlScanner::k_max_depth; ++i) deep += "<a>";
  CHECK(scanner_events(deep, 1 << 16) == "error: the workbook part doc.xml nests elements more than 4096 deep: refused");
}

TEST_CASE("the sheet scanner leaves UTF-16 and other declared encodings to expat") {
  CHECK(XmlScanner::reads("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet/>"));
  CHECK(XmlScanner::reads("<?xml version='1.0' encoding='utf-8'?><a/>"));
  CHECK(XmlScanner::reads("\xEF\xBB\xBF<worksheet/>"));
  CHECK(XmlScanner::reads("<worksheet/>"));
  CHECK_FALSE(XmlScanner::reads("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>"));
  CHECK_FALSE(XmlScanner::reads("<?xml version=\"1.0\" encoding='US-ASCII'?><a/>"));
  CHECK_FALSE(XmlScanner::reads(std::string("\xFF\xFE<\0a\0/\0>\0", 10)));
  CHECK_FALSE(XmlScanner::reads(std::string("<\0?\0x\0m\0l\0", 10)));
}
