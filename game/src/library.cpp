#include "library.h"

#include "fraudfree/loader.h"

#include <algorithm>
#include <system_error>

namespace ff::game {
namespace fs = std::filesystem;

const ff::Pack* Library::find_pack(const std::string& id) const {
    for (const auto& p : packs)
        if (p.id == id) return &p;
    return nullptr;
}

const ff::Pack* Library::pack_of_scenario(const std::string& scenario_id) const {
    for (const auto& p : packs)
        if (p.find_scenario(scenario_id)) return &p;
    return nullptr;
}

std::vector<fs::path> find_pack_dirs(const std::vector<fs::path>& content_dirs, const fs::path& pack_dir) {
    if (!pack_dir.empty()) return {pack_dir};
    std::vector<fs::path> out;
    for (const auto& dir : content_dirs) {
        std::error_code ec;
        std::vector<fs::path> here;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            if (it->is_directory(ec) && fs::exists(it->path() / "pack.toml", ec)) here.push_back(it->path());
        }
        std::sort(here.begin(), here.end());
        out.insert(out.end(), here.begin(), here.end());
    }
    return out;
}

Library load_library(const std::vector<fs::path>& pack_dirs) {
    Library lib;
    lib.pack_dirs = pack_dirs;
    lib.signature = newest_mtime(pack_dirs);
    for (const auto& dir : pack_dirs) {
        ff::LoadResult r = ff::load_pack_dir(dir);
        if (r.pack) {
            // Two folders with the same pack id: the higher version wins (a downloaded update).
            auto same = std::find_if(lib.packs.begin(), lib.packs.end(), [&](const ff::Pack& p) { return p.id == r.pack->id; });
            if (same == lib.packs.end()) lib.packs.push_back(std::move(*r.pack));
            else if (r.pack->version > same->version) *same = std::move(*r.pack);
        } else {
            lib.problems.push_back(PackProblem{dir, std::move(r.diagnostics)});
        }
    }
    return lib;
}

long long newest_mtime(const std::vector<fs::path>& pack_dirs) {
    // A signature, not a time: file_clock's epoch lies in the future on libstdc++, so times
    // are negative; summing them (plus the file count) changes on any edit, addition or removal.
    long long sig = 0;
    for (const auto& dir : pack_dirs) {
        std::error_code ec;
        for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            std::error_code tec;
            auto t = fs::last_write_time(it->path(), tec);
            if (!tec) sig += static_cast<long long>(t.time_since_epoch().count() % 1000000000007LL) + 1;
        }
    }
    return sig;
}

namespace {
fs::path find_up(const fs::path& exe_dir, const fs::path& rel) {
    std::error_code ec;
    for (fs::path d = exe_dir; !d.empty(); d = d.parent_path()) {
        if (fs::is_directory(d / rel, ec)) return d / rel;
        if (d == d.parent_path()) break;
    }
    fs::path src = fs::path(FRAUDFREE_SOURCE_DIR) / rel;
    if (fs::is_directory(src, ec)) return src;
    return rel;
}
} // namespace

fs::path default_content_dir(const fs::path& exe_dir) { return find_up(exe_dir, "content"); }
fs::path default_sounds_dir(const fs::path& exe_dir) { return find_up(exe_dir, fs::path("assets") / "sounds"); }

} // namespace ff::game
