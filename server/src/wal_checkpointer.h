// WAL checkpoints on a thread of their own: the group-commit writer answers waiting
// clients, so it must not also pay for copying the WAL into the database file and its fsync.
#pragma once

#include "sqlite_handle.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace ff::server {

class WalCheckpointer {
public:
    // Opens its own connection; runs a PASSIVE checkpoint (never blocks readers or the
    // writer) every `every`.
    WalCheckpointer(const std::string& path, const SqliteOptions& opts, std::chrono::milliseconds every);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

private:
    void run();

    DbHandle db_;
    std::chrono::milliseconds every_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_; // last: starts once the members above exist
};

} // namespace ff::server
