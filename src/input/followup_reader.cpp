// Rows of a follow-up file to compact records: the date checked on every
// row, the rest read only for the contacts near a reported period.
#include "input/followup_reader.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "input/cell_date.hpp"
#include "input/row_errors.hpp"
#include "input/row_loop.hpp"
#include "input/followup_columns.hpp"
#include "model/warning_texts.hpp"
#include "util/errors.hpp"
#include "util/text.hpp"

namespace ctreport::input {

namespace {

using model::FollowupField;

constexpr size_t k_header_rows = 30;  // the header is looked for in the first rows, as the stays'

constexpr std::array<std::string_view, 16> k_yes = {"oui", "o", "yes", "y", "1", "x", "vrai", "true", "joint",
                                                    "jointe", "atteint", "atteinte", "abouti", "contactabouti",
                                                    "reached", "repondu"};
constexpr std::array<std::string_view, 20> k_no = {"non", "n", "no", "0", "faux", "false", "nonjoint", "nonjointe",
                                                   "pasjoint", "pasjointe", "injoignable", "nonabouti", "sansreponse",
                                                   "pasdereponse", "messagerie", "repondeur", "messagelaisse",
                                                   "notreached", "noanswer", "unreachable"};

const Cell k_empty{};
bool blank(const Cell& c) { return c.type == CellType::empty || util::trim(c.text).empty(); }

class FollowupBuilder {
 public:
  FollowupBuilder(TableReader& reader, const std::string& file, const model::Config& config,
                  const FollowupReadOptions& options)
      : m_reader(reader), m_file(file), m_config(config), m_options(options) {
    m_pivot = two_digit_year_pivot(options.periods, 2000);
  }

  FollowupReadResult run() {
    FollowupReadResult result;
    m_result = &result;
    model::FollowupLog& log = result.log;
    log.file = m_file;
    log.persons_joinable = m_options.persons != nullptr;
    Row row;
    find_header(row);
    for_each_row(m_reader, row, m_options.on_progress, [&](const Row& r) { process(r); });
    log.source = m_reader.description();
    throw_if_errors();
    if (log.rows_read == 0)
      throw DataError(fmt::format("{}: the follow-up file has a header (row {}) but no data rows", m_file, log.header_row));
    return result;
  }

 private:
  const Cell& cell_of(const Row& row, FollowupField f) const {
    if (!m_cols.has(f) || m_cols.at(f) >= row.cells.size()) return k_empty;
    return row.cells[m_cols.at(f)];
  }

  // The first of the first rows with a person, a date and a reached column.
  void find_header(Row& row) {
    std::string first_headers;
    for (size_t i = 0; i < k_header_rows && m_reader.next_row(row); ++i) {
      FollowupColumns cols = recognise_followup_columns(row, m_config);
      if (first_headers.empty())
        for (const auto& h : cols.headers) first_headers += (first_headers.empty() ? "'" : ", '") + h + "'";
      if (!cols.has_required()) continue;
      m_cols = std::move(cols);
      model::FollowupLog& log = m_result->log;
      log.header_row = row.row;
      for (const auto& info : model::all_followup_fields()) {
        log.has_column[static_cast<size_t>(info.field)] = m_cols.has(info.field);
        if (m_cols.has(info.field)) log.mapping.emplace_back(info.name, m_cols.header(info.field));
      }
      log.unused_headers = m_cols.unused_headers;
      return;
    }
    throw DataError(fmt::format(
        "{}: no follow-up header found in the first {} rows: expected a person-identifier column (e.g. 'N° dossier'), "
        "a date column (e.g. 'Date du contact') and a reached column (e.g. 'Joint'), or name yours in the config "
        "(followup: {{columns: {{person_id: …, date: …, reached: …}}}}); the first row's headers: {}",
        m_file, k_header_rows, first_headers.empty() ? "none" : first_headers));
  }

