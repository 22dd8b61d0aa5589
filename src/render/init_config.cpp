// Writing ctreport.yaml from an export's profile, comments in the config's language.
#include "render/init_config.hpp"

#include <fmt/format.h>

#include "model/warning_texts.hpp"

namespace ctreport::render {

namespace {

// The comments of the written file, one table per language.
struct InitTexts {
  const char* heading;     // {file} {rows}
  const char* fill;        // what to fill in
  const char* name;
  const char* departement;
  const char* capacity;
  const char* columns;
  const char* contained;   // a header recognised by a known name it contains: {known}
  const char* unused;      // {headers}
  const char* values;      // the categories section
  const char* rows;        // {count}
  const char* by_phrase;   // {count}
  const char* to_classify; // {keys}
  const char* ambiguous;   // {count} {first} {second}
  const char* missing;     // {values}
  const char* not_listed;  // {count}
  const char* activities;  // {file} {rows}: the activity log's columns
  const char* activity_values;  // its types and professional categories
  const char* followup;    // the follow-up section
};

constexpr InitTexts k_fr = {
    "Configuration écrite par `ctreport init` d'après {file} ({rows} lignes).\n"
    "# `ctreport config --defaults` montre tous les autres réglages.",
    "À compléter : le nom, le département et la capacité de l'établissement.",
    "nom de l'établissement",
    "code du département de l'établissement, ex. \"42\"",
    "nombre de places (ou des périodes datées, voir ctreport config --defaults)",
    "Les colonnes de l'export, telles que reconnues (modifiez si l'une est fausse) :",
    "reconnu par « {known} »",
    "Colonnes non utilisées : {headers}",
    "Les valeurs de l'export, sous la catégorie où elles comptent. Les valeurs « à classer »\n"
    "# comptent en « autre » : placez chacune sous sa catégorie (sans le # du début de ligne).",
    "{count} ligne{s}",
    "{count} ligne{s}, classé d'après ses mots : à vérifier",
    "à classer (catégories : {keys}) :",
    "{count} ligne{s} ; contient les mots de « {first} » et de « {second} »",
    "non renseigné : {values}",
    "… et {count} autres valeurs, moins fréquentes",
    "Le journal d'activité ({file}, {rows} lignes ; à donner par --activities), ses colonnes telles que reconnues :",
    "Les types d'activité et les professionnels du journal, sous la catégorie où ils comptent\n"
    "# (individuel ou collectif : voir ctreport config --defaults). Les valeurs « à classer » comptent en « autre ».",
    "Le suivi après la sortie (--followup FICHIER, une ligne par appel) : les horizons en mois après\n"
    "# la sortie, et la fenêtre en jours autour de chacun où un contact compte.",
};

constexpr InitTexts k_en = {
    "Configuration written by `ctreport init` from {file} ({rows} rows).\n"
    "# `ctreport config --defaults` shows every other setting.",
    "To fill in: the establishment's name, département and capacity.",
    "the establishment's name",
    "the establishment's département code, e.g. \"42\"",
    "number of places (or dated periods, see ctreport config --defaults)",
    "The export's columns as recognised (change one that is wrong):",
    "recognised by '{known}'",
    "Columns not used: {headers}",
    "The export's values, under the category they count in. Values \"to classify\"\n"
    "# count as other: put each under its category (without the leading #).",
    "{count} row{s}",
    "{count} row{s}, classified by its words: to verify",
    "to classify (categories: {keys}):",
    "{count} row{s}; holds words of '{first}' and '{second}'",
    "not filled: {values}",
    "… and {count} other, less frequent values",
    "The activity log ({file}, {rows} rows; give it with --activities), its columns as recognised:",
    "The log's activity types and professionals, under the category they count in\n"
    "# (individual or collective: see ctreport config --defaults). Values \"to classify\" count as other.",
    "The follow-up after exit (--followup FILE, one row per call): the horizons in months after the\n"
    "# exit, and the window in days around each within which a contact counts.",
};

// A YAML double-quoted scalar.
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else out += c;
  }
  return out + "\"";
}

