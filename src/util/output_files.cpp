// All-or-nothing output writing (temporary files, then renames with rollback).
#include "util/output_files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
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

void OutputFiles::roll_back() {
  std::error_code ec;
  for (auto it = m_renamed.rbegin(); it != m_renamed.rend(); ++it) {
    if (it->backup.empty())
      fs::remove(it->final_path, ec);
    else
      fs::rename(it->backup, it->final_path, ec);
  }
  m_renamed.clear();
  for (const auto& t : m_temporaries) fs::remove(t, ec);
  m_temporaries.clear();
  for (auto it = m_created.rbegin(); it != m_created.rend(); ++it) fs::remove(*it, ec);  // only if empty
  m_created.clear();
}

std::vector<fs::path> OutputFiles::commit() {
  std::vector<fs::path> finals;
  std::set<fs::path> seen;
  for (const auto& [name, content] : m_files) {
    fs::path final_path = m_folder / name;
    if (!seen.insert(final_path.lexically_normal()).second)
      throw UsageError(fmt::format("two outputs of this run would both be written to '{}'; nothing was written",
                                   final_path.string()));
    finals.push_back(final_path);
  }
  try {
    std::error_code ec;
    // The folders to create, outermost first, remembered to be removed on failure.
    auto create = [&](const fs::path& folder) {
      std::vector<fs::path> missing;
      for (fs::path p = folder; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
        missing.push_back(p);
        if (p == p.parent_path()) break;
      }
      for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        if (!fs::create_directory(*it, ec) && ec)
          throw UsageError(fmt::format("cannot create the output folder '{}': {}", it->string(), ec.message()));
        m_created.push_back(*it);
      }
    };
    create(m_folder);
    for (size_t i = 0; i < finals.size(); ++i) {
      const fs::path& final_path = finals[i];
      create(final_path.parent_path());
      fs::path tmp = final_path.parent_path() / fmt::format(".{}.tmp-{}", final_path.filename().string(), ::getpid());
      m_temporaries.push_back(tmp);
      const std::string& content = m_files[i].second;
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      if (!out) throw UsageError(fmt::format("cannot write '{}': {}", tmp.string(), std::strerror(errno)));
      out.write(content.data(), static_cast<std::streamsize>(content.size()));
      out.close();
      if (!out) throw UsageError(fmt::format("cannot write '{}': {}", tmp.string(), std::strerror(errno)));
    }
    for (size_t i = 0; i < finals.size(); ++i) {
      Replaced r{finals[i], {}};
      auto status = fs::symlink_status(finals[i], ec);
      if (fs::exists(status) && !fs::is_directory(status)) {
        // Kept aside, to be put back if a later rename fails.
        r.backup = finals[i].parent_path() / fmt::format(".{}.old-{}", finals[i].filename().string(), ::getpid());
        fs::rename(finals[i], r.backup, ec);
        if (ec) throw UsageError(fmt::format("cannot replace '{}': {}", finals[i].string(), ec.message()));
      }
      fs::rename(m_temporaries[i], finals[i], ec);
      if (ec) {
        std::string why = fs::is_directory(finals[i]) ? "a folder of that name is in the way" : ec.message();
        if (!r.backup.empty()) fs::rename(r.backup, finals[i], ec);
        throw UsageError(fmt::format("cannot write '{}': {}; nothing was written", finals[i].string(), why));
      }
      m_renamed.push_back(std::move(r));
    }
  } catch (...) {
    roll_back();
    throw;
  }
  std::error_code ec;
  for (const auto& r : m_renamed)
    if (!r.backup.empty()) fs::remove(r.backup, ec);
  m_renamed.clear();
  m_temporaries.clear();
  m_created.clear();
  return finals;
}

}  // namespace ctreport::util
