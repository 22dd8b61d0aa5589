// Why the returns cannot be given (docs/figures.md, "Returns"), French and
// English: the sentence every output shows in their place.
#pragma once
#include <string>
#include <string_view>

#include "model/warning_texts.hpp"

namespace ctreport::model {

// The sentence for `reason` ("off", "no_person_id", "export_starts_later",
// "not_in_file"), with {months}, {window_start} and {earliest_entry} left for
// the caller to fill with the window and dates written for the reader.
std::string_view returns_not_available_text(std::string_view reason, Lang lang);

}  // namespace ctreport::model
