// Validating a figures.json against the schema ctreport/figures/v1 as
// docs/figures.md describes it ("Output: figures.json"), value by value, with
// the key path of the first bad one.
#include "render/figures_json_validation.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "model/breakdowns.hpp"
#include "util/date.hpp"
#include "util/errors.hpp"
#include "util/text.hpp"

namespace ctreport::render {

namespace {

using json = nlohmann::json;

// A value as messages show it: a text quoted and shortened, a number as written.
std::string shown(const json& v) {
  if (v.is_string()) return util::quote_value(v.get_ref<const std::string&>());
  if (v.is_object()) return "an object";
  if (v.is_array()) return "a list";
  return v.dump();
}

// "YYYY-MM-DD" or "YYYY-MM" (day 0): a calendar date that exists.
bool parse_iso(const std::string& s, bool with_day, util::Day* day = nullptr) {
  size_t size = with_day ? 10 : 7;
  if (s.size() != size || s[4] != '-' || (with_day && s[7] != '-')) return false;
  for (size_t i = 0; i < size; ++i)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
  int year = std::stoi(s.substr(0, 4));
  unsigned month = static_cast<unsigned>(std::stoi(s.substr(5, 2)));
  unsigned d = with_day ? static_cast<unsigned>(std::stoi(s.substr(8, 2))) : 1;
  if (!util::is_valid_date(year, month, d)) return false;
  if (day) *day = util::to_day(year, month, d);
  return true;
}

class Validator {
 public:
  explicit Validator(const std::string& source) : m_source(source) {}

  void figures(const json& j) {
    object(j, "");
    period(member(j, "", "period"), "period");
    const json& e = object(member(j, "", "establishment"), "establishment");
    for (const char* k : {"name", "departement", "region"}) optional_text(e, "establishment", k);
    if (j.contains("network")) {
      const json& n = object(j.at("network"), "network");
      texts(n, "network", "establishments");
      texts(n, "network", "not_mergeable");
    }
    const json& c = object(member(j, "", "counting"), "counting");
    choice(c, "counting", "bed_days", {"nights", "days"});
    choice(c, "counting", "age_reference", {"entry", "period_start", "period_end", "entry_or_period_start"});
    integer(c, "counting", "contract_months", 1, 600);
    if (c.contains("exit_to_work")) choice(c, "counting", "exit_to_work", {"positive", "reason"});
    const json& p = object(member(j, "", "people"), "people");
    for (const char* k : {"present", "admitted", "exited", "present_at_start", "present_at_end"}) count(p, "people", k);
    const json& s = object(member(j, "", "stays"), "stays");
    for (const char* k : {"overlapping", "admissions", "exits"}) count(s, "stays", k);
    occupancy(object(member(j, "", "occupancy"), "occupancy"), "occupancy");
    for (const auto& b : model::k_breakdowns) breakdown(j, b);
    age(object(member(j, "", "age"), "age"), "age");
    stay_length(object(member(j, "", "stay_length"), "stay_length"), "stay_length");
    headcount(object(member(j, "", "origin"), "origin"), "origin", "same_region");
    exits(object(member(j, "", "exits"), "exits"), "exits");
    if (j.contains("returns")) returns(object(j.at("returns"), "returns"), "returns");  // since ctreport 0.2
    if (j.contains("progress")) progress(object(j.at("progress"), "progress"), "progress");
    if (j.contains("activities")) activities(object(j.at("activities"), "activities"), "activities");
    if (j.contains("followup")) followup(object(j.at("followup"), "followup"), "followup");
    const json& q = object(member(j, "", "quality"), "quality");
    optional_text(q, "quality", "source");
    count(q, "quality", "rows_read");
    count(q, "quality", "rows_used");
    if (q.contains("warning_count")) count(q, "quality", "warning_count");
    if (q.contains("warnings")) warnings(q.at("warnings"), "quality.warnings");
  }

 private:
  // A distribution or headcount marked `"available": false` (its field has no
  // column in the export) may have no lines and a null count.
  static bool unavailable(const json& obj) {
    auto it = obj.find("available");
    return it != obj.end() && it->is_boolean() && !it->get<bool>();
  }

