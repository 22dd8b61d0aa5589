// Checks on a config file's raw text before yaml-cpp parses it: its size, its
// encoding (UTF-8) and how deeply its collections nest. yaml-cpp itself would
// give "bad file" for a deep nesting, pass Latin-1 bytes through to the
// reports, and take any size.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ctreport::model {

// A config is a few kilobytes; anything larger than this is not one.
inline constexpr size_t k_max_config_bytes = size_t{1} << 20;  // 1 MiB
// Mappings and lists nested in one another (block or flow); ctreport's own
// config needs 7.
inline constexpr size_t k_max_config_nesting = 32;

struct ConfigTextProblem {
  size_t line = 0;  // 1-based; 0 when the problem is the whole text
  std::string message;
};

// The first problem of `text` as a config: larger than k_max_config_bytes,
// not valid UTF-8 (at the line of the first bad byte), or nested deeper than
// k_max_config_nesting (at the line where it gets too deep). None when fine.
std::optional<ConfigTextProblem> check_config_text(std::string_view text);

}  // namespace ctreport::model
