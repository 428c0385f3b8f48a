// The group committer on its own: every caller gets its own answer, callers that arrive during
// a commit share the next one, a failed batch fails only its callers, and asynchronous callers
// are answered in the order they submitted, all of them before the committer is gone.
#include "group_commit.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace ff::server;

SCENARIO("callers of the group committer share commits and each gets its own answer") {
    std::mutex seen_mutex;
    std::vector<size_t> batch_sizes;
    std::atomic<int> inside{0};
    std::atomic<bool> overlapped{false};
    GroupCommitter<int, int> committer(
        [&](std::vector<int>& items) {
            if (inside.fetch_add(1) != 0) overlapped = true; // one commit at a time
            std::this_thread::sleep_for(std::chrono::milliseconds(2)); // like an fsync
            std::vector<int> out;
            for (int v : items) out.push_back(v * 10);
            {
                std::lock_guard lock(seen_mutex);
                batch_sizes.push_back(items.size());
            }
            inside.fetch_sub(1);
            return out;
        },
        1000);

    WHEN("16 threads submit 100 items each as fast as they can") {
        std::vector<std::thread> threads;
        std::atomic<int> wrong{0};
        for (int t = 0; t < 16; ++t)
            threads.emplace_back([&, t] {
                for (int i = 0; i < 100; ++i) {
                    int v = t * 1000 + i;
                    if (committer.submit(v) != v * 10) ++wrong;
                }
            });
        for (auto& th : threads) th.join();
        THEN("every answer is the caller's, commits never overlap and most are shared") {
            CHECK(wrong == 0);
            CHECK_FALSE(overlapped);
            size_t total = 0;
            for (size_t n : batch_sizes) total += n;
            CHECK(total == 1600);
            CHECK(batch_sizes.size() < 1600);
        }
    }
}

SCENARIO("a failing commit fails the callers of that batch only") {
    std::atomic<int> calls{0};
    GroupCommitter<int, int> committer(
        [&](std::vector<int>& items) {
            ++calls;
            for (int v : items)
                if (v < 0) throw std::runtime_error("disk full");
            return std::vector<int>(items.begin(), items.end());
        },
        1);
    CHECK_THROWS_WITH(committer.submit(-1), "disk full");
    CHECK(committer.submit(7) == 7);

    WHEN("batches are capped at one item and eight threads submit") {
        std::vector<std::thread> threads;
        std::atomic<int> wrong{0};
        for (int t = 0; t < 8; ++t)
            threads.emplace_back([&, t] {
                for (int i = 0; i < 50; ++i)
                    if (committer.submit(t * 100 + i) != t * 100 + i) ++wrong;
            });
        for (auto& th : threads) th.join();
        THEN("every item is committed on its own") {
            CHECK(wrong == 0);
            CHECK(calls == 2 + 400);
        }
    }
}

SCENARIO("asynchronous callers are answered in order, and none is forgotten at shutdown") {
    WHEN("one caller queues 500 items without waiting, then the committer is destroyed") {
        std::vector<int> answered; // only the committer thread appends; read after it is joined
        std::vector<size_t> batch_sizes;
        std::thread::id committer_thread;
        bool one_thread = true;
        {
            GroupCommitter<int, int> committer(
                [&](std::vector<int>& items) {
                    batch_sizes.push_back(items.size());
                    std::this_thread::sleep_for(std::chrono::milliseconds(1)); // like an fsync
                    std::vector<int> out;
                    for (int v : items) out.push_back(v + 1);
                    return out;
                },
                64);
            for (int i = 0; i < 500; ++i)
                committer.submit_async(i, [&, i](int* out, std::exception_ptr error) {
                    if (committer_thread == std::thread::id()) committer_thread = std::this_thread::get_id();
                    if (std::this_thread::get_id() != committer_thread) one_thread = false;
                    answered.push_back(!error && out && *out == i + 1 ? i : -1);
                });
        } // the destructor commits and answers what is still queued
        THEN("all 500 were answered, in the order queued, on the committer's thread, in capped batches") {
            REQUIRE(answered.size() == 500);
            for (int i = 0; i < 500; ++i) CHECK(answered[static_cast<size_t>(i)] == i);
            CHECK(one_thread);
            CHECK(committer_thread != std::this_thread::get_id());
            for (size_t n : batch_sizes) CHECK(n <= 64);
            CHECK(batch_sizes.size() < 500);
        }
    }
}

SCENARIO("an answer that throws does not stop the answers after it") {
    std::atomic<int> answered{0};
    GroupCommitter<int, int> committer([](std::vector<int>& items) { return std::vector<int>(items.begin(), items.end()); }, 100);
    committer.submit_async(1, [&](int*, std::exception_ptr) {
        ++answered;
        throw std::runtime_error("client gone");
    });
    CHECK(committer.submit(2) == 2);
    CHECK(answered == 1);
}