  static std::string at(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

  [[noreturn]] void fail(const std::string& path, const std::string& what) const {
    std::string message = path.empty() ? fmt::format("{}: {}", m_source, what) : fmt::format("{}: {}: {}", m_source, path, what);
    throw DataError("figures_error", message, m_source);
  }

  const json& object(const json& j, const std::string& path) const {
    if (!j.is_object()) fail(path, fmt::format("expected an object, found {}", shown(j)));
    return j;
  }

  const json& member(const json& obj, const std::string& path, const std::string& key) const {
    auto it = obj.find(key);
    if (it == obj.end()) fail(at(path, key), "missing");
    return *it;
  }

  const std::string& text(const json& obj, const std::string& path, const std::string& key) const {
    const json& v = member(obj, path, key);
    if (!v.is_string()) fail(at(path, key), fmt::format("expected a text, found {}", shown(v)));
    return v.get_ref<const std::string&>();
  }

  void optional_text(const json& obj, const std::string& path, const std::string& key) const {
    if (obj.contains(key)) text(obj, path, key);
  }

  void texts(const json& obj, const std::string& path, const std::string& key) const {
    const json& a = member(obj, path, key);
    if (!a.is_array()) fail(at(path, key), fmt::format("expected a list of texts, found {}", shown(a)));
    for (size_t i = 0; i < a.size(); ++i)
      if (!a[i].is_string()) fail(fmt::format("{}[{}]", at(path, key), i), fmt::format("expected a text, found {}", shown(a[i])));
  }

  void choice(const json& obj, const std::string& path, const std::string& key, std::initializer_list<const char*> allowed) const {
    const std::string& s = text(obj, path, key);
    std::string list;
    for (const char* a : allowed) {
      if (s == a) return;
      list += (list.empty() ? "" : ", ") + std::string(a);
    }
    fail(at(path, key), fmt::format("{} is not allowed (expected one of: {})", util::quote_value(s), list));
  }

  // A whole number from `min` to `max` (null allowed when `nullable`).
  void integer(const json& obj, const std::string& path, const std::string& key, int64_t min, int64_t max,
               bool nullable = false) const {
    const json& v = member(obj, path, key);
    if (nullable && v.is_null()) return;
    std::string expected = fmt::format("a whole number from {} to {}", min, max);
    if (!v.is_number_integer()) fail(at(path, key), fmt::format("expected {}, found {}", expected, shown(v)));
    bool in_range = false;
    if (v.is_number_unsigned()) {
      uint64_t u = v.get<uint64_t>();
      in_range = max >= 0 && u <= static_cast<uint64_t>(max) && static_cast<int64_t>(u) >= min;
    } else {
      int64_t i = v.get<int64_t>();
      in_range = i >= min && i <= max;
    }
    if (!in_range) fail(at(path, key), fmt::format("{} is out of range (expected {})", shown(v), expected));
  }

  void count(const json& obj, const std::string& path, const std::string& key, bool nullable = false) const {
    const json& v = member(obj, path, key);
    if (nullable && v.is_null()) return;
    if (!v.is_number_integer() || (!v.is_number_unsigned() && v.get<int64_t>() < 0) ||
        (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(k_max_figures_count)))
      fail(at(path, key), fmt::format("{} is not a count (expected a whole number from 0 to 10^12)", shown(v)));
  }

  // A finite number from `min` to `max`, or null when `nullable`.
  void number(const json& obj, const std::string& path, const std::string& key, double min, double max, bool nullable) const {
    const json& v = member(obj, path, key);
    if (nullable && v.is_null()) return;
    if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() < min || v.get<double>() > max)
      fail(at(path, key), fmt::format("{} is not {} (expected a number from {} to {}{})", shown(v),
                                      max == 1 ? "a share" : "a valid value", min, max, nullable ? ", or null" : ""));
  }

  void share(const json& obj, const std::string& path, const std::string& key) const { number(obj, path, key, 0, 1, true); }

  util::Day date(const json& obj, const std::string& path, const std::string& key) const {
    const std::string& s = text(obj, path, key);
    util::Day d = 0;
    if (!parse_iso(s, true, &d)) fail(at(path, key), fmt::format("{} is not a date (expected YYYY-MM-DD)", util::quote_value(s)));
    return d;
  }

