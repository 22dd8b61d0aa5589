// The ctreport.yaml that `ctreport init FILE` writes from an export's profile:
// the columns as recognised (unused headers as comments), capacity and
// département to fill, and every categorical value of the file under the
// category it maps to, the unmapped ones under "# à classer" to be moved.
// Never a value of a sensitive column (they are not profiled).
#pragma once
#include <string>

#include "model/activity_profile.hpp"
#include "model/config.hpp"
#include "model/export_profile.hpp"

namespace ctreport::render {

// `file` is the export's name as the user gave it (for the heading comment).
std::string init_config_text(const model::ExportProfile& profile, const model::Config& defaults,
                             const std::string& file);

// The sections `ctreport init FILE --activities LOG` adds for the activity
// log: `activities: {sheet, columns}` as recognised, and its types and
// professionals under `activity_types` / `professional_categories`
// `add_values`, the unmapped ones commented out to be classified. `file` is
// the log's name as the user gave it.
std::string init_activities_text(const model::ActivityProfile& profile, const model::Config& defaults,
                                 const std::string& file);

}  // namespace ctreport::render
