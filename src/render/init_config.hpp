// The ctreport.yaml that `ctreport init FILE` writes from an export's profile:
// the columns as recognised (unused headers as comments), capacity and
// département to fill, and every categorical value of the file under the
// category it maps to, the unmapped ones under "# à classer" to be moved.
// Never a value of a sensitive column (they are not profiled).
#pragma once
#include <string>

#include "model/config.hpp"
#include "model/export_profile.hpp"

namespace ctreport::render {

// `file` is the export's name as the user gave it (for the heading comment).
std::string init_config_text(const model::ExportProfile& profile, const model::Config& defaults,
                             const std::string& file);

}  // namespace ctreport::render
