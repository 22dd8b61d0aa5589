// Loading and validating ctreport.yaml with yaml-cpp: every key is checked,
// unknown keys and wrong types are errors naming the file, line and key.
#include "model/config.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "model/config_text.hpp"
#include "model/finess.hpp"
#include "model/geography.hpp"
#include "model/stay.hpp"
#include "util/embedded_files.hpp"
#include "util/errors.hpp"
#include "util/text.hpp"

namespace ctreport::model {

namespace {

class Loader {
 public:
  explicit Loader(std::string source) : m_source(std::move(source)) {}

  [[noreturn]] void fail(const YAML::Node& node, const std::string& key, const std::string& what) const {
    int line = node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
    std::string message = key.empty() ? what : key + ": " + what;
    if (line > 0) throw DataError("config_error", fmt::format("{}:{}: {}", m_source, line, message), m_source, line);
    throw DataError("config_error", fmt::format("{}: {}", m_source, message), m_source);
  }

  // A mapping's key as text; a YAML complex key (`? [a, b] : 1`) is an error.
  std::string key_of(const YAML::Node& key, const std::string& path) const {
    if (!key.IsScalar()) fail(key, path, "a key must be a text, not a list or a mapping");
    return key.as<std::string>();
  }

  // A key given twice in one mapping is an error (yaml-cpp would keep one silently).
  void check_unique_keys(const YAML::Node& map, const std::string& path) const {
    std::map<std::string, int> seen;  // key -> line
    for (const auto& kv : map) {
      std::string k = key_of(kv.first, path);
      int line = kv.first.Mark().line + 1;
      auto [it, inserted] = seen.emplace(k, line);
      if (!inserted)
        fail(kv.first, path.empty() ? k : path + "." + k,
             it->second > 0 ? fmt::format("given twice (first on line {}); keep one", it->second) : "given twice; keep one");
    }
  }

  // Errors of the model's own checks start with the key ("capacity: ..."):
  // shown once, after the position.
  [[noreturn]] void fail_nested(const YAML::Node& node, const std::string& key, const DataError& e) const {
    std::string what = e.what();
    if (what.rfind(key + ": ", 0) == 0) what = what.substr(key.size() + 2);
    fail(node, key, what);
  }

  void check_keys(const YAML::Node& map, const std::string& path, std::initializer_list<std::string_view> allowed) const {
    if (!map.IsMap()) fail(map, path, "expected a mapping (key: value lines)");
    check_unique_keys(map, path);
    for (const auto& kv : map) {
      std::string k = key_of(kv.first, path);
      bool ok = false;
      for (auto a : allowed) ok |= (a == k);
      if (!ok) {
        std::string list;
        for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        fail(kv.first, path.empty() ? k : path + "." + k, fmt::format("unknown key (expected one of: {})", list));
      }
    }
  }

  std::string str(const YAML::Node& n, const std::string& key) const {
    if (!n.IsScalar()) fail(n, key, "expected a text value");
    return n.as<std::string>();
  }

  int integer(const YAML::Node& n, const std::string& key, int min, int max) const {
    if (!n.IsScalar()) fail(n, key, "expected a whole number");
    std::string s = n.as<std::string>();
    int v = 0;
    try {
      size_t pos = 0;
      v = std::stoi(s, &pos);
      if (pos != s.size()) throw std::invalid_argument(s);
    } catch (const std::exception&) {
      fail(n, key, fmt::format("'{}' is not a whole number", s));
    }
    if (v < min || v > max) fail(n, key, fmt::format("{} is out of range (expected {} to {})", v, min, max));
    return v;
  }

  double fraction(const YAML::Node& n, const std::string& key) const {
    if (!n.IsScalar()) fail(n, key, "expected a number from 0 to 1");
    std::string s = n.as<std::string>();
    double v = 0;
    try {
      size_t pos = 0;
      v = std::stod(s, &pos);
      if (pos != s.size()) throw std::invalid_argument(s);
    } catch (const std::exception&) {
      fail(n, key, fmt::format("'{}' is not a number", s));
    }
    if (v < 0 || v > 1) fail(n, key, fmt::format("{} is out of range (expected 0 to 1, e.g. 0.2 for 20 %)", s));
    return v;
  }

