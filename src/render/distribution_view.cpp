// The template view of a distribution, and the stage table that sets the
// stages at exit beside the stages of the people present at the end.
#include "render/distribution_view.hpp"

#include <algorithm>

#include "model/line_texts.hpp"
#include "model/missing_column_texts.hpp"
#include "render/change_format.hpp"

namespace ctreport::render {

namespace {

using kainjow::mustache::data;
using kainjow::mustache::list;

const figures::Line* line_of(const figures::Distribution& d, const std::string& key) {
  for (const auto& l : d.lines)
    if (l.key == key) return &l;
  return nullptr;
}

// A line in a compared year: its count and share (0 when the category was absent).
std::pair<int64_t, std::optional<double>> compared_line(const figures::Distribution& d, const std::string& key) {
  const figures::Line* l = line_of(d, key);
  if (l) return {l->count, l->share};
  return {0, d.total > 0 ? std::optional<double>(0.0) : std::nullopt};
}

// A line of a compared year: its values and the change since then ("–" when
// the compared year's export has no column for the distribution's field).
data compared_line_view(const figures::Line& l, const std::string& label, const figures::Distribution& b,
                        const NumberFormat& nf) {
  data c;
  c.set("label", label);
  if (!b.available) {
    for (const char* name : {"count", "share", "value", "count_change", "share_change", "change"}) c.set(name, "–");
    return c;
  }
  auto [count, share] = compared_line(b, l.key);
  c.set("count", nf.integer(count));
  c.set("share", nf.percent(share));
  c.set("value", count_and_share(count, share, nf));
  c.set("count_change", signed_change(l.count - count, nf));
  c.set("share_change", points_change(l.share, share, nf));
  c.set("change", count_and_points(signed_change(l.count - count, nf), points_change(l.share, share, nf)));
  return c;
}

}  // namespace

data distribution_view(const figures::Distribution& dist, const NumberFormat& nf, const ComparedDistributions& before) {
  data d;
  list lines;
  data by_key;
  int index = 0;
  for (const auto& l : dist.lines) {
    data line;
    list comparisons;
    for (const auto& [label, b] : before) {
      data c = compared_line_view(l, label, *b, nf);
      comparisons.push_back(c);
      if (comparisons.size() == 1) {  // the most recent compared year, under the names of one comparison
        line.set("previous_count", c.get("count")->string_value());
        line.set("previous_share", c.get("share")->string_value());
        line.set("share_change", c.get("share_change")->string_value());
      }
    }
    if (before.empty()) {
      line.set("previous_count", "–");
      line.set("previous_share", "–");
      line.set("share_change", "–");
    }
    line.set("has_previous", !before.empty());
    line.set("comparisons", comparisons);
    line.set("key", l.key);
    line.set("label", l.label);
    line.set("count", nf.integer(l.count));
    line.set("share", nf.percent(l.share));
    line.set("count_raw", std::to_string(l.count));  // for charts: no thousands separator
    line.set("index", std::to_string(index++));
    line.set("is_unknown", l.key == "unknown");
    line.set("is_other", l.key == "other");
    line.set("excluded", l.excluded_from_share);     // counted, out of the shares' denominator
    line.set("unknown_answer", l.unknown_answer);    // "ne sait pas / refus"
    lines.push_back(line);
    data k;
    k.set("count", nf.integer(l.count));
    k.set("any", l.count > 0);
    k.set("plural", nf.plural(l.count));
    k.set("share", nf.percent(l.share));
    k.set("label", l.label);
    by_key.set(l.key, k);
  }
  // by_key.other and by_key.unknown always exist (docs/templates.md), 0 when
  // the distribution has no such line: a template naming them always renders.
  const model::Lang lang = nf.french ? model::Lang::fr : model::Lang::en;
  for (const auto& [key, label] : {std::pair<std::string, std::string_view>{"other", model::other_line_label(lang)},
                                   {"unknown", model::unknown_line_label(lang)}}) {
    if (line_of(dist, key)) continue;
    data k;
    k.set("count", nf.integer(0));
    k.set("any", false);
    k.set("plural", nf.plural(0));
    k.set("share", nf.percent(dist.total > 0 ? std::optional<double>(0.0) : std::nullopt));
    k.set("label", std::string(label));
    by_key.set(key, k);
  }
  list totals;
  for (const auto& [label, b] : before) {
    data c;
    c.set("label", label);
    c.set("total", b->available ? nf.integer(b->total) : "–");
    c.set("total_change", dist.available && b->available ? signed_change(dist.total - b->total, nf) : "–");
    totals.push_back(c);
  }
  d.set("total", dist.available ? nf.integer(dist.total) : "–");
  d.set("total_plural", nf.plural(dist.total));
  d.set("lines", lines);
  d.set("by_key", by_key);
  d.set("has_lines", dist.total > 0);
  d.set("comparisons", totals);
  d.set("available", dist.available);
  // The lines left out of the shares, for the sentence that says so.
  std::string excluded_labels;
  int64_t excluded = 0;
  for (const auto& l : dist.lines)
    if (l.excluded_from_share && l.key != "excluded") {  // the categories, not the exits of an excluded reason
      excluded_labels += (excluded_labels.empty() ? "" : ", ") + l.label;
      excluded += l.count;
    }
  d.set("has_excluded", excluded > 0);
  d.set("excluded_labels", excluded_labels);
  d.set("excluded_count", nf.integer(excluded));
  d.set("missing_text", dist.available ? "" : model::not_available_text(dist.missing_fields, nf.french ? model::Lang::fr : model::Lang::en));
  return d;
}

void add_stage_table(data& stage, const figures::Figures& f, const NumberFormat& nf,
                     const std::vector<const figures::Figures*>& before) {
  const figures::Distribution& stage_exits = f.breakdown("stage");
  const figures::Distribution& stage_at_end = f.breakdown("stage_at_end");
  std::vector<std::pair<std::string, std::string>> keys;  // key, label: the exits' order, then the others
  for (const auto* d : {&stage_exits, &stage_at_end})
    for (const auto& l : d->lines)
      if (std::find_if(keys.begin(), keys.end(), [&](const auto& k) { return k.first == l.key; }) == keys.end())
        keys.emplace_back(l.key, l.label);
  list lines;
  for (const auto& [key, label] : keys) {
    data line;
    auto [exits, exits_share] = compared_line(stage_exits, key);
    auto [present, present_share] = compared_line(stage_at_end, key);
    line.set("key", key);
    line.set("label", label);
    line.set("exits_count", nf.integer(exits));
    line.set("exits_share", nf.percent(exits_share));
    line.set("present_count", nf.integer(present));
    line.set("present_share", nf.percent(present_share));
    list comparisons;
    for (const auto* p : before) {
      auto [pe, pes] = compared_line(p->breakdown("stage"), key);
      auto [pp, pps] = compared_line(p->breakdown("stage_at_end"), key);
      data c;
      c.set("label", p->period.label);
      c.set("exits", p->breakdown("stage").available ? count_and_share(pe, pes, nf) : "–");
      c.set("present", p->breakdown("stage_at_end").available ? count_and_share(pp, pps, nf) : "–");
      comparisons.push_back(c);
    }
    line.set("comparisons", comparisons);
    lines.push_back(line);
  }
  list totals;
  for (const auto* p : before) {
    data c;
    c.set("label", p->period.label);
    c.set("exits_total", p->breakdown("stage").available ? nf.integer(p->breakdown("stage").total) : "–");
    c.set("present_total", p->breakdown("stage_at_end").available ? nf.integer(p->breakdown("stage_at_end").total) : "–");
    totals.push_back(c);
  }
  stage.set("comparisons", totals);
  stage.set("lines", lines);
  stage.set("has_lines", !keys.empty());
}

}  // namespace ctreport::render
