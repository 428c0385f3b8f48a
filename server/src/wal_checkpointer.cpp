// Periodic PASSIVE WAL checkpoints.
#include "wal_checkpointer.h"

namespace ff::server {

WalCheckpointer::WalCheckpointer(const std::string& path, const SqliteOptions& opts, std::chrono::milliseconds every)
    : db_(open_database(path, opts)), every_(every), thread_([this] { run(); }) {}

WalCheckpointer::~WalCheckpointer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void WalCheckpointer::run() {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, every_, [&] { return stopping_; })) {
        lock.unlock();
        // BUSY or LOCKED only mean "try again next time"; the last connection to close
        // checkpoints anyway.
        sqlite3_wal_checkpoint_v2(db_.get(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        lock.lock();
    }
}

} // namespace ff::server
