// Test helper: writes a zip archive of given entries, for hand-made workbooks.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ctreport::test {

// A zip at `path` with `entries` (name, content), written with libzip.
void write_zip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& entries);

// Sets the uncompressed size the zip at `path` declares for `entry`, in its
// local header and in the central directory, as a hostile packager would.
void lie_about_size(const std::string& path, const std::string& entry, uint32_t size);

// Flips the CRC-32 the zip at `path` declares for `entry`, in both headers.
void lie_about_crc(const std::string& path, const std::string& entry);

}  // namespace ctreport::test
