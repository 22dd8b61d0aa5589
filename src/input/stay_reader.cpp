// Row-to-stay conversion, the hot path of every run: no allocation per cell,
// dates parsed by hand, categories looked up by precomputed normalised keys.
#include "input/stay_reader.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <string_view>
#include <cstring>
#include <unordered_map>

#include <fmt/format.h>

#include "input/person_index.hpp"
#include "model/geography.hpp"
#include "util/errors.hpp"
#include "util/hash.hpp"
#include "util/text.hpp"

namespace ctreport::input {

namespace {

using model::Field;

constexpr size_t k_header_search_rows = 30;
constexpr util::Day k_serial_epoch_offset = 25569;  // Excel 1900-system serial of 1970-01-01

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return util::short_string_hash(s); }
};

const Cell k_empty_cell{};

const Cell& cell_at(const Row& row, std::optional<size_t> column) {
  if (!column || *column >= row.cells.size()) return k_empty_cell;
  return row.cells[*column];
}

// A date from a cell: spreadsheet dates as they are, numbers as Excel serials
// (a date column whose format was lost), text through the tolerant parser.
util::ParsedDate cell_date(const Cell& cell, int pivot_year) {
  switch (cell.type) {
    case CellType::empty: return {util::DateParse::empty, 0};
    case CellType::date: return {util::DateParse::ok, cell.day};
    case CellType::number: {
      double n = cell.number;
      if (n >= 7306 && n < 73051 && std::floor(n) == n)  // 1920-01-01 .. 2099-12-31
        return {util::DateParse::ok, static_cast<util::Day>(n) - k_serial_epoch_offset};
      return {util::DateParse::malformed, 0};
    }
    default: return util::parse_date(cell.text, pivot_year);
  }
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
    m_pivot = 1900;
    auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    m_future_after = static_cast<util::Day>(today.time_since_epoch().count());
    for (const auto& p : options.periods) {
      m_future_after = std::max(m_future_after, p.end);
      m_pivot = std::max(m_pivot, util::to_ymd(p.end).year);
      m_keep_from = std::min(m_keep_from, p.start);
      m_keep_to = std::max(m_keep_to, p.end);
    }
  }

  ReadResult run() {
    ReadResult result;
    result.source = m_reader.description();
    Row row;
    find_header(row, result);
    uint64_t since_progress = 0;
    uint64_t last_row = result.header_row;
    while (m_reader.next_row(row)) {
      ++result.rows_read;
      if (row.row > last_row + 1) empty_rows(last_row + 1, row.row - last_row - 1, result);
      last_row = row.row;
      process(row, result);
      if (++since_progress == 65536) {
        since_progress = 0;
        if (m_options.on_progress) m_options.on_progress(m_reader.progress());
      }
    }
    report_duplicates(result);
    if (m_options.on_progress) m_options.on_progress(1.0);
    result.source = m_reader.description();  // after reading: the encoding is known
    if (result.rows_read == 0)
      throw DataError(fmt::format("{}: the file has a header (row {}) but no data rows", m_file, result.header_row));
    result.table.person_count = static_cast<uint32_t>(m_person_count);
    return result;
  }

 private:
  void find_header(Row& row, ReadResult& result) {
    for (size_t i = 0; i < k_header_search_rows; ++i) {
      if (!m_reader.next_row(row)) break;
      ColumnMap map = ColumnMap::from_header(row, m_config);
      if (map.has(Field::entry_date)) {
        m_map = std::move(map);
        m_header_fields = row.fields;
        result.header_row = row.row;
        for (const auto& info : model::all_fields()) {
          result.table.has_column[static_cast<size_t>(info.field)] = m_map.has(info.field);
          if (m_map.has(info.field)) result.mapping.emplace_back(std::string(info.name), m_map.header(info.field));
        }
        for (size_t a = 0; a < m_map.all_headers().size(); ++a)
          for (size_t b = a + 1; b < m_map.all_headers().size(); ++b)
            if (!m_map.all_headers()[a].empty() &&
                util::normalize_key(m_map.all_headers()[a]) == util::normalize_key(m_map.all_headers()[b])) {
              model::Warning w;
              w.code = "duplicate_header";
              w.column = m_map.all_headers()[b];
              w.value = column_letters(b);
              w.message = fmt::format("columns {} and {} have the same header '{}'", column_letters(a),
                                      column_letters(b), m_map.all_headers()[b]);
              w.row = row.row;
              w.line = row.line;
              result.warnings.add(w, b, RowWarnings::k_no_stay);
            }
        m_birth_field = m_map.has(Field::birth_date)   ? Field::birth_date
                        : m_map.has(Field::birth_year) ? Field::birth_year
                                                       : Field::age_at_entry;
        return;
      }
    }
    std::string accepted;
    for (const auto& h : ColumnMap::accepted_headers(Field::entry_date, m_config))
      accepted += (accepted.empty() ? "'" : ", '") + h + "'";
    throw DataError(fmt::format(
        "{}: no entry-date column found in the first {} rows: expected a header such as {} "
        "(or name yours in the config: columns.entry_date)",
        m_file, k_header_search_rows, accepted));
  }


  std::string shown_value(const Cell& cell, Field f) const {
    if (model::field_info(f).sensitive) return "the value is not shown (personal data)";
    return fmt::format("'{}'", util::trim(cell.text));
  }

  void error(const Row& row, Field f, std::string code, std::string value, std::string msg) {
    ++m_result->error_count;
    if (m_result->errors.size() >= m_options.max_errors_kept) return;
    model::Warning e;
    e.severity = model::Severity::error;
    e.code = std::move(code);
    e.column = m_map.header(f);
    e.value = std::move(value);
    e.message = std::move(msg);
    e.position = m_reader.cell_position(row, *m_map.column(f));
    e.row = row.row;
    e.line = row.line;
    m_result->errors.push_back(std::move(e));
  }

  void date_error(const Row& row, Field f, const Cell& cell, util::DateParse status) {
    const char* what = status == util::DateParse::impossible ? "is not a possible date" : "is not a date";
    std::string value = model::field_info(f).sensitive ? "" : std::string(util::trim(cell.text));
    error(row, f, status == util::DateParse::impossible ? "impossible_date" : "invalid_date", value,
          fmt::format("{} {}; expected a date such as 31/12/2024 or 2024-12-31", shown_value(cell, f), what));
  }

  void warn(const Row& row, std::string code, Field f, std::string value, std::string message, std::string group = {}) {
    model::Warning w;
    w.group = std::move(group);
    w.code = std::move(code);
    w.column = m_map.header(f);
    w.value = std::move(value);
    w.message = std::move(message);
    w.row = row.row;
    w.line = row.line;
    m_result->warnings.add(w, *m_map.column(f), static_cast<uint32_t>(m_result->table.stays.size()));
  }

  void process(const Row& row, ReadResult& result) {
    m_result = &result;
    const Cell& entry_cell = cell_at(row, m_map.column(Field::entry_date));
    auto entry = cell_date(entry_cell, m_pivot);
    if (entry.status == util::DateParse::empty) {
      error(row, Field::entry_date, "missing_entry_date", "", "the entry date is empty; every stay needs one");
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
          error(row, Field::exit_date, "exit_before_entry", util::iso(exit.day),
                fmt::format("exit {} is before the entry {}; expected an exit on or after the entry", util::iso(exit.day),
                            util::iso(entry.day)));
          return;
        }
        stay.exit = exit.day;
      } else if (exit.status != util::DateParse::empty) {
        return date_error(row, Field::exit_date, exit_cell, exit.status);
      }
    }
    // Only stays overlapping a requested period are kept.
    if (stay.entry > m_keep_to || (!stay.is_open() && stay.exit < m_keep_from)) return;
    bool overlaps = false;
    for (const auto& p : m_options.periods)
      overlaps |= stay.entry <= p.end && (stay.is_open() || stay.exit >= p.start);
    if (!overlaps) return;

    stay.row = static_cast<uint32_t>(row.row);
    stay.person = person_of(row);
    read_birth(row, stay);
    stay.sex = category(row, model::CategoryField::sex);
    stay.referral = category(row, model::CategoryField::referral);
    stay.exit_reason = category(row, model::CategoryField::exit_reason);
    stay.housing = category(row, model::CategoryField::housing_at_exit);
    stay.activity = category(row, model::CategoryField::activity_at_exit);
    stay.stage = category(row, model::CategoryField::stage);
    stay.origin = origin(row);
    stay.site = site(row);
    check_row(row, stay);
    result.table.stays.push_back(stay);
  }

  void report_duplicates(ReadResult& result) {
    std::sort(m_row_hashes.begin(), m_row_hashes.end(),
              [](const RowHash& a, const RowHash& b) { return a.hash != b.hash ? a.hash < b.hash : a.row < b.row; });
    std::vector<std::pair<const RowHash*, uint64_t>> duplicates;  // row, and the row it repeats
    for (size_t i = 1, first = 0; i < m_row_hashes.size(); ++i) {
      if (m_row_hashes[i].hash != m_row_hashes[i - 1].hash) {
        first = i;
        continue;
      }
      duplicates.emplace_back(&m_row_hashes[i], m_row_hashes[first].row);
    }
    std::sort(duplicates.begin(), duplicates.end(), [](const auto& a, const auto& b) { return a.first->row < b.first->row; });
    for (const auto& [h, original] : duplicates) {
      model::Warning w;
      w.code = "duplicate_row";
      w.column = m_map.header(Field::entry_date);
      w.message = fmt::format("the row repeats row {} exactly", original);
      w.row = h->row;
      w.line = h->line;
      result.warnings.add(w, *m_map.column(Field::entry_date), h->stay);
    }
    m_row_hashes = {};
  }

  void empty_rows(uint64_t first, uint64_t count, ReadResult& result) {
    model::Warning w;
    w.code = "empty_row";
    w.message = "empty row";
    w.row = first;
    w.line = 0;
    w.count = count;
    result.warnings.add(w, 0, RowWarnings::k_no_stay);
  }

  // Structure and plausibility checks of a kept row (docs/figures.md, "check").
  void check_row(const Row& row, const model::Stay& stay) {
    if (row.fields != 0 && m_header_fields != 0 && row.fields < m_header_fields) {
      model::Warning w;
      w.code = "missing_fields";
      w.message = fmt::format("the row has {} fields, the header {}", row.fields, m_header_fields);
      w.row = row.row;
      w.line = row.line;
      m_result->warnings.add(w, row.fields, static_cast<uint32_t>(m_result->table.stays.size()));
    }
    if (row.cells.size() > m_map.width()) {
      size_t extra = 0;
      for (size_t c = m_map.width(); c < row.cells.size(); ++c)
        extra += util::trim(row.cells[c].text).empty() ? 0 : 1;
      if (extra > 0) {
        model::Warning w;
        w.code = "extra_fields";
        w.message = fmt::format("the row has values beyond the header's {} columns", m_map.width());
        w.row = row.row;
        w.line = row.line;
        m_result->warnings.add(w, m_map.width(), static_cast<uint32_t>(m_result->table.stays.size()));
      }
    }
    // Exact duplicates are found at the end by sorting these hashes (no hash table in the hot loop).
    uint64_t hash = 0x9E3779B97F4A7C15ull;
    for (const auto& c : row.cells) hash = (hash ^ util::short_string_hash(c.text)) * 0x100000001B3ull + c.text.size();
    m_row_hashes.push_back({hash, static_cast<uint32_t>(m_result->table.stays.size()), row.row, row.line});
    if (stay.entry > m_future_after)
      warn(row, "future_date", Field::entry_date, util::iso(stay.entry),
           fmt::format("entry {} is in the future", util::iso(stay.entry)));
    if (!stay.is_open() && stay.exit > m_future_after)
      warn(row, "future_date", Field::exit_date, util::iso(stay.exit),
           fmt::format("exit {} is in the future", util::iso(stay.exit)));
    if (stay.birth_kind == model::BirthKind::birth_date || stay.birth_kind == model::BirthKind::age_at_entry ||
        stay.birth_kind == model::BirthKind::birth_year) {
      int age = stay.birth_kind == model::BirthKind::age_at_entry ? stay.birth
                : stay.birth_kind == model::BirthKind::birth_year
                    ? util::to_ymd(stay.entry).year - stay.birth
                    : whole_years_between(stay.birth, stay.entry);
      if (age < m_config.check.min_age || age > m_config.check.max_age)
        warn(row, "age_out_of_range", m_birth_field, "",
             fmt::format("age at entry {} is outside {}–{} (check.min_age, check.max_age)", age, m_config.check.min_age,
                         m_config.check.max_age));
    }
  }

  static int whole_years_between(util::Day from, util::Day to) {
    auto a = util::to_ymd(from), b = util::to_ymd(to);
    int years = b.year - a.year;
    if (b.month < a.month || (b.month == a.month && b.day < a.day)) --years;
    return years;
  }

  uint32_t person_of(const Row& row) {
    if (m_map.has(Field::person_id)) {
      std::string_view id = util::trim(cell_at(row, m_map.column(Field::person_id)).text);
      if (!id.empty()) {
        bool inserted = false;
        uint32_t p = m_persons.find_or_add(id, static_cast<uint32_t>(m_person_count), inserted);
        if (inserted) ++m_person_count;
        return p;
      }
      warn(row, "missing_person_id", Field::person_id, "",
           "no person identifier: the stay is counted as a person of its own");
    }
    return static_cast<uint32_t>(m_person_count++);
  }

  void read_birth(const Row& row, model::Stay& stay) {
    if (!m_map.has(m_birth_field)) return;
    const Cell& cell = cell_at(row, m_map.column(m_birth_field));
    if (cell.type == CellType::empty || util::trim(cell.text).empty()) return;
    switch (m_birth_field) {
      case Field::birth_date: {
        auto d = cell_date(cell, util::to_ymd(stay.entry).year);
        if (d.status != util::DateParse::ok) {
          warn(row, "invalid_birth_date", Field::birth_date, "",
               "birth date not readable (value not shown: personal data): age unknown");
          return;
        }
        if (d.day > stay.entry) {
          warn(row, "birth_after_entry", Field::birth_date, "", "birth date after the entry date: age unknown");
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
          warn(row, "invalid_birth_year", Field::birth_year, "",
               "birth year not readable or after the entry (value not shown: personal data): age unknown");
          return;
        }
        stay.birth = *y;
        stay.birth_kind = model::BirthKind::birth_year;
        return;
      }
      default: {
        auto a = cell_integer(cell);
        if (!a || *a < 0 || *a > 120) {
          warn(row, "invalid_age", Field::age_at_entry, std::string(util::trim(cell.text)),
               fmt::format("age '{}' is not a whole number of years from 0 to 120: age unknown", util::trim(cell.text)));
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
    model::CategoryIndex idx;
    if (auto it = cache.find(cell.text); it != cache.end()) {
      idx = it->second;
    } else {
      idx = m_config.category_set(cf).classify(cell.text, m_scratch);
      if (cache.size() < 4096) cache.emplace(std::string(cell.text), idx);
    }
    if (idx == model::k_other_category) {
      std::string value(util::trim(cell.text));
      warn(row, "unmapped_value", f, value,
           fmt::format("'{}' maps to no {} category: counted as other (add it to categories.{} in the config)", value,
                       model::field_info(f).name, model::field_info(f).name),
           m_scratch);
    }
    return idx;
  }

  model::OriginCode origin(const Row& row) {
    if (!m_map.has(Field::origin)) return model::k_origin_unknown;
    const Cell& cell = cell_at(row, m_map.column(Field::origin));
    if (cell.type == CellType::empty) return model::k_origin_unknown;
    if (auto it = m_origin_cache.find(cell.text); it != m_origin_cache.end()) {
      if (it->second == model::k_origin_unresolved) warn_origin(row, cell);
      return it->second;
    }
    model::OriginCode code = resolve_origin(cell.text);
    if (m_origin_cache.size() < 65536) m_origin_cache.emplace(std::string(cell.text), code);
    if (code == model::k_origin_unresolved) warn_origin(row, cell);
    return code;
  }

  uint16_t site(const Row& row) {
    if (!m_map.has(Field::site)) return 0;
    std::string_view text = util::trim(cell_at(row, m_map.column(Field::site)).text);
    if (auto it = m_sites.find(text); it != m_sites.end()) return it->second;
    auto& names = m_result->table.sites;
    // Spellings that normalise alike ("Le Moulin", "le moulin") are one site.
    std::string key = util::normalize_key(text);
    for (size_t i = 0; i < names.size(); ++i)
      if (util::normalize_key(names[i]) == key) {
        m_sites.emplace(std::string(text), static_cast<uint16_t>(i));
        return static_cast<uint16_t>(i);
      }
    if (names.size() >= 0xFFFF) throw DataError(fmt::format("{}: more than 65535 different sites", m_file));
    names.emplace_back(text.empty() ? "" : std::string(text));
    m_sites.emplace(std::string(text), static_cast<uint16_t>(names.size() - 1));
    return static_cast<uint16_t>(names.size() - 1);
  }

  model::OriginCode resolve_origin(std::string_view text) const {
    auto o = m_geo.resolve(text);
    switch (o.kind) {
      case model::Origin::Kind::departement: return static_cast<model::OriginCode>(o.index);
      case model::Origin::Kind::abroad: return model::k_origin_abroad;
      case model::Origin::Kind::unknown: return model::k_origin_unknown;
      case model::Origin::Kind::unresolved: break;
    }
    return model::k_origin_unresolved;
  }

  void warn_origin(const Row& row, const Cell& cell) {
    std::string value(util::trim(cell.text));
    warn(row, "unresolved_origin", Field::origin, value,
         fmt::format("origin '{}' is not a French département, postal code or country: counted as unknown", value));
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
  std::array<std::unordered_map<std::string, model::CategoryIndex, StringHash, std::equal_to<>>, model::k_category_field_count>
      m_category_cache;
  std::unordered_map<std::string, model::OriginCode, StringHash, std::equal_to<>> m_origin_cache;
  std::unordered_map<std::string, uint16_t, StringHash, std::equal_to<>> m_sites;
  size_t m_person_count = 0;
  std::string m_scratch;
  ReadResult* m_result = nullptr;
  util::Day m_future_after = 0;
  uint32_t m_header_fields = 0;
  struct RowHash {
    uint64_t hash;
    uint32_t stay;
    uint64_t row, line;
  };
  std::vector<RowHash> m_row_hashes;  // kept rows, for duplicate detection
};

}  // namespace

bool has_recognised_header(TableReader& reader, const model::Config& config) {
  Row row;
  for (size_t i = 0; i < k_header_search_rows && reader.next_row(row); ++i) {
    try {
      if (ColumnMap::from_header(row, config).has(Field::entry_date)) return true;
    } catch (const DataError&) {
      return true;  // a header with a duplicated column: reading it will say so
    }
  }
  return false;
}

void throw_if_errors(const ReadResult& result, const std::string& file_label, size_t max_listed) {
  if (result.errors.empty()) return;
  std::string msg;
  size_t listed = 0;
  for (const auto& e : result.errors) {
    if (listed++ == max_listed) break;
    if (!msg.empty()) msg += "\n";
    msg += fmt::format("{}: {} ({}): {}", file_label, e.position, e.column, e.message);
  }
  if (result.error_count > max_listed) msg += fmt::format("\n… and {} more errors", result.error_count - max_listed);
  throw DataError(msg);
}

ReadResult read_stays(std::shared_ptr<TableReader> reader, const std::string& file_label, const model::Config& config,
                      const ReadOptions& options) {
  StayBuilder builder(*reader, file_label, config, options);
  ReadResult result = builder.run();
  result.reader = std::move(reader);
  return result;
}

model::WarningLog ReadResult::warnings_for(const model::Period& period) const { return warnings_for(period, 0xFFFF); }

model::WarningLog ReadResult::warnings_for(const model::Period& period, uint16_t site) const {
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
      });
}

}  // namespace ctreport::input
