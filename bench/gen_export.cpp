// ctreport-gen: synthetic export generator for benchmarks, tests and the bundled example.
//
// Simulates residential addiction-care establishments (communautés thérapeutiques)
// day by day and writes their stay records as a resident-file software would export
// them: the French headers of docs/figures.md, `;`-separated CSV with CRLF line ends in
// UTF-8 or Windows-1252, or an XLSX sheet `Séjours` with real Excel dates. Values are
// drawn from the raw values of templates/ctreport.yaml, with varied spelling, a few
// missing and a few that map to no category. All data is fake.
//
// Deterministic for a given --seed: std::mt19937_64 (fully specified by the standard)
// with hand-written distributions, one random stream per establishment, no
// transcendental functions.
//
// Built with the project (CMake target `ctreport-gen`), linked with ctreport_core for
// its date arithmetic and its département table.

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "model/geography.hpp"
#include "util/date.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <queue>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

// ───────────────────────────────────────────────────────────────────────────────
// Dates: the day numbers of src/util/date (days since 1970-01-01).
// ───────────────────────────────────────────────────────────────────────────────

using ctreport::util::add_months;
using ctreport::util::days_in_month;
using ctreport::util::to_day;
using ctreport::util::to_ymd;

constexpr int k_no_date = INT_MIN;  // an empty date cell
constexpr int k_open = INT_MAX;     // exit of a stay still open at the end of the data

// 0 = Sunday … 6 = Saturday.
constexpr int weekday(int day) { return day >= -4 ? (day + 4) % 7 : (day + 5) % 7 + 6; }

const int k_excel_epoch = to_day(1899, 12, 30);  // 1900 date system serial 0

// YYYY-MM-DD, or YYYY for 1 January.
std::optional<int> parse_iso_date(std::string_view text) {
    int y = 0, m = 1, d = 1;
    auto digits = [&](std::size_t pos, std::size_t n, int& out) {
        if (pos + n > text.size()) return false;
        out = 0;
        for (std::size_t i = pos; i < pos + n; ++i) {
            if (text[i] < '0' || text[i] > '9') return false;
            out = out * 10 + (text[i] - '0');
        }
        return true;
    };
    if (text.size() == 4) {
        if (!digits(0, 4, y)) return std::nullopt;
    } else if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d)) return std::nullopt;
        if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, static_cast<unsigned>(m))) return std::nullopt;
    } else {
        return std::nullopt;
    }
    return to_day(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

// ───────────────────────────────────────────────────────────────────────────────
// Random numbers: std::mt19937_64 with our own distributions, so that the output
// depends on the seed only, not on the standard library's distribution code.
// ───────────────────────────────────────────────────────────────────────────────

std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

class Rng {
public:
    Rng(std::uint64_t seed, std::uint64_t stream)
        : m_engine(splitmix64(seed ^ splitmix64(stream + 0x632BE59BD9B4E019ULL))) {}

    // Uniform in [0, 1) with 53 bits.
    double uniform() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }

    // Uniform integer in [lo, hi] (64-bit modulo: the bias is below 2^-32 for spans < 2^32).
    int between(int lo, int hi) {
        const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo + 1);
        return lo + static_cast<int>(m_engine() % span);
    }

    std::size_t index(std::size_t n) { return static_cast<std::size_t>(between(0, static_cast<int>(n) - 1)); }

    bool chance(double p) { return uniform() < p; }

    // Index k of the first cumulative probability above one uniform draw.
    int from_cumulative(const std::vector<double>& cumulative) {
        const double u = uniform();
        int k = 0;
        while (k + 1 < static_cast<int>(cumulative.size()) && u >= cumulative[static_cast<std::size_t>(k)]) ++k;
        return k;
    }

    // Index drawn with probability proportional to integer weights.
    template <std::size_t N>
    std::size_t weighted(const std::array<int, N>& weights) {
        int total = 0;
        for (int w : weights) total += w;
        int r = between(0, total - 1);
        for (std::size_t i = 0; i < N; ++i) {
            if (r < weights[i]) return i;
            r -= weights[i];
        }
        return N - 1;
    }

private:
    std::mt19937_64 m_engine;
};

// ───────────────────────────────────────────────────────────────────────────────
// Reference data: départements (the core's table) and a choice of the raw values
// of each category of templates/ctreport.yaml (UTF-8).
// ───────────────────────────────────────────────────────────────────────────────

// Départements from the core's table (templates/departements.csv, model::Geography):
// metropolitan France, then the five DROM; the overseas collectivities listed after
// Mayotte (975, 977…) are not drawn.
using ctreport::model::Departement;

std::vector<Departement> drawn_departements() {
    std::vector<Departement> out;
    for (const auto& d : ctreport::model::Geography::builtin().departements()) {
        out.push_back(d);
        if (d.code == "976") break;
    }
    return out;
}

const std::vector<Departement> k_departements = drawn_departements();

int index_of_departement(std::string_view code) {
    for (std::size_t i = 0; i < k_departements.size(); ++i) {
        if (code == k_departements[i].code) return static_cast<int>(i);
    }
    return -1;
}

const int k_first_drom = index_of_departement("971");  // CTs are drawn in metropolitan France

std::optional<int> find_departement(std::string_view code) {
    const int i = index_of_departement(code);
    return i < 0 ? std::nullopt : std::optional<int>(i);
}

// Geographic origin given as a country rather than a département.
constexpr std::array<const char*, 6> k_abroad_values{"Algérie", "étranger", "Étranger", "Maroc", "Portugal", "ETRANGER"};

// Values that map to no category of any field (they go to `other` with a warning).
constexpr std::array<const char*, 5> k_unmapped_values{"Autre", "autre", "Divers", "Voir dossier", "À préciser"};

using ValueList = std::vector<const char*>;

enum Referral : std::uint8_t { medico_social, health, social, justice, self_referral, family_referral };
const std::array<ValueList, 6> k_referral_values{{
    {"CSAPA", "CAARUD", "médico-social", "centre de soins", "structure médico-sociale", "communauté thérapeutique", "CT"},
    {"hôpital", "psychiatrie", "ELSA", "médecin traitant", "CHU", "SSRA", "post-cure", "clinique", "médecin"},
    {"CHRS", "SIAO", "service social", "assistante sociale", "115", "mission locale"},
    {"SPIP", "justice", "obligation de soins", "centre pénitentiaire", "tribunal", "juge"},
    {"démarche personnelle", "personnelle", "spontanée", "demarche personnelle"},
    {"famille", "entourage", "proches", "famille entourage"},
}};
constexpr std::array<int, 6> k_referral_weights{40, 24, 10, 11, 10, 5};

