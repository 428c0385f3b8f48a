// Downloaded packs on disk: <data_dir>/packs/<id>/, verified (hash, file names, core
// validator) before they are installed, and swapped in atomically so a broken or
// interrupted download never replaces a good pack.
#pragma once

#include "fraudfree/model.h"
#include "fraudfree/pack_files.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ff::net {

// <data_dir>/packs
std::filesystem::path packs_dir_in(const std::filesystem::path& data_dir);

// Installed pack folders (names are pack ids), sorted; temp and old folders are skipped.
std::vector<std::filesystem::path> installed_pack_dirs(const std::filesystem::path& data_dir);

struct Verified {
    std::optional<ff::Pack> pack; // loaded with display root = its install folder
    std::string error;            // plain words when pack is empty
};

// Every file path allowed, pack_hash(files) == expected_hash, the core loader reports no
// error, and the pack's own id is expected_id.
Verified verify_pack(const ff::PackFiles& files, const std::string& expected_id,
                     const std::string& expected_hash, const std::filesystem::path& display_root);

struct Installed {
    std::optional<ff::Pack> pack;
    std::string error;
};

// verify_pack, then write to <packs>/.tmp-<id>-<random>/ (each file and folder fsynced),
// then rename it into place (exchanging with an existing folder, so there is no moment
// without a complete pack). On any error the previous folder is untouched.
Installed install_pack(const std::filesystem::path& data_dir, const std::string& expected_id,
                       const std::string& expected_hash, const ff::PackFiles& files);

// Finishes or undoes what a crash interrupted: removes temp folders, puts an old folder
// back if its pack folder is missing. Call once before loading installed packs. Never throws.
void recover_interrupted_installs(const std::filesystem::path& data_dir);

// For each pack id the highest version wins; on a tie the first list (bundled) wins.
// Order: first list's order, then new ids in the second list's order.
std::vector<ff::Pack> merge_packs(std::vector<ff::Pack> bundled, std::vector<ff::Pack> installed);

} // namespace ff::net
