// Rows of an activity log to compact records: the date checked on every row,
// the rest read only for the rows of a reported period.
#include "input/activity_reader.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "input/activity_columns.hpp"
#include "input/activity_values.hpp"
#include "input/cell_date.hpp"
#include "input/row_errors.hpp"
#include "input/row_loop.hpp"
#include "model/warning_texts.hpp"
#include "util/errors.hpp"
#include "util/text.hpp"

namespace ctreport::input {

namespace {

using model::ActivityField;

constexpr size_t k_header_rows = 30;      // the header is looked for in the first rows, as the stays'

const Cell k_empty{};
const Cell& cell_of(const Row& row, const ActivityColumns& cols, ActivityField f) {
  if (!cols.has(f) || cols.at(f) >= row.cells.size()) return k_empty;
  return row.cells[cols.at(f)];
}

bool blank(const Cell& c) { return c.type == CellType::empty || util::trim(c.text).empty(); }

// "Total", "Sous-total"… in the row's first non-empty cell.
bool is_total_row(const Row& row) {
  for (const auto& c : row.cells) {
    if (blank(c)) continue;
    std::string key = util::normalize_key(c.text);
    return key.rfind("total", 0) == 0 || key.rfind("soustotal", 0) == 0 || key == "totaux" || key == "grandtotal";
  }
  return false;
}

class ActivityBuilder {
 public:
  ActivityBuilder(TableReader& reader, const std::string& file, const model::Config& config,
                  const ActivityReadOptions& options)
      : m_reader(reader), m_file(file), m_config(config), m_options(options) {
    m_pivot = two_digit_year_pivot(options.periods, 2000);
  }

  ActivityReadResult run() {
    ActivityReadResult result;
    m_result = &result;
    model::ActivityLog& log = result.log;
    log.file = m_file;
    log.persons_joinable = m_options.persons != nullptr;
    Row row;
    find_header(row);
    for_each_row(m_reader, row, m_options.on_progress, [&](const Row& r) { process(r); });
    log.source = m_reader.description();
    throw_if_errors();
    if (log.rows_read == 0)
      throw DataError(fmt::format("{}: the activity log has a header (row {}) but no data rows", m_file, log.header_row));
    return result;
  }

 private:
  // The first of the first rows with a date and a type column.
  void find_header(Row& row) {
    std::string first_headers;
    for (size_t i = 0; i < k_header_rows && m_reader.next_row(row); ++i) {
      ActivityColumns cols = recognise_activity_columns(row, m_config);
      if (first_headers.empty())
        for (const auto& h : cols.headers) first_headers += (first_headers.empty() ? "'" : ", '") + h + "'";
      if (!cols.has(ActivityField::date) || !cols.has(ActivityField::type)) continue;
      m_cols = std::move(cols);
      model::ActivityLog& log = m_result->log;
      log.header_row = row.row;
      for (const auto& info : model::all_activity_fields()) {
        log.has_column[static_cast<size_t>(info.field)] = m_cols.has(info.field);
        if (m_cols.has(info.field)) log.mapping.emplace_back(info.name, m_cols.header(info.field));
      }
      log.unused_headers = m_cols.unused_headers;
      return;
    }
    throw DataError(fmt::format(
        "{}: no activity-log header found in the first {} rows: expected a date column (e.g. 'Date') and a type column "
        "(e.g. 'Type d'activité'), or name yours in the config (activities: {{columns: {{date: …, type: …}}}}); the "
        "first row's headers: {}",
        m_file, k_header_rows, first_headers.empty() ? "none" : first_headers));
  }

  void error(const Row& row, ActivityField f, std::string code, std::string value) {
    model::Warning e;
    e.severity = model::Severity::error;
    e.code = std::move(code);
    e.column = m_cols.header(f);
    e.value = util::shorten(value);
    e.position = m_reader.cell_position(row, m_cols.at(f));
    e.row = row.row;
    model::describe(e);
    m_errors.add(std::move(e));
  }

  void throw_if_errors() const { m_errors.throw_if_any(m_file); }

