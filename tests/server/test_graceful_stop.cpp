// SIGTERM while clients are submitting: the server exits 0 after finishing what it had
// accepted, and every result it acknowledged is there after a restart, each once.
#include "api_fixture.h"

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

using namespace ff::test;

SCENARIO("SIGTERM during a stream of submissions loses no acknowledged result") {
    Api api;
    auto cls = api.create_class(api.counsellor, "停机班");
    auto s = api.join(cls["join_code"], "连发");

    std::mutex mutex;
    std::vector<std::string> acked;
    std::atomic<int> acks{0};
    std::atomic<bool> stop{false};
    std::vector<std::thread> clients;
    for (int t = 0; t < 4; ++t)
        clients.emplace_back([&, t] {
            auto c = api.client();
            for (int i = 0; !stop && i < 5000; ++i) {
                const std::string id = "term-" + std::to_string(t) + "-" + std::to_string(i);
                auto r = post_json(c, "/api/v1/results", api.result_body(id, static_cast<size_t>(i) % api.core.scenarios.size(), 0), s.token);
                if (!r) return; // server gone
                if (r->status == 201) {
                    std::lock_guard lock(mutex);
                    acked.push_back(id);
                    ++acks;
                }
            }
        });
    while (acks < 200 && api.server->pid() > 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    CHECK(api.server->terminate() == 0);
    stop = true;
    for (auto& th : clients) th.join();
    REQUIRE(acked.size() >= 200);

    ServerProcess again(api.db);
    auto c = again.client();
    auto mine = body_json(get_with(c, "/api/v1/me/results", s.token));
    REQUIRE(mine.is_array());
    std::multiset<std::string> stored;
    for (const auto& r : mine) stored.insert(r["id"].get<std::string>());
    for (const auto& id : acked) CHECK(stored.count(id) == 1);
    CHECK(std::set<std::string>(stored.begin(), stored.end()).size() == stored.size());
}