  void period(const json& j, const std::string& path) {
    object(j, path);
    text(j, path, "label");
    m_start = date(j, path, "start");
    m_end = date(j, path, "end");
    if (m_end < m_start) fail(at(path, "end"), fmt::format("{} is before the start", util::iso(m_end)));
    integer(j, path, "days", 1, 100000);
    if (j.at("days").get<int64_t>() != m_end - m_start + 1)
      fail(at(path, "days"), fmt::format("{} is not the number of days from {} to {} ({})", j.at("days").get<int64_t>(),
                                         util::iso(m_start), util::iso(m_end), m_end - m_start + 1));
  }

  void occupancy(const json& o, const std::string& path) const {
    number(o, path, "rate", 0, 1e6, true);  // above 1 when over capacity
    count(o, path, "bed_days");
    count(o, path, "capacity_days");
    number(o, path, "average_present", 0, 1e12, false);
    count(o, path, "peak_present", true);
    if (!member(o, path, "peak_date").is_null()) date(o, path, "peak_date");
    integer(o, path, "places_start", 0, 1000000, true);
    integer(o, path, "places_end", 0, 1000000, true);
    const json& monthly = member(o, path, "monthly");
    std::string mpath = at(path, "monthly");
    if (!monthly.is_array()) fail(mpath, fmt::format("expected a list of months, found {}", shown(monthly)));
    std::set<std::string> seen;
    for (size_t i = 0; i < monthly.size(); ++i) {
      std::string p = fmt::format("{}[{}]", mpath, i);
      const json& m = object(monthly[i], p);
      const std::string& month = text(m, p, "month");
      util::Day first = 0;
      if (!parse_iso(month, false, &first))
        fail(at(p, "month"), fmt::format("{} is not a month (expected YYYY-MM)", util::quote_value(month)));
      util::Ymd end = util::to_ymd(m_end), start = util::to_ymd(m_start);
      if (first > util::to_day(end.year, end.month, 1) || first < util::to_day(start.year, start.month, 1))
        fail(at(p, "month"), fmt::format("{} is outside the period ({} to {})", util::quote_value(month), util::iso(m_start),
                                         util::iso(m_end)));
      if (!seen.insert(month).second) fail(at(p, "month"), fmt::format("{} is given twice", util::quote_value(month)));
      number(m, p, "rate", 0, 1e6, true);
      count(m, p, "bed_days");
      count(m, p, "capacity_days");
      number(m, p, "average_present", 0, 1e12, false);
    }
  }

  // The data warnings a network's report lists: [{code, message, row, count,
  // column, severity, value, params {name: text}}].
  void warnings(const json& a, const std::string& path) const {
    if (!a.is_array()) fail(path, fmt::format("expected a list of warnings, found {}", shown(a)));
    for (size_t i = 0; i < a.size(); ++i) {
      std::string p = fmt::format("{}[{}]", path, i);
      const json& w = object(a[i], p);
      text(w, p, "code");
      text(w, p, "message");
      count(w, p, "row", true);
      count(w, p, "count");
      optional_text(w, p, "column");
      optional_text(w, p, "value");
      if (w.contains("severity")) choice(w, p, "severity", {"warning", "error", "notice"});
      if (auto params = w.find("params"); params != w.end()) {
        const json& o = object(*params, at(p, "params"));
        for (const auto& [name, value] : o.items())
          if (!value.is_string()) fail(at(at(p, "params"), name), fmt::format("expected a text, found {}", shown(value)));
      }
    }
  }

  // A distribution's lines: [{key, label, count, share}], each key once.
  void lines(const json& obj, const std::string& path, const std::string& key) const {
    if (unavailable(obj)) return missing_fields(obj, path);  // {population, available: false, missing: [...]}
    const json& a = member(obj, path, key);
    std::string lpath = at(path, key);
    if (a.is_object() && unavailable(a)) return missing_fields(a, lpath);  // in place of a list of lines
    if (!a.is_array()) fail(lpath, fmt::format("expected a list of lines, found {}", shown(a)));
    std::set<std::string> keys;
    for (size_t i = 0; i < a.size(); ++i) {
      std::string p = fmt::format("{}[{}]", lpath, i);
      const json& l = object(a[i], p);
      const std::string& k = text(l, p, "key");
      if (k.empty()) fail(at(p, "key"), "empty");
      if (!keys.insert(k).second) fail(at(p, "key"), fmt::format("{} is given twice", util::quote_value(k)));
      text(l, p, "label");
      count(l, p, "count");
      share(l, p, "share");
      for (const char* flag : {"excluded_from_share", "unknown_answer"})
        if (auto f = l.find(flag); f != l.end() && !f->is_boolean())
          fail(at(p, flag), fmt::format("expected true or false, found {}", shown(*f)));
    }
  }

