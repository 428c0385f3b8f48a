// The leader/follower group committer on its own: every caller gets its own answer, callers
// that arrive during a commit share the next one, and a failed batch fails only its callers.
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