  bool boolean(const YAML::Node& n, const std::string& key) const {
    if (!n.IsScalar()) fail(n, key, "expected true or false");
    std::string s = n.as<std::string>();
    if (s == "true" || s == "yes" || s == "oui") return true;
    if (s == "false" || s == "no" || s == "non") return false;
    fail(n, key, fmt::format("'{}' is not true or false", s));
  }

  util::Day date(const YAML::Node& n, const std::string& key) const {
    std::string s = str(n, key);
    auto p = util::parse_date(s, 2100);
    if (p.status != util::DateParse::ok) fail(n, key, fmt::format("'{}' is not a date (expected YYYY-MM-DD)", s));
    return p.day;
  }

  template <typename E>
  E choice(const YAML::Node& n, const std::string& key, std::initializer_list<std::pair<std::string_view, E>> options) const {
    std::string s = str(n, key);
    std::string list;
    for (const auto& [name, value] : options) {
      if (s == name) return value;
      list += (list.empty() ? "" : ", ") + std::string(name);
    }
    fail(n, key, fmt::format("'{}' is not allowed (expected one of: {})", s, list));
  }

  std::vector<std::string> strings(const YAML::Node& n, const std::string& key) const {
    std::vector<std::string> out;
    if (n.IsScalar()) {
      out.push_back(n.as<std::string>());
    } else if (n.IsSequence()) {
      for (size_t i = 0; i < n.size(); ++i) out.push_back(str(n[i], fmt::format("{}[{}]", key, i)));
    } else if (!n.IsNull()) {
      fail(n, key, "expected a text or a list of texts");
    }
    return out;
  }

