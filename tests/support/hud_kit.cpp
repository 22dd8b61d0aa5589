// Converting the HUD Data Lab HMIS CSV files into a ctreport stay table.
#include "support/hud_kit.hpp"

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "input/csv_reader.hpp"

namespace ctreport::test {

namespace fs = std::filesystem;

namespace {

using Record = std::map<std::string, std::string>;  // header -> value

// Every row of an HMIS CSV file (comma-separated, quoted strings), by header.
std::vector<Record> read_hmis(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  auto reader = input::CsvReader::from_string(text.str());
  input::Row row;
  std::vector<std::string> headers;
  std::vector<Record> out;
  while (reader->next_row(row)) {
    if (headers.empty()) {
      for (const auto& c : row.cells) headers.emplace_back(c.text);
      continue;
    }
    Record r;
    for (size_t c = 0; c < row.cells.size() && c < headers.size(); ++c) r[headers[c]] = std::string(row.cells[c].text);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

std::optional<fs::path> hud_th_source() {
  fs::path root;
  if (const char* env = std::getenv("CTREPORT_HUD_KIT"); env && *env) root = env;
  else root = fs::path(CTREPORT_SOURCE_DIR).parent_path() / "shared" / "testkits" / "hud";
  fs::path source = root / "datalab-fy2021" / "datalab_hmis" / "th" / "source";
  if (!fs::is_regular_file(source / "Enrollment.csv")) return std::nullopt;
  return source;
}

std::string hud_stays_csv(const fs::path& source) {
  std::map<std::string, Record> exits, clients;
  for (auto& r : read_hmis(source / "Exit.csv")) exits[r["EnrollmentID"]] = r;
  for (auto& r : read_hmis(source / "Client.csv")) clients[r["PersonalID"]] = r;
  std::string csv = "N° dossier;Date d'entrée;Date de sortie;Destination;Date de naissance\n";
  for (auto& e : read_hmis(source / "Enrollment.csv")) {
    const Record& exit = exits[e["EnrollmentID"]];
    const Record& client = clients[e["PersonalID"]];
    auto get = [](const Record& r, const char* key) {
      auto it = r.find(key);
      return it == r.end() ? std::string() : it->second;
    };
    std::string quality = get(client, "DOBDataQuality");
    // HUD ages every client with a birth date, but for "doesn't know" (8) and "refused" (9).
    std::string birth = quality == "8" || quality == "9" ? "" : get(client, "DOB");
    csv += e["PersonalID"] + ";" + e["EntryDate"] + ";" + get(exit, "ExitDate") + ";" + get(exit, "Destination") + ";" +
           birth + "\n";
  }
  return csv;
}

}  // namespace ctreport::test