enum ExitReason : std::uint8_t { term, planned, reorientation, hospitalisation, dropout, exclusion, incarceration, death };
const std::array<ValueList, 8> k_exit_reason_values{{
    {"fin de contrat", "terme", "fin de séjour", "terme du contrat", "fin de prise en charge", "contrat terminé"},
    {"sortie préparée", "projet réalisé", "sortie positive"},
    {"réorientation", "orientation vers une autre structure", "transfert"},
    {"hospitalisation", "soins", "hôpital"},
    {"départ volontaire", "interruption", "abandon", "rupture", "départ sans prévenir", "fugue"},
    {"exclusion", "renvoi", "non-respect du règlement"},
    {"incarcération", "détention", "prison"},
    {"décès"},
}};

enum Housing : std::uint8_t { own_housing, supported_housing, shelter, family_housing, care, prison, no_solution, k_housing_none = 255 };
const std::array<ValueList, 7> k_housing_values{{
    {"logement autonome", "logement personnel", "appartement", "logement social", "locataire", "bail"},
    {"résidence sociale", "pension de famille", "maison relais", "appartement thérapeutique", "ACT", "FJT",
     "bail glissant", "logement accompagné", "intermédiation locative"},
    {"CHRS", "foyer", "hébergement d'insertion", "centre d'hébergement"},
    {"famille", "hébergé par la famille", "hébergé par un tiers", "chez un proche", "tiers"},
    {"hôpital", "hospitalisation", "structure de soins", "post-cure", "SSR", "clinique", "CSAPA avec hébergement"},
    {"détention", "prison", "incarcération"},
    {"sans solution", "rue", "SDF", "115", "hébergement d'urgence", "squat", "sans domicile", "sans logement"},
}};

enum Activity : std::uint8_t { employment, training, job_seeking, benefits, k_activity_none = 255 };
const std::array<ValueList, 4> k_activity_values{{
    {"emploi", "CDI", "CDD", "intérim", "contrat aidé", "chantier d'insertion", "IAE", "ESAT", "salarié", "auto-entrepreneur"},
    {"formation", "formation professionnelle", "apprentissage", "alternance", "stage", "études"},
    {"recherche d'emploi", "demandeur d'emploi", "chômage"},  // + Pôle emploi / France Travail by date
    {"RSA", "AAH", "sans emploi", "invalidité", "allocations", "sans activité", "inactif", "pension"},
}};

// Free text typed by the staff; fake, never a real person's data. Some carry `;`,
// quotes, a line break and Windows-1252 punctuation (’ « » … œ).
constexpr std::array<const char*, 16> k_observations{
    "RAS",
    "Traitement de substitution (méthadone)",
    "Suivi CMP en parallèle",
    "Permissions de week-end accordées",
    "Dossier MDPH en cours",
    "Relais vers appartement thérapeutique envisagé",
    "Orientation à revoir ; voir CR de synthèse",
    "Dit \"vouloir reprendre une formation\"",
    "Sortie anticipée ; relais CSAPA\nRDV pris le mois suivant",
    "Demande de logement social déposée\nen attente de réponse",
    "Accompagnement \"Un chez-soi d'abord\" ; à suivre",
    "Projet d’insertion en cours…",
    "Travail sur l’estime de soi, « cœur » du projet",
    "Cure de sevrage préalable à l'hôpital",
    "Animal de compagnie accepté (chien)",
    "Ancien résident, 2e séjour",
};

// ───────────────────────────────────────────────────────────────────────────────
// Stay lengths and ages: mixtures of bands (weights are integers, in %).
// ───────────────────────────────────────────────────────────────────────────────

enum class LengthKind { early, uniform, term, beyond };

struct LengthBand {
    int weight;
    LengthKind kind;
    int min_days;  // for term / beyond: days added to entry + 24 months
    int max_days;
};

// Many early dropouts, a bulk of 3-12 months, some reaching the 24-month term, a few beyond.
constexpr std::array<LengthBand, 7> k_length_bands{{
    {26, LengthKind::early, 1, 30},
    {14, LengthKind::uniform, 31, 91},
    {20, LengthKind::uniform, 92, 182},
    {20, LengthKind::uniform, 183, 365},
    {12, LengthKind::uniform, 366, 715},
    {6, LengthKind::term, 0, 10},
    {2, LengthKind::beyond, 15, 120},
}};
constexpr double k_same_day_exit = 0.002;  // stays that end on the day they start

// Exit reason weights (in the ExitReason order) for each length band.
constexpr std::array<std::array<int, 8>, 7> k_exit_reason_weights{{
    // term planned reorient hospit dropout exclusion incarc death
    {0, 8, 10, 8, 110, 30, 6, 2},
    {0, 48, 28, 16, 64, 28, 10, 1},
    {0, 48, 28, 16, 64, 28, 10, 1},
    {4, 100, 24, 12, 34, 18, 6, 2},
    {4, 100, 24, 12, 34, 18, 6, 2},
    {85, 15, 0, 0, 0, 0, 0, 0},
    {80, 20, 0, 0, 0, 0, 0, 0},
}};

struct AgeBand {
    int weight;
    int min_age;
    int max_age;
};
constexpr std::array<AgeBand, 9> k_age_bands{{
    {7, 20, 24}, {13, 25, 29}, {17, 30, 34}, {18, 35, 39}, {16, 40, 44},
    {12, 45, 49}, {9, 50, 54}, {5, 55, 59}, {3, 60, 65},
}};

constexpr double k_share_women = 0.25;
constexpr int k_max_age = 65;  // at entry, returns included
constexpr int k_max_stays_per_person = 3;

// Data-quality rates of the export.
constexpr double k_missing_sex = 0.01;
constexpr double k_missing_birth_date = 0.02;
constexpr double k_missing_category = 0.03;
constexpr double k_unmapped_category = 0.005;
constexpr double k_missing_origin = 0.04;
constexpr double k_missing_stage = 0.015;
constexpr double k_observation = 0.12;

// ───────────────────────────────────────────────────────────────────────────────
// Options
// ───────────────────────────────────────────────────────────────────────────────

enum class Format { csv, xlsx };
enum class Encoding { utf8, cp1252 };

struct PlacesChange {
    int day;
    int places;
};

struct Options {
    long long stays = 0;       // stop once this many stays are written (0: use establishments)
    int establishments = 0;    // or simulate exactly this many establishments
    int from_year = 2015;
    int to_year = 2024;
    int places = 35;
    std::vector<PlacesChange> places_changes;
    std::optional<int> departement;   // index in k_departements; none = drawn per establishment
    std::optional<double> occupancy;  // target occupancy; none = drawn per establishment
    std::optional<int> keep_from;     // keep only stays overlapping keep_from..end of data
    Format format = Format::csv;
    bool format_given = false;
    Encoding encoding = Encoding::utf8;
    std::uint64_t seed = 42;
    std::string output;
    bool verbose = false;
    bool quiet = false;
    bool site_column = false;  // a last column "Établissement" naming each establishment ("CT 0001"…)
};

constexpr std::string_view k_help = R"(ctreport-gen: write a synthetic export of stay records (fake data) for benchmarks and examples.

