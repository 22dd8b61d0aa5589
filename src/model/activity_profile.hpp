// What `ctreport init FILE --activities LOG` learns of an activity log: its
// columns as recognised, the headers not used, and every distinct activity
// type and professional category with its count and the category it maps to.
// Plain data, no personal data: the persons' column is named, its values
// never kept.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/export_profile.hpp"

namespace ctreport::model {

struct ActivityProfile {
  std::string sheet;  // the sheet read, for a workbook
  uint64_t rows = 0;  // data rows read
  std::vector<std::pair<std::string, std::string>> columns;  // field name (activity_fields), header
  std::vector<std::string> unused;                            // headers no field uses
  std::vector<ProfiledValue> types, professionals;            // most frequent first
  uint64_t types_not_listed = 0, professionals_not_listed = 0;
};

}  // namespace ctreport::model