  void apply(Config& c, const YAML::Node& root) const {
    if (root.IsNull()) return;
    check_keys(root, "", {"establishment", "lang", "period", "capacity", "counting", "columns", "sheet", "check", "templates", "sites",
                          "age_brackets", "stay_length_brackets", "categories", "activities", "activity_types",
                          "professional_categories", "followup", "followup_consumption", "followup_care",
                          "followup_housing", "followup_activity"});
    if (auto e = root["establishment"]) {
      check_keys(e, "establishment",
                 {"name", "departement", "organisation", "address", "finess", "phone", "logo", "signatory"});
      if (e["name"]) c.establishment_name = str(e["name"], "establishment.name");
      apply_identity(c.identity, e);
      if (e["departement"]) {
        std::string raw(util::trim(str(e["departement"], "establishment.departement")));
        const auto& geo = Geography::builtin();
        auto code = raw.empty() ? std::optional<std::string>("") : geo.normalize_code(raw);
        if (!code)
          fail(e["departement"], "establishment.departement",
               fmt::format("'{}' is not a French département code (e.g. 42, 2A, 974)", raw));
        if (!code->empty() && geo.find(*code)->is_collectivity())
          fail(e["departement"], "establishment.departement",
               fmt::format("'{}' is an overseas collectivity ({}), not a département", raw, geo.find(*code)->name));
        c.departement = *code;
      }
    }
    if (auto n = root["lang"]) c.lang = choice<std::string>(n, "lang", {{"fr", "fr"}, {"en", "en"}});
    if (auto p = root["period"]) {
      check_keys(p, "period", {"start_month"});
      if (p["start_month"]) c.start_month = static_cast<unsigned>(integer(p["start_month"], "period.start_month", 1, 12));
    }
    if (auto cap = root["capacity"]) apply_capacity(c, cap);
    if (auto k = root["counting"]) {
      check_keys(k, "counting", {"bed_days", "age_reference", "contract_months", "returns_window_months", "exit_to_work"});
      if (k["bed_days"])
        c.bed_days = choice<BedDayRule>(k["bed_days"], "counting.bed_days", {{"nights", BedDayRule::nights}, {"days", BedDayRule::days}});
      if (k["age_reference"])
        c.age_reference = choice<AgeReference>(k["age_reference"], "counting.age_reference",
                                               {{"entry", AgeReference::entry},
                                                {"period_start", AgeReference::period_start},
                                                {"period_end", AgeReference::period_end},
                                                {"entry_or_period_start", AgeReference::entry_or_period_start}});
      if (k["exit_to_work"])
        c.exit_to_work = choice<ExitToWorkRule>(k["exit_to_work"], "counting.exit_to_work",
                                                {{"positive", ExitToWorkRule::positive}, {"reason", ExitToWorkRule::reason}});
      if (k["contract_months"]) c.contract_months = integer(k["contract_months"], "counting.contract_months", 1, 600);
      if (k["returns_window_months"])
        c.returns_window_months = integer(k["returns_window_months"], "counting.returns_window_months", 0, 120);
    }
    if (auto cols = root["columns"]) {
      if (!cols.IsNull()) {
        if (!cols.IsMap()) fail(cols, "columns", "expected a mapping of field: header");
        check_unique_keys(cols, "columns");
        for (const auto& kv : cols) {
          std::string k = key_of(kv.first, "columns");
          auto f = field_by_name(k);
          if (!f) {
            std::string list;
            for (const auto& fi : all_fields()) list += (list.empty() ? "" : ", ") + std::string(fi.name);
            fail(kv.first, "columns." + k, fmt::format("unknown field (expected one of: {})", list));
          }
          c.columns[*f] = strings(kv.second, "columns." + k);
        }
      }
    }
    if (auto s = root["sheet"]) c.sheet = s.IsNull() ? "" : str(s, "sheet");
    if (auto sites = root["sites"]) {
      if (!sites.IsMap()) fail(sites, "sites", "expected a mapping of site name: {capacity: ...}");
      check_unique_keys(sites, "sites");
      for (const auto& kv : sites) {
        std::string name = key_of(kv.first, "sites");
        std::string key = "sites." + name;
        check_keys(kv.second, key, {"capacity"});
        Config tmp;
        if (kv.second["capacity"]) apply_capacity(tmp, kv.second["capacity"]);
        c.site_capacity[util::normalize_key(name)] = tmp.capacity;
        c.site_labels[util::normalize_key(name)] = name;
      }
    }
    if (auto t = root["templates"]) {
      check_keys(t, "templates", {"report", "index", "latex", "office", "docx", "odt"});
      if (t["office"]) c.office_template = str(t["office"], "templates.office");
      if (t["docx"]) c.docx_reference = reference_document(t["docx"], "templates.docx", ".docx");
      if (t["odt"]) c.odt_reference = reference_document(t["odt"], "templates.odt", ".odt");
      if (t["latex"]) c.latex_template = str(t["latex"], "templates.latex");
      if (t["report"]) c.report_template = str(t["report"], "templates.report");
      if (t["index"]) c.index_template = str(t["index"], "templates.index");
    }
    if (auto k = root["check"]) {
      check_keys(k, "check", {"min_age", "max_age", "long_stay_tolerance_months", "forgotten_exit_months", "max_unknown_share"});
      if (k["min_age"]) c.check.min_age = integer(k["min_age"], "check.min_age", 0, 150);
      if (k["max_age"]) c.check.max_age = integer(k["max_age"], "check.max_age", 0, 150);
      if (k["long_stay_tolerance_months"])
        c.check.long_stay_tolerance_months = integer(k["long_stay_tolerance_months"], "check.long_stay_tolerance_months", 0, 600);
      if (k["forgotten_exit_months"])
        c.check.forgotten_exit_months = integer(k["forgotten_exit_months"], "check.forgotten_exit_months", 1, 600);
      if (k["max_unknown_share"]) c.check.max_unknown_share = fraction(k["max_unknown_share"], "check.max_unknown_share");
    }
    if (auto b = root["age_brackets"]) c.age_brackets = age_brackets(b);
    if (auto b = root["stay_length_brackets"]) c.stay_length_brackets = stay_brackets(b);
    apply_activities(c, root);
    apply_followup(c, root);
    if (auto cats = root["categories"]) {
      if (!cats.IsMap()) fail(cats, "categories", "expected a mapping of field: list of categories");
      check_unique_keys(cats, "categories");
      for (const auto& kv : cats) {
        std::string k = key_of(kv.first, "categories");
        auto f = category_field_by_name(k);
        if (!f) {
          std::string list;
          for (size_t cf = 0; cf < k_category_field_count; ++cf)
            list += (list.empty() ? "" : ", ") + std::string(category_field_name(static_cast<CategoryField>(cf)));
          fail(kv.first, "categories." + k, fmt::format("unknown field (expected one of: {})", list));
        }
        auto& set = c.categories[static_cast<size_t>(*f)];
        apply_category_list(set, kv.second, "categories." + k, k,
                            [&](const YAML::Node& n, const std::string& path) { return categories(n, path, *f); });
        if (set.categories().size() > k_max_stay_categories)
          fail(kv.second, "categories." + k,
               fmt::format("{} categories: a field of the stays has at most {}", set.categories().size(),
                           k_max_stay_categories));
      }
    }
  }

