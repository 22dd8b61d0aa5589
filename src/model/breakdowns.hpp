// The breakdowns of the report, declared once: each distribution the figures
// hold (sex, age, referral, exit reasons…) is one line of k_breakdowns, and
// everything else follows from it by looping over the table: the figures
// computed, figures.json written, read and validated, the template view,
// the SVG charts, the workbook sheets, merges and the invariants.
// ARCHITECTURE.md, "Adding a breakdown", lists the steps of a new one.
#pragma once
#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <stdexcept>
#include <string_view>
#include <utility>

#include "model/fields.hpp"

namespace ctreport::model {

// Whom a breakdown counts (docs/figures.md, "Definitions").
enum class Population : uint8_t {
  people_present,         // each person present in the period, by their latest stay of the period
  exits,                  // each stay that ended in the period
  people_present_at_end,  // each person present at the period's end, by their stay then
};
std::string_view population_name(Population p);  // "people_present", as figures.json writes it

// How a breakdown's lines are made.
enum class BreakdownSource : uint8_t {
  categories,            // the categories of its field's category set (the config's `categories:`)
  age_brackets,          // the config's age_brackets, with mean, median, min and max besides
  stay_length_brackets,  // the config's stay_length_brackets, with mean and median besides
  stayer_length_brackets,  // the same brackets, for the stays still running at the period's end (length so far)
  geographic_origin,     // the origin's département relative to the establishment's
  exit_outcome,          // the outcome (positive, neutral, negative) of the exit reason's category
};

// Where a breakdown's lines are in figures.json (ctreport/figures/v1).
enum class JsonLayout : uint8_t {
  object,           // its own object {total, population, LINES: [...], available}: json_path "sex.categories"
  lines,            // a list of lines in an object it shares: json_path "exits.reasons"
  lines_and_total,  // the same, with its total beside it: "stage.exits" and "stage.exits_total"
};

// Where a breakdown goes in the workbook.
enum class SheetPlacement : uint8_t {
  none,            // no sheet
  own,             // a sheet of its own, with a bar chart
  below_previous,  // below the previous breakdown, on its sheet
};

// The stay fields a breakdown reads (at most three): it is available when
// the export has a column for any of them, and an empty set is always available.
class FieldSet {
 public:
  constexpr FieldSet() = default;
  constexpr FieldSet(std::initializer_list<Field> fields) {
    if (fields.size() > m_fields.size()) throw std::logic_error("a breakdown reads at most three fields");
    for (Field f : fields) m_fields[m_count++] = f;
  }
  constexpr const Field* begin() const { return m_fields.data(); }
  constexpr const Field* end() const { return m_fields.data() + m_count; }
  constexpr bool empty() const { return m_count == 0; }
  constexpr Field front() const { return m_fields[0]; }