Usage:
  ctreport-gen --stays N [options] -o FILE
  ctreport-gen --establishments K [options] -o FILE

Simulates establishments (communautés thérapeutiques) day by day from 1 January of
--from to 31 December of --to: people are admitted on weekdays when a place is free
(rarely one over capacity), stay from a few days to past the 24-month term, some come
back for a second or third stay; stays still open at the end have no exit date.
As many establishments are simulated as needed for N stays (the last one is cut at N).

Options:
  --stays N               number of stays to write (suffixes k and m: 10k, 1m)
  --establishments K      simulate exactly K establishments instead
  --from YEAR             first year simulated (default 2015); establishments open empty
  --to YEAR               last year; the data ends on 31 December (default 2024)
  --places N              places of each establishment (default 35)
  --places-change DATE:N  from DATE (YYYY-MM-DD) on, N places (repeatable)
  --departement CODE      département of every establishment (default: drawn, metropolitan)
  --occupancy R           target mean occupancy, 0.3-1.0 (default: drawn in 0.72-0.93)
  --keep-from DATE        keep only stays overlapping DATE..end (YYYY-MM-DD or YYYY)
  --format csv|xlsx       default: from the extension of FILE, else csv
  --encoding utf8|cp1252  CSV bytes: UTF-8 without BOM (default) or Windows-1252
  --seed S                random seed (default 42); same options + seed = same bytes
  -o, --output FILE       output file (`-` = standard output, CSV only)
  -v, --verbose           print simulation statistics (occupancy, overflow days)
  --site-column           a last column "Établissement" naming each establishment
                          ("CT 0001"…), for one file of many establishments (--by site)
  -q, --quiet             print nothing but errors
  -h, --help              this help

CSV: `;`-separated, CRLF line ends, RFC 4180 quoting. XLSX: one sheet `Séjours`,
dates as Excel dates formatted dd/mm/yyyy, written in constant-memory mode.

Examples:
  ctreport-gen --stays 1m --from 2015 --to 2024 -o stays-1m.csv
  ctreport-gen --establishments 1 --from 2020 --to 2024 --keep-from 2022-01-01 \
      --places 30 --places-change 2023-07-01:35 --departement 42 --occupancy 0.85 \
      --encoding cp1252 --seed 2024 -o examples/sejours-2022-2024.csv
)";

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

long long parse_count(std::string_view text, std::string_view option) {
    long long multiplier = 1;
    if (!text.empty() && (text.back() == 'k' || text.back() == 'K')) {
        multiplier = 1000;
        text.remove_suffix(1);
    } else if (!text.empty() && (text.back() == 'm' || text.back() == 'M')) {
        multiplier = 1000000;
        text.remove_suffix(1);
    }
    if (text.empty() || text.size() > 12) throw UsageError(fmt::format("{}: expected a number", option));
    long long value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') throw UsageError(fmt::format("{}: expected a number, got '{}'", option, text));
        value = value * 10 + (c - '0');
    }
    return value * multiplier;
}

Options parse_options(int argc, char** argv) {
    Options o;
    std::vector<std::string_view> args(argv + 1, argv + argc);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        auto value = [&]() -> std::string_view {
            if (i + 1 >= args.size()) throw UsageError(fmt::format("{} needs a value", arg));
            return args[++i];
        };
        if (arg == "-h" || arg == "--help") {
            std::fwrite(k_help.data(), 1, k_help.size(), stdout);
            std::exit(0);
        } else if (arg == "--stays") {
            o.stays = parse_count(value(), arg);
        } else if (arg == "--establishments") {
            o.establishments = static_cast<int>(parse_count(value(), arg));
        } else if (arg == "--from") {
            o.from_year = static_cast<int>(parse_count(value(), arg));
        } else if (arg == "--to") {
            o.to_year = static_cast<int>(parse_count(value(), arg));
        } else if (arg == "--places") {
            o.places = static_cast<int>(parse_count(value(), arg));
        } else if (arg == "--places-change") {
            const std::string_view v = value();
            const auto colon = v.find(':');
            const auto day = colon == std::string_view::npos ? std::nullopt : parse_iso_date(v.substr(0, colon));
            if (!day) throw UsageError(fmt::format("--places-change: expected DATE:N (2023-07-01:35), got '{}'", v));
            o.places_changes.push_back({*day, static_cast<int>(parse_count(v.substr(colon + 1), arg))});
        } else if (arg == "--departement") {
            const std::string_view v = value();
            o.departement = find_departement(v);
            if (!o.departement) throw UsageError(fmt::format("--departement: unknown code '{}'", v));
        } else if (arg == "--occupancy") {
            const std::string v(value());
            char* end = nullptr;
            const double r = std::strtod(v.c_str(), &end);
            if (end == v.c_str() || *end != '\0' || !(r >= 0.3 && r <= 1.0))
                throw UsageError(fmt::format("--occupancy: expected a rate between 0.3 and 1.0, got '{}'", v));
            o.occupancy = r;
        } else if (arg == "--keep-from") {
            const std::string_view v = value();
            o.keep_from = parse_iso_date(v);
            if (!o.keep_from) throw UsageError(fmt::format("--keep-from: expected YYYY-MM-DD or YYYY, got '{}'", v));
        } else if (arg == "--format") {
            const std::string_view v = value();
            if (v == "csv") o.format = Format::csv;
            else if (v == "xlsx") o.format = Format::xlsx;
            else throw UsageError(fmt::format("--format: expected csv or xlsx, got '{}'", v));
            o.format_given = true;
        } else if (arg == "--encoding") {
            const std::string_view v = value();
            if (v == "utf8" || v == "utf-8") o.encoding = Encoding::utf8;
            else if (v == "cp1252" || v == "windows-1252") o.encoding = Encoding::cp1252;
            else throw UsageError(fmt::format("--encoding: expected utf8 or cp1252, got '{}'", v));
        } else if (arg == "--seed") {
            o.seed = static_cast<std::uint64_t>(parse_count(value(), arg));
        } else if (arg == "-o" || arg == "--output") {
            o.output = std::string(value());
        } else if (arg == "--site-column") {
            o.site_column = true;
        } else if (arg == "-v" || arg == "--verbose") {
            o.verbose = true;
        } else if (arg == "-q" || arg == "--quiet") {
            o.quiet = true;
        } else {
            throw UsageError(fmt::format("unknown argument '{}' (see --help)", arg));
        }
    }
    if (o.output.empty()) throw UsageError("-o FILE is required (see --help)");
    if ((o.stays > 0) == (o.establishments > 0)) throw UsageError("give either --stays N or --establishments K");
    if (o.from_year < 1950 || o.to_year > 2100 || o.from_year > o.to_year)
        throw UsageError(fmt::format("--from {} --to {}: expected 1950 <= from <= to <= 2100", o.from_year, o.to_year));
    if (o.places < 1 || o.places > 10000) throw UsageError("--places: expected 1 to 10000");
    for (const auto& c : o.places_changes) {
        if (c.places > 10000) throw UsageError("--places-change: expected at most 10000 places");
    }
    std::sort(o.places_changes.begin(), o.places_changes.end(),
              [](const PlacesChange& a, const PlacesChange& b) { return a.day < b.day; });
    if (!o.format_given) {
        const bool xlsx_name = o.output.size() > 5 && o.output.ends_with(".xlsx");
        o.format = xlsx_name ? Format::xlsx : Format::csv;
    }
    if (o.format == Format::xlsx && o.encoding == Encoding::cp1252)
        throw UsageError("--encoding cp1252 is for CSV; an XLSX file is always Unicode");
    if (o.format == Format::xlsx && o.output == "-") throw UsageError("XLSX cannot be written to standard output");
    return o;
}

