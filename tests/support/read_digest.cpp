// A reading of stays as text (see read_digest.hpp).
#include "support/read_digest.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "input/csv_reader.hpp"
#include "util/errors.hpp"

namespace ctreport::test {

namespace {

std::string digest_of(const input::ReadResult& r, const model::Period& period) {
  std::string out = fmt::format("rows {} header {} persons {} source {} first_exit {} earliest {} latest {}\n", r.rows_read,
                                r.header_row, r.table.person_count, r.source, r.first_exit, r.table.earliest_entry,
                                r.table.latest_date);
  for (const auto& s : r.table.stays) {
    out += fmt::format("stay {} {} {} {} p{} r{} l{} o{} s{}", s.entry, s.exit, s.birth, int(s.birth_kind), s.person, s.row,
                       s.line, s.origin, s.site);
    for (auto c : s.categories) out += fmt::format(" {}", c);
    out += '\n';
  }
  for (const auto& p : r.table.past_exits)
    out += fmt::format("past {} {} p{} s{} {}\n", p.entry, p.exit, p.person, p.site, p.excluded);
  for (const auto& s : r.table.sites) out += "site " + s + "\n";
  for (const auto& w : r.warnings_for(period).list())
    out += fmt::format("warning {} {} {} r{} l{} n{} {} | {}\n", w.code, w.position, w.value, w.row, w.line, w.count,
                       fmt::join(w.rows, ","), w.message);
  out += fmt::format("errors {}\n", r.error_count);
  for (const auto& e : r.errors) out += fmt::format("error {} {} r{} l{} | {}\n", e.code, e.position, e.row, e.line, e.message);
  if (r.persons) out += fmt::format("person index {}\n", r.persons->size());
  return out;
}

}  // namespace

std::string read_digest(const std::string& path, const model::Config& config, const input::ReadOptions& options) {
  try {
    return digest_of(input::read_stays(input::CsvReader::open_file(path), path, config, options), options.periods.front());
  } catch (const DataError& e) {
    return std::string("thrown: ") + e.what() + "\n";
  } catch (const UsageError& e) {
    return std::string("thrown: ") + e.what() + "\n";
  }
}

}  // namespace ctreport::test
