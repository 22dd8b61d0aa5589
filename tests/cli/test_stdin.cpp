// Reading the data from a pipe: "-" is standard input, FIFOs and other
// non-regular files are read as streams of CSV, a workbook needs a file.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include <xlsxwriter.h>

#include "support/cli.hpp"

using ctreport::test::CliResult;
using ctreport::test::run_cli;
using ctreport::test::run_cli_piped;
using ctreport::test::ScratchDir;

namespace fs = std::filesystem;

namespace {

const std::string k_csv =
    "N° dossier;Sexe;Date de naissance;Date d'entrée;Date de sortie;Orientation;Motif de sortie\r\n"
    "D-0001;F;12/05/1985;15/11/2023;10/01/2024;CSAPA;Fin de contrat\r\n"
    "D-0002;H;03/03/1990;01/03/2024;;SPIP;\r\n"
    "D-0003;M;07/07/1971;01/06/2024;30/09/2024;hôpital;départ volontaire\r\n"
    "D-0003;M;07/07/1971;01/06/2024;30/09/2024;hôpital;départ volontaire\r\n";

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

// Every file under `dir`, name and content.
std::vector<std::pair<std::string, std::string>> files_of(const ScratchDir& scratch, const std::string& dir) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& e : fs::recursive_directory_iterator(scratch.path() / dir))
    if (e.is_regular_file()) {
      std::string name = fs::relative(e.path(), scratch.path() / dir).string();
      out.emplace_back(name, scratch.read(dir + "/" + name));
    }
  std::sort(out.begin(), out.end());
  return out;
}