  // A breakdown not available: the config names of the fields the export had no column for.
  void missing_fields(const json& obj, const std::string& path) const {
    auto it = obj.find("missing");
    if (it == obj.end()) return;
    if (!it->is_array()) fail(at(path, "missing"), fmt::format("expected a list of field names, found {}", shown(*it)));
    for (size_t i = 0; i < it->size(); ++i)
      if (!(*it)[i].is_string()) fail(fmt::format("{}[{}]", at(path, "missing"), i), "expected a field name");
  }

  void headcount(const json& obj, const std::string& path, const std::string& key) const {
    std::string p = at(path, key);
    const json& h = object(member(obj, path, key), p);
    if (unavailable(h) && !h.contains("count")) return;  // {"available": false}: no count, no share
    count(h, p, "count");
    share(h, p, "share");
  }

  // A declared breakdown's lines, at their place (model/breakdowns.hpp); one
  // added since ctreport/figures/v1 may be absent from an older file.
  void breakdown(const json& j, const model::Breakdown& b) const {
    auto [parent, leaf] = model::parent_and_leaf(b.json_path);
    const json* obj = &j;
    std::string path;
    for (size_t from = 0; !parent.empty() && from <= parent.size();) {
      size_t dot = std::min(parent.find('.', from), parent.size());
      std::string name(parent.substr(from, dot - from));
      if (!b.in_every_figures_file && !obj->contains(name)) return;
      obj = &object(member(*obj, path, name), at(path, name));
      path = at(path, name);
      from = dot + 1;
    }
    if (!b.in_every_figures_file && !obj->contains(std::string(leaf))) return;
    lines(*obj, path, std::string(leaf));
  }

  // The figures of the age besides its lines.
  void age(const json& a, const std::string& path) const {
    if (unavailable(a)) return;
    number(a, path, "mean", 0, 150, true);
    number(a, path, "median", 0, 150, true);
    integer(a, path, "min", 0, 150, true);
    integer(a, path, "max", 0, 150, true);
    count(a, path, "unknown");
  }

  void stay_length(const json& s, const std::string& path) const {
    count(s, path, "count");
    number(s, path, "mean_days", 0, 1e7, true);
    number(s, path, "median_days", 0, 1e7, true);
    for (const char* k : {"at_most_3_months", "over_6_months", "reached_term"}) headcount(s, path, k);
    if (auto st = s.find("stayers"); st != s.end()) {  // since ctreport 0.2
      const std::string at = path + ".stayers";
      object(*st, at);
      count(*st, at, "count");
      number(*st, at, "mean_days", 0, 1e7, true);
      number(*st, at, "median_days", 0, 1e7, true);
    }
  }

  void returns(const json& r, const std::string& path) const {
    integer(r, path, "window_months", 0, 120);
    if (unavailable(r)) {
      choice(r, path, "reason", {"off", "no_person_id", "export_starts_later", "not_in_file"});
      return;
    }
    count(r, path, "exited_before");
    count(r, path, "admissions");
    for (const char* k : {"readmitted", "within_6_months", "within_12_months"}) headcount(r, path, k);
  }

  void exits(const json& x, const std::string& path) const {
    count(x, path, "total");
    for (const char* k : {"housing_solution", "employment", "training"}) headcount(x, path, k);
    if (x.contains("positive_by_exit_to_work")) count(x, path, "positive_by_exit_to_work");
  }

