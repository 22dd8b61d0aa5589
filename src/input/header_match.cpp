// Matching a header's words against the known names of each field.
#include "input/header_match.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>

#include "util/text.hpp"

namespace ctreport::input {

namespace {

// One known name of a field, as words, with its place in the fields table
// (among equal fits of one field, the first listed wins).
struct KnownName {
  model::Field field;
  std::string_view name;
  std::vector<std::string> words;
  bool exact_only = false;  // counts only when it is the whole header
  size_t order = 0;
};

// Every field's known names, and for each word the names that start with it:
// a header's words reach only the names that can fit them.
struct KnownNames {
  std::vector<KnownName> names;
  std::unordered_map<std::string, std::vector<uint32_t>> by_first_word;
};

const KnownNames& known_names() {
  static const KnownNames table = [] {
    KnownNames t;
    for (const auto& info : model::all_fields())
      for (auto name : info.headers) {
        KnownName k{info.field, name, header_words(name), false, t.names.size()};
        if (k.words.empty()) continue;
        k.exact_only = model::is_exact_only_header(k.words);
        t.by_first_word[k.words.front()].push_back(static_cast<uint32_t>(t.names.size()));
        t.names.push_back(std::move(k));
      }
    return t;
  }();
  return table;
}

// The score of known name `k` for `words`, where `k` starts at word `at`.
int score_at(const KnownName& k, const std::vector<std::string>& words, size_t at) {
  if (k.words.size() > words.size() - at) return 0;
  if (!std::equal(k.words.begin(), k.words.end(), words.begin() + static_cast<std::ptrdiff_t>(at))) return 0;
  if (at == 0 && k.words.size() == words.size()) return 1000 + static_cast<int>(k.words.size());
  return k.exact_only ? 0 : static_cast<int>(k.words.size());
}

}  // namespace

std::vector<std::string> header_words(std::string_view header) {
  std::vector<std::string> out;
  std::string norm = util::normalize_words(header);
  size_t start = 0;
  while (start < norm.size()) {
    size_t end = norm.find(' ', start);
    if (end == std::string::npos) end = norm.size();
    std::string_view word(norm.data() + start, end - start);
    start = end + 1;
    if (model::is_small_header_word(word)) continue;
    if (auto expansion = model::header_abbreviation(word)) {
      for (auto w : *expansion) out.emplace_back(w);
      continue;
    }
    out.emplace_back(word);
  }
  return out;
}

int name_fit(const std::vector<std::string>& known, const std::vector<std::string>& words) {
  if (known.empty() || known.size() > words.size()) return 0;
  if (known == words) return 1000 + static_cast<int>(known.size());
  if (model::is_exact_only_header(known)) return 0;
  for (size_t at = 0; at + known.size() <= words.size(); ++at)
    if (std::equal(known.begin(), known.end(), words.begin() + static_cast<std::ptrdiff_t>(at)))
      return static_cast<int>(known.size());
  return 0;
}

HeaderFit best_fit(const std::vector<std::string>& words, const std::vector<model::Field>& fields,
                   std::optional<model::Field>& tie) {
  HeaderFit best;
  tie.reset();
  if (words.empty()) return best;
  struct FieldBest {
    int score = 0;
    const KnownName* known = nullptr;
  };
  std::array<FieldBest, model::k_field_count> per_field{};
  const KnownNames& table = known_names();
  for (size_t at = 0; at < words.size(); ++at) {
    auto it = table.by_first_word.find(words[at]);
    if (it == table.by_first_word.end()) continue;
    for (uint32_t i : it->second) {
      const KnownName& k = table.names[i];
      int score = score_at(k, words, at);
      FieldBest& fb = per_field[static_cast<size_t>(k.field)];
      if (score > fb.score || (score == fb.score && score > 0 && k.order < fb.known->order)) fb = {score, &k};
    }
  }
  for (model::Field f : fields) {
    const FieldBest& fb = per_field[static_cast<size_t>(f)];
    if (fb.score == 0) continue;
    if (fb.score > best.score) {
      best = {f, fb.score, std::string(fb.known->name), fb.score >= 1000};
      tie.reset();
    } else if (fb.score == best.score) {
      tie = f;
    }
  }
  return best;
}

}  // namespace ctreport::input
