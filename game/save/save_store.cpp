// Loading and saving profile.json and settings.json. Loading never throws: whatever is on
// disk, the player gets a working game and a plain-Chinese note about what was set aside.
#include "save_store.h"

#include "atomic_file.h"
#include "clock.h"

#include <cstdlib>
#include <system_error>

namespace ff::save {
namespace fs = std::filesystem;
namespace {

using nlohmann::json;

// Serialisation must not throw on a nickname with broken UTF-8, so bad bytes are replaced.
std::string dump(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n"; }

// A free name "<file>.corrupt-<stamp>[-n]" next to `file`, so repeated damage keeps every copy.
fs::path aside_name(const fs::path& file) {
    const std::string base = file.string() + ".corrupt-" + compact_utc_stamp(std::chrono::system_clock::now());
    fs::path candidate = base;
    std::error_code ec;
    for (int n = 2; fs::exists(candidate, ec) && n < 1000; ++n) candidate = base + "-" + std::to_string(n);
    return candidate;
}

enum class Aside { move, copy };

// Puts a damaged file out of the way (moved), or keeps a copy of a partly readable one before the
// next save drops its bad parts (copied); never deletes. Returns the new name, or empty (with
// `error` set) when that failed.
fs::path put_aside(const fs::path& file, Aside how, std::string& error) {
    const fs::path target = aside_name(file);
    std::error_code ec;
    if (how == Aside::move) fs::rename(file, target, ec);
    else fs::copy_file(file, target, ec);
    if (ec) {
        error = ec.message();
        return {};
    }
    return target;
}

std::optional<json> parse_object(const std::string& bytes) {
    json j = json::parse(bytes, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) return std::nullopt;
    return j;
}

std::string aside_message(const char* what, const fs::path& file, const fs::path& aside, const std::string& error,
                          const char* consequence) {
    if (!aside.empty())
        return std::string(what) + "已损坏，已另存为 " + aside.filename().string() + "，" + consequence + "。";
    return std::string(what) + " " + file.filename().string() + " 已损坏，且无法另存（" + error + "），" + consequence +
           "，下次保存时会覆盖它。";
}

void load_profile(const fs::path& dir, LoadedSave& out) {
    const fs::path file = dir / kProfileFile;
    const auto bytes = read_file(file);
    if (!bytes) return;
    const auto j = parse_object(*bytes);
    if (!j) {
        std::string error;
        const fs::path aside = put_aside(file, Aside::move, error);
        out.notices.push_back({aside_message("存档文件", file, aside, error, "进度从头开始")});
        return;
    }
    int skipped = 0;
    out.profile = profile_from_json(*j, &skipped);
    if (skipped > 0) {
        std::string error;
        const fs::path copy = put_aside(file, Aside::copy, error);
        std::string msg = "存档中有 " + std::to_string(skipped) + " 条记录已损坏，已跳过";
        msg += copy.empty() ? "（无法备份原文件：" + error + "）。" : "，原文件已备份为 " + copy.filename().string() + "。";
        out.notices.push_back({msg});
    }
}

void load_settings(const fs::path& dir, LoadedSave& out) {
    const fs::path file = dir / kSettingsFile;
    const auto bytes = read_file(file);
    if (!bytes) return;
    const auto j = parse_object(*bytes);
    if (!j) {
        std::string error;
        const fs::path aside = put_aside(file, Aside::move, error);
        out.notices.push_back({aside_message("设置文件", file, aside, error, "已恢复默认设置")});
        return;
    }
    out.settings = settings_from_json(*j);
}

} // namespace

fs::path default_data_dir() {
    const char* xdg = std::getenv("XDG_DATA_HOME");
    if (xdg && *xdg) return fs::path(xdg) / "fraudfree";
    const char* home = std::getenv("HOME");
    if (home && *home) return fs::path(home) / ".local" / "share" / "fraudfree";
    return fs::path("fraudfree-data");
}

LoadedSave load_save(const fs::path& dir) {
    LoadedSave out;
    // Temp files of saves killed mid-write by an earlier run: the real files are intact
    // (write-then-rename), so these are only clutter.
    remove_stale_temp_files(dir, process_start_file_time());
    // Nothing here should throw, but a bad_alloc on a giant file must not end the game either.
    try {
        load_profile(dir, out);
    } catch (const std::exception& e) {
        out.profile = Profile{};
        out.notices.push_back({std::string("无法读取存档（") + e.what() + "），进度从头开始。"});
    }
    try {
        load_settings(dir, out);
    } catch (const std::exception& e) {
        out.settings = Settings{};
        out.notices.push_back({std::string("无法读取设置（") + e.what() + "），已恢复默认设置。"});
    }
    return out;
}

void save_profile(const fs::path& dir, const Profile& profile) { write_file_atomic(dir / kProfileFile, dump(to_json(profile))); }

void save_settings(const fs::path& dir, const Settings& settings) {
    write_file_atomic(dir / kSettingsFile, dump(to_json(settings)));
}

} // namespace ff::save
