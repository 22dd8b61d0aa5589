// Numbers, percentages and dates as a French (or English) reader expects them:
// "9 300", "72 %", "3,5", "1er janvier 2024". Mustache has no numbers: every
// number is formatted here before it reaches a template.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/date.hpp"

namespace ctreport::render {

struct NumberFormat {
  std::string thousands;      // French: U+202F narrow no-break space
  std::string decimal;        // French: ","
  std::string percent_space;  // French: U+00A0 no-break space before "%"
  bool french = true;
  // Whether `n` takes the plural: above 1 in French (0 and 1 are singular), other than 1 in English.
  bool plural(int64_t n) const { return french ? n > 1 : n != 1; }

  static NumberFormat for_lang(std::string_view lang);

  std::string integer(int64_t v) const;
  std::string decimal_places(double v, int places) const;  // "3,5"; trailing ",0" kept
  std::string number(std::optional<double> v, int places) const;  // "–" when none
  // A share (0.72) as a whole percentage ("72 %"); "< 1 %" for a non-zero
  // share that rounds to 0; "–" when there is no share.
  std::string percent(std::optional<double> share) const;
  // The whole percentage percent() shows for `share` (0.155 -> 16): changes in
  // points are computed from it, so they agree with the percentages shown.
  long whole_percent(double share) const;
  std::string date(util::Day d) const;          // "1er janvier 2024" / "1 January 2024"
  std::string month(int year, unsigned month) const;  // "janvier 2024" / "January 2024"
  // A sentence with French spacing when French: a no-break space (U+00A0)
  // before ":" and inside « », a narrow one (U+202F) before ";", "!" and "?"
  // instead of the ordinary space, so that no line starts with them (the
  // docx and odt get the same from templates/pandoc/ctreport.lua). Unchanged in English.
  std::string prose(std::string_view text) const;
};

}  // namespace ctreport::render
