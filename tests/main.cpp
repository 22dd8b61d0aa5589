// doctest's main for the test executable; the tests themselves mirror src/.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
