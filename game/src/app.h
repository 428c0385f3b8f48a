// The two ways the game runs: in a window (event loop that redraws only on change) and
// headless (dummy video driver, plays --choices, writes a PNG and prints the result JSON).
#pragma once

#include "options.h"

#include <filesystem>

namespace ff::game {

// Exit code: 0 on a normal quit, 1 when the game cannot start (message already shown).
int run_window(const Options& options, const std::filesystem::path& exe_dir);

// Exit code: 0 done, 1 bad input (unknown pack/scenario, impossible path), 2 cannot render.
int run_headless(const Options& options, const std::filesystem::path& exe_dir);

} // namespace ff::game