// A comment's text on one line.
std::string flat(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

std::string fill(std::string text, const std::vector<std::pair<std::string, std::string>>& params) {
  for (const auto& [name, value] : params) {
    std::string tag = "{" + name + "}";
    for (size_t at = text.find(tag); at != std::string::npos; at = text.find(tag, at + value.size()))
      text.replace(at, tag.size(), value);
  }
  return text;
}

void write_columns(std::string& out, const model::ExportProfile& profile, const InitTexts& t) {
  out += fmt::format("\n# {}\ncolumns:\n", t.columns);
  for (const auto& c : profile.columns) {
    out += fmt::format("  {}: {}", model::field_info(c.field).name, quoted(c.header));
    if (!c.exact) out += "  # " + flat(fill(t.contained, {{"known", c.known}}));
    out += "\n";
  }
  if (!profile.unused.empty()) {
    std::string headers;
    for (const auto& h : profile.unused) headers += (headers.empty() ? "" : ", ") + quoted(h);
    out += "# " + flat(fill(t.unused, {{"headers", headers}})) + "\n";
  }
}

// The count of rows and its plural mark: French singular for 0 and 1, English for 1 only.
std::vector<std::pair<std::string, std::string>> rows_params(uint64_t count, bool en) {
  bool plural = en ? count != 1 : count > 1;
  return {{"count", std::to_string(count)}, {"s", plural ? "s" : ""}};
}

// The values of one list under `add_values:` at `indent`, each under the
// category it maps to, the unmapped ones commented out "to classify".
struct ValueList {
  const std::vector<model::ProfiledValue>& values;
  const std::vector<model::Category>& categories;
  uint64_t not_listed;
};

void write_add_values(std::string& out, const ValueList& l, const std::string& indent, const InitTexts& t, bool en) {
  auto label = [&](model::CategoryIndex i) { return en ? l.categories[i].label_en : l.categories[i].label; };
  const std::string key_indent = indent + "  ", value_indent = indent + "    ";
  out += indent + "add_values:\n";
  for (size_t i = 0; i < l.categories.size(); ++i) {
    out += fmt::format("{}{}:  # {}\n", key_indent, quoted(l.categories[i].key),
                       flat(label(static_cast<model::CategoryIndex>(i))));
    for (const auto& v : l.values) {
      auto kind = v.classification.kind;
      if ((kind != model::MatchKind::exact && kind != model::MatchKind::phrase) || v.classification.index != i) continue;
      const char* note = kind == model::MatchKind::phrase ? t.by_phrase : t.rows;
      out += fmt::format("{}- {}  # {}\n", value_indent, quoted(v.raw), fill(note, rows_params(v.count, en)));
    }
  }
  std::string keys, missing;
  for (const auto& c : l.categories) keys += (keys.empty() ? "" : ", ") + c.key;
  bool heading = false;
  for (const auto& v : l.values) {
    const auto& c = v.classification;
    if (c.kind == model::MatchKind::missing) {
      missing += fmt::format("{}{} ({})", missing.empty() ? "" : ", ", quoted(v.raw), v.count);
      continue;
    }
    if (c.kind != model::MatchKind::none && c.kind != model::MatchKind::ambiguous) continue;
    if (!heading) out += key_indent + "# " + fill(t.to_classify, {{"keys", keys}}) + "\n";
    heading = true;
    auto params = rows_params(v.count, en);
    if (c.kind == model::MatchKind::ambiguous) {
      params.emplace_back("first", label(c.first));
      params.emplace_back("second", label(c.second));
    }
    std::string note = fill(c.kind == model::MatchKind::ambiguous ? t.ambiguous : t.rows, params);
    out += fmt::format("{}# - {}  # {}\n", key_indent, quoted(v.raw), flat(note));
  }
  if (!missing.empty()) out += key_indent + "# " + flat(fill(t.missing, {{"values", missing}})) + "\n";
  if (l.not_listed) out += key_indent + "# " + fill(t.not_listed, {{"count", std::to_string(l.not_listed)}}) + "\n";
}

void write_field_values(std::string& out, const model::ExportProfile& profile, const model::Config& config,
                        model::CategoryField cf, const InitTexts& t, bool en) {
  out += fmt::format("  {}:\n", model::category_field_name(cf));
  write_add_values(out,
                   {profile.values[static_cast<size_t>(cf)], config.category_set(cf).categories(),
                    profile.values_not_listed[static_cast<size_t>(cf)]},
                   "    ", t, en);
}

}  // namespace

