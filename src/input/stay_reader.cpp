// Row-to-stay conversion, the hot path of every run: no allocation per cell,
// dates parsed by hand, categories looked up by precomputed normalised keys.
#include "input/stay_reader.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cmath>
#include <string_view>
#include <cstring>
#include <new>
#include <unordered_map>

#include <fmt/format.h>

#include "input/cell_date.hpp"
#include "input/csv_reader.hpp"
#include "input/parted_read.hpp"
#include "input/person_index.hpp"
#include "input/row_errors.hpp"
#include "input/row_loop.hpp"
#include "input/value_cache.hpp"
#include "model/breakdowns.hpp"
#include "model/geography.hpp"
#include "model/missing_column_texts.hpp"
#include "model/warning_texts.hpp"
#include "util/errors.hpp"
#include "util/hash.hpp"
#include "util/text.hpp"

namespace ctreport::input {

namespace {

using model::Field;

// A two-digit year of an entry or exit is 20yy unless that is more than this
// many years after the last requested period (docs/figures.md, "Reading values").

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return util::short_string_hash(s); }
};

const Cell k_empty_cell{};

const Cell& cell_at(const Row& row, std::optional<size_t> column) {
  if (!column || *column >= row.cells.size()) return k_empty_cell;
  return row.cells[*column];
}

