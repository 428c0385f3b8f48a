// The dashboard in a real browser: runs tests/server/dashboard_browser.py, which drives
// headless Chromium over the DevTools pipe (sign in, create a class, projector, report,
// a <script> nickname that must not run) and saves screenshots into a temporary folder.
#include "server_process.h"

#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

using namespace ff::test;

SCENARIO("headless Chromium signs in, creates a class and sees the projector and report") {
    TempDir dir;
    const std::string script = std::string(FRAUDFREE_SOURCE_DIR) + "/tests/server/dashboard_browser.py";
    // The script bounds itself (150 s); `timeout` is the second guard against a hung browser.
    const std::string cmd = "timeout 240 python3 '" + script + "' --server-bin '" + FRAUDFREE_SERVER_BIN +
                            "' --source-dir '" + FRAUDFREE_SOURCE_DIR + "' --out '" + dir.path() + "' 2>&1";
    std::string output;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    while (size_t n = fread(buf, 1, sizeof buf, p)) output.append(buf, n);
    const int status = pclose(p);
    INFO(output);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    for (const char* shot : {"dashboard-projector.png", "dashboard-report.png"}) {
        const auto path = std::filesystem::path(dir.path()) / shot;
        INFO(path.string());
        REQUIRE(std::filesystem::exists(path));
        CHECK(std::filesystem::file_size(path) > 20000); // a real rendering, not a blank page
    }
}
