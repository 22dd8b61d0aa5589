// write_zip: libzip, entries stored from memory; lie_about_size, lie_about_crc: bytes patched.
#include "support/zip_file.hpp"

#include <doctest/doctest.h>
#include <zip.h>

#include <fstream>
#include <iterator>

namespace ctreport::test {

void write_zip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& entries) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  REQUIRE(z != nullptr);
  for (const auto& [name, content] : entries) {
    zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
    REQUIRE(zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE) >= 0);
  }
  REQUIRE(zip_close(z) == 0);
}

void lie_about_size(const std::string& path, const std::string& entry, uint32_t size) {
  std::ifstream in(path, std::ios::binary);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  auto put32 = [&](size_t at) {
    for (int k = 0; k < 4; ++k) data[at + k] = static_cast<char>((size >> (8 * k)) & 0xFF);
  };
  auto get16 = [&](size_t at) {
    return static_cast<size_t>(static_cast<unsigned char>(data[at])) |
           static_cast<size_t>(static_cast<unsigned char>(data[at + 1])) << 8;
  };
  int patched = 0;
  for (size_t i = data.find("PK\x03\x04"); i != std::string::npos; i = data.find("PK\x03\x04", i + 4))
    if (get16(i + 26) == entry.size() && data.compare(i + 30, entry.size(), entry) == 0) put32(i + 22), ++patched;
  for (size_t i = data.find("PK\x01\x02"); i != std::string::npos; i = data.find("PK\x01\x02", i + 4))
    if (get16(i + 28) == entry.size() && data.compare(i + 46, entry.size(), entry) == 0) put32(i + 24), ++patched;
  REQUIRE(patched == 2);
  std::ofstream(path, std::ios::binary) << data;
}

void lie_about_crc(const std::string& path, const std::string& entry) {
  std::ifstream in(path, std::ios::binary);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  auto get16 = [&](size_t at) {
    return static_cast<size_t>(static_cast<unsigned char>(data[at])) |
           static_cast<size_t>(static_cast<unsigned char>(data[at + 1])) << 8;
  };
  int patched = 0;
  for (size_t i = data.find("PK\x03\x04"); i != std::string::npos; i = data.find("PK\x03\x04", i + 4))
    if (get16(i + 26) == entry.size() && data.compare(i + 30, entry.size(), entry) == 0) data[i + 14] ^= 0x5A, ++patched;
  for (size_t i = data.find("PK\x01\x02"); i != std::string::npos; i = data.find("PK\x01\x02", i + 4))
    if (get16(i + 28) == entry.size() && data.compare(i + 46, entry.size(), entry) == 0) data[i + 16] ^= 0x5A, ++patched;
  REQUIRE(patched == 2);
  std::ofstream(path, std::ios::binary) << data;
}

}  // namespace ctreport::test
