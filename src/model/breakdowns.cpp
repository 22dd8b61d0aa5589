// The few functions of the breakdown declarations (the table is in the header).
#include "model/breakdowns.hpp"

#include <algorithm>

namespace ctreport::model {

std::string_view population_name(Population p) {
  switch (p) {
    case Population::people_present: return "people_present";
    case Population::exits: return "exits";
    case Population::people_present_at_end: return "people_present_at_end";
  }
  return "people_present";
}

bool first_to_read_its_fields(const Breakdown& b) {
  for (const auto& earlier : k_breakdowns) {
    if (&earlier == &b) return true;
    if (std::equal(earlier.fields.begin(), earlier.fields.end(), b.fields.begin(), b.fields.end())) return false;
  }
  return true;
}

std::pair<std::string_view, std::string_view> parent_and_leaf(std::string_view path) {
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos) return {"", path};
  return {path.substr(0, dot), path.substr(dot + 1)};
}

}  // namespace ctreport::model