// Writes `content` into the FIFO at `path` from another thread, once a reader
// opens it (gives up after 20 s, so that a run that never opens it ends).
std::thread write_fifo(const fs::path& path, std::string content) {
  return std::thread([path, content = std::move(content)] {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    int fd = -1;
    while ((fd = ::open(path.c_str(), O_WRONLY | O_NONBLOCK)) < 0 && errno == ENXIO &&
           std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (fd < 0) return;
    ::fcntl(fd, F_SETFL, 0);  // blocking writes from now on
    for (size_t done = 0; done < content.size();) {
      ssize_t n = ::write(fd, content.data() + done, std::min<size_t>(content.size() - done, 7));
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    ::close(fd);
  });
}

}  // namespace

TEST_SUITE("cli::stdin") {

TEST_CASE("'-' reads standard input: a report and a check as from the file, the config from the current folder") {
  ScratchDir dir;
  dir.write("data.csv", k_csv);
  dir.write("ctreport.yaml", "establishment:\n  name: CT Les Tilleuls\n  departement: '42'\ncapacity: 3\n");
  auto from_file = run_cli({"2024", "data.csv", "-f", "md,json,xlsx", "-o", "file"}, dir.path());
  auto from_pipe = run_cli_piped({"2024", "-", "-f", "md,json,xlsx", "-o", "pipe"}, dir.path(), dir.path() / "data.csv");
  REQUIRE(from_file.exit_code == 0);
  CHECK(from_pipe.exit_code == 0);
  CHECK(from_file.err.find("data.csv: row 5: the row repeats row 4") != std::string::npos);
  CHECK(from_pipe.err == replace_all(from_file.err, "data.csv:", "-:"));
  auto expected = files_of(dir, "file");
  CHECK(expected.size() >= 3);
  CHECK(files_of(dir, "pipe") == expected);
  CHECK(dir.read("pipe/rapport-2024.md").find("CT Les Tilleuls") != std::string::npos);  // the folder's config

  auto check_file = run_cli({"check", "2024", "data.csv", "--format", "json"}, dir.path());
  auto check_pipe = run_cli_piped({"check", "2024", "-", "--format", "json"}, dir.path(), dir.path() / "data.csv");
  CHECK(check_pipe.exit_code == check_file.exit_code);
  CHECK(check_file.out.find("\"file\": \"data.csv\"") != std::string::npos);
  CHECK(check_pipe.out == replace_all(check_file.out, "\"file\": \"data.csv\"", "\"file\": \"-\""));
  CHECK(check_pipe.out.find("duplicate_row") != std::string::npos);
}

TEST_CASE("a FIFO is read as a stream, and errors from a pipe name '-'") {
  ScratchDir dir;
  dir.write("data.csv", k_csv);
  REQUIRE(::mkfifo((dir.path() / "fifo.csv").c_str(), 0600) == 0);
  std::thread writer = write_fifo(dir.path() / "fifo.csv", k_csv);
  auto from_fifo = run_cli({"2024", "fifo.csv", "-f", "json", "-o", "fifo"}, dir.path());
  writer.join();
  auto from_file = run_cli({"2024", "data.csv", "-f", "json", "-o", "file"}, dir.path());
  CHECK(from_fifo.exit_code == 0);
  CHECK(from_fifo.err == replace_all(from_file.err, "data.csv:", "fifo.csv:"));
  CHECK(files_of(dir, "fifo") == files_of(dir, "file"));

  dir.write("empty.csv", "");
  auto empty = run_cli_piped({"2024", "-"}, dir.path(), dir.path() / "empty.csv");
  CHECK(empty.exit_code == 2);
  CHECK(empty.err == "ctreport: error: -: the file is empty\n");
  dir.write("bad.csv", "Date d'entrée;Date de sortie\n01/02/2024;2024-13-45\n");
  auto bad = run_cli_piped({"2024", "-"}, dir.path(), dir.path() / "bad.csv");
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.rfind("ctreport: error: -: row 2, column B (Date de sortie): ", 0) == 0);
}

TEST_CASE("a workbook from a pipe is refused with one line: it needs a file") {
  ScratchDir dir;
  std::string path = (dir.path() / "book.xlsx").string();
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Séjours");
  worksheet_write_string(ws, 0, 0, "Date d'entrée", nullptr);
  worksheet_write_string(ws, 1, 0, "01/02/2024", nullptr);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  REQUIRE(run_cli({"2024", "book.xlsx"}, dir.path()).exit_code == 0);
  auto r = run_cli_piped({"2024", "-"}, dir.path(), path);
  CHECK(r.exit_code == 2);
  CHECK(r.err == "ctreport: error: -: this is a zip/XLSX file, which cannot be read from a pipe or standard input (a "
                 "workbook is not read front to back): save it as a file and give its path\n");
  REQUIRE(::mkfifo((dir.path() / "fifo.xlsx").c_str(), 0600) == 0);
  std::thread writer = write_fifo(dir.path() / "fifo.xlsx", "");  // an end of file, should the FIFO be opened
  auto fifo = run_cli({"2024", "fifo.xlsx"}, dir.path());
  int unblock = ::open((dir.path() / "fifo.xlsx").c_str(), O_RDONLY | O_NONBLOCK);  // the writer's reader, if none came
  writer.join();
  if (unblock >= 0) ::close(unblock);
  CHECK(fifo.exit_code == 2);
  CHECK(fifo.err == "ctreport: error: fifo.xlsx: a workbook cannot be read from a pipe or device (its zip directory is "
                    "at its end): save it as a file and give its path\n");
}

TEST_CASE("'-' on a terminal is refused rather than waited for") {
  if (std::system("command -v script >/dev/null 2>&1") != 0) return;  // util-linux's script gives the terminal
  ScratchDir dir;
  std::string cmd = "cd '" + dir.path().string() + "' && script -qec \"'" CTREPORT_BINARY
                    "' 2024 -\" /dev/null >out.txt 2>&1 </dev/null";
  int status = std::system(cmd.c_str());
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  CHECK(dir.read("out.txt").find("ctreport: error: -: standard input is a terminal: pipe the data in (cat export.csv | "
                                 "ctreport 2024 -) or give its path") != std::string::npos);
}

}  // TEST_SUITE
