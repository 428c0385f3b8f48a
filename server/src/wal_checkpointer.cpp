// Periodic PASSIVE WAL checkpoints, and a RESTART one when the WAL has grown past its limit.
#include "wal_checkpointer.h"

#include <pthread.h>

namespace ff::server {

WalCheckpointer::WalCheckpointer(const std::string& path, const SqliteOptions& opts, std::chrono::milliseconds every,
                                 int64_t wal_limit_bytes)
    : db_(open_database(path, opts)), every_(every), wal_limit_bytes_(wal_limit_bytes), thread_([this] { run(); }) {}

WalCheckpointer::~WalCheckpointer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

int64_t WalCheckpointer::page_size() {
    Stmt q(db_.get(), "PRAGMA page_size");
    return q.step() ? q.int64(0) : 4096;
}

void WalCheckpointer::run() {
    pthread_setname_np(pthread_self(), "ff-checkpoint");
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, every_, [&] { return stopping_; })) {
        lock.unlock();
        // BUSY or LOCKED only mean "try again next time"; the last connection to close
        // checkpoints anyway.
        int frames = 0;
        sqlite3_wal_checkpoint_v2(db_.get(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &frames, nullptr);
        if (static_cast<int64_t>(frames) * page_size() > wal_limit_bytes_)
            sqlite3_wal_checkpoint_v2(db_.get(), nullptr, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
        lock.lock();
    }
}

} // namespace ff::server