  // A category list in either form: a list replacing the defaults, or
  // {add_values: {key: [values]}, add: [categories]} extending them.
  template <typename ReadList>
  void apply_category_list(CategorySet& set, const YAML::Node& n, const std::string& path, const std::string& field,
                           ReadList read_list) const {
    std::vector<Category> list;
    if (n.IsSequence()) {
      list = read_list(n, path);
    } else if (n.IsMap()) {
      check_keys(n, path, {"add_values", "add"});
      list = set.categories();
      if (auto av = n["add_values"]) {
        if (!av.IsMap()) fail(av, path + ".add_values", "expected a mapping of key: [values]");
        for (const auto& e : av) {
          std::string ck = key_of(e.first, path + ".add_values");
          auto it = std::find_if(list.begin(), list.end(), [&](const Category& x) { return x.key == ck; });
          if (it == list.end()) fail(e.first, path + ".add_values." + ck, "no category has this key");
          for (auto& v : strings(e.second, path + ".add_values." + ck)) it->values.push_back(v);
        }
      }
      if (auto add = n["add"])
        for (auto& cat : read_list(add, path + ".add")) list.push_back(std::move(cat));
    } else {
      fail(n, path, "expected a list of categories");
    }
    try {
      set = CategorySet(std::move(list), field);
    } catch (const DataError& e) {
      fail_nested(n, path, e);
    }
  }

  // activities: {sheet, columns}, activity_types and professional_categories.
  void apply_activities(Config& c, const YAML::Node& root) const {
    ActivitySettings& a = c.activities;
    if (auto n = root["activities"]; n && !n.IsNull()) {
      check_keys(n, "activities", {"sheet", "columns"});
      if (n["sheet"]) a.sheet = n["sheet"].IsNull() ? "" : str(n["sheet"], "activities.sheet");
      if (auto cols = n["columns"]; cols && !cols.IsNull()) {
        if (!cols.IsMap()) fail(cols, "activities.columns", "expected a mapping of field: header");
        check_unique_keys(cols, "activities.columns");
        for (const auto& kv : cols) {
          std::string k = key_of(kv.first, "activities.columns");
          auto f = activity_field_by_name(k);
          if (!f) {
            std::string list;
            for (const auto& fi : all_activity_fields()) list += (list.empty() ? "" : ", ") + std::string(fi.name);
            fail(kv.first, "activities.columns." + k, fmt::format("unknown field (expected one of: {})", list));
          }
          a.columns[*f] = strings(kv.second, "activities.columns." + k);
        }
      }
    }
    auto list = [&](const char* key, CategorySet& set, bool with_collective) {
      if (auto n = root[key])
        apply_category_list(set, n, key, key, [&](const YAML::Node& l, const std::string& path) {
          return activity_categories(l, path, with_collective);
        });
    };
    list("activity_types", a.types, true);
    list("professional_categories", a.professionals, false);
  }

