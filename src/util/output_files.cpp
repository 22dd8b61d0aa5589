// All-or-nothing output writing (temporary file, then rename).
#include "util/output_files.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <unistd.h>

#include <fmt/format.h>

#include "util/errors.hpp"

namespace ctreport::util {

namespace fs = std::filesystem;

OutputFiles::~OutputFiles() {
  std::error_code ec;
  for (const auto& t : m_temporaries) fs::remove(t, ec);
}

void OutputFiles::add(const std::string& name, std::string content) {
  fs::path p(name);
  if (p.is_absolute() || name.empty())
    throw std::logic_error("output names are relative to the output folder");
  for (const auto& part : p)
    if (part == "..") throw std::logic_error("output names stay inside the output folder");
  m_files.emplace_back(name, std::move(content));
}

std::vector<fs::path> OutputFiles::commit() {
  std::error_code ec;
  fs::create_directories(m_folder, ec);
  if (ec) throw UsageError(fmt::format("cannot create the output folder '{}': {}", m_folder.string(), ec.message()));
  std::vector<fs::path> finals;
  for (const auto& [name, content] : m_files) {
    fs::path final_path = m_folder / name;
    fs::create_directories(final_path.parent_path(), ec);
    fs::path tmp = final_path.parent_path() / fmt::format(".{}.tmp-{}", final_path.filename().string(), ::getpid());
    m_temporaries.push_back(tmp);
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw UsageError(fmt::format("cannot write '{}': {}", tmp.string(), std::strerror(errno)));
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) throw UsageError(fmt::format("cannot write '{}': {}", tmp.string(), std::strerror(errno)));
    finals.push_back(final_path);
  }
  for (size_t i = 0; i < finals.size(); ++i) {
    fs::rename(m_temporaries[i], finals[i], ec);
    if (ec) throw UsageError(fmt::format("cannot write '{}': {}", finals[i].string(), ec.message()));
  }
  m_temporaries.clear();
  return finals;
}

}  // namespace ctreport::util
