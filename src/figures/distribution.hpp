// A distribution of a population over the lines of a breakdown (docs/figures.md,
// "Denominators"): its lines with their counts and shares, its total, and
// whether the export could say it at all.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ctreport::figures {

struct Line {
  std::string key;
  std::string label;
  int64_t count = 0;
  std::optional<double> share;  // count / (total - excluded lines); none when that is 0 or the line is excluded
  bool excluded_from_share = false;  // counted, left out of the shares' denominator (docs/figures.md, "Denominators")
  bool unknown_answer = false;       // a category marked unknown ("ne sait pas / refus"), apart from "unknown"
};

struct Distribution {
  std::string population;  // "people_present", "exits", "people_present_at_end"
  // False when the export has no column for the field this distribution is
  // computed from: then it has no total and no lines, and every output says
  // "not available" instead of a figure (docs/figures.md, "A missing column").
  bool available = true;
  std::vector<std::string> missing_fields;  // config names of the missing fields, e.g. "origin"
  int64_t total = 0;       // the denominator, unknown and other lines included
  std::vector<Line> lines; // categories in config order, then other and unknown when not 0
};

}  // namespace ctreport::figures