  // followup: {sheet, columns, horizons, window_days}, followup_consumption,
  // followup_care, and followup_housing / followup_activity when given.
  void apply_followup(Config& c, const YAML::Node& root) const {
    FollowupSettings& fu = c.followup;
    if (auto n = root["followup"]; n && !n.IsNull()) {
      check_keys(n, "followup", {"sheet", "columns", "horizons", "window_days"});
      if (n["sheet"]) fu.sheet = n["sheet"].IsNull() ? "" : str(n["sheet"], "followup.sheet");
      if (n["window_days"]) fu.window_days = integer(n["window_days"], "followup.window_days", 0, 365);
      if (auto h = n["horizons"]) followup_horizons(fu, h);
      if (auto cols = n["columns"]; cols && !cols.IsNull()) {
        if (!cols.IsMap()) fail(cols, "followup.columns", "expected a mapping of field: header");
        check_unique_keys(cols, "followup.columns");
        for (const auto& kv : cols) {
          std::string k = key_of(kv.first, "followup.columns");
          auto f = followup_field_by_name(k);
          if (!f) {
            std::string list;
            for (const auto& fi : all_followup_fields()) list += (list.empty() ? "" : ", ") + std::string(fi.name);
            fail(kv.first, "followup.columns." + k, fmt::format("unknown field (expected one of: {})", list));
          }
          fu.columns[*f] = strings(kv.second, "followup.columns." + k);
        }
      }
    }
    auto list = [&](const char* key, CategorySet& set) {
      apply_category_list(set, root[key], key, key, [&](const YAML::Node& l, const std::string& path) {
        return activity_categories(l, path, false);
      });
    };
    if (root["followup_consumption"]) list("followup_consumption", fu.consumption);
    if (root["followup_care"]) list("followup_care", fu.care);
    // Housing and activity: the stays' categories at exit unless the config gives the follow-up its own.
    if (root["followup_housing"]) {
      CategorySet set = c.followup_housing();
      list("followup_housing", set);
      fu.housing = std::move(set);
    }
    if (root["followup_activity"]) {
      CategorySet set = c.followup_activity();
      list("followup_activity", set);
      fu.activity = std::move(set);
    }
  }

  // Months after the exit, 1 to 120, ascending, at most 12 of them.
  void followup_horizons(FollowupSettings& fu, const YAML::Node& h) const {
    if (!h.IsSequence() || h.size() == 0 || h.size() > 12)
      fail(h, "followup.horizons", "expected a list of 1 to 12 numbers of months, e.g. [3, 6, 12]");
    fu.horizons.clear();
    for (size_t i = 0; i < h.size(); ++i) {
      int m = integer(h[i], fmt::format("followup.horizons[{}]", i), 1, 120);
      if (!fu.horizons.empty() && m <= fu.horizons.back())
        fail(h[i], fmt::format("followup.horizons[{}]", i), "the horizons must be in ascending order, each once");
      fu.horizons.push_back(m);
    }
  }

  std::vector<Category> activity_categories(const YAML::Node& n, const std::string& path, bool with_collective) const {
    if (!n.IsSequence()) fail(n, path, "expected a list of categories");
    std::vector<Category> out;
    for (size_t i = 0; i < n.size(); ++i) {
      std::string key = fmt::format("{}[{}]", path, i);
      const auto& b = n[i];
      if (with_collective) check_keys(b, key, {"key", "label", "label_en", "values", "collective"});
      else check_keys(b, key, {"key", "label", "label_en", "values"});
      Category c;
      label_fields(b, key, c.key, c.label, c.label_en);
      if (c.key == "unknown" || c.key == "other")
        fail(b, key + ".key", fmt::format("'{}' is reserved for missing and unmapped values", c.key));
      if (b["values"]) c.values = strings(b["values"], key + ".values");
      if (b["collective"]) c.collective = boolean(b["collective"], key + ".collective");
      out.push_back(std::move(c));
    }
    return out;
  }

  // organisation, address, finess, phone, logo, signatory: texts, the FINESS
  // number and the logo's file type checked (docs/templates.md, "Establishment").
  void apply_identity(EstablishmentIdentity& id, const YAML::Node& e) const {
    auto text = [&](const char* key, std::string& field) {
      if (e[key]) field = e[key].IsNull() ? "" : std::string(util::trim(str(e[key], std::string("establishment.") + key)));
    };
    text("organisation", id.organisation);
    text("address", id.address);
    text("phone", id.phone);
    text("signatory", id.signatory);
    text("finess", id.finess);
    if (!id.finess.empty()) {
      auto finess = normalize_finess(id.finess);
      if (!finess) fail(e["finess"], "establishment.finess", finess_error(id.finess));
      id.finess = *finess;
    }
    text("logo", id.logo);
    if (!id.logo.empty()) {
      std::string ext = util::normalize_key(std::filesystem::path(id.logo).extension().string());
      if (ext != "png" && ext != "jpg" && ext != "jpeg")
        fail(e["logo"], "establishment.logo", fmt::format("'{}' is not a PNG or JPEG image (expected a .png, .jpg or .jpeg file)", id.logo));
      id.logo_line = e["logo"].Mark().line + 1;
    }
  }

