// Building the shared Context from the command line: data folder, save, packs, and the
// callbacks that do not depend on a window (recording results, reloading packs).
#pragma once

#include "screen.h"

#include <filesystem>
#include <memory>

namespace ff::game {

// `exe_dir` locates the bundled content when no --content/--pack is given.
std::unique_ptr<Context> make_context(const Options& options, const std::filesystem::path& exe_dir);

// Appends the play to the profile (with a fresh UUID and time stamp), saves it atomically and
// queues it for the server. Returns "" or a message for the player.
std::string record_play(Context& ctx, ff::ResultRecord record);

// Reloads ctx.library from the same folders.
void reload_library(Context& ctx);

// Where the app should start: the scenario given with --scenario, the errors screen when a
// --pack has errors, or the list.
ScreenRequest initial_request(const Context& ctx);

} // namespace ff::game
