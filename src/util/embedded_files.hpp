// Files embedded in the binary at build time from the top-level templates/
// folder: default config, report templates and reference data.
#pragma once
#include <optional>
#include <span>
#include <string_view>

namespace ctreport::util {

struct EmbeddedFile {
  std::string_view name;     // path relative to templates/, e.g. "report.fr.md"
  std::string_view content;  // the file's bytes
};

std::span<const EmbeddedFile> embedded_files();

// The content of the embedded file `name`, or nothing.
std::optional<std::string_view> find_embedded(std::string_view name);

}  // namespace ctreport::util