// ───────────────────────────────────────────────────────────────────────────────
// Simulation of one establishment
// ───────────────────────────────────────────────────────────────────────────────

struct Person {
    int id_year;
    int id_seq;
    int birth_day;
    std::int16_t origin;  // >= 0: index in k_departements; < 0: -1 - index in k_abroad_values
    bool woman;
    std::uint8_t stays;
};

struct Stay {
    int person;
    int entry;
    int exit;  // k_open when still open at the end of the data
    std::uint8_t band;
    Referral referral;
    ExitReason exit_reason;
    Housing housing;
    Activity activity;
    std::uint8_t stage;    // 1..3
    std::uint8_t ordinal;  // 1 = the person's first stay here
};

struct EstablishmentStats {
    long long bed_days = 0;
    long long capacity_days = 0;
    int overflow_days = 0;
    int peak_present = 0;
};

struct Establishment {
    int departement;
    double target_occupancy;
    std::vector<Person> persons;
    std::vector<Stay> stays;  // in entry order
    EstablishmentStats stats;
};

// Dossier numbers D<year of first admission>-<seq>, unique over the whole output.
class IdAllocator {
public:
    IdAllocator(int first_year, int last_year) : m_first_year(first_year), m_next(static_cast<std::size_t>(last_year - first_year + 1), 0) {}
    int next(int year) { return ++m_next[static_cast<std::size_t>(year - m_first_year)]; }

private:
    int m_first_year;
    std::vector<int> m_next;
};

// Cumulative probabilities of Binomial(n, p), by products only (no transcendental
// function, so the same on every platform): the daily number of candidates.
std::vector<double> binomial_cumulative(double mean) {
    const int n = 4 + static_cast<int>(mean * 2);
    const double p = std::min(1.0, mean / n);
    std::vector<double> cumulative(static_cast<std::size_t>(n) + 1);
    double q_pow = 1;  // (1-p)^n by repeated multiplication
    for (int i = 0; i < n; ++i) q_pow *= 1 - p;
    double term = q_pow, sum = 0;
    for (int k = 0; k <= n; ++k) {
        sum += term;
        cumulative[static_cast<std::size_t>(k)] = sum;
        if (p < 1) term *= static_cast<double>(n - k) / (k + 1) * p / (1 - p);
    }
    cumulative.back() = 2;  // the last bucket catches rounding
    return cumulative;
}

class Simulator {
public:
    Simulator(const Options& options, IdAllocator& ids, int index)
        : m_options(options), m_ids(ids), m_rng(options.seed, static_cast<std::uint64_t>(index) * 2),
          m_first_day(to_day(options.from_year, 1, 1)), m_last_day(to_day(options.to_year, 12, 31)) {}

    Establishment run() {
        Establishment e;
        e.departement = m_options.departement ? *m_options.departement : static_cast<int>(m_rng.index(static_cast<std::size_t>(k_first_drom)));
        e.target_occupancy = m_options.occupancy ? *m_options.occupancy : 0.72 + 0.21 * m_rng.uniform();
        m_establishment = &e;
        simulate_days();
        return e;
    }

private:
    struct Return {
        int day;
        int person;
        int attempts;
        bool operator>(const Return& other) const { return day != other.day ? day > other.day : person > other.person; }
    };

    // Offered load is raised above the target to make up for candidates turned away when full.
    static constexpr double k_blocking_compensation = 1.12;
    static constexpr double k_overflow_chance = 0.03;  // a candidate admitted on a full day
    static constexpr double k_weekday_share = 0.97;    // admissions are made on weekdays
    static constexpr double k_return_chance = 0.11;    // a person who left comes back later

    static double mean_stay_days() {
        double total = 0, weighted = 0;
        for (const auto& b : k_length_bands) {
            double mean = 0;
            switch (b.kind) {
                case LengthKind::early: mean = b.min_days + (b.max_days - b.min_days) / 3.0; break;
                case LengthKind::uniform: mean = (b.min_days + b.max_days) / 2.0; break;
                case LengthKind::term:
                case LengthKind::beyond: mean = 730.5 + (b.min_days + b.max_days) / 2.0; break;
            }
            total += b.weight;
            weighted += b.weight * mean;
        }
        return weighted / total;
    }

    int places_on(int day) const {
        int places = m_options.places;
        for (const auto& c : m_options.places_changes) {
            if (c.day <= day) places = c.places;
        }
        return places;
    }

    void simulate_days() {
        const int span = m_last_day - m_first_day + 1;
        std::vector<int> departures(static_cast<std::size_t>(span), 0);
        std::priority_queue<Return, std::vector<Return>, std::greater<>> returns;
        const double daily_rate_per_place = m_establishment->target_occupancy * k_blocking_compensation / mean_stay_days();
        std::vector<Return> returning;
        int table_places = -1;
        std::array<std::vector<double>, 2> candidates;  // cumulative law on weekdays, at weekends
        int present = 0;
        auto& stats = m_establishment->stats;

        for (int day = m_first_day; day <= m_last_day; ++day) {
            present -= departures[static_cast<std::size_t>(day - m_first_day)];
            const int places = places_on(day);
            const int wd = weekday(day);
            const bool weekend = wd == 0 || wd == 6;

            // Candidates of the day: people coming back first (on weekdays), then new people.
            returning.clear();
            while (!weekend && !returns.empty() && returns.top().day <= day) {
                returning.push_back(returns.top());
                returns.pop();
            }
            if (places != table_places) {
                table_places = places;
                candidates[0] = binomial_cumulative(places * daily_rate_per_place * k_weekday_share * 7 / 5);
                candidates[1] = binomial_cumulative(places * daily_rate_per_place * (1 - k_weekday_share) * 7 / 2);
            }
            const int newcomers = m_rng.from_cumulative(candidates[weekend ? 1 : 0]);

            auto has_place = [&] {
                return present < places || (present == places && m_rng.chance(k_overflow_chance));
            };
            for (const Return& r : returning) {
                if (has_place()) {
                    admit(r.person, day, departures, returns, present);
                } else if (r.attempts < 4) {
                    returns.push({day + 7, r.person, r.attempts + 1});  // asks again the next week
                }
            }
            for (int i = 0; i < newcomers; ++i) {
                if (has_place()) admit(new_person(day), day, departures, returns, present);
            }

            stats.bed_days += present;
            stats.capacity_days += places;
            stats.peak_present = std::max(stats.peak_present, present);
            if (present > places) ++stats.overflow_days;
        }
    }

