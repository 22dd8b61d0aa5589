// Matching a header's words against the known names of each field.
#include "input/header_match.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace ctreport::input {

namespace {

// True when `known` occurs in `words` as consecutive whole words.
bool contains_words(const std::vector<std::string>& words, const std::vector<std::string>& known) {
  if (known.empty() || known.size() > words.size()) return false;
  return std::search(words.begin(), words.end(), known.begin(), known.end()) != words.end();
}

using KnownWords = std::vector<std::pair<std::string_view, std::vector<std::string>>>;

// The words of every field's known names, computed once.
const KnownWords& known_words(model::Field f) {
  static const std::vector<KnownWords> table = [] {
    std::vector<KnownWords> t(model::k_field_count);
    for (const auto& info : model::all_fields())
      for (auto name : info.headers) t[static_cast<size_t>(info.field)].emplace_back(name, header_words(name));
    return t;
  }();
  return table[static_cast<size_t>(f)];
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

HeaderFit best_fit(const std::vector<std::string>& words, const std::vector<model::Field>& fields,
                   std::optional<model::Field>& tie) {
  HeaderFit best;
  tie.reset();
  if (words.empty()) return best;
  for (model::Field f : fields) {
    HeaderFit fit;
    fit.field = f;
    for (const auto& [name, known] : known_words(f)) {
      if (known.empty()) continue;
      int score = 0;
      if (known == words) score = 1000 + static_cast<int>(known.size());
      else if (!model::is_exact_only_header(known) && contains_words(words, known)) score = static_cast<int>(known.size());
      if (score > fit.score) {
        fit.score = score;
        fit.known = std::string(name);
        fit.exact = score >= 1000;
      }
    }
    if (fit.score == 0) continue;
    if (fit.score > best.score) {
      best = fit;
      tie.reset();
    } else if (fit.score == best.score) {
      tie = f;
    }
  }
  return best;
}

}  // namespace ctreport::input
