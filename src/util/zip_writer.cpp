// An in-memory zip through a libzip buffer source.
#include "util/zip_writer.hpp"

#include <zip.h>

#include <memory>
#include <stdexcept>

namespace ctreport::util {

namespace {
[[noreturn]] void fail(const char* what, zip_error_t* error) {
  std::string message = std::string("cannot write a zip archive: ") + what + ": " + zip_error_strerror(error);
  throw std::runtime_error(message);
}
}  // namespace

std::string zip_archive(const std::vector<ZipEntry>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) fail("buffer", &error);
  zip_source_keep(buffer);  // kept past zip_close, to read the archive back
  std::unique_ptr<zip_source_t, decltype(&zip_source_free)> keep(buffer, &zip_source_free);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) fail("open", &error);
  for (const auto& e : entries) {
    zip_source_t* data = zip_source_buffer(archive, e.content.data(), e.content.size(), 0);
    zip_int64_t index = data ? zip_file_add(archive, e.name.c_str(), data, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (data) zip_source_free(data);
      zip_discard(archive);
      throw std::runtime_error("cannot write a zip archive: entry " + e.name);
    }
    if (e.stored) zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), 315532800, 0);  // 1980-01-01: the same bytes every run
  }
  if (zip_close(archive) != 0) {
    std::string message = zip_strerror(archive);
    zip_discard(archive);
    throw std::runtime_error("cannot write a zip archive: " + message);
  }
  std::string out;
  if (zip_source_open(buffer) != 0) fail("read back", zip_source_error(buffer));
  zip_source_seek(buffer, 0, SEEK_END);
  zip_int64_t size = zip_source_tell(buffer);
  zip_source_seek(buffer, 0, SEEK_SET);
  out.resize(size > 0 ? static_cast<size_t>(size) : 0);
  zip_int64_t read = out.empty() ? 0 : zip_source_read(buffer, out.data(), out.size());
  zip_source_close(buffer);
  if (read != static_cast<zip_int64_t>(out.size())) throw std::runtime_error("cannot write a zip archive: read back");
  return out;
}

std::string rezip(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  if (!archive) {
    if (source) zip_source_free(source);
    fail("read", &error);
  }
  std::vector<ZipEntry> entries;
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t st;
    zip_file_t* file = zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st) == 0
                           ? zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0)
                           : nullptr;
    if (!file) {
      zip_close(archive);
      throw std::runtime_error("cannot read a zip archive's entry");
    }
    ZipEntry e{st.name, std::string(st.size, '\0'), st.comp_method == ZIP_CM_STORE};
    zip_int64_t read = zip_fread(file, e.content.data(), st.size);
    zip_fclose(file);
    if (read != static_cast<zip_int64_t>(st.size)) {
      zip_close(archive);
      throw std::runtime_error("cannot read a zip archive's entry " + e.name);
    }
    entries.push_back(std::move(e));
  }
  zip_close(archive);
  return zip_archive(entries);
}

}  // namespace ctreport::util
