// The network part of a report's view.
#include "render/network_view.hpp"

#include "model/network_texts.hpp"
#include "model/warning_texts.hpp"
#include "render/origin_lines.hpp"

namespace ctreport::render {

using kainjow::mustache::data;
using kainjow::mustache::list;

namespace {

model::Lang lang_of(const NumberFormat& nf) { return nf.french ? model::Lang::fr : model::Lang::en; }

data member_view(const figures::Figures::NetworkMember& n, const NumberFormat& nf) {
  data m;
  m.set("name", n.name);
  m.set("people_present", nf.integer(n.people_present));
  m.set("admissions", nf.integer(n.admissions));
  m.set("exits", nf.integer(n.exits));
  m.set("bed_days", nf.integer(n.bed_days));
  m.set("capacity_days", n.occupancy_rate ? nf.integer(n.capacity_days) : "–");
  m.set("occupancy_rate", nf.percent(n.occupancy_rate));
  m.set("has_rate", n.occupancy_rate.has_value());
  return m;
}

}  // namespace

data network_view(const figures::Figures& f, const NumberFormat& nf) {
  const auto& net = f.network;
  data network;
  network.set("is_network", !net.establishments.empty());
  network.set("count", nf.integer(static_cast<int64_t>(net.establishments.size())));
  list members;
  for (size_t i = 0; i < net.establishments.size(); ++i) {
    // A network's figures read back from figures.json name their establishments only.
    data member = i < net.members.size() ? member_view(net.members[i], nf) : data();
    member.set("name", net.establishments[i]);
    member.set("last", i + 1 == net.establishments.size());
    members.push_back(member);
  }
  network.set("establishments", members);
  network.set("has_members", !net.members.empty() && net.members.size() == net.establishments.size());
  // The region only when every establishment is in it, by the département its
  // figures give (figures/merge); else the origin is each one's own region.
  bool relative = !net.establishments.empty() && origin_is_relative(f);
  network.set("same_region", relative && !f.establishment.region.empty());
  network.set("region", f.establishment.region);
  network.set("regions_differ", relative && f.establishment.region.empty());
  return network;
}

std::vector<NoteFinding> note_findings(const figures::Figures& f) {
  static const std::string k_none;
  std::vector<NoteFinding> out;
  for (const auto& w : f.quality.warnings) out.push_back({w, f.quality.warnings_described, k_none});
  for (const auto& n : f.network.members)
    for (const auto& w : n.warnings) out.push_back({w, n.warnings_described, n.name});
  return out;
}

std::string note_finding_text(const NoteFinding& finding, const NumberFormat& nf) {
  std::string message = finding.described ? model::warning_text(finding.warning, lang_of(nf)) : finding.warning.message;
  message = nf.prose(message);
  return finding.establishment.empty() ? message : model::network_finding(lang_of(nf), finding.establishment, message);
}

}  // namespace ctreport::render
