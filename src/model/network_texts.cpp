// The texts of a network's report, one table per language.
#include "model/network_texts.hpp"

#include <fmt/format.h>

namespace ctreport::model {

namespace {
constexpr NetworkTexts k_french{"Réseau de {} établissements", "{}\u00A0: {}", "personnes accueillies", "d'occupation",
                                "écrit", "chiffres de {} établissements"};
constexpr NetworkTexts k_english{"Network of {} establishments", "{}: {}", "people present", "occupancy", "written",
                                  "figures of {} establishments"};
}  // namespace

const NetworkTexts& network_texts(Lang lang) { return lang == Lang::fr ? k_french : k_english; }

std::string default_network_name(Lang lang, size_t establishments) {
  return fmt::format(fmt::runtime(network_texts(lang).default_name), establishments);
}

std::string network_source(Lang lang, size_t establishments) {
  return fmt::format(fmt::runtime(network_texts(lang).source), establishments);
}

std::string network_finding(Lang lang, std::string_view establishment, std::string_view message) {
  return fmt::format(fmt::runtime(network_texts(lang).finding), establishment, message);
}

}  // namespace ctreport::model
