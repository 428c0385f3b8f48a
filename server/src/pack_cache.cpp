// Pack cache and the loading of bundled packs at start.
#include "pack_cache.h"

#include "fraudfree/diagnostics.h"
#include "fraudfree/loader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <stdexcept>

namespace ff::server {

std::shared_ptr<const Pack> PackCache::by_hash(const std::string& hash) {
    {
        std::lock_guard lock(mutex_);
        if (auto it = by_hash_.find(hash); it != by_hash_.end()) return it->second;
        if (unloadable_.count(hash)) return nullptr;
    }
    auto stored = storage_.pack_by_hash(hash);
    if (!stored) return nullptr; // not cached as missing: it may be uploaded later
    std::optional<Pack> loaded;
    try {
        loaded = load_pack(files_from_json(stored->files_json), stored->summary.id).pack;
    } catch (const std::exception&) {
        // files not a JSON map of strings: as unusable as a pack that no longer validates
    }
    if (!loaded) {
        // Stored before a stricter validator: nothing can be re-scored against it. A hash's
        // content never changes, so it is not parsed again for every result that names it.
        std::lock_guard lock(mutex_);
        unloadable_.insert(hash);
        return nullptr;
    }
    auto pack = std::make_shared<const Pack>(std::move(*loaded));
    remember(pack);
    return pack;
}

std::shared_ptr<const Pack> PackCache::latest(const std::string& id) {
    for (const auto& s : storage_.latest_packs()) // summaries only: no file contents read
        if (s.id == id) return by_hash(s.hash);
    return nullptr;
}

void PackCache::remember(std::shared_ptr<const Pack> pack) {
    std::lock_guard lock(mutex_);
    by_hash_[pack->hash] = std::move(pack);
}

std::string files_to_json(const PackFiles& files) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [path, bytes] : files) j[path] = bytes;
    return j.dump();
}

PackFiles files_from_json(const std::string& json_text) {
    PackFiles files;
    const nlohmann::json j = nlohmann::json::parse(json_text);
    if (!j.is_object()) throw std::invalid_argument("pack files must be a JSON object");
    for (auto it = j.begin(); it != j.end(); ++it) files[it.key()] = it.value().get<std::string>();
    return files;
}

StoredPack make_stored_pack(const Pack& pack, const PackFiles& files) {
    StoredPack s;
    s.summary.id = pack.id;
    s.summary.title = pack.title;
    s.summary.version = pack.version;
    s.summary.hash = pack.hash;
    s.summary.scenarios = static_cast<int>(pack.scenarios.size());
    for (const auto& [path, bytes] : files) s.summary.size += static_cast<int64_t>(bytes.size());
    s.files_json = files_to_json(files);
    return s;
}

void load_bundled_packs(const std::string& dir, Storage& storage, PackCache& cache, const LogFn& log) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (dir.empty()) return;
    if (!fs::is_directory(dir, ec)) {
        log("没有找到题包文件夹 " + dir + "，只提供已上传的题包");
        return;
    }
    std::vector<fs::path> folders;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.is_directory() && fs::exists(entry.path() / "pack.toml")) folders.push_back(entry.path());
    std::sort(folders.begin(), folders.end());
    for (const auto& folder : folders) {
        PackFiles files;
        try {
            files = read_pack_files(folder);
        } catch (const std::exception& e) {
            log(std::string("跳过题包：") + e.what());
            continue;
        }
        auto result = load_pack(files, folder.string());
        if (!result.pack) {
            for (const auto& d : result.diagnostics)
                if (d.severity == Severity::error) log("跳过题包：" + format_diagnostic(d));
            continue;
        }
        auto outcome = storage.put_pack(make_stored_pack(*result.pack, files), true);
        log("题包 " + result.pack->id + " 版本 " + std::to_string(result.pack->version) + " " +
            result.pack->hash.substr(0, 12) + (outcome.status == PutPackStatus::created ? "（新）" : ""));
        cache.remember(std::make_shared<const Pack>(std::move(*result.pack)));
    }
}

} // namespace ff::server
