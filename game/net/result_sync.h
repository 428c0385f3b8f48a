// The background sender of the on-disk result queue: POSTs each queued result with the
// student token, removes it only once the server acknowledged it, and retries with
// backoff otherwise. The game thread never waits on it; it only reads status().
#pragma once

#include "net/backoff.h"
#include "net/http_client.h"
#include "net/sync_status.h"

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace ff::net {

struct ResultSyncConfig {
    std::filesystem::path queue_dir;     // ff::save::result_queue::dir_in(data_dir)
    std::filesystem::path rejected_dir;  // rejected_dir_in(data_dir)
    std::optional<ServerUrl> server;     // empty = offline, nothing is sent
    std::string token;                   // student token; empty = not in a class yet
    ClientOptions client;
    BackoffPolicy backoff;
    // Rescan the queue this often even without notify() (entries written by an earlier run).
    std::chrono::milliseconds rescan{30000};
    // Called on the worker thread whenever status() changed, e.g. to wake the event loop
    // (SDL_PushEvent is thread-safe). Must not block or call back into ResultSync.
    std::function<void()> on_change;
};

class ResultSync {
public:
    // Starts the worker thread at once.
    explicit ResultSync(ResultSyncConfig config);
    // Stops: wakes the thread, cancels a request in flight, joins.
    ~ResultSync();
    ResultSync(const ResultSync&) = delete;
    ResultSync& operator=(const ResultSync&) = delete;

    // A result was just enqueued: send it now rather than at the next rescan.
    void notify();
    // After joining a class (or rejoining): sends with the new token straight away.
    void set_token(std::string token);
    SyncStatus status() const;

private:
    void run();
    bool send_pass();                  // true when the pass ended without a failure
    void wait_for(std::chrono::milliseconds d, bool wake_on_notify);
    void set_status(SyncState s, int pending, std::string message);
    void count(bool accepted, int pending);
    void changed();

    ResultSyncConfig config_;
    std::unique_ptr<HttpClient> http_;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    bool notified_ = false;
    bool token_changed_ = false;
    std::string token_;
    SyncStatus status_;

    std::thread thread_; // last: starts after every member above exists
};

} // namespace ff::net