  // templates.docx / templates.odt: a file name with the format's extension.
  std::string reference_document(const YAML::Node& n, const std::string& key, const std::string& extension) const {
    std::string path = str(n, key);
    std::string ext = std::filesystem::path(path).extension().string();
    if (util::normalize_key(ext) != util::normalize_key(extension))
      fail(n, key, fmt::format("'{}' is not a {} document (expected a {} file, the team's letterhead document)", path,
                               extension.substr(1), extension));
    return path;
  }

  void apply_capacity(Config& c, const YAML::Node& cap) const {
    if (cap.IsScalar()) {
      c.capacity = Capacity(integer(cap, "capacity", 0, 1000000));
      return;
    }
    if (!cap.IsSequence()) fail(cap, "capacity", "expected a number of places or a list of {from, to, places}");
    std::vector<CapacityPeriod> periods;
    for (size_t i = 0; i < cap.size(); ++i) {
      std::string key = fmt::format("capacity[{}]", i);
      const auto& p = cap[i];
      check_keys(p, key, {"from", "to", "places"});
      if (!p["from"]) fail(p, key, "missing `from` (first day, YYYY-MM-DD)");
      if (!p["places"]) fail(p, key, "missing `places`");
      CapacityPeriod cp;
      cp.from = date(p["from"], key + ".from");
      if (p["to"] && !p["to"].IsNull()) cp.to = date(p["to"], key + ".to");
      cp.places = integer(p["places"], key + ".places", 0, 1000000);
      periods.push_back(cp);
    }
    try {
      c.capacity = Capacity(std::move(periods));
    } catch (const DataError& e) {
      fail_nested(cap, "capacity", e);
    }
  }

  std::vector<AgeBracket> age_brackets(const YAML::Node& n) const {
    if (!n.IsSequence() || n.size() == 0) fail(n, "age_brackets", "expected a non-empty list of {key, label, min, max}");
    std::vector<AgeBracket> out;
    for (size_t i = 0; i < n.size(); ++i) {
      std::string key = fmt::format("age_brackets[{}]", i);
      const auto& b = n[i];
      check_keys(b, key, {"key", "label", "label_en", "min", "max"});
      AgeBracket a;
      label_fields(b, key, a.key, a.label, a.label_en);
      a.min = b["min"] ? integer(b["min"], key + ".min", 0, 150) : (out.empty() ? 0 : (out.back().max ? *out.back().max + 1 : 0));
      if (b["max"] && !b["max"].IsNull()) a.max = integer(b["max"], key + ".max", a.min, 150);
      if (!out.empty() && (!out.back().max || *out.back().max >= a.min))
        fail(b, key, "brackets must be in increasing order without overlap (each min above the previous max)");
      out.push_back(a);
    }
    return out;
  }

  std::vector<StayLengthBracket> stay_brackets(const YAML::Node& n) const {
    if (!n.IsSequence() || n.size() == 0)
      fail(n, "stay_length_brackets", "expected a non-empty list of {key, label, max_months | max_days}");
    std::vector<StayLengthBracket> out;
    for (size_t i = 0; i < n.size(); ++i) {
      std::string key = fmt::format("stay_length_brackets[{}]", i);
      const auto& b = n[i];
      check_keys(b, key, {"key", "label", "label_en", "max_months", "max_days"});
      StayLengthBracket s;
      label_fields(b, key, s.key, s.label, s.label_en);
      if (b["max_months"]) s.max_months = integer(b["max_months"], key + ".max_months", 0, 1200);
      if (b["max_days"]) s.max_days = integer(b["max_days"], key + ".max_days", 0, 100000);
      if (s.max_months && s.max_days) fail(b, key, "give max_months or max_days, not both");
      if (!out.empty() && !out.back().max_months && !out.back().max_days)
        fail(b, key, "only the last bracket may have no upper bound");
      out.push_back(s);
    }
    return out;
  }

  void label_fields(const YAML::Node& b, const std::string& key, std::string& k, std::string& label, std::string& label_en) const {
    if (!b["key"]) fail(b, key, "missing `key`");
    k = str(b["key"], key + ".key");
    label = b["label"] ? str(b["label"], key + ".label") : k;
    label_en = b["label_en"] ? str(b["label_en"], key + ".label_en") : label;
  }