 private:
  std::array<Field, 3> m_fields{};
  size_t m_count = 0;
};

struct Breakdown {
  // The name figures are reached by (Figures::breakdown("sex")), the key of
  // its texts (breakdown_texts) and of its missing_column warning.
  std::string_view key;
  // Its template variable, also its name in messages: "sex", "exits.reasons".
  std::string_view path;
  // Where figures.json holds its lines, and how (see JsonLayout).
  std::string_view json_path;
  JsonLayout json_layout = JsonLayout::object;
  // True for the breakdowns of ctreport/figures/v1 (a figures file without one
  // is refused); a breakdown added since reads as not available when absent.
  bool in_every_figures_file = false;
  BreakdownSource source = BreakdownSource::categories;
  std::optional<CategoryField> category_set;  // the categories that classify it (source categories, exit_outcome)
  FieldSet fields;
  Population population = Population::people_present;
  std::string_view chart;  // the SVG chart's file suffix (rapport-2024-sexe.svg, `charts.sexe`); empty: no chart
  SheetPlacement sheet = SheetPlacement::own;
  bool checks_unknown_share = true;  // an unknown_share warning above check.max_unknown_share
  // A missing_column warning when the export has no column for its fields;
  // false for the optional profile at entry, which is then only said not available.
  bool warns_when_missing = true;
};

// clang-format off
inline constexpr std::array k_breakdowns = {
  Breakdown{.key = "sex", .path = "sex", .json_path = "sex.categories", .in_every_figures_file = true,
            .category_set = CategoryField::sex, .fields = {Field::sex}, .chart = "sexe"},
  Breakdown{.key = "age", .path = "age", .json_path = "age.brackets", .in_every_figures_file = true,
            .source = BreakdownSource::age_brackets, .fields = {Field::birth_date, Field::birth_year, Field::age_at_entry},
            .chart = "age"},
  Breakdown{.key = "stay_length", .path = "stay_length", .json_path = "stay_length.brackets",
            .json_layout = JsonLayout::lines, .in_every_figures_file = true,
            .source = BreakdownSource::stay_length_brackets, .population = Population::exits, .chart = "duree",
            .checks_unknown_share = false},
  Breakdown{.key = "stayer_length", .path = "stay_length.stayers", .json_path = "stay_length.stayers.brackets",
            .json_layout = JsonLayout::lines, .source = BreakdownSource::stayer_length_brackets,
            .population = Population::people_present_at_end, .sheet = SheetPlacement::below_previous,
            .checks_unknown_share = false},
  Breakdown{.key = "referral", .path = "referral", .json_path = "referral.categories", .in_every_figures_file = true,
            .category_set = CategoryField::referral, .fields = {Field::referral}, .chart = "orientation"},
  Breakdown{.key = "origin", .path = "origin", .json_path = "origin.categories", .in_every_figures_file = true,
            .source = BreakdownSource::geographic_origin, .fields = {Field::origin}, .chart = "origine"},
  Breakdown{.key = "exit_reason", .path = "exits.reasons", .json_path = "exits.reasons",
            .json_layout = JsonLayout::lines, .in_every_figures_file = true, .category_set = CategoryField::exit_reason,
            .fields = {Field::exit_reason}, .population = Population::exits, .chart = "sorties"},
  Breakdown{.key = "housing_at_exit", .path = "exits.housing", .json_path = "exits.housing",
            .json_layout = JsonLayout::lines, .in_every_figures_file = true,
            .category_set = CategoryField::housing_at_exit, .fields = {Field::housing_at_exit},
            .population = Population::exits},
  Breakdown{.key = "activity_at_exit", .path = "exits.activity", .json_path = "exits.activity",
            .json_layout = JsonLayout::lines, .in_every_figures_file = true,
            .category_set = CategoryField::activity_at_exit, .fields = {Field::activity_at_exit},
            .population = Population::exits},
  Breakdown{.key = "exit_outcome", .path = "exits.outcomes", .json_path = "exits.outcomes",
            .json_layout = JsonLayout::lines, .in_every_figures_file = true, .source = BreakdownSource::exit_outcome,
            .category_set = CategoryField::exit_reason, .fields = {Field::exit_reason}, .population = Population::exits,
            .sheet = SheetPlacement::none, .checks_unknown_share = false},
  Breakdown{.key = "stage", .path = "stage.exits", .json_path = "stage.exits",
            .json_layout = JsonLayout::lines_and_total, .in_every_figures_file = true,
            .category_set = CategoryField::stage, .fields = {Field::stage}, .population = Population::exits,
            .checks_unknown_share = false},
  Breakdown{.key = "stage_at_end", .path = "stage.present_at_end", .json_path = "stage.present_at_end",
            .json_layout = JsonLayout::lines_and_total, .in_every_figures_file = true,
            .category_set = CategoryField::stage, .fields = {Field::stage},
            .population = Population::people_present_at_end, .sheet = SheetPlacement::below_previous,
            .checks_unknown_share = false},
  // The profile at entry: the people present, by their latest stay (docs/figures.md, "Profile at entry").
  Breakdown{.key = "substance", .path = "substance", .json_path = "substance.categories",
            .category_set = CategoryField::substance, .fields = {Field::substance}, .chart = "produit", .warns_when_missing = false},
  Breakdown{.key = "substitution", .path = "substitution", .json_path = "substitution.categories",
            .category_set = CategoryField::substitution, .fields = {Field::substitution}, .chart = "substitution", .warns_when_missing = false},
  Breakdown{.key = "court_order", .path = "court_order", .json_path = "court_order.categories",
            .category_set = CategoryField::court_order, .fields = {Field::court_order}, .chart = "justice", .warns_when_missing = false},
  Breakdown{.key = "housing_at_entry", .path = "housing_at_entry", .json_path = "housing_at_entry.categories",
            .category_set = CategoryField::housing_at_entry, .fields = {Field::housing_at_entry},
            .chart = "logement_entree", .warns_when_missing = false},
  Breakdown{.key = "income", .path = "income", .json_path = "income.categories",
            .category_set = CategoryField::income, .fields = {Field::income}, .chart = "ressources", .warns_when_missing = false},
  Breakdown{.key = "activity_at_entry", .path = "activity_at_entry", .json_path = "activity_at_entry.categories",
            .category_set = CategoryField::activity_at_entry, .fields = {Field::activity_at_entry},
            .chart = "activite_entree", .warns_when_missing = false},
  Breakdown{.key = "family_situation", .path = "family_situation", .json_path = "family_situation.categories",
            .category_set = CategoryField::family_situation, .fields = {Field::family_situation}, .chart = "famille", .warns_when_missing = false},
};
// clang-format on
inline constexpr size_t k_breakdown_count = k_breakdowns.size();

// The position of the breakdown `key` in k_breakdowns; std::logic_error for a
// key no line declares (a typo in the code, never the data's fault).
constexpr size_t breakdown_index(std::string_view key) {
  for (size_t i = 0; i < k_breakdown_count; ++i)
    if (k_breakdowns[i].key == key) return i;
  throw std::logic_error("no breakdown is declared with this key");
}

// The first breakdown reading `b`'s fields: itself unless an earlier line reads
// the same ones (stage_at_end after stage). One missing_column warning per field set.
bool first_to_read_its_fields(const Breakdown& b);

// `path` split at its last dot: {"exits", "reasons"}, {"", "sex"}.
std::pair<std::string_view, std::string_view> parent_and_leaf(std::string_view path);

}  // namespace ctreport::model
