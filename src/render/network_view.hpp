// The `network` variables of a report's view (docs/templates.md, "Networks"):
// each establishment of a network with its headline figures (the report's
// table of establishments), the region they all are in when they share one,
// and each one's data warnings with its name for the method note.
#pragma once
#include <kainjow/mustache.hpp>

#include <string>
#include <vector>

#include "figures/figures.hpp"
#include "render/number_format.hpp"

namespace ctreport::render {

// {is_network, count, establishments[] {name, last, people_present,
// admissions, exits, bed_days, capacity_days, occupancy_rate, has_rate},
// same_region, region, regions_differ}.
kainjow::mustache::data network_view(const figures::Figures& f, const NumberFormat& nf);

// A warning as the method note lists it, and whose establishment it is ("" when
// the report is one establishment's).
struct NoteFinding {
  const model::Warning& warning;
  bool described;  // false: only its English message is known (figures::Figures::quality)
  const std::string& establishment;
};

// Every warning of the report's own figures, then each establishment's of a network.
std::vector<NoteFinding> note_findings(const figures::Figures& f);

// The text of a finding in the report's language, after its establishment's name.
std::string note_finding_text(const NoteFinding& finding, const NumberFormat& nf);

}  // namespace ctreport::render
