// Everything the game needs from the companion server, in one object the app owns:
// the result sender, the pack updater, "新" marks, and the join and class-status calls.
// Every method returns at once; network work happens on background threads.
#pragma once

#include "net/api.h"
#include "net/async_call.h"
#include "net/new_marks.h"
#include "net/pack_sync.h"
#include "net/result_sync.h"
#include "net/server_config.h"

#include "fraudfree/result.h"
#include "save/profile.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ff::net {

struct NetSessionConfig {
    std::filesystem::path data_dir;
    std::optional<ServerUrl> server;   // from resolve_server(); empty = offline
    std::string student_token;         // from the profile; empty = not in a class
    std::vector<KnownPack> known_packs; // the packs the game loaded at start
    ClientOptions client;
    BackoffPolicy backoff;
    std::chrono::milliseconds pack_interval{std::chrono::minutes(3)};
    // Called from background threads when the sync status or the packs changed (the app
    // wakes its event loop with it). Must not block.
    std::function<void()> on_change;
};

class NetSession {
public:
    explicit NetSession(NetSessionConfig config);
    ~NetSession();

    bool has_server() const { return config_.server.has_value(); }
    const std::optional<ServerUrl>& server() const { return config_.server; }

    // A finished play: queue it on disk (assigning its UUID when empty) and wake the
    // sender. Returns the id. Throws std::runtime_error when the disk refuses.
    std::string queue_result(ff::ResultRecord record);
    // A result was queued by someone else (the game's save code): send it now.
    void result_queued();
    SyncStatus sync_status() const;

    // Join: start, then poll each frame. A successful join also hands the token to the
    // sender; the caller stores it in the profile (apply_join). Joining another class
    // keeps the results not sent yet bound to the class they were played in.
    void start_join(const std::string& join_code, const std::string& nickname);
    bool join_running() const { return join_.running(); }
    std::optional<ApiResult<JoinOk>> take_join();

    // The player leaves their class: results not sent yet still go to it; later results
    // wait on this PC until the player joins a class. The caller clears the profile
    // (apply_leave). Throws std::runtime_error when the queue cannot be written.
    void leave_class();
    // Results still in the queue for the current class (or waiting for one).
    int unsent_results() const;

    void start_class_refresh(const std::string& token);
    bool class_refresh_running() const { return class_.running(); }
    std::optional<ApiResult<ClassStatus>> take_class();

    // Packs installed by the background updater since the last call (already validated).
    std::vector<PackUpdate> take_pack_updates();
    void check_packs_now();
    // The player is looking at the scenario list: read the catalogue unless that happened
    // in the last few seconds, so a pack published during a lesson shows up soon.
    void browsing_packs();
    PackSyncStatus pack_status() const;
    NewMarks& new_marks() { return *marks_; }

private:
    NetSessionConfig config_;
    std::shared_ptr<NewMarks> marks_;
    std::unique_ptr<ResultSync> results_;
    std::unique_ptr<PackSync> packs_;
    AsyncCall<ApiResult<JoinOk>> join_;
    AsyncCall<ApiResult<ClassStatus>> class_;
    std::string token_; // the class the sender sends to now

    // Stamps the unsent results with the class being left, then gives the sender `next`.
    void hand_over(std::string next);
};

// Writes the class membership into the profile (token and class name).
void apply_join(ff::save::Profile& profile, const JoinOk& joined);
// Removes it (NetSession::leave_class).
void apply_leave(ff::save::Profile& profile);

} // namespace ff::net
