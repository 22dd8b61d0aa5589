// What `ctreport init FILE` learns of an export: the columns as recognised,
// the headers not used, and for each categorical field every distinct value
// with its count and how it maps to a category. Plain data, no personal data:
// sensitive columns are named, their values never kept.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/categories.hpp"
#include "model/fields.hpp"

namespace ctreport::model {

struct ProfiledValue {
  std::string raw;  // as written (trimmed)
  uint64_t count = 0;
  Classification classification;
};

struct ExportProfile {
  std::string sheet;        // the sheet read, for a workbook
  uint64_t header_row = 0;
  uint64_t rows = 0;        // data rows read
  struct Column {
    Field field;
    std::string header;
    bool exact = true;      // false when the header contains a known name
    std::string known;      // the known name that recognised it
  };
  std::vector<Column> columns;            // in field order
  std::vector<std::string> unused;        // headers no field uses
  std::array<std::vector<ProfiledValue>, k_category_field_count> values;  // most frequent first
  std::array<uint64_t, k_category_field_count> values_not_listed{};       // distinct values beyond the cap
};

// Distinct values kept per field (the rest are counted in values_not_listed).
inline constexpr size_t k_profile_values_per_field = 500;

}  // namespace ctreport::model
