// The checks of a figures.json read back (for `ctreport merge`): every value
// figures_from_json uses must have the type and the range ctreport writes, so
// that a hand-edited or foreign file is refused with the file and the key
// path, never read into figures that overflow or index out of range.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace ctreport::render {

// A figures file is some tens of kilobytes; larger than this is not one.
inline constexpr size_t k_max_figures_bytes = size_t{16} << 20;  // 16 MiB
// The largest count a figures file may hold: far above any establishment's,
// small enough that sums of many files cannot overflow.
inline constexpr int64_t k_max_figures_count = 1'000'000'000'000;  // 10^12

// Nesting of objects and lists: a figures file has 4 levels.
inline constexpr int k_max_figures_nesting = 16;

// A parser callback for nlohmann::json::parse that stops at once (DataError
// naming `source`) when the text nests deeper than k_max_figures_nesting.
nlohmann::json::parser_callback_t figures_json_depth_guard(const std::string& source);

// Throws DataError "SOURCE: occupancy.monthly[3].month: '2024-13' is not a
// month (expected YYYY-MM)" for the first value that is missing, of the wrong
// type or out of range: months and dates that exist, a period whose `days`
// match its dates, months of the period given once, counts that are whole
// numbers from 0 to k_max_figures_count, shares from 0 to 1, keys of a
// distribution given once, the settings ctreport knows.
void validate_figures_json(const nlohmann::json& j, const std::string& source);

}  // namespace ctreport::render