    int new_person(int day) {
        Person p{};
        const auto c = to_ymd(day);
        p.id_year = c.year;
        p.id_seq = m_ids.next(c.year);
        p.woman = m_rng.chance(k_share_women);
        const auto& band = k_age_bands[m_rng.weighted(age_weights())];
        const int age = m_rng.between(band.min_age, band.max_age);
        // A birth date that gives exactly `age` whole years on the entry day.
        const int latest = add_months(day, -12 * age);
        const int earliest = add_months(day, -12 * (age + 1)) + 1;
        p.birth_day = m_rng.between(earliest, latest);
        p.origin = draw_origin();
        auto& persons = m_establishment->persons;
        persons.push_back(p);
        return static_cast<int>(persons.size()) - 1;
    }

    static const std::array<int, k_age_bands.size()>& age_weights() {
        static const auto weights = [] {
            std::array<int, k_age_bands.size()> w{};
            for (std::size_t i = 0; i < w.size(); ++i) w[i] = k_age_bands[i].weight;
            return w;
        }();
        return weights;
    }

    static const std::array<int, k_length_bands.size()>& length_weights() {
        static const auto weights = [] {
            std::array<int, k_length_bands.size()> w{};
            for (std::size_t i = 0; i < w.size(); ++i) w[i] = k_length_bands[i].weight;
            return w;
        }();
        return weights;
    }

    // Geographic origin relative to the establishment's département.
    std::int16_t draw_origin() {
        const int home = m_establishment->departement;
        const std::string& region = k_departements[static_cast<std::size_t>(home)].region_code;
        const double r = m_rng.uniform();
        if (r < 0.03) return static_cast<std::int16_t>(-1 - static_cast<int>(m_rng.index(k_abroad_values.size())));
        if (r < 0.20) return static_cast<std::int16_t>(home);
        if (r < 0.45) {
            // Another département of the same region (when it has one).
            std::array<int, 16> same{};
            std::size_t n = 0;
            for (std::size_t i = 0; i < k_departements.size(); ++i) {
                if (k_departements[i].region_code == region && static_cast<int>(i) != home) same[n++] = static_cast<int>(i);
            }
            if (n > 0) return static_cast<std::int16_t>(same[m_rng.index(n)]);
        }
        // Anywhere in France, overseas now and then.
        const std::size_t pool = m_rng.chance(0.02) ? k_departements.size() : static_cast<std::size_t>(k_first_drom);
        return static_cast<std::int16_t>(m_rng.index(pool));
    }

    void admit(int person_index, int day, std::vector<int>& departures,
               std::priority_queue<Return, std::vector<Return>, std::greater<>>& returns, int& present) {
        Stay s{};
        s.person = person_index;
        s.entry = day;
        s.band = static_cast<std::uint8_t>(m_rng.weighted(length_weights()));
        const LengthBand& band = k_length_bands[s.band];
        int exit = day;
        switch (band.kind) {
            case LengthKind::early: {
                const double u = std::min(m_rng.uniform(), m_rng.uniform());  // skewed to the first days
                exit = m_rng.chance(k_same_day_exit) ? day : day + band.min_days + static_cast<int>(u * (band.max_days - band.min_days + 1));
                break;
            }
            case LengthKind::uniform: exit = day + m_rng.between(band.min_days, band.max_days); break;
            case LengthKind::term:
                exit = add_months(day, 24) + (m_rng.chance(0.7) ? 0 : m_rng.between(1, band.max_days));
                break;
            case LengthKind::beyond: exit = add_months(day, 24) + m_rng.between(band.min_days, band.max_days); break;
        }

        s.referral = static_cast<Referral>(m_rng.weighted(k_referral_weights));
        s.exit_reason = static_cast<ExitReason>(m_rng.weighted(k_exit_reason_weights[s.band]));
        s.housing = draw_housing(s.exit_reason);
        s.activity = draw_activity(s.exit_reason, s.band);
        const int elapsed = std::min(exit, m_last_day) - day;
        s.stage = draw_stage(elapsed);

        auto& person = m_establishment->persons[static_cast<std::size_t>(person_index)];
        s.ordinal = ++person.stays;
        if (exit > m_last_day) {
            s.exit = k_open;
        } else {
            s.exit = exit;
            // Some come back for another stay, months or years later.
            if (s.exit_reason != death && person.stays < k_max_stays_per_person && m_rng.chance(k_return_chance)) {
                const int back = exit + m_rng.between(60, 1095);
                const bool still_of_age = back < add_months(person.birth_day, 12 * (k_max_age + 1));
                if (back <= m_last_day && still_of_age) returns.push({back, person_index, 0});
            }
        }
        if (exit > day) {
            ++present;
            if (exit <= m_last_day) ++departures[static_cast<std::size_t>(exit - m_first_day)];
        }
        m_establishment->stays.push_back(s);
    }

    Housing draw_housing(ExitReason reason) {
        // own, supported, shelter, family, care, prison, none
        switch (reason) {
            case term:
            case planned: return static_cast<Housing>(m_rng.weighted(std::array<int, 7>{30, 30, 15, 20, 3, 0, 2}));
            case dropout:
            case exclusion: return static_cast<Housing>(m_rng.weighted(std::array<int, 7>{8, 4, 15, 30, 3, 0, 40}));
            case reorientation: return static_cast<Housing>(m_rng.weighted(std::array<int, 7>{2, 20, 15, 10, 48, 0, 5}));
            case hospitalisation: return static_cast<Housing>(m_rng.weighted(std::array<int, 7>{0, 0, 0, 5, 90, 0, 5}));
            case incarceration: return prison;
            case death: return k_housing_none;
        }
        return k_housing_none;
    }

    Activity draw_activity(ExitReason reason, std::uint8_t band) {
        // employment, training, job seeking, benefits
        switch (reason) {
            case term:
            case planned:
                return static_cast<Activity>(m_rng.weighted(band >= 3 ? std::array<int, 4>{38, 20, 24, 18} : std::array<int, 4>{30, 20, 25, 25}));
            case death: return k_activity_none;
            case incarceration: return static_cast<Activity>(m_rng.weighted(std::array<int, 4>{2, 0, 8, 90}));
            default: return static_cast<Activity>(m_rng.weighted(std::array<int, 4>{8, 5, 30, 57}));
        }
    }

    std::uint8_t draw_stage(int elapsed_days) {
        // Stage reached: étape 1 (arrival, ~3 months), 2 (consolidation), 3 (reintegration).
        std::array<int, 3> w{};
        if (elapsed_days <= 91) w = {90, 10, 0};
        else if (elapsed_days <= 365) w = {20, 58, 22};
        else w = {3, 25, 72};
        return static_cast<std::uint8_t>(1 + m_rng.weighted(w));
    }

