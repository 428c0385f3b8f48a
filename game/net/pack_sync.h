// Keeps the game's packs in step with the server's catalogue: at start and every few
// minutes, downloads new or newer packs, installs them (see pack_install.h) and hands the
// loaded packs to the game thread, marking their new scenarios "新".
#pragma once

#include "net/http_client.h"
#include "net/new_marks.h"

#include "fraudfree/model.h"

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace ff::net {

// What the game has now for one pack id (bundled or installed, whichever it uses).
struct KnownPack {
    std::string id;
    int version = 0;
    std::string hash;
    std::vector<std::string> scenario_ids;
};
KnownPack known_pack_of(const ff::Pack& p);

struct PackUpdate {
    ff::Pack pack;                          // validated, loaded from <data_dir>/packs/<id>
    std::vector<std::string> new_scenarios; // ids the game did not have before
};

struct UpdateReport {
    bool reached_server = false;
    std::vector<PackUpdate> installed;
    std::vector<std::string> problems;      // plain Chinese, one per pack that failed
};

// One pass: read the catalogue; for every entry whose id is unknown or whose version is
// higher than known (and whose hash has not already failed), download, verify and install
// it. `known` and `failed_hashes` are updated. Synchronous; the worker below calls it.
UpdateReport update_packs_once(HttpClient& http, const std::filesystem::path& data_dir,
                               std::map<std::string, KnownPack>& known, std::set<std::string>& failed_hashes);

struct PackSyncConfig {
    std::filesystem::path data_dir;
    std::optional<ServerUrl> server;          // empty = offline: the worker does nothing
    ClientOptions client;
    std::chrono::milliseconds interval{std::chrono::minutes(3)};
    std::chrono::milliseconds retry{std::chrono::seconds(30)}; // after the server was unreachable
    std::vector<KnownPack> known;             // what the game has loaded at start
    // Called on the worker thread when take_updates() has something new or the status
    // changed (wake the event loop). Must not block or call back into PackSync.
    std::function<void()> on_change;
};

struct PackSyncStatus {
    bool checked = false;       // at least one catalogue read succeeded
    int installed = 0;          // packs installed since start
    std::string message;        // last problem, plain Chinese; empty when fine
};

class PackSync {
public:
    // Starts the worker thread (which checks at once). `marks` receives the new scenarios.
    PackSync(PackSyncConfig config, std::shared_ptr<NewMarks> marks);
    ~PackSync();
    PackSync(const PackSync&) = delete;
    PackSync& operator=(const PackSync&) = delete;

    // Packs installed since the last call, for the game thread to swap in. Never blocks
    // on the network.
    std::vector<PackUpdate> take_updates();
    void check_now();
    // check_now() unless a check started less than `gap` ago (cheap; call it freely).
    void check_if_idle_for(std::chrono::milliseconds gap);
    PackSyncStatus status() const;

private:
    void run();

    PackSyncConfig config_;
    std::shared_ptr<NewMarks> marks_;
    std::unique_ptr<HttpClient> http_;
    std::map<std::string, KnownPack> known_;
    std::set<std::string> failed_;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    bool check_now_ = false;
    std::chrono::steady_clock::time_point last_check_{};
    std::vector<PackUpdate> ready_;
    PackSyncStatus status_;

    std::thread thread_;
};

} // namespace ff::net