std::optional<int> cell_integer(const Cell& cell) {
  if (cell.type == CellType::number) {
    if (std::floor(cell.number) != cell.number) return std::nullopt;
    return static_cast<int>(cell.number);
  }
  std::string_view s = util::trim(cell.text);
  if (s.empty()) return std::nullopt;
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

class StayBuilder {
 public:
  StayBuilder(TableReader& reader, const std::string& file, const model::Config& config, const ReadOptions& options)
      : m_reader(reader), m_file(file), m_config(config), m_options(options), m_geo(model::Geography::builtin()) {
    auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    m_today = static_cast<util::Day>(today.time_since_epoch().count());
    for (const auto& p : options.periods) {
      m_keep_from = std::min(m_keep_from, p.start);
      m_keep_to = std::max(m_keep_to, p.end);
    }
    m_pivot = two_digit_year_pivot(options.periods, util::to_ymd(m_today).year);
    // The returns window before each period: the exits of the stays that
    // overlap none are kept, person and dates only, for the returns.
    const int past_months = std::max(config.returns_window_months, options.past_exit_months);
    if (past_months > 0)
      for (const auto& p : options.periods)
        m_returns_windows.emplace_back(util::add_months(p.start, -past_months), p.start - 1);
  }

  ReadResult run() {
    ReadResult result;
    read_header(result);
    read_rows(result, m_options.on_progress);
    return finish(std::move(result));
  }

  // The header row: the column map every later row is read with.
  void read_header(ReadResult& result) {
    result.source = m_reader.description();
    find_header(m_row, result);
    m_last_row = result.header_row;
  }

  // The rows after the header, or after the rows read before (a part of a
  // cut file, or the rest of one read on alone), to the end of the reader.
  // `abandoned`: polled now and then; once set, the reading stops (throws Abandoned).
  void read_rows(ReadResult& result, const std::function<void(double)>& on_progress,
                 const std::atomic<bool>* abandoned = nullptr) {
    for_each_row(m_reader, m_row, on_progress, [&](const Row& r) {
      if (++result.rows_read == k_rows_before_reserve) reserve_for_whole_input(result);
      if (abandoned && (result.rows_read & 4095) == 0 && abandoned->load(std::memory_order_relaxed)) throw Abandoned{};
      if (m_last_row == k_no_row_yet) {
        m_first_row = r.row;
        m_first_line = r.line;
      } else if (r.row > m_last_row + 1) {
        empty_rows(m_last_row + 1, r.row - m_last_row - 1, r.line, result);
      }
      m_last_row = r.row;
      process(r, result);
    });
  }

  ReadResult finish(ReadResult result) {
    report_duplicates(result);
    result.source = m_reader.description();  // after reading: the encoding is known
    if (result.rows_read == 0) {
      std::string sheet = m_reader.sheet_name();
      if (!sheet.empty())
        throw DataError(fmt::format("{}: sheet '{}': the sheet has a header (row {}) but no data rows", m_file, sheet,
                                    result.header_row));
      throw DataError(fmt::format("{}: the file has a header (row {}) but no data rows", m_file, result.header_row));
    }
    result.table.person_count = static_cast<uint32_t>(m_person_count);
    result.table.latest_date = m_latest_date;
    site_of_past_exits(result.table);
    if (!m_by_name && m_map.has(Field::person_id)) result.persons = std::make_shared<const PersonIndex>(std::move(m_persons));
    return result;
  }

  // Thrown by read_rows() when its reading is abandoned.
  struct Abandoned {};

  // A builder of the second part of a cut file reads with the first part's
  // header; its first rows are not a run of empty rows yet (absorb() tells).
  void follow_header_of(const StayBuilder& first) {
    m_map = first.m_map;
    m_header_fields = first.m_header_fields;
    m_by_name = first.m_by_name;
    m_birth_field = first.m_birth_field;
    m_today = first.m_today;
    m_last_row = k_no_row_yet;
  }

  struct ResolvedOrigin {
    model::OriginCode code = model::k_origin_unknown;
    bool in_text = false;
  };

  // The classifications of the values read so far (they depend on the config
  // only): a builder of a later part read on the same thread starts with
  // its predecessor's.
  struct Caches {
    std::array<ValueCache<model::Classification>, model::k_category_field_count> categories;
    ValueCache<ResolvedOrigin> origins{65536};
  };
  Caches take_caches() { return {std::move(m_category_cache), std::move(m_origin_cache)}; }
  void use_caches(Caches&& caches) {
    m_category_cache = std::move(caches.categories);
    m_origin_cache = std::move(caches.origins);
  }

  // Adds what `part` read from the rows after this builder's (its result
  // `theirs`) as if this builder had read them: persons and sites numbered
  // on, stays, warnings and row hashes after this builder's.
  void absorb(StayBuilder& part, ReadResult& result, ReadResult& theirs) {
    if (part.m_last_row == k_no_row_yet) return;  // no rows after the cut
    if (part.m_first_row > m_last_row + 1)
      empty_rows(m_last_row + 1, part.m_first_row - m_last_row - 1, part.m_first_line, result);
    m_last_row = part.m_last_row;
    const auto offset = static_cast<uint32_t>(result.table.stays.size());
    const std::vector<uint32_t> person = m_persons.absorb(part.m_persons, part.m_person_count, m_person_count);
    std::vector<uint16_t> site(theirs.table.sites.size());
    for (size_t i = 0; i < site.size(); ++i) site[i] = site_index(theirs.table.sites[i], result);
    std::vector<uint16_t> past_site(part.m_past_site_names.size());
    for (size_t i = 0; i < past_site.size(); ++i) past_site[i] = past_site_index(part.m_past_site_names[i]);
    const bool has_site = m_map.has(Field::site);
    for (model::Stay stay : theirs.table.stays) {
      stay.person = person[stay.person];
      if (has_site) stay.site = site[stay.site];
      result.table.stays.push_back(stay);
    }
    for (model::PastExit past : theirs.table.past_exits) {
      past.person = person[past.person];
      if (has_site) past.site = past_site[past.site];
      result.table.past_exits.push_back(past);
    }
    for (RowHash h : part.m_row_hashes) m_row_hashes.push_back({h.hash, h.stay + offset});
    result.warnings.append(theirs.warnings, offset);
    result.error_count += theirs.error_count;
    for (auto& e : theirs.errors)
      if (result.errors.size() < m_options.max_errors_kept) result.errors.push_back(std::move(e));
    result.rows_read += theirs.rows_read;
    result.first_exit = std::min(result.first_exit, theirs.first_exit);
    result.table.earliest_entry = std::min(result.table.earliest_entry, theirs.table.earliest_entry);
    m_latest_date = std::max(m_latest_date, part.m_latest_date);
  }

 private:
  // Room for the kept stays and their row hashes as if every row of the input
  // were kept, from the share of the input the first rows took: an estimate
  // too high costs address space only (the arrays' pages are touched as they
  // fill), and the arrays then grow without being copied.
  // Only an optimisation: capped (a larger input grows the arrays as usual)
  // and given up when the address space is short.
  static constexpr uint64_t k_rows_before_reserve = 4096;
  static constexpr double k_max_reserved_rows = 20e6;
  void reserve_for_whole_input(ReadResult& result) {
    const double read = m_reader.progress();
    if (read <= 0 || read >= 1) return;
    const double estimate = static_cast<double>(result.rows_read) / read * 1.05;
    const auto rows = static_cast<size_t>(std::min(estimate, k_max_reserved_rows));
    // The person table too, for half the persons these rows' share of new
    // ones gives (persons come back in later rows; a table too small grows).
    const auto persons = static_cast<size_t>(static_cast<double>(rows) * static_cast<double>(m_person_count) /
                                             static_cast<double>(result.rows_read) / 2);
    try {
      result.table.stays.reserve(rows);
      m_row_hashes.reserve(rows);
      m_persons.reserve(persons);
    } catch (const std::bad_alloc&) {
    }
  }

  void find_header(Row& row, ReadResult& result) {
    for (size_t i = 0; i < k_header_search_rows; ++i) {
      if (!m_reader.next_row(row)) break;
      ColumnMap map;
      try {
        map = ColumnMap::from_header(row, m_config);
        map.throw_if_ambiguous();
      } catch (const DataError& e) {  // two columns for one field, or a column fitting two
        throw DataError(e.code().empty() ? "duplicate_header" : e.code(),
                        fmt::format("{}: row {}: {}", m_file, row.row, e.what()), m_file, row.line);
      }
      if (map.has(Field::entry_date)) {
        m_map = std::move(map);
        m_header_fields = row.fields;
        result.header_row = row.row;
        for (const auto& info : model::all_fields()) {
          result.table.has_column[static_cast<size_t>(info.field)] = m_map.has(info.field);
          if (m_map.has(info.field)) {
            result.table.headers[static_cast<size_t>(info.field)] = m_map.header(info.field);
            result.mapping.emplace_back(std::string(info.name), m_map.header(info.field));
          }
        }
        for (size_t c : m_map.unused_columns()) result.table.unused_headers.push_back(m_map.all_headers()[c]);
        m_by_name = !m_map.has(Field::person_id) && m_map.has(Field::last_name);
        missing_columns(row, result);
        report_duplicate_headers(row, result);
        m_birth_field = m_map.has(Field::birth_date)   ? Field::birth_date
                        : m_map.has(Field::birth_year) ? Field::birth_year
                                                       : Field::age_at_entry;
        return;
      }
    }
    throw DataError("missing_column",
                    fmt::format("{}: no entry-date column found in the first {} rows: expected a header such as {} "
                                "(or name yours in the config: columns.entry_date)",
                                m_file, k_header_search_rows, quoted_headers(Field::entry_date, 13)),
                    m_file);
  }

  // A missing_column warning for each expected field the header has no column
  // for: the exit date, the person identifier, and every breakdown's fields
  // (once for breakdowns reading the same ones), the warning's kind its key.
  void missing_columns(const Row& row, ReadResult& result) const {
    struct Expected {
      std::string kind;
      model::FieldSet any_of;  // the field is there when one of these is
    };
    std::vector<Expected> expected = {{"exit_date", {Field::exit_date}},
                                      {m_by_name ? "person_id_by_name" : "person_id", {Field::person_id}}};
    for (const auto& b : model::k_breakdowns)
      if (!b.fields.empty() && b.warns_when_missing && model::first_to_read_its_fields(b)) expected.push_back({std::string(b.key), b.fields});
    std::string file_headers;
    size_t listed = 0;
    for (const auto& h : m_map.all_headers()) {
      if (h.empty()) continue;
      if (listed++ == 12) {
        file_headers += ", …";
        break;
      }
      file_headers += (file_headers.empty() ? "'" : ", '") + util::shorten(h, 40) + "'";
    }
    for (const auto& e : expected) {
      bool present = false;
      for (Field f : e.any_of) {
        present |= m_map.has(f);
        // `columns: {stage: []}`: the config says the export has no such column.
        auto it = m_config.columns.find(f);
        present |= it != m_config.columns.end() && it->second.empty();
      }
      if (present) continue;
      model::Warning w;
      w.code = "missing_column";
      w.value = std::string(model::field_info(e.any_of.front()).name);
      w.params = {{"kind", e.kind},
                  {"field", w.value},
                  {"headers", quoted_headers(e.any_of.front(), 4)},
                  {"file_headers", file_headers},
                  {"column_en", std::string(model::column_description(w.value, model::Lang::en))},
                  {"column_fr", std::string(model::column_description(w.value, model::Lang::fr))}};
      w.row = 0;  // about the file, not a row: each missing column counts as a warning
      w.line = row.line;
      model::describe(w);
      result.warnings.add(w, RowWarnings::k_no_column, RowWarnings::k_no_stay);
    }
  }

  // duplicate_header: one warning per header that several columns carry, at
  // its second column, with the number of columns when more than two. The
  // normalised headers are hashed once: linear in the columns. Headers that
  // normalise to nothing (non-Latin, punctuation) compare as written.
  void report_duplicate_headers(const Row& row, ReadResult& result) {
    struct Seen {
      size_t first, second, count;
    };
    const auto& headers = m_map.all_headers();
    std::unordered_map<std::string, Seen, StringHash, std::equal_to<>> seen;
    std::vector<const std::pair<const std::string, Seen>*> repeated;  // in order of their second column
    for (size_t c = 0; c < headers.size(); ++c) {
      if (headers[c].empty()) continue;
      std::string key = util::normalize_key(headers[c]);
      if (key.empty()) key = '\x1f' + headers[c];
      auto [it, inserted] = seen.try_emplace(std::move(key), Seen{c, c, 0});
      if (++it->second.count == 2) {
        it->second.second = c;
        repeated.push_back(&*it);
      }
    }
    for (const auto* entry : repeated) {
      const Seen& s = entry->second;
      model::Warning w;
      w.code = "duplicate_header";
      w.column = headers[s.second];
      w.value = column_letters(s.second);
      w.params = {{"first", column_letters(s.first)}};
      if (s.count > 2) w.params.insert(w.params.begin(), {{"kind", "repeated"}, {"columns", std::to_string(s.count)}});
      w.row = row.row;
      w.line = row.line;
      model::describe(w);
      result.warnings.add(w, s.second, RowWarnings::k_no_stay);
    }
  }

  // "'date de sortie', 'date sortie', …": the first `max` headers accepted for `f`.
  std::string quoted_headers(Field f, size_t max = SIZE_MAX) const {
    std::string out;
    auto headers = ColumnMap::accepted_headers(f, m_config);
    for (size_t i = 0; i < headers.size() && i < max; ++i) out += (out.empty() ? "'" : ", '") + headers[i] + "'";
    return out;
  }

  void error(const Row& row, Field f, std::string code, std::string value,
             std::vector<std::pair<std::string, std::string>> params = {}) {
    ++m_result->error_count;
    if (m_result->errors.size() >= m_options.max_errors_kept) return;
    model::Warning e;
    e.severity = model::Severity::error;
    e.code = std::move(code);
    e.column = m_map.header(f);
    e.value = util::shorten(value);
    e.params = std::move(params);
    e.position = m_reader.cell_position(row, *m_map.column(f));
    e.row = row.row;
    e.line = row.line;
    model::describe(e);
    m_result->errors.push_back(std::move(e));
  }

  void date_error(const Row& row, Field f, const Cell& cell, util::DateParse status) {
    std::string value = model::field_info(f).sensitive ? "" : std::string(util::trim(cell.text));
    error(row, f, status == util::DateParse::impossible ? "impossible_date" : "invalid_date", value);
  }

  // A warning about the row being read (about no stay when the row is not kept);
  // RowWarnings::select renders its texts (model::warning_texts).
  void warn(const Row& row, std::string code, Field f, std::string value,
            std::vector<std::pair<std::string, std::string>> params = {}, std::string group = {},
            model::Severity severity = model::Severity::warning) {
    model::Warning w;
    w.severity = severity;
    w.group = std::move(group);
    w.code = std::move(code);
    w.column = m_map.header(f);
    w.value = util::shorten(value);
    w.params = std::move(params);
    w.row = row.row;
    w.line = row.line;
    m_result->warnings.add(w, *m_map.column(f),
                           m_row_not_kept ? RowWarnings::k_row_not_kept : static_cast<uint32_t>(m_result->table.stays.size()));
  }

  // future_date: an entry or exit after the day the check runs.
  void check_future(const Row& row, const model::Stay& stay) {
    if (stay.entry > m_today)
      warn(row, "future_date", Field::entry_date, util::iso(stay.entry), {{"today", util::iso(m_today)}});
    if (!stay.is_open() && stay.exit > m_today)
      warn(row, "future_date", Field::exit_date, util::iso(stay.exit), {{"today", util::iso(m_today)}});
  }

  void process(const Row& row, ReadResult& result) {
    m_result = &result;
    // The person table is large and read at random: its slot loads while the dates are parsed.
    if (!m_by_name && m_map.has(Field::person_id))
      m_persons.prefetch(util::trim(cell_at(row, m_map.column(Field::person_id)).text));
    const Cell& entry_cell = cell_at(row, m_map.column(Field::entry_date));
    auto entry = cell_date(entry_cell, m_pivot);
    if (entry.status != util::DateParse::ok && is_total_row(row)) return;
    if (entry.status == util::DateParse::empty) {
      error(row, Field::entry_date, "missing_entry_date", "");
      return;
    }
    if (entry.status != util::DateParse::ok) return date_error(row, Field::entry_date, entry_cell, entry.status);

    model::Stay stay;
    stay.entry = entry.day;
    if (m_map.has(Field::exit_date)) {
      const Cell& exit_cell = cell_at(row, m_map.column(Field::exit_date));
      auto exit = cell_date(exit_cell, m_pivot);
      if (exit.status == util::DateParse::ok) {
        if (exit.day < entry.day) {
          error(row, Field::exit_date, "exit_before_entry", util::iso(exit.day), {{"entry", util::iso(entry.day)}});
          return;
        }
        stay.exit = exit.day;
        result.first_exit = std::min(result.first_exit, exit.day);
      } else if (exit.status != util::DateParse::empty) {
        return date_error(row, Field::exit_date, exit_cell, exit.status);
      }
    }
    m_latest_date = std::max(m_latest_date, stay.is_open() ? stay.entry : stay.exit);
    result.table.earliest_entry = std::min(result.table.earliest_entry, stay.entry);
    // Only stays overlapping a requested period are kept; a future date of a
    // stay left out is still a warning (a mistyped year, e.g. 2042 for 2024).
    bool overlaps = false;
    if (stay.entry <= m_keep_to && (stay.is_open() || stay.exit >= m_keep_from))
      for (const auto& p : m_options.periods)
        overlaps |= stay.entry <= p.end && (stay.is_open() || stay.exit >= p.start);
    if (!overlaps) {
      m_row_not_kept = true;
      check_future(row, stay);
      m_row_not_kept = false;
      keep_past_exit(row, stay);
      return;
    }

    stay.row = static_cast<uint32_t>(row.row);
    stay.line = static_cast<uint32_t>(row.line);
    stay.person = person_of(row);
    read_birth(row, stay);
    for (size_t cf = 0; cf < model::k_category_field_count; ++cf)
      stay.set_category(static_cast<model::CategoryField>(cf), category(row, static_cast<model::CategoryField>(cf)));
    stay.origin = origin(row);
    stay.site = site(row);
    check_row(row, stay);
    result.table.stays.push_back(stay);
  }

  // A stay in no period that ended in a returns window: kept for the returns.
  // Its site is resolved once the whole file is read (site_of_past_exits), so
  // that a site seen only before the periods is not one of the report's sites.
  void keep_past_exit(const Row& row, const model::Stay& stay) {
    if (stay.is_open()) return;
    bool in_window = false;
    for (const auto& [from, to] : m_returns_windows) in_window |= stay.exit >= from && stay.exit <= to;
    if (!in_window) return;
    // Its row is not kept: a warning about it (missing_person_id) is about no stay of the table.
    m_row_not_kept = true;
    const uint32_t person = person_of(row);
    m_row_not_kept = false;
    model::PastExit past{stay.entry, stay.exit, person, 0};
    past.excluded = exit_reason_excluded(row);
    if (m_map.has(Field::site)) past.site = past_site_index(std::string(util::trim(cell_at(row, m_map.column(Field::site)).text)));
    m_result->table.past_exits.push_back(past);
  }

  uint16_t past_site_index(const std::string& text) {
    auto [it, added] = m_past_site_index.emplace(text, static_cast<uint16_t>(m_past_site_names.size()));
    if (added) m_past_site_names.push_back(text);
    return it->second;
  }

  // Whether a row's exit reason is a category excluded from shares (death), without a warning.
  bool exit_reason_excluded(const Row& row) {
    if (!m_map.has(Field::exit_reason)) return false;
    const auto& set = m_config.category_set(model::CategoryField::exit_reason);
    model::CategoryIndex c = set.classify(cell_at(row, m_map.column(Field::exit_reason)).text, m_scratch);
    return c < set.categories().size() && set.categories()[c].excluded_from_share;
  }

  // The past exits' sites as indices into the table's sites; a site of no
  // kept stay gets model::k_no_site.
  void site_of_past_exits(model::StayTable& table) {
    if (!m_map.has(Field::site)) return;
    std::vector<uint16_t> index(m_past_site_names.size(), model::k_no_site);
    for (size_t i = 0; i < m_past_site_names.size(); ++i) {
      std::string key = util::normalize_key(m_past_site_names[i]);
      for (size_t s = 0; s < table.sites.size(); ++s)
        if (key.empty() ? table.sites[s] == m_past_site_names[i] : util::normalize_key(table.sites[s]) == key) {
          index[i] = static_cast<uint16_t>(s);
          break;
        }
    }
    for (auto& p : table.past_exits) p.site = index[p.site];
  }

  // A hand-kept sheet's totals row ("Total", "Totaux", "Sous-total" in its
  // first non-empty cell) without an entry date: skipped with a warning.
  bool is_total_row(const Row& row) {
    for (const auto& cell : row.cells) {
      std::string_view text = util::trim(cell.text);
      if (text.empty()) continue;
      util::normalize_words(text, m_scratch);
      bool total = false;
      for (std::string_view start : {"total", "totaux", "sous total", "soustotal", "total general", "grand total"})
        total |= m_scratch == start || m_scratch.starts_with(std::string(start) + " ");
      if (!total) return false;
      model::Warning w;
      w.code = "total_row";
      w.value = util::shorten(text, 30);
      w.row = row.row;
      w.line = row.line;
      m_result->warnings.add(w, RowWarnings::k_no_column, RowWarnings::k_row_not_kept);
      return true;
    }
    return false;
  }

  void report_duplicates(ReadResult& result) {
    // Stays are in row order: the stay index orders rows.
    std::sort(m_row_hashes.begin(), m_row_hashes.end(),
              [](const RowHash& a, const RowHash& b) { return a.hash != b.hash ? a.hash < b.hash : a.stay < b.stay; });
    const auto& stays = result.table.stays;
    std::vector<std::pair<uint32_t, uint32_t>> duplicates;  // stay, and the stay it repeats
    for (size_t i = 1, first = 0; i < m_row_hashes.size(); ++i) {
      if (m_row_hashes[i].hash != m_row_hashes[i - 1].hash) {
        first = i;
        continue;
      }
      duplicates.emplace_back(m_row_hashes[i].stay, m_row_hashes[first].stay);
    }
    std::sort(duplicates.begin(), duplicates.end());
    for (const auto& [stay, original] : duplicates) {
      model::Warning w;
      w.code = "duplicate_row";
      w.column = m_map.header(Field::entry_date);
      w.row = stays[stay].row;
      w.line = stays[stay].line;
      result.warnings.add(w, *m_map.column(Field::entry_date), stay, stays[original].row);
    }
    m_row_hashes = {};
  }

  // A run of `count` empty rows from row `first`, each a line of its own,
  // just before the row starting at line `next_line`.
  void empty_rows(uint64_t first, uint64_t count, uint64_t next_line, ReadResult& result) {
    model::Warning w;
    w.code = "empty_row";
    w.row = first;
    w.line = next_line > count ? next_line - count : first;
    w.count = count;
    model::describe(w);
    result.warnings.add(w, RowWarnings::k_no_column, RowWarnings::k_no_stay);
  }

  // Structure and plausibility checks of a kept row (docs/figures.md, "check").
  void check_row(const Row& row, const model::Stay& stay) {
    if (row.fields != 0 && m_header_fields != 0 && row.fields < m_header_fields) {
      model::Warning w;
      w.code = "missing_fields";
      w.value = std::to_string(row.fields);
      w.params = {{"width", std::to_string(m_header_fields)}};
      w.row = row.row;
      w.line = row.line;
      model::describe(w);
      m_result->warnings.add(w, row.fields, static_cast<uint32_t>(m_result->table.stays.size()));
    }
    if (row.cells.size() > m_map.width()) {
      size_t extra = 0;
      for (size_t c = m_map.width(); c < row.cells.size(); ++c)
        extra += util::trim(row.cells[c].text).empty() ? 0 : 1;
      if (extra > 0) {
        model::Warning w;
        w.code = "extra_fields";
        w.params = {{"width", std::to_string(m_map.width())}};
        w.row = row.row;
        w.line = row.line;
        model::describe(w);
        m_result->warnings.add(w, m_map.width(), static_cast<uint32_t>(m_result->table.stays.size()));
      }
    }
    // Exact duplicates are found at the end by sorting these hashes (no hash table in the hot loop).
    uint64_t hash = 0x9E3779B97F4A7C15ull;
    for (const auto& c : row.cells) hash = (hash ^ util::short_string_hash(c.text)) * 0x100000001B3ull + c.text.size();
    m_row_hashes.push_back({hash, static_cast<uint32_t>(m_result->table.stays.size())});
    check_future(row, stay);
    if (stay.birth_kind == model::BirthKind::birth_date || stay.birth_kind == model::BirthKind::age_at_entry ||
        stay.birth_kind == model::BirthKind::birth_year) {
      int age = stay.birth_kind == model::BirthKind::age_at_entry ? stay.birth
                : stay.birth_kind == model::BirthKind::birth_year
                    ? util::to_ymd(stay.entry).year - stay.birth
                    : whole_years_between(stay.birth, stay.entry);
      if (age < m_config.check.min_age || age > m_config.check.max_age)
        warn(row, "age_out_of_range", m_birth_field, std::to_string(age),
             {{"min", std::to_string(m_config.check.min_age)}, {"max", std::to_string(m_config.check.max_age)}});
    }
  }

  static int whole_years_between(util::Day from, util::Day to) {
    auto a = util::to_ymd(from), b = util::to_ymd(to);
    int years = b.year - a.year;
    if (b.month < a.month || (b.month == a.month && b.day < a.day)) --years;
    return years;
  }

  uint32_t person_of(const Row& row) {
    if (m_by_name) {
      // Without identifiers: name, first name and birth date, in memory only.
      m_identity.clear();
      for (Field f : {Field::last_name, Field::first_name, Field::birth_date}) {
        if (m_map.has(f)) {
          const Cell& cell = cell_at(row, m_map.column(f));
          auto date = f == Field::birth_date ? cell_date(cell, m_pivot) : util::ParsedDate{util::DateParse::empty, 0};
          if (date.status == util::DateParse::ok) {
            m_identity += std::to_string(date.day);
          } else {
            util::normalize_key(cell.text, m_scratch);
            m_identity += m_scratch;
          }
        }
        m_identity += '\x1f';
      }
      if (m_identity.size() > 3) {
        bool inserted = false;
        uint32_t p = m_persons.find_or_add(m_identity, static_cast<uint32_t>(m_person_count), inserted);
        if (inserted) ++m_person_count;
        return p;
      }
      return static_cast<uint32_t>(m_person_count++);
    }
    if (m_map.has(Field::person_id)) {
      std::string_view id = util::trim(cell_at(row, m_map.column(Field::person_id)).text);
      if (!id.empty()) {
        bool inserted = false;
        uint32_t p = m_persons.find_or_add(id, static_cast<uint32_t>(m_person_count), inserted);
        if (inserted) ++m_person_count;
        return p;
      }
      warn(row, "missing_person_id", Field::person_id, "");
    }
    return static_cast<uint32_t>(m_person_count++);
  }

  void read_birth(const Row& row, model::Stay& stay) {
    if (!m_map.has(m_birth_field)) return;
    const Cell& cell = cell_at(row, m_map.column(m_birth_field));
    if (cell.type == CellType::empty || util::trim(cell.text).empty()) return;
    switch (m_birth_field) {
      case Field::birth_date: {
        // A two-digit birth year is 20yy only when that is not after the entry's year.
        auto d = cell_date(cell, util::to_ymd(stay.entry).year);
        if (d.status != util::DateParse::ok) {
          warn(row, "invalid_birth_date", Field::birth_date, "");
          return;
        }
        if (d.day > stay.entry) {
          warn(row, "birth_after_entry", Field::birth_date, "");
          return;
        }
        stay.birth = d.day;
        stay.birth_kind = model::BirthKind::birth_date;
        return;
      }
      case Field::birth_year: {
        auto y = cell_integer(cell);
        int entry_year = util::to_ymd(stay.entry).year;
        if (!y || *y < 1880 || *y > entry_year) {
          warn(row, "invalid_birth_year", Field::birth_year, "");
          return;
        }
        stay.birth = *y;
        stay.birth_kind = model::BirthKind::birth_year;
        return;
      }
      default: {
        auto a = cell_integer(cell);
        if (!a || *a < 0 || *a > 120) {
          // Never echoed: an age column often holds birth dates.
          warn(row, "invalid_age", Field::age_at_entry, "");
          return;
        }
        stay.birth = *a;
        stay.birth_kind = model::BirthKind::age_at_entry;
        return;
      }
    }
  }

  model::CategoryIndex category(const Row& row, model::CategoryField cf) {
    Field f = model::field_of(cf);
    if (!m_map.has(f)) return model::k_unknown_category;
    const Cell& cell = cell_at(row, m_map.column(f));
    if (cell.type == CellType::empty) return model::k_unknown_category;
    // Most raw values repeat: remember their category by their exact bytes.
    auto& cache = m_category_cache[static_cast<size_t>(cf)];
    model::Classification c;
    if (const auto* known = cache.find(cell.text)) {
      c = *known;
    } else {
      c = m_config.category_set(cf).classify_value(cell.text, m_scratch);
      cache.add(cell.text, c);
    }
    if (c.kind == model::MatchKind::exact || c.kind == model::MatchKind::missing) return c.index;
    // Findings grouped by the normalised value: recomputed here, as a cache hit did not.
    util::normalize_key(cell.text, m_scratch);
    std::string value(util::trim(cell.text));
    std::string field(model::field_info(f).name);
    const auto& categories = m_config.category_set(cf).categories();
    auto label = [&](model::CategoryIndex i) { return categories[i].label; };
    auto label_en = [&](model::CategoryIndex i) { return categories[i].label_en; };
    switch (c.kind) {
      case model::MatchKind::phrase:
        warn(row, "mapped_by_phrase", f, value,
             {{"field", field}, {"category", label(c.index)}, {"category_en", label_en(c.index)}}, m_scratch,
             model::Severity::notice);
        break;
      case model::MatchKind::ambiguous:
        warn(row, "ambiguous_value", f, value,
             {{"field", field}, {"first", label(c.first)}, {"second", label(c.second)},
              {"first_en", label_en(c.first)}, {"second_en", label_en(c.second)}},
             m_scratch);
        break;
      default: warn(row, "unmapped_value", f, value, {{"field", field}}, m_scratch);
    }
    return c.index;
  }

  model::OriginCode origin(const Row& row) {
    if (!m_map.has(Field::origin)) return model::k_origin_unknown;
    const Cell& cell = cell_at(row, m_map.column(Field::origin));
    if (cell.type == CellType::empty) return model::k_origin_unknown;
    ResolvedOrigin o;
    if (const auto* known = m_origin_cache.find(cell.text)) {
      o = *known;
    } else {
      o = resolve_origin(cell.text);
      m_origin_cache.add(cell.text, o);
    }
    if (o.code == model::k_origin_unresolved) warn_origin(row, cell);
    if (o.in_text) {
      std::string value(util::trim(cell.text));
      bool abroad = o.code == model::k_origin_abroad;
      std::string place = abroad ? "" : fmt::format("{} ({})", m_geo.departements()[o.code].name, m_geo.departements()[o.code].code);
      warn(row, "origin_in_text", Field::origin, value, {{"kind", abroad ? "abroad" : ""}, {"place", place}},
           util::normalize_key(value), model::Severity::notice);
    }
    return o.code;
  }

  uint16_t site(const Row& row) {
    if (!m_map.has(Field::site)) return 0;
    return site_index(util::trim(cell_at(row, m_map.column(Field::site)).text), *m_result);
  }

  // The index of the site named `text` in the table's sites, added if new.
  uint16_t site_index(std::string_view text, ReadResult& result) {
    if (const auto* known = m_sites.find(text)) return *known;
    auto& names = result.table.sites;
    // Spellings that normalise alike ("Le Moulin", "le moulin") are one site; names
    // that normalise to nothing (blank, non-Latin: "Дом") only when written alike.
    std::string key = util::normalize_key(text);
    for (size_t i = 0; i < names.size(); ++i)
      if (key.empty() ? names[i] == text : util::normalize_key(names[i]) == key) {
        m_sites.add(text, static_cast<uint16_t>(i));
        return static_cast<uint16_t>(i);
      }
    if (names.size() >= 0xFFFF) throw DataError(fmt::format("{}: more than 65535 different sites", m_file));
    names.emplace_back(text.empty() ? "" : std::string(text));
    m_sites.add(text, static_cast<uint16_t>(names.size() - 1));
    return static_cast<uint16_t>(names.size() - 1);
  }


  ResolvedOrigin resolve_origin(std::string_view text) const {
    auto o = m_geo.resolve(text);
    switch (o.kind) {
      case model::Origin::Kind::departement: return {static_cast<model::OriginCode>(o.index), o.in_text};
      case model::Origin::Kind::abroad: return {model::k_origin_abroad, o.in_text};
      case model::Origin::Kind::unknown: return {model::k_origin_unknown, false};
      case model::Origin::Kind::unresolved: break;
    }
    return {model::k_origin_unresolved, false};
  }

  void warn_origin(const Row& row, const Cell& cell) {
    std::string value(util::trim(cell.text));
    warn(row, "unresolved_origin", Field::origin, value, {}, util::normalize_key(value));
  }

  TableReader& m_reader;
  const std::string& m_file;
  const model::Config& m_config;
  const ReadOptions& m_options;
  const model::Geography& m_geo;
  ColumnMap m_map;
  Field m_birth_field = Field::birth_date;
  int m_pivot = 1900;
  util::Day m_keep_from = std::numeric_limits<util::Day>::max();
  util::Day m_keep_to = std::numeric_limits<util::Day>::min();
  PersonIndex m_persons;
  // What raw values were found to mean, by their exact bytes.
  std::array<ValueCache<model::Classification>, model::k_category_field_count> m_category_cache;
  ValueCache<ResolvedOrigin> m_origin_cache{65536};
  ValueCache<uint16_t> m_sites{size_t{1} << 17};
  size_t m_person_count = 0;
  bool m_by_name = false;   // people told apart by name, first name and birth date
  std::string m_identity;   // their key, rebuilt per row
  std::string m_scratch;
  ReadResult* m_result = nullptr;
  util::Day m_latest_date = std::numeric_limits<util::Day>::min();  // of every row with valid dates
  std::vector<std::pair<util::Day, util::Day>> m_returns_windows;  // first and last day of each
  std::unordered_map<std::string, uint16_t> m_past_site_index;     // site text of past exits -> index below
  std::vector<std::string> m_past_site_names;
  bool m_row_not_kept = false;  // while warning about a row whose stay is outside every period
  util::Day m_today = 0;  // dates after it are future_date warnings
  uint32_t m_header_fields = 0;
  Row m_row;  // the row being read
  static constexpr uint64_t k_no_row_yet = UINT64_MAX;
  uint64_t m_last_row = 0;  // the last row read (blank ones skipped), for runs of empty rows
  uint64_t m_first_row = 0, m_first_line = 0;  // a second part's first row, for absorb()
#pragma pack(push, 4)
  struct RowHash {  // the row and line are the stay's; 12 bytes, not 16 (a million kept rows: 4 MB less)
    uint64_t hash;
    uint32_t stay;
  };
#pragma pack(pop)
  static_assert(sizeof(RowHash) == 12);
  util::LargeVector<RowHash> m_row_hashes;  // kept rows, for duplicate detection
};

}  // namespace