  // The activity log's figures (docs/figures.md, "The activity log").
  void activities(const json& a, const std::string& path) const {
    if (unavailable(a)) return;
    for (const char* k : {"sessions", "individual", "collective", "participants", "collective_participants", "people_present",
                          "rows_used", "unknown_person_rows"})
      count(a, path, k);
    boolean(a, path, "hours_available");
    boolean(a, path, "professionals_available");
    number(a, path, "hours", 0, 1e12, true);
    number(a, path, "mean_participants", 0, 1e12, true);
    number(a, path, "average_present", 0, 1e12, false);
    number(a, path, "sessions_per_resident_month", 0, 1e12, true);
    integer(a, path, "months", 1, 24);
    const json& reached = object(member(a, path, "people_reached"), at(path, "people_reached"));
    if (!unavailable(reached)) {
      count(reached, at(path, "people_reached"), "count");
      share(reached, at(path, "people_reached"), "share");
    }
    activity_lines(a, path, "types", true);
    activity_lines(a, path, "professionals", false);
    const json& monthly = member(a, path, "monthly");
    std::string mpath = at(path, "monthly");
    if (!monthly.is_array()) fail(mpath, fmt::format("expected a list of months, found {}", shown(monthly)));
    std::set<std::string> seen;
    for (size_t i = 0; i < monthly.size(); ++i) {
      std::string p = fmt::format("{}[{}]", mpath, i);
      const std::string& month = text(object(monthly[i], p), p, "month");
      util::Day first = 0;
      if (!parse_iso(month, false, &first) || first < m_start - 31 || first > m_end)
        fail(at(p, "month"), fmt::format("{} is not a month of the period (expected YYYY-MM)", util::quote_value(month)));
      if (!seen.insert(month).second) fail(at(p, "month"), fmt::format("{} is given twice", util::quote_value(month)));
      count(monthly[i], p, "sessions");
    }
  }

  // The follow-up after exit (docs/figures.md, "The follow-up after exit").
  void followup(const json& f, const std::string& path) const {
    integer(f, path, "window_days", 0, 365);
    for (const char* k : {"first_contact", "last_contact"}) {
      const std::string& d = text(f, path, k);
      if (!d.empty() && !parse_iso(d, true)) fail(at(path, k), fmt::format("{} is not a date (expected YYYY-MM-DD)", util::quote_value(d)));
    }
    for (const char* k : {"rows_used", "unknown_person_rows", "before_exit_rows"}) count(f, path, k);
    const json& list = member(f, path, "horizons");
    std::string hpath = at(path, "horizons");
    if (!list.is_array() || list.size() > 12) fail(hpath, fmt::format("expected a list of at most 12 horizons, found {}", shown(list)));
    int64_t previous = 0;
    for (size_t i = 0; i < list.size(); ++i) {
      std::string p = fmt::format("{}[{}]", hpath, i);
      const json& h = object(list[i], p);
      integer(h, p, "months", previous + 1, 120);
      previous = h.at("months").get<int64_t>();
      boolean(h, p, "available");
      if (unavailable(h)) {
        choice(h, p, "reason", {"no_stay_identifiers", "export_starts_later", "not_covered"});
        continue;
      }
      for (const char* k : {"cohort", "excluded", "contacted"}) count(h, p, k);
      const json& reached = object(member(h, p, "reached"), at(p, "reached"));
      count(reached, at(p, "reached"), "count");
      share(reached, at(p, "reached"), "share");
      if (h.at("contacted").get<uint64_t>() > h.at("cohort").get<uint64_t>()) fail(at(p, "contacted"), "more than the cohort");
      if (reached.at("count").get<uint64_t>() > h.at("contacted").get<uint64_t>()) fail(at(p, "reached.count"), "more than contacted");
      const json& situations = object(member(h, p, "situations"), at(p, "situations"));
      for (const char* k : {"housing", "activity", "consumption", "care"}) {
        std::string sp = at(at(p, "situations"), k);
        const json& d = object(member(situations, at(p, "situations"), k), sp);
        lines(d, sp, "lines");
        if (!unavailable(d)) count(d, sp, "total");
      }
    }
  }

