// A finding about rows of a side file (the activity log, the follow-up file)
// that only the figures can make, such as rows naming a person who has no
// stay: one warning with its count and the first rows, never the values.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "figures/figures.hpp"

namespace ctreport::figures {

// Adds the warning `code` about `rows` (row numbers of `file`, in order) to
// f.quality, its column the header the file maps to `field`. Nothing when
// `rows` is empty.
void add_side_file_warning(Figures& f, const std::string& code, const std::string& file,
                           const std::vector<std::pair<std::string, std::string>>& mapping, std::string_view field,
                           const std::vector<uint32_t>& rows);

}  // namespace ctreport::figures