std::string init_config_text(const model::ExportProfile& profile, const model::Config& defaults,
                             const std::string& file) {
  bool en = defaults.lang == "en";
  const InitTexts& t = en ? k_en : k_fr;
  std::string out = "# " + fill(t.heading, {{"file", flat(file)}, {"rows", std::to_string(profile.rows)}}) + "\n\n";
  out += fmt::format("# {}\nestablishment:\n  name: {}  # {}\n  departement: \"\"  # {}\n\n", t.fill,
                     quoted(defaults.establishment_name), t.name, t.departement);
  out += fmt::format("lang: {}\n\ncapacity: 0  # {}\n", defaults.lang, t.capacity);
  if (!profile.sheet.empty()) out += fmt::format("\nsheet: {}\n", quoted(profile.sheet));
  write_columns(out, profile, t);
  out += fmt::format("\n# {}\nfollowup:\n  horizons: [", t.followup);
  for (size_t i = 0; i < defaults.followup.horizons.size(); ++i)
    out += fmt::format("{}{}", i ? ", " : "", defaults.followup.horizons[i]);
  out += fmt::format("]\n  window_days: {}\n", defaults.followup.window_days);
  bool any = false;
  for (size_t cf = 0; cf < model::k_category_field_count; ++cf) any |= !profile.values[cf].empty();
  if (!any) return out;
  out += fmt::format("\n# {}\ncategories:\n", t.values);
  for (size_t cf = 0; cf < model::k_category_field_count; ++cf)
    if (!profile.values[cf].empty()) write_field_values(out, profile, defaults, static_cast<model::CategoryField>(cf), t, en);
  return out;
}

std::string init_activities_text(const model::ActivityProfile& profile, const model::Config& defaults,
                                 const std::string& file) {
  bool en = defaults.lang == "en";
  const InitTexts& t = en ? k_en : k_fr;
  std::string out = "\n# " + fill(t.activities, {{"file", flat(file)}, {"rows", std::to_string(profile.rows)}}) +
                    "\nactivities:\n";
  if (!profile.sheet.empty()) out += fmt::format("  sheet: {}\n", quoted(profile.sheet));
  out += "  columns:\n";
  for (const auto& [field, header] : profile.columns) out += fmt::format("    {}: {}\n", field, quoted(header));
  if (!profile.unused.empty()) {
    std::string headers;
    for (const auto& h : profile.unused) headers += (headers.empty() ? "" : ", ") + quoted(h);
    out += "  # " + flat(fill(t.unused, {{"headers", headers}})) + "\n";
  }
  out += fmt::format("\n# {}\n", t.activity_values);
  if (!profile.types.empty()) {
    out += "activity_types:\n";
    write_add_values(out, {profile.types, defaults.activities.types.categories(), profile.types_not_listed}, "  ", t, en);
  }
  if (!profile.professionals.empty()) {
    out += "professional_categories:\n";
    write_add_values(out,
                     {profile.professionals, defaults.activities.professionals.categories(), profile.professionals_not_listed},
                     "  ", t, en);
  }
  return out;
}

}  // namespace ctreport::render
