// The warning about rows of a side file, with their count and the first rows.
#include "figures/side_file_warning.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "model/warning_texts.hpp"

namespace ctreport::figures {

namespace {

constexpr size_t k_rows_named = 20;  // rows named in the warning's text

}  // namespace

void add_side_file_warning(Figures& f, const std::string& code, const std::string& file,
                           const std::vector<std::pair<std::string, std::string>>& mapping, std::string_view field,
                           const std::vector<uint32_t>& rows) {
  if (rows.empty()) return;
  std::string listed;
  for (size_t i = 0; i < rows.size() && i < k_rows_named; ++i) listed += fmt::format("{}{}", i ? ", " : "", rows[i]);
  if (rows.size() > k_rows_named) listed += ", …";
  model::Warning w;
  w.code = code;
  w.file = file;
  for (const auto& [name, header] : mapping)
    if (name == field) w.column = header;
  w.params = {{"file", file}, {"count", std::to_string(rows.size())}, {"rows", listed}};
  w.row = rows.front();
  w.count = rows.size();
  w.rows.assign(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(std::min(rows.size(), model::k_rows_listed)));
  model::describe(w);
  f.quality.warnings.push_back(std::move(w));
  f.quality.warning_rows += rows.size();
}

}  // namespace ctreport::figures
