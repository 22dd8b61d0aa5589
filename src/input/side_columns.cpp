// Recognising a side table's headers: the best-fitting field of each column,
// then the best-fitting column of each field.
#include "input/side_columns.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "input/header_match.hpp"
#include "util/errors.hpp"
#include "util/text.hpp"

namespace ctreport::input {

namespace {

constexpr int k_config_score = 1'000'000;  // a header the config names

// The score of `header` for each field.
std::vector<int> scores(const std::string& header, const SideTable& t) {
  std::vector<int> out(t.names.size(), 0);
  auto named = [&](size_t field) {
    return std::any_of(t.overrides.begin(), t.overrides.end(), [&](const auto& o) { return o.first == field; });
  };
  auto words = header_words(header);
  for (const auto& [field, known] : *t.known) {
    if (named(field)) continue;  // a field named in the config has only its named headers
    out[field] = std::max(out[field], name_fit(known, words));
  }
  std::string key = util::normalize_key(header);
  for (const auto& [field, names] : t.overrides)
    for (const auto& name : names)
      if (util::normalize_key(name) == key) out[field] = k_config_score;
  return out;
}

// The field a header fits best; t.names.size() for none. Two fields equally
// good is the user's to settle.
size_t field_of(const std::string& header, const std::vector<int>& s, const SideTable& t) {
  const size_t none = t.names.size();
  size_t field = none;
  for (size_t f = 0; f < s.size(); ++f) {
    if (s[f] == 0) continue;
    if (field == none || s[f] > s[field]) field = f;
    else if (s[f] == s[field])
      throw DataError(fmt::format("the header '{}' fits two columns of {} equally, {} and {}: name the one it is in "
                                  "the config ({}: {{columns: {{{}: \"{}\"}}}})",
                                  header, t.what, t.names[field], t.names[f], t.section, t.names[field], header));
  }
  return field;
}

}  // namespace

RecognisedColumns recognise_columns(const Row& header_row, const SideTable& t) {
  RecognisedColumns cols;
  cols.column.resize(t.names.size());
  std::vector<int> best(t.names.size(), 0);
  for (size_t c = 0; c < header_row.cells.size(); ++c) {
    std::string header(util::trim(header_row.cells[c].text));
    cols.headers.push_back(header);
    if (header.empty()) continue;
    auto s = scores(header, t);
    size_t field = field_of(header, s, t);
    if (field == t.names.size()) {
      cols.unused_headers.push_back(header);
      continue;
    }
    auto& slot = cols.column[field];
    if (slot && best[field] == s[field])
      throw DataError(fmt::format("two columns of {}, '{}' and '{}', are both its {}: name the one to use in the "
                                  "config ({}: {{columns: {{{}: \"…\"}}}})",
                                  t.what, cols.headers[*slot], header, t.names[field], t.section, t.names[field]));
    if (!slot || s[field] > best[field]) {
      if (slot) cols.unused_headers.push_back(cols.headers[*slot]);
      slot = c;
      best[field] = s[field];
    } else {
      cols.unused_headers.push_back(header);
    }
  }
  return cols;
}

}  // namespace ctreport::input
