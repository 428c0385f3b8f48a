// Group commit, leader/follower: callers that arrive while a batch is being committed join
// the next batch; one of them (the leader) commits that whole batch in its own thread, the
// others sleep until it is durable. No writer thread, so no hand-off to it and back.
#pragma once

#include <atomic>
#include <climits>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace ff::server {
namespace group_commit_detail {

// Plain futex calls on an atomic int: no spinning and no sched_yield before sleeping (as
// std::atomic::wait does), and one system call wakes every member of a batch.
static_assert(sizeof(std::atomic<int>) == sizeof(int) && std::atomic<int>::is_always_lock_free);

inline void sleep_while(std::atomic<int>& word, int value) {
    syscall(SYS_futex, reinterpret_cast<int*>(&word), FUTEX_WAIT_PRIVATE, value, nullptr, nullptr, 0);
}
inline void wake(std::atomic<int>& word, int how_many) {
    syscall(SYS_futex, reinterpret_cast<int*>(&word), FUTEX_WAKE_PRIVATE, how_many, nullptr, nullptr, 0);
}

} // namespace group_commit_detail

template <class In, class Out>
class GroupCommitter {
public:
    // `commit_batch` stores all items in one transaction and returns one Out per item, in
    // order; if it throws, every caller of that batch gets the exception. The items are its
    // to move from. It is called by one thread at a time.
    using BatchFn = std::function<std::vector<Out>(std::vector<In>&)>;

    GroupCommitter(BatchFn commit_batch, size_t max_batch)
        : commit_batch_(std::move(commit_batch)), max_batch_(max_batch ? max_batch : 1) {}

    GroupCommitter(const GroupCommitter&) = delete;
    GroupCommitter& operator=(const GroupCommitter&) = delete;

    // Blocks until the item's batch committed (by this thread or another caller's).
    Out submit(In item) {
        std::shared_ptr<Batch> batch;
        size_t slot = 0;
        bool lead_now = false;
        {
            std::lock_guard lock(mutex_);
            if (!open_) open_ = std::make_shared<Batch>();
            batch = open_;
            slot = batch->items.size();
            batch->items.push_back(std::move(item));
            if (!committing_) {
                // Nobody is committing: commit at once, alone or with whoever joined already.
                committing_ = true;
                open_.reset();
                lead_now = true;
            } else if (batch->items.size() >= max_batch_) {
                full_.push_back(std::move(open_)); // later arrivals start the next batch
            }
        }
        if (lead_now) {
            lead(*batch);
        } else {
            // Wait until the batch is done, or until the previous leader hands it to us.
            for (int s = batch->state.load(std::memory_order_acquire); s != kDone;
                 s = batch->state.load(std::memory_order_acquire)) {
                if (s == kHandedOver &&
                    batch->state.compare_exchange_strong(s, kLeading, std::memory_order_acq_rel)) {
                    lead(*batch);
                    break;
                }
                group_commit_detail::sleep_while(batch->state, s); // returns at once if it changed
            }
        }
        if (batch->error) std::rethrow_exception(batch->error);
        return std::move(batch->outs[slot]);
    }

private:
    enum : int { kWaiting = 0, kHandedOver = 1, kLeading = 2, kDone = 3 };

    struct Batch {
        std::vector<In> items;
        std::vector<Out> outs;
        std::exception_ptr error;
        std::atomic<int> state{kWaiting};
    };

    // Commits `batch` (closed: nobody can join it any more), hands the next waiting batch to
    // one of its members (or marks the committer idle), then wakes this batch's members.
    void lead(Batch& batch) {
        try {
            batch.outs = commit_batch_(batch.items);
            if (batch.outs.size() != batch.items.size()) throw std::logic_error("group commit: one answer per item");
        } catch (...) {
            batch.error = std::current_exception();
        }
        // The next leader is woken first: the next commit, which its whole batch waits for,
        // should not queue for the processor behind this batch's members.
        std::shared_ptr<Batch> next;
        {
            std::lock_guard lock(mutex_);
            if (!full_.empty()) {
                next = std::move(full_.front());
                full_.pop_front();
            } else if (open_) {
                next = std::move(open_);
            } else {
                committing_ = false;
            }
        }
        if (next) {
            next->state.store(kHandedOver, std::memory_order_release);
            group_commit_detail::wake(next->state, 1); // a woken member wins the compare-exchange and leads
        }
        batch.state.store(kDone, std::memory_order_release);
        group_commit_detail::wake(batch.state, INT_MAX);
    }

    BatchFn commit_batch_;
    size_t max_batch_;
    std::mutex mutex_;
    std::shared_ptr<Batch> open_;            // the batch new callers join
    std::deque<std::shared_ptr<Batch>> full_; // closed at max_batch, waiting for their turn
    bool committing_ = false;                // a leader is committing a batch now
};

} // namespace ff::server