bool has_recognised_header(TableReader& reader, const model::Config& config) {
  Row row;
  for (size_t i = 0; i < k_header_search_rows && reader.next_row(row); ++i) {
    try {
      auto map = ColumnMap::from_header(row, config);
      map.throw_if_ambiguous();
      if (map.has(Field::entry_date)) return true;
    } catch (const DataError&) {
      return true;  // a header with a duplicated column: reading it will say so
    }
  }
  return false;
}

void throw_if_errors(const ReadResult& result, const std::string& file_label, size_t max_listed) {
  throw_row_errors(result.errors, result.error_count, file_label, max_listed);
}

ReadResult read_stays(std::shared_ptr<TableReader> reader, const std::string& file_label, const model::Config& config,
                      const ReadOptions& options) {
  StayBuilder builder(*reader, file_label, config, options);
  ReadResult result;
  try {
    auto* csv = dynamic_cast<CsvReader*>(reader.get());
    if (csv && options.threads > 1 && csv->can_split() && csv->total_bytes() >= options.min_split_bytes) {
      auto make_part = [&](CsvReader& part, const ReadOptions& part_options) {
        auto b = std::make_unique<StayBuilder>(part, file_label, config, part_options);
        b->follow_header_of(builder);
        return b;
      };
      result = PartedRead<StayBuilder>(builder, *csv, make_part, options).run();
    } else
      result = builder.run();
  } catch (const std::exception&) {
    rethrow_with_path(file_label);  // a reader's error gives its position only
  }
  result.reader = std::move(reader);
  return result;
}

model::WarningLog ReadResult::warnings_for(const model::Period& period, bool with_rows_not_kept) const {
  return warnings_for(period, 0xFFFF, with_rows_not_kept);
}

model::WarningLog ReadResult::warnings_for(const model::Period& period, uint16_t site, bool with_rows_not_kept) const {
  const auto& stays = table.stays;
  return warnings.select(
      [&](uint32_t i) {
        const auto& s = stays[i];
        return (site == 0xFFFF || s.site == site) && s.entry <= period.end && (s.is_open() || s.exit >= period.start);
      },
      [&](uint64_t row, size_t column) {
        Row r;
        r.row = row;
        r.line = row;
        return reader ? reader->cell_position(r, column) : "row " + std::to_string(row);
      },
      with_rows_not_kept);
}

}  // namespace ctreport::input
