// Loading the départements table and resolving origin values.
#include "model/geography.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

#include "util/embedded_files.hpp"
#include "util/errors.hpp"
#include "util/text.hpp"

namespace ctreport::model {

namespace {

// Normalised names meaning "abroad": the word itself and the countries most
// often found in French social records.
constexpr std::array<std::string_view, 75> k_abroad = {
    "etranger", "etrangere", "horsfrance", "international", "abroad", "autrepays", "ue", "unioneuropeenne",
    "algerie", "maroc", "tunisie", "belgique", "suisse", "espagne", "portugal", "italie", "allemagne",
    "royaumeuni", "angleterre", "irlande", "paysbas", "luxembourg", "monaco", "andorre", "pologne", "roumanie",
    "bulgarie", "hongrie", "republiquetcheque", "slovaquie", "grece", "autriche", "suede", "norvege",
    "danemark", "finlande", "senegal", "mali", "cotedivoire", "cameroun", "congo", "rdc",
    "republiquedemocratiqueducongo", "guinee", "comores", "madagascar", "haiti", "turquie", "russie",
    "ukraine", "georgie", "armenie", "afghanistan", "syrie", "iran", "irak", "tchetchenie", "albanie",
    "kosovo", "serbie", "bosnie", "moldavie", "bresil", "chine", "vietnam", "etatsunis", "usa", "canada",
    "mauritanie", "niger", "tchad", "soudan", "erythree", "libye", "egypte"};

constexpr std::array<std::string_view, 10> k_unknown = {"",      "nr",      "nonrenseigne", "inconnu", "inconnue",
                                                        "na",    "nd",      "unknown",      "sdf",     "nonconnu"};

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// "saint" and "sainte" also written "st" and "ste".
std::string saint_variant(const std::string& norm) {
  std::string out = norm;
  for (auto [from, to] : {std::pair{"sainte", "ste"}, std::pair{"saint", "st"}}) {
    size_t pos = 0;
    while ((pos = out.find(from, pos)) != std::string::npos) out.replace(pos, std::string_view(from).size(), to);
  }
  return out;
}

}  // namespace

Geography Geography::load(std::string_view text) {
  Geography g;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    std::string_view line = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    pos = end == std::string_view::npos ? text.size() : end + 1;
    ++line_no;
    line = util::trim(line);
    if (line.empty() || line_no == 1) continue;  // header
    std::vector<std::string> parts;
    size_t start = 0;
    for (;;) {
      size_t semi = line.find(';', start);
      parts.emplace_back(line.substr(start, semi == std::string_view::npos ? std::string_view::npos : semi - start));
      if (semi == std::string_view::npos) break;
      start = semi + 1;
    }
    if (parts.size() != 4 || parts[0].empty() || parts[1].empty())
      throw DataError(fmt::format("departements.csv:{}: expected code;nom;region_code;region", line_no));
    int index = static_cast<int>(g.m_departements.size());
    g.m_departements.push_back({parts[0], parts[1], parts[2], parts[3]});
    g.m_by_code.emplace(parts[0], index);
    std::string norm = util::normalize_key(parts[1]);
    g.m_by_name.emplace(norm, index);
    g.m_by_name.emplace(saint_variant(norm), index);
    g.m_name_words.emplace_back(fmt::format(" {} ", util::normalize_words(parts[1])), index);
    std::string region = fmt::format(" {} ", util::normalize_words(parts[3]));
    if (std::find(g.m_region_words.begin(), g.m_region_words.end(), region) == g.m_region_words.end())
      g.m_region_words.push_back(region);
  }
  // Longest names first, so that "Haute-Loire" is found before "Loire".
  std::stable_sort(g.m_name_words.begin(), g.m_name_words.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  // Common alternative names.
  auto alias = [&](std::string_view name, std::string_view code) {
    if (auto i = g.index_of_code(code)) g.m_by_name.emplace(util::normalize_key(name), *i);
  };
  alias("Réunion", "974");
  alias("Corse du Sud", "2A");
  alias("Territoire-de-Belfort", "90");
  alias("Belfort", "90");
  return g;
}

const Geography& Geography::builtin() {
  static const Geography g = [] {
    auto text = util::find_embedded("departements.csv");
    if (!text) throw std::logic_error("departements.csv is not embedded");
    return load(*text);
  }();
  return g;
}

const Departement* Geography::find(std::string_view code) const {
  auto i = index_of_code(code);
  return i ? &m_departements[static_cast<size_t>(*i)] : nullptr;
}

std::optional<int> Geography::index_of_code(std::string_view canonical) const {
  auto it = m_by_code.find(std::string(canonical));
  if (it == m_by_code.end()) return std::nullopt;
  return it->second;
}

// A département code or postal code made of digits only.
std::optional<int> Geography::from_digits(std::string_view d, bool& abroad) const {
  abroad = false;
  if (d == "99" || (d.size() == 5 && d.substr(0, 2) == "99")) {  // INSEE: 99 and 99xxx country codes
    abroad = true;
    return std::nullopt;
  }
  if (d.size() <= 2) {
    if (d == "20" || d == "0" || d == "00") return std::nullopt;  // "20": Corse-du-Sud or Haute-Corse?
    std::string code = d.size() == 1 ? std::string("0") + d[0] : std::string(d);
    return index_of_code(code);
  }
  if (d.size() == 3) return index_of_code(d);  // 971..988
  if (d.size() == 4) {                           // a postal code that lost its leading zero
    std::string code = std::string("0") + d[0];
    return index_of_code(code);
  }
  if (d.size() != 5) return std::nullopt;
  if (d.substr(0, 2) == "20") {
    int n = std::stoi(std::string(d.substr(2)));
    if (n < 200) return index_of_code("2A");
    if (n < 700) return index_of_code("2B");
    return std::nullopt;
  }
  if (d.substr(0, 2) == "97") {
    if (d == "97133") return index_of_code("977");
    if (d == "97150") return index_of_code("978");
    return index_of_code(d.substr(0, 3));
  }
  if (d.substr(0, 2) == "98") {
    if (d.substr(0, 3) == "980") {  // Monaco
      abroad = true;
      return std::nullopt;
    }
    return index_of_code(d.substr(0, 3));
  }
  return index_of_code(d.substr(0, 2));
}

Origin Geography::resolve(std::string_view raw) const {
  std::string_view s = util::trim(raw);
  if (all_digits(s)) {
    bool abroad = false;
    auto i = from_digits(s, abroad);
    if (abroad) return {Origin::Kind::abroad, -1};
    if (i) return {Origin::Kind::departement, *i};
    return {Origin::Kind::unresolved, -1};
  }
  // "2A", "2b", "2A004" (a Corsican commune code)
  if (s.size() >= 2 && s[0] == '2' && (s[1] == 'A' || s[1] == 'a' || s[1] == 'B' || s[1] == 'b') &&
      (s.size() == 2 || all_digits(s.substr(2)))) {
    return {Origin::Kind::departement, *index_of_code((s[1] == 'A' || s[1] == 'a') ? "2A" : "2B")};
  }
  std::string norm = util::normalize_key(s);
  for (auto u : k_unknown)
    if (norm == u) return {Origin::Kind::unknown, -1};
  if (s.find('?') != std::string_view::npos && norm.empty()) return {Origin::Kind::unknown, -1};
  if (auto it = m_by_name.find(norm); it != m_by_name.end()) return {Origin::Kind::departement, it->second};
  if (auto it = m_by_name.find(saint_variant(norm)); it != m_by_name.end()) return {Origin::Kind::departement, it->second};
  for (auto a : k_abroad)
    if (norm == a) return {Origin::Kind::abroad, -1};
  return resolve_in_text(s);
}

// A postal code or a département name inside a longer value ("42600
// Montbrison", "Saint-Étienne (42000)", "Lyon 3e - 69003"): the postal codes
// decide when there are any (a town may share a département's name: "Vienne
// (38200)"), else the names; two different départements leave the value
// unresolved (docs/figures.md, "Recognising values").
Origin Geography::resolve_in_text(std::string_view s) const {
  std::optional<int> found;
  bool conflict = false, abroad = false;
  auto take = [&](int index) {
    if (found && *found != index) conflict = true;
    found = index;
  };
  for (size_t i = 0; i < s.size();) {
    if (s[i] < '0' || s[i] > '9') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    if (j - i == 5) {
      bool monaco = false;
      if (auto index = from_digits(s.substr(i, 5), monaco)) take(*index);
      abroad |= monaco;
    }
    i = j;
  }
  if (!found && !abroad) {
    std::string words = fmt::format(" {} ", util::normalize_words(s));
    // A region's name holds département names ("Auvergne-Rhône-Alpes"): not an origin.
    std::vector<std::pair<size_t, size_t>> regions;
    for (const auto& region : m_region_words)
      for (size_t at = words.find(region); at != std::string::npos; at = words.find(region, at + 1))
        regions.emplace_back(at, region.size());
    auto in_region = [&](size_t at, size_t length) {
      for (const auto& [from, size] : regions)
        if (at >= from && at + length <= from + size) return true;
      return false;
    };
    size_t longest_at = std::string::npos, longest_length = 0;
    for (const auto& [name, index] : m_name_words) {
      size_t at = words.find(name);
      if (at == std::string::npos || in_region(at, name.size())) continue;
      // "Haute-Loire" holds "Loire": a name inside a longer one found is not another département.
      bool inside = longest_at != std::string::npos && at >= longest_at && at + name.size() <= longest_at + longest_length;
      if (inside) continue;
      take(index);
      if (name.size() > longest_length) {
        longest_at = at;
        longest_length = name.size();
      }
    }
    if (!found)
      for (auto a : k_abroad)
        if (words.find(fmt::format(" {} ", a)) != std::string::npos) abroad = true;
  }
  if (conflict) return {Origin::Kind::unresolved, -1};
  if (found) return {Origin::Kind::departement, *found, true};
  if (abroad) return {Origin::Kind::abroad, -1, true};
  return {Origin::Kind::unresolved, -1};
}

OriginClass Geography::classify(const Origin& o, std::string_view establishment) const {
  switch (o.kind) {
    case Origin::Kind::abroad: return OriginClass::abroad;
    case Origin::Kind::unknown:
    case Origin::Kind::unresolved: return OriginClass::unknown;
    case Origin::Kind::departement: break;
  }
  const Departement* home = establishment.empty() ? nullptr : find(establishment);
  const Departement& d = m_departements[static_cast<size_t>(o.index)];
  if (!home) return OriginClass::other_region;
  if (d.code == home->code) return OriginClass::departement;
  if (d.region_code == home->region_code) return OriginClass::region;
  return OriginClass::other_region;
}

std::optional<std::string> Geography::normalize_code(std::string_view code) const {
  std::string_view s = util::trim(code);
  std::string c(s);
  for (auto& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (c.size() == 1 && all_digits(c)) c = "0" + c;
  if (m_by_code.count(c)) return c;
  return std::nullopt;
}

}  // namespace ctreport::model
