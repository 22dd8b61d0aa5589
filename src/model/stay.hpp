// A stay record as the figures need it: compact (no strings), one per row of
// the export that overlaps a requested period.
#pragma once
#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "model/categories.hpp"
#include "model/fields.hpp"
#include "util/date.hpp"
#include "util/large_array.hpp"

namespace ctreport::model {

inline constexpr util::Day k_open_exit = std::numeric_limits<util::Day>::max();  // still present

enum class BirthKind : uint8_t { none, birth_date, birth_year, age_at_entry };

// Geographic origin: a département index into Geography::departements(), or one of these.
using OriginCode = uint16_t;
inline constexpr OriginCode k_origin_abroad = 0xFFFD;
inline constexpr OriginCode k_origin_unresolved = 0xFFFE;
inline constexpr OriginCode k_origin_unknown = 0xFFFF;

// A category index as a stay holds it: one byte (a million stays are 12 MB
// smaller, and the breakdowns read fewer cache lines). The two highest values
// stand for k_other_category and k_unknown_category, so a category set of a
// stay field has at most k_max_stay_categories categories (the config says so).
using StayCategory = uint8_t;
inline constexpr size_t k_max_stay_categories = 0xFE;
inline constexpr StayCategory k_stay_unknown_category = 0xFF;

// Every categorical field unknown: a stay whose row has no value for any.
inline constexpr auto k_no_categories = [] {
  std::array<StayCategory, k_category_field_count> all{};
  all.fill(k_stay_unknown_category);
  return all;
}();

struct Stay {
  util::Day entry = 0;
  util::Day exit = k_open_exit;
  int32_t birth = 0;  // a Day, a year or an age, as birth_kind says
  uint32_t person = 0;
  uint32_t row = 0;   // row in the source, for messages
  uint32_t line = 0;  // physical line where the row starts (CSV: differs from row after multi-line fields)
  OriginCode origin = k_origin_unknown;
  // The category of each categorical field (sex, referral, exit reason...), by
  // CategoryField, as category() and set_category() read and write it.
  std::array<StayCategory, k_category_field_count> categories = k_no_categories;
  uint16_t site = 0;  // index into StayTable::sites (0 when there is no site column)
  BirthKind birth_kind = BirthKind::none;

  bool is_open() const { return exit == k_open_exit; }
  CategoryIndex category(CategoryField f) const {
    const CategoryIndex c = categories[static_cast<size_t>(f)];
    return c >= 0xFE ? static_cast<CategoryIndex>(c | 0xFF00) : c;  // 0xFE, 0xFF: other, unknown
  }
  void set_category(CategoryField f, CategoryIndex c) {
    static_assert(k_other_category == 0xFFFE && k_unknown_category == 0xFFFF);
    categories[static_cast<size_t>(f)] = static_cast<StayCategory>(c >= k_other_category ? c & 0xFF : c);
  }
};

// A stay that overlaps no requested period but ended in the returns window
// before one (docs/figures.md, "Returns"): its person and dates only.
inline constexpr uint16_t k_no_site = 0xFFFF;  // a past exit's site that no kept stay has

struct PastExit {
  util::Day entry = 0, exit = 0;
  uint32_t person = 0;
  uint16_t site = 0;
  bool excluded = false;  // its exit reason is excluded from shares (death): out of the follow-up's cohorts
};

// The stays read from one source, with their persons numbered 0..person_count-1.
struct StayTable {
  util::LargeVector<Stay> stays;
  util::LargeVector<PastExit> past_exits;  // earlier stays kept for the returns and the follow-up, in row order
  uint32_t person_count = 0;
  std::array<bool, k_field_count> has_column{};  // which fields the source has a column for
  std::array<std::string, k_field_count> headers{};  // the header of each field's column, when there is one
  std::vector<std::string> unused_headers;      // headers of the columns no field uses, in order
  std::vector<std::string> sites;                // site values as first written, when there is a site column
  // The latest entry or exit date of the whole source (kept stays or not): a
  // period starting after it is a period the source has no data for.
  util::Day latest_date = std::numeric_limits<util::Day>::max();
  // The earliest entry date of the whole source: a returns window starting
  // before it is not covered by the export.
  util::Day earliest_entry = std::numeric_limits<util::Day>::max();

  bool has_data_for(util::Day period_start) const { return period_start <= latest_date; }
};

}  // namespace ctreport::model
