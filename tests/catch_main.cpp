// The Catch2 v2 main, built once and shared by every test binary.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <csignal>

int main(int argc, char* argv[]) {
    // A server that closes a connection before a test's client has finished writing must fail
    // a check, not kill the test binary with SIGPIPE: a dead binary also leaves the server its
    // ServerProcess started running.
    std::signal(SIGPIPE, SIG_IGN);
    return Catch::Session().run(argc, argv);
}
