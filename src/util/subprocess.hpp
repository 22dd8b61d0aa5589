// Running a helper program (pandoc) without a shell: its arguments are passed
// as they are, whatever quotes or spaces the paths hold, in a given folder,
// with no standard input and its output kept in a file for error messages.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ctreport::util {

// The full path of `program` found on PATH, or nothing.
std::optional<std::filesystem::path> find_program(const std::string& program);

// Runs `argv` (argv[0] a path) in `folder`, standard input from /dev/null,
// standard output and error into `log`, with this process's environment plus
// `extra_env` ("NAME=value"). Returns the exit status (128 + the signal when
// killed, 127 when it could not be started).
int run_program(const std::vector<std::string>& argv, const std::filesystem::path& folder,
                const std::filesystem::path& log, const std::vector<std::string>& extra_env = {});

}  // namespace ctreport::util
