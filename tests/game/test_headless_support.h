// Helpers for the headless-mode tests: run the real `fraudfree` binary and read its PNGs
// (tests/support/png_image.h).
#pragma once

#include "../support/png_image.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace fftest {

struct RunOutput {
    int status = -1;
    std::string out; // stdout only; stderr goes to the test log
};

// Runs a shell command and collects its stdout.
inline RunOutput run_game_cmd(const std::string& cmd) {
    RunOutput r;
    std::unique_ptr<FILE, int (*)(FILE*)> p(popen(cmd.c_str(), "r"), pclose);
    if (!p) return r;
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p.get())) > 0) r.out.append(buf.data(), n);
    r.status = pclose(p.release());
    return r;
}

// The normal palette's accent (game/src/theme.cpp), 0xRRGGBB as fftest::count_color takes it.
inline constexpr uint32_t kNormalAccent = 0x1F6FEB;

// Choices as --choices takes them: {1, 2, 1} -> "1,2,1".
inline std::string choice_list(const std::vector<int>& v) {
    std::string out;
    for (int c : v) out += (out.empty() ? "" : ",") + std::to_string(c);
    return out;
}

// Runs the game binary with `args` (shell syntax).
inline RunOutput run_game(const std::string& args) {
    return run_game_cmd(std::string("'") + FRAUDFREE_GAME_BIN + "' " + args);
}

} // namespace fftest