    const Options& m_options;
    IdAllocator& m_ids;
    Rng m_rng;
    int m_first_day;
    int m_last_day;
    Establishment* m_establishment = nullptr;
};

// ───────────────────────────────────────────────────────────────────────────────
// Rendering a stay into the export's cells (with the export's untidiness)
// ───────────────────────────────────────────────────────────────────────────────

constexpr std::array<std::string_view, 13> k_headers{
    "N° dossier", "Sexe", "Date de naissance", "Date d'entrée", "Date de sortie", "Orientation",
    "Département d'origine", "Motif de sortie", "Logement à la sortie",
    "Situation professionnelle à la sortie", "Étape", "Observations", "Établissement",
};

// c_site is written only with --site-column.
enum Column : std::size_t { c_id, c_sex, c_birth, c_entry, c_exit, c_referral, c_origin, c_reason, c_housing, c_activity, c_stage, c_observations, c_site, k_columns };

// One row: dates as day numbers (k_no_date = empty), the rest as UTF-8 text (empty = empty cell).
struct Row {
    std::array<std::string, k_columns> text;
    int birth = k_no_date;
    int entry = k_no_date;
    int exit = k_no_date;
    int stage_number = 0;  // the stage as a plain number (for XLSX numeric cells), 0 if text
};

// Case changes on UTF-8 text: ASCII and the Latin-1 letters (é ↔ É is C3 A9 ↔ C3 89).
void to_upper(std::string& s, std::size_t from = 0, std::size_t count = std::string::npos) {
    const std::size_t end = count == std::string::npos ? s.size() : std::min(s.size(), from + count);
    for (std::size_t i = from; i < end; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 'a' && c <= 'z') {
            s[i] = static_cast<char>(c - 32);
        } else if (c == 0xC3 && i + 1 < s.size()) {
            const auto n = static_cast<unsigned char>(s[i + 1]);
            if (n >= 0xA0 && n <= 0xBE && n != 0xB7) s[i + 1] = static_cast<char>(n - 0x20);
            ++i;
        }
    }
}

// Accents dropped, as typed on a keyboard without them: é → e, À → A, ç → c.
void strip_accents(std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == 0xC3 && i + 1 < s.size()) {
            const auto n = static_cast<unsigned char>(s[i + 1]);
            constexpr std::string_view k_plain = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYPsaaaaaaaceeeeiiiidnooooo/ouuuuypy";
            if (n >= 0x80 && n <= 0xBF) {
                out += k_plain[n - 0x80];
                ++i;
                continue;
            }
        }
        out += static_cast<char>(c);
    }
    s = std::move(out);
}

class RowRenderer {
public:
    RowRenderer(std::uint64_t seed, int index) : m_rng(seed, static_cast<std::uint64_t>(index) * 2 + 1) {}

    void render(const Establishment& e, const Stay& s, Row& row) {
        const Person& p = e.persons[static_cast<std::size_t>(s.person)];
        const bool open = s.exit == k_open;
        for (auto& t : row.text) t.clear();

        row.text[c_id] = fmt::format("D{}-{:04}", p.id_year, p.id_seq);
        render_sex(p.woman, row.text[c_sex]);
        row.birth = m_rng.chance(k_missing_birth_date) ? k_no_date : p.birth_day;
        row.entry = s.entry;
        row.exit = open ? k_no_date : s.exit;

        category(k_referral_values[s.referral], row.text[c_referral]);
        render_origin(p.origin, row.text[c_origin]);
        if (!open) {
            render_exit_reason(s, row.text[c_reason]);
            if (s.housing != k_housing_none) category(k_housing_values[s.housing], row.text[c_housing]);
            if (s.activity != k_activity_none) render_activity(s, row.text[c_activity]);
        }
        render_stage(s.stage, row);
        if (m_rng.chance(k_observation)) {
            row.text[c_observations] = s.ordinal > 1 && m_rng.chance(0.3) ? k_observations.back()
                                                                        : k_observations[m_rng.index(k_observations.size() - 1)];
        }
    }

private:
    void render_sex(bool woman, std::string& out) {
        if (m_rng.chance(k_missing_sex)) return;
        static constexpr std::array<std::array<const char*, 2>, 5> k_styles{{
            {"H", "F"}, {"homme", "femme"}, {"Homme", "Femme"}, {"M", "F"}, {"HOMME", "FEMME"},
        }};
        out = k_styles[m_rng.weighted(std::array<int, 5>{55, 20, 15, 7, 3})][woman ? 1 : 0];
    }

    // The value as typed: mostly as in the list, sometimes capitalised, in capitals,
    // without accents or with stray spaces.
    void vary(const char* value, std::string& out) {
        out = value;
        switch (m_rng.weighted(std::array<int, 6>{62, 15, 7, 8, 5, 3})) {
            case 1: to_upper(out, 0, out.size() > 0 && static_cast<unsigned char>(out[0]) == 0xC3 ? 2 : 1); break;
            case 2: to_upper(out); break;
            case 3: strip_accents(out); break;
            case 4: out += ' '; break;
            case 5: out.insert(out.begin(), ' '); break;
            default: break;
        }
    }

    // A categorical cell: ~3 % empty, ~0.5 % a value of no category, else `value` as typed.
    void category_value(const char* value, std::string& out) {
        const double r = m_rng.uniform();
        if (r < k_missing_category) return;
        if (r < k_missing_category + k_unmapped_category) {
            out = k_unmapped_values[m_rng.index(k_unmapped_values.size())];
            return;
        }
        vary(value, out);
    }

    // A raw value of the category: its first, most usual spelling half of the time.
    void category(const ValueList& values, std::string& out) {
        category_value(m_rng.chance(0.5) ? values.front() : values[m_rng.index(values.size())], out);
    }

    void render_exit_reason(const Stay& s, std::string& out) {
        if (s.exit_reason == planned && m_rng.chance(0.3)) {
            // The software's finer reasons for a planned exit.
            const char* specific = nullptr;
            if (s.activity == employment) specific = s.band == 0 ? "sortie anticipée vers emploi" : "reprise d'emploi";
            else if (s.activity == training) specific = "entrée en formation";
            else if (s.housing == own_housing) specific = "accès au logement";
            if (specific) {
                category_value(specific, out);
                return;
            }
        }
        category(k_exit_reason_values[s.exit_reason], out);
    }

    void render_activity(const Stay& s, std::string& out) {
        if (s.activity == job_seeking && m_rng.chance(0.4)) {
            // Pôle emploi became France Travail on 1 January 2024.
            const bool renamed = s.exit >= to_day(2024, 1, 1);
            category_value(renamed ? "France Travail" : "Pôle emploi", out);
            return;
        }
        category(k_activity_values[s.activity], out);
    }