  // [{key, label, sessions, hours (, collective, participants)}], each key once.
  void activity_lines(const json& a, const std::string& path, const std::string& key, bool types) const {
    const json& list = member(a, path, key);
    std::string lpath = at(path, key);
    if (!list.is_array()) fail(lpath, fmt::format("expected a list of lines, found {}", shown(list)));
    std::set<std::string> keys;
    for (size_t i = 0; i < list.size(); ++i) {
      std::string p = fmt::format("{}[{}]", lpath, i);
      const json& l = object(list[i], p);
      const std::string& k = text(l, p, "key");
      if (k.empty()) fail(at(p, "key"), "empty");
      if (!keys.insert(k).second) fail(at(p, "key"), fmt::format("{} is given twice", util::quote_value(k)));
      text(l, p, "label");
      count(l, p, "sessions");
      number(l, p, "hours", 0, 1e12, true);
      if (!types) continue;
      count(l, p, "participants");
      boolean(l, p, "collective");
    }
  }

  void boolean(const json& obj, const std::string& path, const std::string& key) const {
    const json& v = member(obj, path, key);
    if (!v.is_boolean()) fail(at(path, key), fmt::format("expected true or false, found {}", shown(v)));
  }

  // The entry → exit cross-tables (absent from files written before them).
  void progress(const json& p, const std::string& path) const {
    for (const char* k : {"housing", "activity"})
      if (p.contains(k)) cross_table(object(p.at(k), at(path, k)), at(path, k));
  }

  // {rows, columns: [{key, label}], counts: rows × columns counts, without_at_entry, with_at_exit, share}.
  void cross_table(const json& t, const std::string& path) const {
    if (unavailable(t)) return missing_fields(t, path);
    size_t rows = cross_keys(t, path, "rows"), columns = cross_keys(t, path, "columns");
    const json& counts = member(t, path, "counts");
    std::string cpath = at(path, "counts");
    if (!counts.is_array() || counts.size() != rows)
      fail(cpath, fmt::format("expected {} rows of counts, found {}", rows, shown(counts)));
    for (size_t r = 0; r < rows; ++r) {
      std::string rpath = fmt::format("{}[{}]", cpath, r);
      if (!counts[r].is_array() || counts[r].size() != columns)
        fail(rpath, fmt::format("expected {} counts, found {}", columns, shown(counts[r])));
      for (size_t c = 0; c < columns; ++c) {
        const json& v = counts[r][c];
        if (!v.is_number_integer() || (!v.is_number_unsigned() && v.get<int64_t>() < 0) ||
            (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(k_max_figures_count)))
          fail(fmt::format("{}[{}]", rpath, c), fmt::format("{} is not a count (expected a whole number from 0 to 10^12)", shown(v)));
      }
    }
    count(t, path, "without_at_entry");
    count(t, path, "with_at_exit");
    if (t.at("with_at_exit").get<uint64_t>() > t.at("without_at_entry").get<uint64_t>())
      fail(at(path, "with_at_exit"), "more than without_at_entry");
    share(t, path, "share");
  }

  // A list of {key, label}, each key once; its length.
  size_t cross_keys(const json& t, const std::string& path, const std::string& key) const {
    const json& a = member(t, path, key);
    std::string kpath = at(path, key);
    if (!a.is_array()) fail(kpath, fmt::format("expected a list of categories, found {}", shown(a)));
    std::set<std::string> keys;
    for (size_t i = 0; i < a.size(); ++i) {
      std::string p = fmt::format("{}[{}]", kpath, i);
      const json& k = object(a[i], p);
      const std::string& name = text(k, p, "key");
      if (name.empty()) fail(at(p, "key"), "empty");
      if (!keys.insert(name).second) fail(at(p, "key"), fmt::format("{} is given twice", util::quote_value(name)));
      text(k, p, "label");
    }
    return a.size();
  }

  const std::string& m_source;
  util::Day m_start = 0, m_end = 0;
};

}  // namespace

nlohmann::json::parser_callback_t figures_json_depth_guard(const std::string& source) {
  return [source](int depth, nlohmann::json::parse_event_t event, nlohmann::json&) {
    if ((event == nlohmann::json::parse_event_t::object_start || event == nlohmann::json::parse_event_t::array_start) &&
        depth > k_max_figures_nesting)
      throw DataError("figures_error",
                      fmt::format("{}: nested more than {} levels deep: not a figures file", source, k_max_figures_nesting),
                      source);
    return true;
  };
}

void validate_figures_json(const nlohmann::json& j, const std::string& source) { Validator(source).figures(j); }

}  // namespace ctreport::render
