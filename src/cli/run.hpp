// The command-line entry point: parses the arguments, runs the command, and
// turns every failure into one "ctreport: error: ..." line and an exit code.
#pragma once

namespace ctreport::cli {

int run(int argc, char** argv);

}  // namespace ctreport::cli
