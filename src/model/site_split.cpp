// Splitting the stays by site, each with its capacity and file-name suffix.
#include "model/site_split.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "model/document_texts.hpp"
#include "util/text.hpp"

namespace ctreport::model {

namespace {

std::string quoted_list(const std::vector<std::string>& names) {
  std::string all;
  for (const auto& n : names) all += (all.empty() ? "'" : ", '") + n + "'";
  return all;
}

// "-slug", made unique with -2, -3… against the suffixes already given.
std::string unique_suffix(const std::string& base, const std::vector<std::string>& taken) {
  std::string suffix = "-" + base;
  for (int n = 2; std::find(taken.begin(), taken.end(), suffix) != taken.end(); ++n) suffix = fmt::format("-{}-{}", base, n);
  return suffix;
}

// Numbers the persons of a site's table 0..k-1, keeping the order of their
// numbers in the whole table, so that each site's figures cost time and
// memory in proportion to its own persons (a file of 500 sites).
void number_persons(StayTable& t) {
  std::vector<uint32_t> persons;
  persons.reserve(t.stays.size() + t.past_exits.size());
  for (const auto& s : t.stays) persons.push_back(s.person);
  for (const auto& p : t.past_exits) persons.push_back(p.person);
  std::sort(persons.begin(), persons.end());
  persons.erase(std::unique(persons.begin(), persons.end()), persons.end());
  auto number = [&](uint32_t person) {
    return static_cast<uint32_t>(std::lower_bound(persons.begin(), persons.end(), person) - persons.begin());
  };
  for (auto& s : t.stays) s.person = number(s.person);
  for (auto& p : t.past_exits) p.person = number(p.person);
  t.person_count = static_cast<uint32_t>(persons.size());
}

}  // namespace

void complete_capacity_from_sites(Config& config) {
  if (config.capacity.defined() || config.site_capacity.empty()) return;
  std::vector<Capacity> parts;
  for (const auto& [site, capacity] : config.site_capacity) parts.push_back(capacity);
  config.capacity = sum_capacities(parts);
}

SiteSplit split_by_site(const StayTable& table, const Config& config) {
  SiteSplit split;
  const DocumentTexts& texts = document_texts(config.lang == "en" ? Lang::en : Lang::fr);
  split.tables.resize(table.sites.size());
  std::set<std::string> data_sites;
  for (size_t s = 0; s < table.sites.size(); ++s) {
    const std::string& name = table.sites[s];
    data_sites.insert(util::normalize_key(name));
    StayTable& t = split.tables[s];
    t.has_column = table.has_column;
    t.latest_date = table.latest_date;
    t.earliest_entry = table.earliest_entry;
    auto it = config.site_capacity.find(util::normalize_key(name));
    const Capacity capacity = it != config.site_capacity.end() ? it->second : Capacity();
    if (!capacity.defined() && (config.capacity.defined() || !config.site_capacity.empty()))
      split.config_warnings.push_back(fmt::format(
          "site '{}' has no capacity in the config (sites: {{\"{}\": {{capacity: …}}}}): its report has no occupancy rate",
          name.empty() ? "(empty)" : name, name));
    split.capacities.push_back(capacity);
    split.suffixes.push_back(unique_suffix(util::slug(name.empty() ? std::string(texts.no_site_slug) : name), split.suffixes));
    std::string site = name.empty() ? std::string(texts.no_site_label) : name;
    split.names.push_back(config.establishment_name.empty() ? site : config.establishment_name + " — " + site);
  }
  for (const auto& [key, label] : config.site_labels)
    if (!data_sites.count(key))
      split.config_warnings.push_back(fmt::format(
          "site '{}' of the config matches no stay of the period(s) reported (sites in the data: {})", label,
          quoted_list(table.sites)));
  for (const auto& stay : table.stays) split.tables[stay.site].stays.push_back(stay);
  for (const auto& past : table.past_exits)
    if (past.site != k_no_site) split.tables[past.site].past_exits.push_back(past);
  for (auto& t : split.tables) number_persons(t);
  return split;
}

}  // namespace ctreport::model