    void render_origin(std::int16_t origin, std::string& out) {
        if (m_rng.chance(k_missing_origin)) return;
        if (origin < 0) {
            out = k_abroad_values[static_cast<std::size_t>(-1 - origin)];
            return;
        }
        const Departement& d = k_departements[static_cast<std::size_t>(origin)];
        const std::size_t style = m_rng.weighted(std::array<int, 3>{50, 30, 20});
        if (style == 0) {
            out = d.code;
        } else if (style == 1) {
            out = postal_code(d);
        } else {
            out = d.name;
            const std::size_t v = m_rng.weighted(std::array<int, 3>{80, 12, 8});
            if (v == 1) to_upper(out);
            else if (v == 2) strip_accents(out);
        }
    }

    // A plausible 5-digit postal code of a département (Corsica 200xx/202xx, DROM 97xxx).
    std::string postal_code(const Departement& d) {
        const std::string_view code = d.code;
        if (code == "2A") return fmt::format("20{:03}", m_rng.between(0, 19) * 10);
        if (code == "2B") return fmt::format("20{:03}", m_rng.between(20, 29) * 10 + (m_rng.chance(0.2) ? 400 : 0));
        if (code.size() == 3) return fmt::format("{}{:02}", code, m_rng.between(0, 9) * 10);
        if (code == "75") return fmt::format("750{:02}", m_rng.between(1, 20));
        const int tail = m_rng.chance(0.85) ? m_rng.between(0, 99) * 10 : m_rng.between(0, 999);
        return fmt::format("{}{:03}", code, tail);
    }

    void render_stage(std::uint8_t stage, Row& row) {
        row.stage_number = 0;
        if (m_rng.chance(k_missing_stage)) return;
        if (m_rng.chance(0.03)) {
            row.text[c_stage] = fmt::format("Étape {}", stage);
            return;
        }
        row.text[c_stage] = static_cast<char>('0' + stage);
        row.stage_number = stage;
    }

    Rng m_rng;
};

// ───────────────────────────────────────────────────────────────────────────────
// Writers
// ───────────────────────────────────────────────────────────────────────────────

class RowWriter {
public:
    virtual ~RowWriter() = default;
    virtual void write_header() = 0;
    virtual void write_row(const Row& row) = 0;
    virtual void finish() = 0;
    // The columns written: all but the site column unless --site-column.
    void set_site_column(bool on) { m_columns = on ? k_columns : k_columns - 1; }

protected:
    std::size_t m_columns = k_columns - 1;
};

// UTF-8 → Windows-1252 for the characters the generator writes (Latin-1 plus the
// 0x80-0x9F punctuation); anything else becomes '?'.
void append_cp1252(std::string& out, std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out += static_cast<char>(c);
            continue;
        }
        char32_t cp = 0;
        std::size_t len = 0;
        if ((c & 0xE0) == 0xC0) { cp = c & 0x1F; len = 1; }
        else if ((c & 0xF0) == 0xE0) { cp = c & 0x0F; len = 2; }
        else if ((c & 0xF8) == 0xF0) { cp = c & 0x07; len = 3; }
        for (std::size_t k = 0; k < len && i + 1 < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[++i]) & 0x3F);
        if (cp >= 0xA0 && cp <= 0xFF) {
            out += static_cast<char>(cp);
            continue;
        }
        static constexpr std::array<std::pair<char32_t, unsigned char>, 27> k_specials{{
            {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85}, {0x2020, 0x86},
            {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A}, {0x2039, 0x8B}, {0x0152, 0x8C},
            {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95},
            {0x2013, 0x96}, {0x2014, 0x97}, {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B},
            {0x0153, 0x9C}, {0x017E, 0x9E}, {0x0178, 0x9F},
        }};
        char byte = '?';
        for (const auto& [from, to] : k_specials) {
            if (from == cp) byte = static_cast<char>(to);
        }
        out += byte;
    }
}

// `;`-separated, CRLF, RFC 4180 quoting, through a large buffer.
class CsvWriter final : public RowWriter {
public:
    CsvWriter(const std::string& path, Encoding encoding) : m_encoding(encoding) {
        m_file = path == "-" ? stdout : std::fopen(path.c_str(), "wb");
        if (!m_file) throw UsageError(fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
        m_buffer.reserve(k_buffer_size + 64 * 1024);
    }
    ~CsvWriter() override {
        if (m_file && m_file != stdout) std::fclose(m_file);
    }

    void write_header() override {
        for (std::size_t i = 0; i < m_columns; ++i) {
            if (i) m_buffer += ';';
            put_text(k_headers[i]);
        }
        m_buffer += "\r\n";
    }

    void write_row(const Row& row) override {
        for (std::size_t i = 0; i < m_columns; ++i) {
            if (i) m_buffer += ';';
            switch (i) {
                case c_birth: put_date(row.birth); break;
                case c_entry: put_date(row.entry); break;
                case c_exit: put_date(row.exit); break;
                default: put_field(row.text[i]); break;
            }
        }
        m_buffer += "\r\n";
        if (m_buffer.size() >= k_buffer_size) flush();
    }

    void finish() override {
        flush();
        if (std::fflush(m_file) != 0 || std::ferror(m_file)) throw std::runtime_error("write error");
    }

private:
    static constexpr std::size_t k_buffer_size = 4 << 20;

    void flush() {
        if (!m_buffer.empty() && std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file) != m_buffer.size())
            throw std::runtime_error(fmt::format("write error: {}", std::strerror(errno)));
        m_buffer.clear();
    }

    void put_text(std::string_view s) {
        if (m_encoding == Encoding::cp1252) append_cp1252(m_buffer, s);
        else m_buffer.append(s);
    }

    static bool needs_quotes(std::string_view s) {
        for (char c : s) {
            if (c == ';' || c == '"' || c == '\r' || c == '\n') return true;
        }
        return false;
    }

    void put_field(std::string_view s) {
        if (!needs_quotes(s)) {
            put_text(s);
            return;
        }
        m_buffer += '"';
        std::size_t start = 0;
        for (std::size_t q; (q = s.find('"', start)) != std::string_view::npos; start = q + 1) {
            put_text(s.substr(start, q + 1 - start));
            m_buffer += '"';
        }
        put_text(s.substr(start));
        m_buffer += '"';
    }

    // dd/mm/yyyy by hand.
    void put_date(int day) {
        if (day == k_no_date) return;
        const auto c = to_ymd(day);
        char text[10] = {
            static_cast<char>('0' + c.day / 10), static_cast<char>('0' + c.day % 10), '/',
            static_cast<char>('0' + c.month / 10), static_cast<char>('0' + c.month % 10), '/',
            static_cast<char>('0' + c.year / 1000), static_cast<char>('0' + c.year / 100 % 10),
            static_cast<char>('0' + c.year / 10 % 10), static_cast<char>('0' + c.year % 10),
        };
        m_buffer.append(text, sizeof text);
    }

    std::FILE* m_file = nullptr;
    Encoding m_encoding;
    std::string m_buffer;
};

