// Group commit: many request threads hand in one item each; a single writer thread
// stores them in batches, one transaction per batch, and answers each caller only after
// that transaction committed. Storage-agnostic so any backend can reuse it.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace ff::server {

template <class In, class Out>
class GroupCommitter {
public:
    // `commit_batch` stores all items in one transaction and returns one Out per item,
    // in order; if it throws, every caller of that batch gets the exception. The items are
    // its to move from.
    using BatchFn = std::function<std::vector<Out>(std::vector<In>&)>;

    GroupCommitter(BatchFn commit_batch, size_t max_batch)
        : commit_batch_(std::move(commit_batch)), max_batch_(max_batch ? max_batch : 1),
          writer_([this] { run(); }) {}

    GroupCommitter(const GroupCommitter&) = delete;
    GroupCommitter& operator=(const GroupCommitter&) = delete;

    // Finishes everything already handed in, then stops.
    ~GroupCommitter() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_one();
        writer_.join();
    }

    // Blocks until the item's batch committed.
    Out submit(In item) {
        // Shared with the writer: set_value() may still be running when get() returns here.
        auto job = std::make_shared<Job>(Job{std::move(item), {}});
        auto done = job->promise.get_future();
        {
            std::lock_guard lock(mutex_);
            queue_.push_back(job);
        }
        wake_.notify_one();
        return done.get();
    }

private:
    struct Job {
        In item;
        std::promise<Out> promise;
    };

    void run() {
        for (;;) {
            std::vector<std::shared_ptr<Job>> batch;
            {
                std::unique_lock lock(mutex_);
                wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
                if (queue_.empty()) return; // stopping and drained
                while (!queue_.empty() && batch.size() < max_batch_) {
                    batch.push_back(queue_.front());
                    queue_.pop_front();
                }
            }
            std::vector<In> items;
            items.reserve(batch.size());
            for (const auto& j : batch) items.push_back(std::move(j->item)); // the caller only waits now
            try {
                auto outs = commit_batch_(items);
                if (outs.size() != batch.size()) throw std::logic_error("group commit: one answer per item");
                for (size_t i = 0; i < batch.size(); ++i) batch[i]->promise.set_value(std::move(outs.at(i)));
            } catch (...) {
                for (const auto& j : batch) j->promise.set_exception(std::current_exception());
            }
        }
    }

    BatchFn commit_batch_;
    size_t max_batch_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::shared_ptr<Job>> queue_;
    bool stopping_ = false;
    std::thread writer_; // last: starts after the members it uses exist
};

} // namespace ff::server
