// Header recognition by words: a header is recognised for a field when its
// words equal one of the field's known names, or contain one as whole words
// ("Code postal / département" contains "code postal"). Abbreviations are
// expanded and small words dropped first; the rules are in docs/figures.md,
// "Recognising headers".
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/fields.hpp"

namespace ctreport::input {

// The words a header or a known name is matched by: normalised
// (util::normalize_words), abbreviations expanded ("N°" -> "numero",
// "Dpt" -> "departement", "CP" -> "code postal"), small words dropped
// ("de", "d", "la", "à"…). "Date d'entrée" -> {"date", "entree"}.
std::vector<std::string> header_words(std::string_view header);

// How well a header fits a field: 0 = not at all; an exact fit scores above
// any containment; a containment scores the number of words of the known name
// it contains (a more specific name wins over a shorter one).
struct HeaderFit {
  model::Field field{};
  int score = 0;
  std::string known;  // the known name that fits
  bool exact = false;
};

// The best fit of `words` among `fields` (their default known names); when two
// fields fit equally well, `tie` is set to the second one.
HeaderFit best_fit(const std::vector<std::string>& words, const std::vector<model::Field>& fields,
                   std::optional<model::Field>& tie);

// How well the words of a known name fit a header's words, by the same rules
// as best_fit: 0 = not at all, 1000 + its words when equal, its number of
// words when contained as consecutive whole words (never for a name that only
// counts as the whole header, model::is_exact_only_header). For the columns
// of files other than the stays (the activity log).
int name_fit(const std::vector<std::string>& known, const std::vector<std::string>& words);

}  // namespace ctreport::input
