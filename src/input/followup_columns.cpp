// Recognising a follow-up file's headers: the best-fitting field of each
// column, then the best-fitting column of each field (as the activity log's).
#include "input/followup_columns.hpp"

#include <fmt/format.h>

#include "input/header_match.hpp"
#include "util/errors.hpp"
#include "util/text.hpp"

namespace ctreport::input {

namespace {

using model::FollowupField;
constexpr size_t k_count = model::k_followup_field_count;
constexpr int k_config_score = 1'000'000;  // a header named in followup.columns

struct KnownWords {
  FollowupField field;
  std::vector<std::string> words;
};

const std::vector<KnownWords>& known_words() {
  static const std::vector<KnownWords> table = [] {
    std::vector<KnownWords> t;
    for (const auto& info : model::all_followup_fields())
      for (auto name : info.headers) t.push_back({info.field, header_words(name)});
    return t;
  }();
  return table;
}

std::array<int, k_count> scores(const std::string& header, const model::Config& config) {
  std::array<int, k_count> out{};
  auto words = header_words(header);
  const auto& overrides = config.followup.columns;
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

std::string_view name_of(size_t f) { return model::followup_field_info(static_cast<FollowupField>(f)).name; }

// The field a header fits best; k_count for none.
size_t field_of(const std::string& header, const std::array<int, k_count>& s) {
  size_t field = k_count;
  for (size_t f = 0; f < s.size(); ++f) {
    if (s[f] == 0) continue;
    if (field == k_count || s[f] > s[field]) field = f;
    else if (s[f] == s[field])
      throw DataError(fmt::format("the header '{}' fits two columns of the follow-up file equally, {} and {}: name the "
                                  "one it is in the config (followup: {{columns: {{{}: \"{}\"}}}})",
                                  header, name_of(field), name_of(f), name_of(field), header));
  }
  return field;
}

}  // namespace

bool FollowupColumns::has_required() const {
  for (const auto& info : model::all_followup_fields())
    if (info.required && !has(info.field)) return false;
  return true;
}

FollowupColumns recognise_followup_columns(const Row& header_row, const model::Config& config) {
  FollowupColumns cols;
  std::array<int, k_count> best{};
  for (size_t c = 0; c < header_row.cells.size(); ++c) {
    std::string header(util::trim(header_row.cells[c].text));
    cols.headers.push_back(header);
    if (header.empty()) continue;
    auto s = scores(header, config);
    size_t field = field_of(header, s);
    if (field == k_count) {
      cols.unused_headers.push_back(header);
      continue;
    }
    auto& slot = cols.column[field];
    if (slot && best[field] == s[field])
      throw DataError(fmt::format("two columns of the follow-up file, '{}' and '{}', are both its {}: name the one to "
                                  "use in the config (followup: {{columns: {{{}: \"…\"}}}})",
                                  cols.headers[*slot], header, name_of(field), name_of(field)));
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
