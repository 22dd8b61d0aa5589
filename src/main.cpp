// ctreport's entry point: everything else is in the core library.
#include "cli/run.hpp"

int main(int argc, char** argv) { return ctreport::cli::run(argc, argv); }
