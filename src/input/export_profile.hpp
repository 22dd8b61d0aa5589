// Reading an export for `ctreport init FILE`: one pass over its rows, counting
// the distinct values of each categorical field (model::ExportProfile).
#pragma once
#include "input/table_reader.hpp"
#include "model/config.hpp"
#include "model/export_profile.hpp"

namespace ctreport::input {

// Finds the header as read_stays does (throws DataError when there is none or
// it is ambiguous), then counts every categorical field's values.
model::ExportProfile profile_export(TableReader& reader, const model::Config& config);

}  // namespace ctreport::input
