// `--by site`: the stays of each site as a table of their own, with the site's
// capacity from the config, a file-name suffix unique per site, the name its
// report carries, and what the config says that the data contradicts
// (docs/figures.md, "Sites").
#pragma once
#include <string>
#include <vector>

#include "model/config.hpp"
#include "model/stay.hpp"

namespace ctreport::model {

struct SiteSplit {
  // One per site of the table, in StayTable::sites order, its persons
  // numbered 0..person_count-1 in the order of the whole table's numbers.
  std::vector<StayTable> tables;
  std::vector<Capacity> capacities;           // each site's (undefined: none in the config)
  std::vector<std::string> suffixes;          // "-le-moulin": unique, in the order the sites first appear
  std::vector<std::string> names;             // the establishment name each site's report carries
  std::vector<std::string> config_warnings;   // sites without capacity, config sites not in the data

  size_t size() const { return tables.size(); }
};

// Without a total capacity, the establishment's is the sum of its sites'.
void complete_capacity_from_sites(Config& config);

// Splits `table` (which has a site column) by site.
SiteSplit split_by_site(const StayTable& table, const Config& config);

}  // namespace ctreport::model
