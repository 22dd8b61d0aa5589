// The texts of a network's report and of `ctreport merge` that no template
// holds, in each language.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "model/warning_texts.hpp"

namespace ctreport::model {

struct NetworkTexts {
  std::string_view default_name;    // with {} for the number of establishments: "Réseau de {} établissements"
  std::string_view finding;         // a data warning with its establishment's name: "{} : {}"
  std::string_view people_present;  // the terminal's summary: "{name}: {n} personnes accueillies, {rate} d'occupation"
  std::string_view occupancy;
  std::string_view written;         // "écrit" / "written", before each file written
  std::string_view source;          // the merged figures' source, with {} for the number: "chiffres de {} établissements"
};

const NetworkTexts& network_texts(Lang lang);

// "Réseau de 3 établissements" / "Network of 3 establishments".
std::string default_network_name(Lang lang, size_t establishments);

// "chiffres de 3 établissements" / "figures of 3 establishments".
std::string network_source(Lang lang, size_t establishments);

// The message of a data warning of one of the network's establishments, after its name.
std::string network_finding(Lang lang, std::string_view establishment, std::string_view message);

}  // namespace ctreport::model
