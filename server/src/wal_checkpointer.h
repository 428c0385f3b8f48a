// WAL checkpoints on a thread of their own: the group-commit writer answers waiting
// clients, so it must not also pay for copying the WAL into the database file and its fsync.
#pragma once

#include "sqlite_handle.h"

#include <chrono>
#include <cstdint>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace ff::server {

class WalCheckpointer {
public:
    // Opens its own connection; runs a PASSIVE checkpoint (never blocks readers or the
    // writer) every `every`. Under unbroken load a passive checkpoint never catches up with
    // the commits, so the WAL would grow without end: once it holds more than `wal_limit_bytes`
    // a RESTART checkpoint follows, which holds the writer back for the frames still left (a
    // few milliseconds' worth, right after the passive one) so the next commit starts the WAL
    // over (the writer's journal_size_limit then cuts the file back to the limit). That hold
    // is a copy and an fsync of the database, ~40 ms under full load on a virtual disk, so the
    // limit is large (1 GB by default): under normal load the WAL starts over by itself in
    // the pauses between commits, and at full load the hold comes once a minute or so.
    WalCheckpointer(const std::string& path, const SqliteOptions& opts, std::chrono::milliseconds every,
                    int64_t wal_limit_bytes);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

private:
    void run();
    int64_t page_size();

    DbHandle db_;
    std::chrono::milliseconds every_;
    int64_t wal_limit_bytes_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_; // last: starts once the members above exist
};

} // namespace ff::server
