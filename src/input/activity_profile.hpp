// One pass over an activity log counting its types and professional
// categories, for `ctreport init FILE --activities LOG` (render/init_config).
#pragma once
#include "input/table_reader.hpp"
#include "model/activity_profile.hpp"
#include "model/config.hpp"

namespace ctreport::input {

// Throws DataError (no file name: the caller adds it) when no header with a
// date and a type column is found in the first rows.
model::ActivityProfile profile_activities(TableReader& reader, const model::Config& config);

}  // namespace ctreport::input