  void error(const Row& row, FollowupField f, std::string code, std::string value) {
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

  bool near_a_period(util::Day d) const {
    const int w = m_config.followup.window_days;
    return std::any_of(m_options.periods.begin(), m_options.periods.end(),
                       [&](const model::Period& p) { return d >= p.start - w && d <= p.end + w; });
  }

  void process(const Row& row) {
    const Cell& date_cell = cell_of(row, FollowupField::date);
    const Cell& person_cell = cell_of(row, FollowupField::person);
    auto date = cell_date(date_cell, m_pivot);
    if (date.status == util::DateParse::empty && blank(person_cell)) return;  // a blank row
    model::FollowupLog& log = m_result->log;
    ++log.rows_read;
    if (date.status == util::DateParse::empty) return error(row, FollowupField::date, "missing_followup_date", "");
    if (date.status != util::DateParse::ok)
      return error(row, FollowupField::date, date.status == util::DateParse::impossible ? "impossible_date" : "invalid_date",
                   std::string(util::trim(date_cell.text)));
    if (blank(person_cell)) return error(row, FollowupField::person, "missing_followup_person", "");
    const Cell& reached_cell = cell_of(row, FollowupField::reached);
    if (blank(reached_cell)) return error(row, FollowupField::reached, "missing_reached", "");
    auto reached = parse_reached(reached_cell.text);
    if (!reached) return error(row, FollowupField::reached, "invalid_reached", std::string(util::trim(reached_cell.text)));
    log.first_date = std::min(log.first_date, date.day);
    log.last_date = std::max(log.last_date, date.day);
    if (!near_a_period(date.day)) {
      ++log.rows_outside;
      return;
    }
    model::FollowupContact c;
    c.date = date.day;
    c.row = static_cast<uint32_t>(row.row);
    c.reached = *reached;
    std::optional<uint32_t> p = m_options.persons ? m_options.persons->find(util::trim(person_cell.text)) : std::nullopt;
    c.person = p.value_or(model::k_unknown_person);
    if (c.reached) read_situation(row, c);
    log.contacts.push_back(c);
  }

  void read_situation(const Row& row, model::FollowupContact& c) {
    c.housing = classify(row, FollowupField::housing, m_config.followup_housing(),
                         m_config.followup.housing ? "followup_housing" : "categories.housing_at_exit");
    c.activity = classify(row, FollowupField::activity, m_config.followup_activity(),
                          m_config.followup.activity ? "followup_activity" : "categories.activity_at_exit");
    c.consumption = classify(row, FollowupField::consumption, m_config.followup.consumption, "followup_consumption");
    c.care = classify(row, FollowupField::care, m_config.followup.care, "followup_care");
  }

  model::CategoryIndex classify(const Row& row, FollowupField f, const model::CategorySet& set, const char* list) {
    if (!m_cols.has(f)) return model::k_unknown_category;
    const Cell& cell = cell_of(row, f);
    model::CategoryIndex index = set.classify(cell.text, m_scratch);
    if (index == model::k_other_category) {
      model::Warning w;
      w.code = "unmapped_followup_value";
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

  TableReader& m_reader;
  const std::string& m_file;
  const model::Config& m_config;
  const FollowupReadOptions& m_options;
  FollowupReadResult* m_result = nullptr;
  FollowupColumns m_cols;
  int m_pivot = 2044;
  RowErrors m_errors;
  std::string m_scratch;
};

bool has_followup_header(TableReader& reader, const model::Config& config) {
  Row row;
  for (size_t i = 0; i < k_header_rows && reader.next_row(row); ++i) {
    try {
      if (recognise_followup_columns(row, config).has_required()) return true;
    } catch (const DataError&) {
      return true;  // an ambiguous header: reading it will say so
    }
  }
  return false;
}

}  // namespace

std::optional<bool> parse_reached(std::string_view text) {
  std::string key = util::normalize_key(text);
  if (std::find(k_yes.begin(), k_yes.end(), key) != k_yes.end()) return true;
  if (std::find(k_no.begin(), k_no.end(), key) != k_no.end()) return false;
  return std::nullopt;
}

TableKind followup_table_kind(const model::Config& config) {
  return {[&config](TableReader& r) { return has_followup_header(r, config); },
          "follow-up header (a person, a date and a reached column)", "a",
          "expected a person-identifier column (e.g. 'N° dossier'), a date column (e.g. 'Date du contact') and a "
          "reached column (e.g. 'Joint')",
          "followup.sheet"};
}

FollowupReadResult read_followup(TableReader& reader, const std::string& file_label, const model::Config& config,
                                 const FollowupReadOptions& options) {
  FollowupBuilder builder(reader, file_label, config, options);
  try {
    return builder.run();
  } catch (const std::exception&) {
    rethrow_with_path(file_label);
  }
}

}  // namespace ctreport::input
