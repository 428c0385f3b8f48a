// The Catch2 v2 main, built once and shared by every test binary.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
