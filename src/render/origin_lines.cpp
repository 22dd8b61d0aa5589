// Origin lines as shown: relative to the establishment, or France / abroad / unknown.
#include "render/origin_lines.hpp"

#include <algorithm>

#include "model/line_texts.hpp"

namespace ctreport::render {

bool is_french_origin(std::string_view key) {
  return key == "departement" || key == "region" || key == "other_region";
}

bool origin_is_relative(const figures::Figures& f) {
  if (!f.establishment.departement_name.empty()) return true;
  if (f.network.establishments.empty()) return false;
  // A network: relative to each establishment only when each one has a département.
  return std::all_of(f.network.members.begin(), f.network.members.end(), [](const auto& n) { return !n.departement.empty(); });
}

figures::Distribution origin_as_shown(const figures::Figures& f, bool en) {
  const figures::Distribution& origin = f.breakdown("origin");
  if (origin_is_relative(f) || !origin.available) return origin;
  figures::Distribution d;
  d.population = origin.population;
  d.total = origin.total;
  const auto& texts = model::line_texts(en ? model::Lang::en : model::Lang::fr);
  figures::Line france{"france", std::string(texts.france), 0, std::nullopt};
  figures::Line abroad{"abroad", std::string(texts.abroad), 0, std::nullopt};
  std::vector<figures::Line> rest;  // unknown (and anything else) as computed
  for (const auto& l : origin.lines) {
    if (is_french_origin(l.key)) france.count += l.count;
    else if (l.key == "abroad") abroad.count += l.count;
    else rest.push_back(l);
  }
  d.lines.push_back(france);
  d.lines.push_back(abroad);
  for (auto& l : rest) d.lines.push_back(std::move(l));
  for (auto& l : d.lines)
    l.share = d.total > 0 ? std::optional<double>(static_cast<double>(l.count) / static_cast<double>(d.total))
                          : std::nullopt;
  return d;
}

figures::Distribution distribution_as_shown(const figures::Figures& f, size_t index, bool en) {
  if (model::k_breakdowns[index].source == model::BreakdownSource::geographic_origin) return origin_as_shown(f, en);
  return f.breakdowns[index];
}

}  // namespace ctreport::render
