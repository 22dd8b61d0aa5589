// Recognising an activity log's headers: the best-fitting field of each
// column, then the best-fitting column of each field.
#include "input/activity_columns.hpp"

#include <fmt/format.h>

#include "input/header_match.hpp"
#include "util/errors.hpp"
#include "util/text.hpp"

namespace ctreport::input {

namespace {

using model::ActivityField;

constexpr int k_config_score = 1'000'000;  // a header named in activities.columns

struct KnownWords {
  ActivityField field;
  std::vector<std::string> words;
};

const std::vector<KnownWords>& known_words() {
  static const std::vector<KnownWords> table = [] {
    std::vector<KnownWords> t;
    for (const auto& info : model::all_activity_fields())
      for (auto name : info.headers) t.push_back({info.field, header_words(name)});
    return t;
  }();
  return table;
}

// The score of `header` for each field.
std::array<int, model::k_activity_field_count> scores(const std::string& header, const model::Config& config) {
  std::array<int, model::k_activity_field_count> out{};
  auto words = header_words(header);
  const auto& overrides = config.activities.columns;
  for (const auto& k : known_words()) {
    if (overrides.count(k.field)) continue;  // a field named in the config has only its named headers
    int& s = out[static_cast<size_t>(k.field)];
    s = std::max(s, name_fit(k.words, words));
  }
  std::string key = util::normalize_key(header);
  for (const auto& [field, names] : overrides)
    for (const auto& name : names)
      if (util::normalize_key(name) == key) out[static_cast<size_t>(field)] = k_config_score;
  return out;
}

std::string_view name_of(ActivityField f) { return model::activity_field_info(f).name; }

}  // namespace

ActivityColumns recognise_activity_columns(const Row& header_row, const model::Config& config) {
  ActivityColumns cols;
  std::array<int, model::k_activity_field_count> best{};
  for (size_t c = 0; c < header_row.cells.size(); ++c) {
    std::string header(util::trim(header_row.cells[c].text));
    cols.headers.push_back(header);
    if (header.empty()) continue;
    auto s = scores(header, config);
    // The column's field: its best score; two fields equally good is the user's to settle.
    size_t field = model::k_activity_field_count;
    for (size_t f = 0; f < s.size(); ++f) {
      if (s[f] == 0) continue;
      if (field == model::k_activity_field_count || s[f] > s[field]) field = f;
      else if (s[f] == s[field])
        throw DataError(fmt::format("the header '{}' fits two columns of the activity log equally, {} and {}: name the "
                                    "one it is in the config (activities: {{columns: {{{}: \"{}\"}}}})",
                                    header, name_of(static_cast<ActivityField>(field)),
                                    name_of(static_cast<ActivityField>(f)), name_of(static_cast<ActivityField>(field)),
                                    header));
    }
    if (field == model::k_activity_field_count) {
      cols.unused_headers.push_back(header);
      continue;
    }
    auto& slot = cols.column[field];
    if (slot && best[field] == s[field])
      throw DataError(fmt::format("two columns of the activity log, '{}' and '{}', are both its {}: name the one to use "
                                  "in the config (activities: {{columns: {{{}: \"…\"}}}})",
                                  cols.headers[*slot], header, name_of(static_cast<ActivityField>(field)),
                                  name_of(static_cast<ActivityField>(field))));
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
