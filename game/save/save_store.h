// The on-disk save: profile.json and settings.json in the data folder, written atomically.
// Loading never fails: a corrupt file is renamed aside (never deleted) and reported once.
#pragma once

#include "profile.h"
#include "settings.h"

#include <filesystem>
#include <string>
#include <vector>

namespace ff::save {

inline constexpr const char* kProfileFile = "profile.json";
inline constexpr const char* kSettingsFile = "settings.json";

// Something the game shows the player once after loading, in Chinese, e.g.
// "存档文件已损坏，已另存为 profile.json.corrupt-20261125T120000，进度从头开始。"
struct LoadNotice {
    std::string message;
};

struct LoadedSave {
    Profile profile;
    Settings settings;
    std::vector<LoadNotice> notices;
};

// $XDG_DATA_HOME/fraudfree, else $HOME/.local/share/fraudfree, else ./fraudfree-data.
std::filesystem::path default_data_dir();

// Missing folder or files give defaults without a notice. Never throws. Also removes the
// temp files that saves killed mid-write left in `dir` before this process started
// (remove_stale_temp_files).
LoadedSave load_save(const std::filesystem::path& dir);

// Atomic (see write_file_atomic); create `dir` if needed. Throw std::runtime_error
// with a readable message when the disk refuses.
void save_profile(const std::filesystem::path& dir, const Profile& profile);
void save_settings(const std::filesystem::path& dir, const Settings& settings);

} // namespace ff::save
