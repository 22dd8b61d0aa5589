// The two pandoc passes of a docx or odt report, in a scratch folder.
#include "render/pandoc_document.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "util/embedded_files.hpp"
#include "util/errors.hpp"
#include "util/subprocess.hpp"
#include "util/zip_writer.hpp"

namespace ctreport::render {

namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out.flush()) throw UsageError(fmt::format("cannot write '{}'", path.string()));
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// pandoc's message: its error lines, without the long HTTP dumps or blank lines.
std::string pandoc_message(const fs::path& log) {
  std::istringstream lines(read_file(log));
  std::string message;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == ' ') continue;
    message += (message.empty() ? "" : " ") + line;
    if (message.size() > 400) break;
  }
  return message.empty() ? "no message" : message;
}

// Removes the folder's files whatever happens.
struct Cleanup {
  fs::path dir;
  ~Cleanup() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

}  // namespace

std::optional<fs::path> pandoc_program() { return util::find_program("pandoc"); }

std::string pandoc_missing_message(OfficeFormat format) {
  return fmt::format("--format {} needs pandoc, which is not installed: run 'CTREPORT_WITH_DOCX=1 bash scripts/setup.sh "
                     "example' (or apt-get install pandoc librsvg2-bin), or use --format md and open the Markdown",
                     format_name(format));
}

std::string pandoc_document(const PandocInput& input, const fs::path& scratch) {
  auto pandoc = pandoc_program();
  if (!pandoc) throw UsageError(pandoc_missing_message(input.format));
  const std::string format = format_name(input.format);
  fs::path dir = scratch / format;
  std::error_code ec;
  fs::remove_all(dir, ec);
  if (!fs::create_directory(dir, ec)) throw UsageError(fmt::format("cannot create '{}': {}", dir.string(), ec.message()));
  Cleanup cleanup{dir};
  fs::create_directory(dir / "data", ec);  // an empty data folder: no user's pandoc defaults or templates
  auto filter = util::find_embedded("pandoc/ctreport.lua");
  if (!filter) throw std::logic_error("missing embedded pandoc/ctreport.lua");
  write_file(dir / "ctreport.lua", *filter);
  write_file(dir / "report.md", input.markdown);
  write_file(dir / ("reference." + format), input.reference);
  for (const auto& [name, bytes] : input.files) write_file(dir / fs::path(name).filename(), bytes);

  const std::string exe = pandoc->string();
  auto run = [&](const std::vector<std::string>& args) {
    if (util::run_program(args, dir, dir / "pandoc.log", {fmt::format("SOURCE_DATE_EPOCH={}", input.source_date)}) != 0)
      throw DataError(fmt::format("pandoc could not write the {} report: {}", format, pandoc_message(dir / "pandoc.log")));
  };
  run({exe, "report.md", "--from=markdown-implicit_figures", "--to=json", "--data-dir=data", "--lua-filter=ctreport.lua",
       "--metadata=ctreport-format:" + format, "--output=report.json"});
  run({exe, "report.json", "--from=json", "--to=" + format, "--data-dir=data", "--reference-doc=reference." + format,
       "--resource-path=.", "--output=report." + format});
  // pandoc dates an odt's zip entries with the clock: rewritten, the same figures give the same bytes.
  return util::rezip(read_file(dir / ("report." + format)));
}

}  // namespace ctreport::render
