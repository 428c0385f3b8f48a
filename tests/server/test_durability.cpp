// Never lose a result: while clients submit as fast as they can, the server is killed with
// SIGKILL (no chance to flush anything) and restarted on the same database, several times.
// Every result the server acknowledged must be there afterwards, and none twice; results
// that were in flight at the kill may be there or not, and resending them counts them once.
#include "server_process.h"

#include "fraudfree/loader.h"
#include "fraudfree/runner.h"

#include <catch2/catch.hpp>

#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

using namespace ff::test;

namespace {

std::string uuid_for(int n) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08x-0000-4000-8000-%012x", static_cast<unsigned>(n), 0xd0ab1e);
    return buf;
}

struct Ledger {
    std::mutex mutex;
    std::set<std::string> acked;     // answered 200/201: must survive
    std::set<std::string> in_doubt;  // sent, no answer (the kill came first)
};

// Submits new results from `threads` clients until `stop`, or until the server stops answering.
void submit_until_stopped(int port, const std::string& token, const nlohmann::json& base, std::atomic<int>& next_id,
                          std::atomic<bool>& stop, Ledger& ledger, int threads) {
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&] {
            httplib::Client c("127.0.0.1", port);
            c.set_connection_timeout(2);
            c.set_read_timeout(5);
            c.set_keep_alive(true);
            int failures = 0;
            while (!stop && failures < 3 && next_id < 100000) {
                const std::string id = uuid_for(next_id++);
                auto body = base;
                body["id"] = id;
                auto r = post_json(c, "/api/v1/results", body, token);
                std::lock_guard lock(ledger.mutex);
                if (r && (r->status == 201 || r->status == 200)) {
                    ledger.acked.insert(id);
                } else {
                    ledger.in_doubt.insert(id);
                    if (!r) ++failures;
                    if (!r) std::this_thread::sleep_for(std::chrono::milliseconds(20));
                }
            }
        });
    }
    for (auto& w : workers) w.join();
}

// uuid -> how many times the student's results list holds it.
std::map<std::string, int> stored_ids(ServerProcess& server, const std::string& token) {
    auto c = server.client();
    auto list = body_json(get_with(c, "/api/v1/me/results", token));
    REQUIRE(list.is_array());
    std::map<std::string, int> seen;
    for (const auto& r : list) ++seen[r.at("id").get<std::string>()];
    return seen;
}

} // namespace

SCENARIO("results acknowledged before a SIGKILL are all there after the restart, none twice") {
    TempDir dir;
    const std::string db = dir.path() + "/ff.db";
    const std::string teacher = create_token(db, "counsellor", "张老师");

    auto loaded = ff::load_pack_dir(std::string(FRAUDFREE_SOURCE_DIR) + "/content/campus-core");
    REQUIRE(loaded.pack);
    const auto& scenario = loaded.pack->scenarios.front();
    const auto paths = ff::all_paths(scenario);
    REQUIRE(!paths.empty());
    const nlohmann::json base{{"pack_id", loaded.pack->id},
                              {"pack_hash", loaded.pack->hash},
                              {"scenario_id", scenario.id},
                              {"choices", paths.front()}};

    std::string student;
    {
        ServerProcess server(db, {"--quiet"});
        auto c = server.client();
        auto made = body_json(post_json(c, "/api/v1/classes", {{"name", "耐久测试班"}, {"packs", {"campus-core"}}}, teacher));
        REQUIRE(made.contains("join_code"));
        auto joined = body_json(post_json(c, "/api/v1/join", {{"join_code", made["join_code"]}, {"nickname", "小耐"}}));
        REQUIRE(joined.contains("student_token"));
        student = joined["student_token"];
    }

    Ledger ledger;
    std::atomic<int> next_id{0};
    // Both durability settings: NORMAL in WAL mode is enough for a process crash, FULL too.
    const std::vector<std::string> modes{"full", "normal", "full"};
    for (size_t round = 0; round < modes.size(); ++round) {
        auto server = std::make_unique<ServerProcess>(db, std::vector<std::string>{"--quiet", "--synchronous", modes[round]});
        std::atomic<bool> stop{false};
        const size_t acked_before = ledger.acked.size();
        std::thread load([&] { submit_until_stopped(server->port(), student, base, next_id, stop, ledger, 8); });
        // Kill once the clients are well under way (bounded: at most 5 s of waiting).
        for (int i = 0; i < 100; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            std::lock_guard lock(ledger.mutex);
            if (ledger.acked.size() >= acked_before + 200 + 100 * round) break;
        }
        REQUIRE(kill(server->pid(), SIGKILL) == 0);
        load.join();
        stop = true;
        server.reset(); // reaps the killed process
        INFO("round " << round << " (" << modes[round] << "): " << ledger.acked.size() << " acknowledged so far, "
                      << ledger.in_doubt.size() << " in doubt");
        CHECK(ledger.acked.size() > acked_before);

        ServerProcess again(db, {"--quiet"});
        auto seen = stored_ids(again, student);
        size_t missing = 0, doubled = 0;
        for (const auto& id : ledger.acked)
            if (!seen.count(id)) ++missing;
        for (const auto& [id, n] : seen)
            if (n != 1) ++doubled;
        CHECK(missing == 0);
        CHECK(doubled == 0);
        // Nothing appears that was never sent.
        for (const auto& [id, n] : seen) {
            const bool sent = ledger.acked.count(id) || ledger.in_doubt.count(id);
            if (!sent) FAIL("stored a result nobody sent: " << id);
        }
    }

    GIVEN("the results that were in flight at a kill are resent, as the game's outbox does") {
        ServerProcess server(db, {"--quiet"});
        auto c = server.client();
        std::vector<std::string> doubt(ledger.in_doubt.begin(), ledger.in_doubt.end());
        for (const auto& id : doubt) {
            auto body = base;
            body["id"] = id;
            auto r = post_json(c, "/api/v1/results", body, student);
            REQUIRE(r);
            CHECK((r->status == 200 || r->status == 201));
        }
        auto seen = stored_ids(server, student);
        size_t total_sent = ledger.acked.size() + ledger.in_doubt.size();
        CHECK(seen.size() == total_sent);
        for (const auto& [id, n] : seen) CHECK(n == 1);
        // The class progress counts the student once, with one finished scenario.
        auto progress = body_json(get_with(c, "/api/v1/classes/1/progress", teacher));
        REQUIRE(progress["students"].size() == 1);
        CHECK(progress["students"][0]["finished"] == 1);
    }
}
