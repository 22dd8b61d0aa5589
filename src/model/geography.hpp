// French départements and regions (2016 regions, Corsica, overseas), shipped
// as templates/departements.csv, and the resolution of a raw origin value
// (département code, postal code, département name, country) to a
// département or "abroad".
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ctreport::model {

struct Departement {
  std::string code, name, region_code, region;
  // The overseas collectivities (975, 977, 978, 986, 987, 988) are in the
  // table, as their own "region", so that origins from them resolve; they are
  // not départements.
  bool is_collectivity() const { return region_code == code; }
};

struct Origin {
  enum class Kind { departement, abroad, unknown, unresolved } kind = Kind::unknown;
  int index = -1;  // into Geography::departements() when kind == departement
  bool in_text = false;  // found inside a longer value ("42600 Montbrison"): listed for the team to verify
};

// Relative to the establishment's département. Without one (empty or unknown
// code), every origin in France is other_region.
enum class OriginClass { departement, region, other_region, abroad, unknown };

class Geography {
 public:
  // Parses the `code;nom;region_code;region` table. Throws DataError naming the line.
  static Geography load(std::string_view csv_text);
  // The embedded table, loaded once.
  static const Geography& builtin();

  const std::vector<Departement>& departements() const { return m_departements; }
  const Departement* find(std::string_view code) const;

  // Resolves a raw UTF-8 value; never allocates for plain digit codes.
  Origin resolve(std::string_view raw) const;
  OriginClass classify(const Origin& origin, std::string_view establishment_departement) const;

  // "42" / "2a" / "974" / "1" -> canonical code ("42", "2A", "974", "01"), or nothing.
  std::optional<std::string> normalize_code(std::string_view code) const;

 private:
  std::optional<int> index_of_code(std::string_view canonical) const;
  std::optional<int> from_digits(std::string_view digits, bool& abroad) const;
  Origin resolve_in_text(std::string_view trimmed) const;

  std::vector<Departement> m_departements;
  std::unordered_map<std::string, int> m_by_code;  // canonical code -> index
  std::unordered_map<std::string, int> m_by_name;  // normalised name (and variants) -> index
  std::vector<std::pair<std::string, int>> m_name_words;  // " haute loire " -> index, longest first
  std::vector<std::string> m_region_words;                 // " auvergne rhone alpes ", each region once
};

}  // namespace ctreport::model
