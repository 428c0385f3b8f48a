// Parsed packs by content hash, so re-scoring a result does not re-parse TOML each time.
// The database stays the source of truth: a miss loads the pack from storage.
#pragma once

#include "fraudfree/model.h"
#include "fraudfree/pack_files.h"
#include "storage.h"

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace ff::server {

using LogFn = std::function<void(const std::string&)>;

class PackCache {
public:
    explicit PackCache(Storage& storage) : storage_(storage) {}

    // nullptr when no stored pack has this hash, or the stored one no longer loads.
    std::shared_ptr<const Pack> by_hash(const std::string& hash);
    // Latest catalogue version of a pack id; nullptr if unknown.
    std::shared_ptr<const Pack> latest(const std::string& id);
    void remember(std::shared_ptr<const Pack> pack);

private:
    Storage& storage_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::shared_ptr<const Pack>> by_hash_;
    std::unordered_set<std::string> unloadable_; // stored, but no longer loads
};

// {"path": "text", ...} as stored and served; throws nlohmann::json errors on bad input.
std::string files_to_json(const PackFiles& files);
PackFiles files_from_json(const std::string& json_text);

StoredPack make_stored_pack(const Pack& pack, const PackFiles& files);

// Loads every pack folder under `dir` (a folder holding pack.toml) into storage and the cache.
// Packs with errors are logged and skipped; a missing `dir` is logged, not fatal.
void load_bundled_packs(const std::string& dir, Storage& storage, PackCache& cache, const LogFn& log);

} // namespace ff::server