  void process(const Row& row) {
    const Cell& date_cell = cell_of(row, m_cols, ActivityField::date);
    const Cell& type_cell = cell_of(row, m_cols, ActivityField::type);
    auto date = cell_date(date_cell, m_pivot);
    if (date.status == util::DateParse::empty && blank(type_cell)) return;  // a blank row
    if (date.status != util::DateParse::ok && is_total_row(row)) return;    // "Total", "Sous-total"… without a date
    ++m_result->log.rows_read;
    if (date.status == util::DateParse::empty) return error(row, ActivityField::date, "missing_activity_date", "");
    if (date.status != util::DateParse::ok)
      return error(row, ActivityField::date, date.status == util::DateParse::impossible ? "impossible_date" : "invalid_date",
                   std::string(util::trim(date_cell.text)));
    bool in_period = std::any_of(m_options.periods.begin(), m_options.periods.end(),
                                 [&](const model::Period& p) { return date.day >= p.start && date.day <= p.end; });
    if (!in_period) {
      ++m_result->log.rows_outside;
      return;
    }
    model::ActivityRow a;
    a.date = date.day;
    a.row = static_cast<uint32_t>(row.row);
    if (blank(type_cell)) return error(row, ActivityField::type, "missing_activity_type", "");
    a.type = classify(row, ActivityField::type, type_cell, m_config.activities.types, "activity_types");
    if (!read_numbers(row, a)) return;
    if (m_cols.has(ActivityField::professional)) {
      const Cell& c = cell_of(row, m_cols, ActivityField::professional);
      a.professional = classify(row, ActivityField::professional, c, m_config.activities.professionals,
                                "professional_categories");
    }
    read_persons(row, a);
    m_result->log.rows.push_back(a);
  }

  // Duration, start time and participants; false after an error.
  bool read_numbers(const Row& row, model::ActivityRow& a) {
    struct Number {
      ActivityField field;
      std::optional<int> (*parse)(const Cell&);
      const char* code;
    };
    for (const Number& n : {Number{ActivityField::duration, parse_duration, "invalid_duration"},
                            Number{ActivityField::start_time, parse_start_time, "invalid_start_time"},
                            Number{ActivityField::participants, parse_participants, "invalid_participants"}}) {
      const Cell& c = cell_of(row, m_cols, n.field);
      if (blank(c)) continue;
      auto v = n.parse(c);
      if (!v) {
        error(row, n.field, n.code, std::string(util::trim(c.text)));
        return false;
      }
      if (n.field == ActivityField::duration) a.minutes = *v;
      else if (n.field == ActivityField::start_time) a.start = static_cast<int16_t>(*v);
      else a.participants = *v;
    }
    return true;
  }

  model::CategoryIndex classify(const Row& row, ActivityField f, const Cell& cell, const model::CategorySet& set,
                                const char* list) {
    model::CategoryIndex index = set.classify(cell.text, m_scratch);
    if (index == model::k_other_category) {
      model::Warning w;
      w.code = "unmapped_activity_value";
      w.column = m_cols.header(f);
      w.value = util::shorten(util::trim(cell.text));
      w.group = util::normalize_key(cell.text);
      w.params = {{"list", list}, {"file", m_file}};
      w.row = row.row;
      w.position = m_reader.cell_position(row, m_cols.at(f));
      w.file = m_file;
      model::describe(w);
      m_result->warnings.add(std::move(w));
    }
    return index;
  }

  // The persons named: numbers of the stays' person table, never kept as text.
  void read_persons(const Row& row, model::ActivityRow& a) {
    if (!m_cols.has(ActivityField::person)) return;
    split_identifiers(cell_of(row, m_cols, ActivityField::person).text, m_ids);
    auto& persons = m_result->log.persons;
    a.first_person = static_cast<uint32_t>(persons.size());
    for (std::string_view id : m_ids) {
      std::optional<uint32_t> p = m_options.persons ? m_options.persons->find(id) : std::nullopt;
      persons.push_back(p.value_or(model::k_unknown_person));
    }
    a.person_count = static_cast<uint32_t>(m_ids.size());
  }

  TableReader& m_reader;
  const std::string& m_file;
  const model::Config& m_config;
  const ActivityReadOptions& m_options;
  ActivityReadResult* m_result = nullptr;
  ActivityColumns m_cols;
  int m_pivot = 2044;
  RowErrors m_errors;
  std::vector<std::string_view> m_ids;
  std::string m_scratch;
};

bool has_activity_header(TableReader& reader, const model::Config& config) {
  Row row;
  for (size_t i = 0; i < k_header_rows && reader.next_row(row); ++i) {
    try {
      auto cols = recognise_activity_columns(row, config);
      if (cols.has(ActivityField::date) && cols.has(ActivityField::type)) return true;
    } catch (const DataError&) {
      return true;  // an ambiguous header: reading it will say so
    }
  }
  return false;
}

}  // namespace

TableKind activity_table_kind(const model::Config& config) {
  return {[&config](TableReader& r) { return has_activity_header(r, config); }, "activity-log header (a date and a type column)",
          "an", "expected a date column (e.g. 'Date') and a type column (e.g. 'Type d'activité')", "activities.sheet"};
}

ActivityReadResult read_activities(TableReader& reader, const std::string& file_label, const model::Config& config,
                                   const ActivityReadOptions& options) {
  ActivityBuilder builder(reader, file_label, config, options);
  try {
    return builder.run();
  } catch (const std::exception&) {
    rethrow_with_path(file_label);
  }
}

}  // namespace ctreport::input
