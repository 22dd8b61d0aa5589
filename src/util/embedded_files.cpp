// Lookup of the files embedded from templates/.
#include "util/embedded_files.hpp"

namespace ctreport::util {

std::optional<std::string_view> find_embedded(std::string_view name) {
  for (const auto& f : embedded_files())
    if (f.name == name) return f.content;
  return std::nullopt;
}

}  // namespace ctreport::util
