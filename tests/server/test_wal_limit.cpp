// The WAL stays bounded while results arrive without a pause: passive checkpoints alone never
// catch up with unbroken commits (the file only grew), so the checkpointer restarts the WAL
// once it passes its limit and the writer cuts the file back.
#include "sample_result.h"
#include "server_process.h"
#include "storage.h"
#include "tokens.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>
#include <vector>

using namespace ff::server;

namespace {

int64_t file_size_or_zero(const std::string& path) {
    std::error_code ec;
    const auto n = std::filesystem::file_size(path, ec);
    return ec ? 0 : static_cast<int64_t>(n);
}

} // namespace

SCENARIO("the WAL file is cut back under unbroken writes") {
    ff::test::TempDir dir;
    const std::string path = dir.path() + "/t.db";
    SqliteConfig cfg{path};
    cfg.synchronous_full = false; // the point is the WAL's size, not fsync; keeps the test quick
    cfg.wal_limit_bytes = 512 * 1024;
    cfg.checkpoint_every_ms = 20;
    auto db = open_sqlite_storage(cfg);
    int64_t owner = db->create_principal(Role::counsellor, "t", token_hash("t"), std::nullopt);
    ClassInfo c;
    c.owner_id = owner;
    c.name = "c";
    c.join_code = "WAL234";
    const int64_t cls = db->create_class(c)->id;
    const int64_t student = db->create_principal(Role::student, "s", token_hash("s"), cls);

    WHEN("four threads write 24,000 results without a pause") {
        constexpr int kThreads = 4, kEach = 6000;
        std::atomic<int> writing{kThreads};
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t)
            threads.emplace_back([&, t] {
                for (int i = 0; i < kEach; ++i)
                    db->submit_result(ff::test::sample_result("w-" + std::to_string(t) + "-" + std::to_string(i), student, cls, 90));
                --writing;
            });
        // Sampled while the writers never pause. How large the WAL gets between two checks
        // depends on the machine's speed; that it is cut back while writing goes on does not.
        int64_t largest = 0, previous = 0;
        int cut_back = 0;
        while (writing > 0) {
            const int64_t size = file_size_or_zero(path + "-wal");
            if (size < previous) ++cut_back;
            previous = size;
            largest = std::max(largest, size);
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        for (auto& th : threads) th.join();
        THEN("every result is stored, and the WAL file was cut back while the writes went on") {
            CHECK(db->results_of_student(student).size() == kThreads * kEach);
            INFO("largest WAL seen: " << largest << " bytes");
            CHECK(cut_back >= 1);
        }
    }
}