  std::vector<Category> categories(const YAML::Node& n, const std::string& path, CategoryField f) const {
    if (!n.IsSequence()) fail(n, path, "expected a list of categories");
    std::vector<Category> out;
    for (size_t i = 0; i < n.size(); ++i) {
      std::string key = fmt::format("{}[{}]", path, i);
      const auto& b = n[i];
      switch (f) {
        case CategoryField::housing_at_exit:
        case CategoryField::housing_at_entry:
          check_keys(b, key, {"key", "label", "label_en", "values", "solution", "excluded_from_share", "unknown"});
          break;
        case CategoryField::activity_at_exit:
        case CategoryField::activity_at_entry:
          check_keys(b, key, {"key", "label", "label_en", "values", "employment", "training", "excluded_from_share", "unknown"});
          break;
        case CategoryField::exit_reason:
          check_keys(b, key, {"key", "label", "label_en", "values", "outcome", "term", "excluded_from_share", "unknown"});
          break;
        default:
          check_keys(b, key, {"key", "label", "label_en", "values", "excluded_from_share", "unknown"});
      }
      Category c;
      label_fields(b, key, c.key, c.label, c.label_en);
      if (c.key == "unknown" || c.key == "other")
        fail(b, key + ".key", fmt::format("'{}' is reserved for missing and unmapped values", c.key));
      if (b["values"]) c.values = strings(b["values"], key + ".values");
      if (b["solution"]) c.solution = boolean(b["solution"], key + ".solution");
      if (b["employment"]) c.employment = boolean(b["employment"], key + ".employment");
      if (b["training"]) c.training = boolean(b["training"], key + ".training");
      if (b["term"]) c.term = boolean(b["term"], key + ".term");
      if (b["excluded_from_share"]) c.excluded_from_share = boolean(b["excluded_from_share"], key + ".excluded_from_share");
      if (b["unknown"]) c.unknown = boolean(b["unknown"], key + ".unknown");
      if (b["outcome"])
        c.outcome = choice<Outcome>(b["outcome"], key + ".outcome",
                                    {{"positive", Outcome::positive}, {"neutral", Outcome::neutral}, {"negative", Outcome::negative}});
      out.push_back(std::move(c));
    }
    return out;
  }

 private:
  std::string m_source;
};

}  // namespace

std::string_view default_config_text() {
  auto text = util::find_embedded("ctreport.yaml");
  if (!text) throw std::logic_error("the default config is not embedded");
  return *text;
}

namespace {

// "ctreport.yaml:12: what", or "ctreport.yaml: what" without a line.
[[noreturn]] void config_error(const std::string& source, size_t line, const std::string& what) {
  if (line == 0) throw DataError("config_error", fmt::format("{}: {}", source, what), source);
  throw DataError("config_error", fmt::format("{}:{}: {}", source, line, what), source, line);
}

size_t line_of(const YAML::Mark& mark) { return mark.line >= 0 ? static_cast<size_t>(mark.line) + 1 : 0; }

}  // namespace

void apply_config(Config& config, std::string_view yaml_text, const std::string& source) {
  if (auto problem = check_config_text(yaml_text)) config_error(source, problem->line, problem->message);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& e) {
    config_error(source, line_of(e.mark), "not valid YAML: " + e.msg);
  }
  // Every yaml-cpp failure while reading the values (a conversion the checks
  // above did not foresee) is the config's, at its line: never an internal error.
  try {
    Loader(source).apply(config, root);
  } catch (const YAML::Exception& e) {
    config_error(source, line_of(e.mark), "cannot read this value (" + e.msg + ")");
  }
  config.sources.push_back(source);
}

Config default_config() {
  static const Config defaults = [] {
    Config c;
    apply_config(c, default_config_text(), "built-in defaults");
    return c;
  }();
  return defaults;
}

std::string_view to_string(BedDayRule r) { return r == BedDayRule::nights ? "nights" : "days"; }
std::string_view to_string(AgeReference r) {
  switch (r) {
    case AgeReference::entry: return "entry";
    case AgeReference::period_start: return "period_start";
    case AgeReference::period_end: return "period_end";
    case AgeReference::entry_or_period_start: return "entry_or_period_start";
  }
  return "entry";
}

std::string_view to_string(ExitToWorkRule r) { return r == ExitToWorkRule::reason ? "reason" : "positive"; }

}  // namespace ctreport::model