// One sheet `Séjours`, constant-memory mode (rows streamed to a temp file), dates as
// Excel serial numbers with a dd/mm/yyyy format, the stage as a number.
class XlsxWriter final : public RowWriter {
public:
    explicit XlsxWriter(const std::string& path) {
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE;
        options.use_zip64 = LXW_TRUE;
        m_workbook = workbook_new_opt(path.c_str(), &options);
        if (!m_workbook) throw UsageError(fmt::format("cannot create '{}'", path));
        m_sheet = workbook_add_worksheet(m_workbook, "Séjours");
        m_date = workbook_add_format(m_workbook);
        format_set_num_format(m_date, "dd/mm/yyyy");
        m_bold = workbook_add_format(m_workbook);
        format_set_bold(m_bold);
        constexpr std::array<double, k_columns> k_widths{12, 7, 12, 12, 12, 22, 12, 22, 22, 22, 7, 40, 12};
        for (std::size_t i = 0; i < m_columns; ++i)
            worksheet_set_column(m_sheet, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), k_widths[i], nullptr);
        worksheet_freeze_panes(m_sheet, 1, 0);
    }
    ~XlsxWriter() override {
        if (m_workbook) workbook_close(m_workbook);  // only reached on an error path
    }

    void write_header() override {
        for (std::size_t i = 0; i < m_columns; ++i) {
            const std::string h(k_headers[i]);
            check(worksheet_write_string(m_sheet, 0, static_cast<lxw_col_t>(i), h.c_str(), m_bold));
        }
        m_row = 1;
    }

    void write_row(const Row& row) override {
        if (m_row > 1048575) throw std::runtime_error("XLSX holds at most 1,048,575 data rows: use CSV");
        for (std::size_t i = 0; i < m_columns; ++i) {
            const auto col = static_cast<lxw_col_t>(i);
            const int date = i == c_birth ? row.birth : i == c_entry ? row.entry : i == c_exit ? row.exit : k_no_date;
            if (i == c_birth || i == c_entry || i == c_exit) {
                if (date != k_no_date) check(worksheet_write_number(m_sheet, m_row, col, date - k_excel_epoch, m_date));
            } else if (i == c_stage && row.stage_number > 0) {
                check(worksheet_write_number(m_sheet, m_row, col, row.stage_number, nullptr));
            } else if (!row.text[i].empty()) {
                check(worksheet_write_string(m_sheet, m_row, col, row.text[i].c_str(), nullptr));
            }
        }
        ++m_row;
    }

    void finish() override {
        const lxw_error error = workbook_close(m_workbook);
        m_workbook = nullptr;
        if (error != LXW_NO_ERROR) throw std::runtime_error(fmt::format("cannot write the XLSX file: {}", lxw_strerror(error)));
    }

private:
    static void check(lxw_error error) {
        if (error != LXW_NO_ERROR) throw std::runtime_error(fmt::format("XLSX: {}", lxw_strerror(error)));
    }

    lxw_workbook* m_workbook = nullptr;
    lxw_worksheet* m_sheet = nullptr;
    lxw_format* m_date = nullptr;
    lxw_format* m_bold = nullptr;
    lxw_row_t m_row = 0;
};

// ───────────────────────────────────────────────────────────────────────────────
// Driver
// ───────────────────────────────────────────────────────────────────────────────

struct Totals {
    long long stays = 0;
    long long open_stays = 0;
    long long persons = 0;
    int establishments = 0;
    long long bed_days = 0;
    long long capacity_days = 0;
    long long overflow_days = 0;
    double min_occupancy = 1e9;
    double max_occupancy = 0;
};

int run(const Options& options) {
    const auto started = std::chrono::steady_clock::now();
    std::unique_ptr<RowWriter> writer;
    if (options.format == Format::xlsx) writer = std::make_unique<XlsxWriter>(options.output);
    else writer = std::make_unique<CsvWriter>(options.output, options.encoding);
    writer->set_site_column(options.site_column);
    writer->write_header();

    IdAllocator ids(options.from_year, options.to_year);
    Totals totals;
    Row row;
    const long long wanted = options.stays;
    for (int index = 0; wanted > 0 ? totals.stays < wanted : index < options.establishments; ++index) {
        Establishment e = Simulator(options, ids, index).run();
        RowRenderer renderer(options.seed, index);
        std::vector<bool> person_written(e.persons.size(), false);
        for (const Stay& s : e.stays) {
            if (wanted > 0 && totals.stays >= wanted) break;
            if (options.keep_from && s.exit != k_open && s.exit < *options.keep_from) continue;
            renderer.render(e, s, row);
            if (options.site_column) row.text[c_site] = fmt::format("CT {:04}", index + 1);
            writer->write_row(row);
            ++totals.stays;
            totals.open_stays += s.exit == k_open;
            if (!person_written[static_cast<std::size_t>(s.person)]) {
                person_written[static_cast<std::size_t>(s.person)] = true;
                ++totals.persons;
            }
        }
        const double occupancy = e.stats.capacity_days ? static_cast<double>(e.stats.bed_days) / e.stats.capacity_days : 0;
        if (options.verbose && (options.establishments > 0 && options.establishments <= 20)) {
            std::fprintf(stderr, "establishment %d: département %s, target occupancy %.2f, simulated %.3f, peak %d present, %d days over capacity, %zu stays simulated\n",
                         index + 1, k_departements[static_cast<std::size_t>(e.departement)].code.c_str(), e.target_occupancy, occupancy,
                         e.stats.peak_present, e.stats.overflow_days, e.stays.size());
        }
        ++totals.establishments;
        totals.bed_days += e.stats.bed_days;
        totals.capacity_days += e.stats.capacity_days;
        totals.overflow_days += e.stats.overflow_days;
        totals.min_occupancy = std::min(totals.min_occupancy, occupancy);
        totals.max_occupancy = std::max(totals.max_occupancy, occupancy);
    }
    writer->finish();

    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!options.quiet) {
        std::fprintf(stderr, "ctreport-gen: %lld stays (%lld still open) of %lld people in %d establishment%s, %d-%d, written to %s in %.2f s\n",
                     totals.stays, totals.open_stays, totals.persons, totals.establishments,
                     totals.establishments > 1 ? "s" : "", options.from_year, options.to_year,
                     options.output.c_str(), seconds);
    }
    if (options.verbose) {
        std::fprintf(stderr, "ctreport-gen: simulated occupancy %.3f overall (establishments %.3f-%.3f), %lld days over capacity\n",
                     totals.capacity_days ? static_cast<double>(totals.bed_days) / totals.capacity_days : 0.0,
                     totals.min_occupancy, totals.max_occupancy, totals.overflow_days);
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(parse_options(argc, argv));
    } catch (const UsageError& e) {
        std::fprintf(stderr, "ctreport-gen: error: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ctreport-gen: error: %s\n", e.what());
        return 1;
    }
}
