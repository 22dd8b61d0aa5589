// PDF compilation through the system's LaTeX.
#include "render/latex_pdf.hpp"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include <fmt/format.h>

#include "util/errors.hpp"

namespace ctreport::render {

namespace fs = std::filesystem;

namespace {
bool on_path(const std::string& program) {
  std::string cmd = "command -v " + program + " >/dev/null 2>&1";
  return std::system(cmd.c_str()) == 0;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

std::optional<std::string> latex_engine() {
  if (on_path("latexmk") && on_path("pdflatex"))
    return std::string("latexmk -pdf -interaction=nonstopmode -halt-on-error rapport.tex");
  if (on_path("pdflatex"))
    return std::string(
        "pdflatex -interaction=nonstopmode -halt-on-error rapport.tex && "
        "pdflatex -interaction=nonstopmode -halt-on-error rapport.tex");
  return std::nullopt;
}

std::string compile_pdf(const std::string& tex, const fs::path& scratch_parent, long long source_date) {
  auto engine = latex_engine();
  if (!engine)
    throw UsageError(
        "--format pdf needs LaTeX, which is not installed: run 'CTREPORT_WITH_LATEX=1 bash scripts/setup.sh example' "
        "(or apt-get install latexmk texlive-latex-recommended texlive-pictures texlive-lang-french), or use --format tex "
        "and compile it yourself");
  std::error_code ec;
  fs::create_directories(scratch_parent, ec);
  std::random_device rd;
  fs::path dir = scratch_parent / fmt::format(".ctreport-latex-{}-{:x}", ::getpid(), rd());
  fs::create_directories(dir, ec);
  if (ec) throw UsageError(fmt::format("cannot create '{}': {}", dir.string(), ec.message()));
  struct Cleanup {
    fs::path dir;
    ~Cleanup() {
      std::error_code e;
      fs::remove_all(dir, e);
    }
  } cleanup{dir};
  {
    std::ofstream out(dir / "rapport.tex", std::ios::binary);
    out << tex;
  }
  std::string cmd = fmt::format("cd '{}' && export SOURCE_DATE_EPOCH={} FORCE_SOURCE_DATE=1 && {} </dev/null >latex-output.txt 2>&1",
                                dir.string(), source_date, *engine);
  int status = std::system(cmd.c_str());
  if (status != 0 || !fs::exists(dir / "rapport.pdf")) {
    std::string log = slurp(dir / "rapport.log");
    std::string first_error;
    std::istringstream lines(log);
    for (std::string line; std::getline(lines, line);)
      if (!line.empty() && line[0] == '!') {
        first_error = line;
        break;
      }
    throw DataError(fmt::format("LaTeX could not compile the report: {}", first_error.empty() ? "see the .tex output" : first_error));
  }
  return slurp(dir / "rapport.pdf");
}

}  // namespace ctreport::render
