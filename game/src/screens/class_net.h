// The game's hook-up to the companion server (issue 7): starts the NetSession for a window,
// routes finished plays and "新" marks through it, swaps in packs it downloaded, and draws
// the small sync status badge over every screen.
#pragma once

#include "screen.h"

#include <filesystem>
#include <functional>

namespace ff::game {

// Resolves the server (--server, settings, fraudfree.toml next to the binary), starts the
// background sync and pack updates, and wraps ctx.record_result / ctx.is_new / ctx.overlay.
// `wake` is called from background threads when something changed (push an SDL event).
// Offline (no server) it still provides "新" marks; problems become notices. Also sets
// ctx.restart_net, which starts a new session after the server setting changed.
void attach_net(Context& ctx, const std::filesystem::path& exe_dir, std::function<void()> wake);

// Between frames, with the id of the screen shown: on the scenario list asks for a catalogue
// check (rate-limited); on screens that hold no pointers into a pack mid-play, takes the
// packs the background updater installed into ctx.library (a newer version replaces the
// loaded one). Returns true when the library changed (reopen the screen).
bool take_downloaded_packs(Context& ctx, const std::string& screen_id);

// Adds the packs installed under <data_dir>/packs to a freshly loaded library (higher
// version wins). Used by reload_library when no single --pack is previewed.
void add_installed_packs(Library& library, const std::filesystem::path& data_dir);

} // namespace ff::game
