// The entry → exit cross-tables' texts, one table per language.
#include "model/progress_texts.hpp"

#include <span>
#include <stdexcept>

namespace ctreport::model {

namespace {

// clang-format off
constexpr ProgressText k_fr[] = {
  {"housing", "Logement entrée-sortie", "Logement à l'entrée et à la sortie (sorties de la période)",
   "À l'entrée ↓ · à la sortie →", "Sorties sans logement à l'entrée", "dont sorties avec une solution de logement",
   "Part de ces sorties"},
  {"activity", "Activité entrée-sortie", "Activité à l'entrée et à la sortie (sorties de la période)",
   "À l'entrée ↓ · à la sortie →", "Sorties sans emploi ni formation à l'entrée",
   "dont sorties en emploi ou en formation", "Part de ces sorties"},
};

constexpr ProgressText k_en[] = {
  {"housing", "Housing entry-exit", "Housing at entry and at exit (exits of the period)",
   "At entry ↓ · at exit →", "Exits without housing at entry", "of whom left with a housing solution", "Share of those exits"},
  {"activity", "Activity entry-exit", "Activity at entry and at exit (exits of the period)",
   "At entry ↓ · at exit →", "Exits without work or training at entry", "of whom left in work or training", "Share of those exits"},
};
// clang-format on

}  // namespace

const ProgressText& progress_text(std::string_view key, Lang lang) {
  for (const auto& t : lang == Lang::fr ? std::span<const ProgressText>(k_fr) : std::span<const ProgressText>(k_en))
    if (t.key == key) return t;
  throw std::logic_error("no texts for this progress table");
}

}  // namespace ctreport::model
