// Group commit with one committer thread: callers queue items, the thread stores everything
// queued so far in one transaction and answers each caller once that batch is durable.
#pragma once

#include "futex.h"

#include <atomic>
#include <climits>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <pthread.h>
#include <stdexcept>
#include <thread>
#include <vector>


namespace ff::server {
// Why a thread of its own rather than a caller leading each batch: callers of submit_async()
// (the HTTP workers) return at once and are answered by callback, so nobody would be waiting
// to lead the next batch, and a worker that kept leading would leave its own connection unread.
template <class In, class Out>
class GroupCommitter {
public:
    // `commit_batch` stores all items in one transaction and returns one Out per item, in
    // order; if it throws, every caller of that batch gets the exception. The items are its
    // to move from. Only the committer thread calls it.
    using BatchFn = std::function<std::vector<Out>(std::vector<In>&)>;
    // The answer for one item: `out` when stored, else `error`. Runs on the committer thread,
    // in the order the items were submitted; it should be quick and must not throw.
    using Done = std::function<void(Out* out, std::exception_ptr error)>;

    GroupCommitter(BatchFn commit_batch, size_t max_batch)
        : commit_batch_(std::move(commit_batch)), max_batch_(max_batch ? max_batch : 1),
          thread_([this] { run(); }) {}

    GroupCommitter(const GroupCommitter&) = delete;
    GroupCommitter& operator=(const GroupCommitter&) = delete;

    // Commits and answers everything already queued, then stops the thread.
    ~GroupCommitter() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_one();
        thread_.join();
    }

    // Queues the item and returns; `done` runs once its batch committed or failed.
    // Throws (and never calls `done`) only when the committer is stopping.
    void submit_async(In item, Done done) {
        bool idle = false;
        {
            std::lock_guard lock(mutex_);
            if (stopping_) throw std::runtime_error("group commit: stopping");
            queue_.push_back(Entry{std::move(item), std::move(done)});
            idle = idle_;
        }
        if (idle) wake_.notify_one();
    }

    // Blocks until the item's batch committed; its answer, or the batch's exception.
    Out submit(In item) {
        std::atomic<int> answered{0};
        std::optional<Out> out;
        std::exception_ptr error;
        submit_async(std::move(item), [&](Out* o, std::exception_ptr e) {
            if (o) out.emplace(std::move(*o));
            error = e;
            answered.store(1, std::memory_order_release);
            futex::wake(answered, 1);
        });
        while (answered.load(std::memory_order_acquire) == 0) futex::sleep_while(answered, 0);
        if (error) std::rethrow_exception(error);
        return std::move(*out);
    }

private:
    struct Entry {
        In item;
        Done done;
    };

    void run() {
        pthread_setname_np(pthread_self(), "ff-commit"); // for top -H and perf
        std::vector<Entry> batch;
        std::vector<In> items;
        std::unique_lock lock(mutex_);
        for (;;) {
            while (queue_.empty() && !stopping_) {
                idle_ = true;
                wake_.wait(lock);
                idle_ = false;
            }
            if (queue_.empty()) return; // stopping, and everything queued was answered
            if (queue_.size() <= max_batch_) {
                batch.swap(queue_); // keeps both vectors' capacity for the next rounds
            } else {
                batch.assign(std::make_move_iterator(queue_.begin()),
                             std::make_move_iterator(queue_.begin() + static_cast<std::ptrdiff_t>(max_batch_)));
                queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(max_batch_));
            }
            lock.unlock();
            commit_and_answer(batch, items);
            batch.clear();
            items.clear();
            lock.lock();
        }
    }

    void commit_and_answer(std::vector<Entry>& batch, std::vector<In>& items) {
        items.reserve(batch.size());
        for (auto& e : batch) items.push_back(std::move(e.item));
        std::vector<Out> outs;
        std::exception_ptr error;
        try {
            outs = commit_batch_(items);
            if (outs.size() != batch.size()) throw std::logic_error("group commit: one answer per item");
        } catch (...) {
            error = std::current_exception();
        }
        for (size_t i = 0; i < batch.size(); ++i) {
            try {
                batch[i].done(error ? nullptr : &outs[i], error);
            } catch (...) {
                // An answer that fails (a client gone) must not stop the answers after it.
            }
        }
    }

    BatchFn commit_batch_;
    size_t max_batch_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::vector<Entry> queue_; // submitted, not yet taken by the committer
    bool idle_ = false;        // the committer is waiting for work
    bool stopping_ = false;
    std::thread thread_; // last: starts after everything above exists
};

} // namespace ff::server
