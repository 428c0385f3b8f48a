// The packs the game plays: every pack folder under the content folders, or one pack given with
// --pack. Reloadable (F5 / --watch); packs with errors are kept aside with their diagnostics.
#pragma once

#include "fraudfree/diagnostics.h"
#include "fraudfree/model.h"

#include <filesystem>
#include <string>
#include <vector>

namespace ff::game {

struct PackProblem {
    std::filesystem::path dir;
    std::vector<ff::Diagnostic> diagnostics; // errors (and warnings) of a pack that did not load
};

struct Library {
    std::vector<ff::Pack> packs;        // loaded without errors, in folder order
    std::vector<PackProblem> problems;  // packs that failed to load
    std::vector<std::filesystem::path> pack_dirs; // every folder tried, in order
    // newest_mtime(pack_dirs) taken before the folders were read: --watch reloads when the
    // folders differ from it, so an edit made while (or just after) they loaded is not missed.
    long long signature = 0;

    const ff::Pack* find_pack(const std::string& id) const;
    // The pack holding scenario `scenario_id` (first match), or null.
    const ff::Pack* pack_of_scenario(const std::string& scenario_id) const;
};

// Pack folders: `pack_dir` alone if given, else each subfolder with a pack.toml of each
// content folder (sorted by name).
std::vector<std::filesystem::path> find_pack_dirs(const std::vector<std::filesystem::path>& content_dirs,
                                                  const std::filesystem::path& pack_dir);

// Loads every folder with core's loader. Never throws.
Library load_library(const std::vector<std::filesystem::path>& pack_dirs);

// A signature of the pack folders' files and their modification times, for --watch:
// it changes when a file is edited, added or removed.
long long newest_mtime(const std::vector<std::filesystem::path>& pack_dirs);

// The content folder that ships with the game: next to the binary, or the source tree.
std::filesystem::path default_content_dir(const std::filesystem::path& exe_dir);
// The folder with the game's sounds (assets/sounds), found the same way.
std::filesystem::path default_sounds_dir(const std::filesystem::path& exe_dir);

} // namespace ff::game
