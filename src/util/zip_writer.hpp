// Writing a zip archive in memory with libzip: the default reference documents
// of the docx and odt formats are zipped from their XML parts at run time.
#pragma once
#include <string>
#include <vector>

namespace ctreport::util {

struct ZipEntry {
  std::string name;     // path inside the archive, e.g. "word/styles.xml"
  std::string content;  // its bytes
  bool stored = false;  // written uncompressed (an ODF package's `mimetype`, first)
};

// The archive's bytes, entries in the order given. Throws std::runtime_error
// when libzip fails (out of memory).
std::string zip_archive(const std::vector<ZipEntry>& entries);

// The same archive rewritten by zip_archive (same entries and order, fixed
// dates; an uncompressed entry stays so): the bytes of a package another
// program dated with the clock depend on its content only. Throws
// std::runtime_error when `archive` is not a zip.
std::string rezip(const std::string& archive);

}  // namespace ctreport::util
