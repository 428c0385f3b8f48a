// The game's one entry point to the server: a play finished before joining is sent once
// the student joins; the class status arrives without blocking the caller.
#include "test_net_server.h"

#include "net/net_session.h"

#include "fraudfree/loader.h"
#include "save/result_queue.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <set>

using namespace ff::net;
using ff::test::eventually;
using nlohmann::json;

SCENARIO("a student plays offline, joins a class, and the play reaches the class", "[net][session]")
{
    ff::test::TempDir data("session");
    std::mutex mutex;
    std::set<std::string> stored;
    ff::test::TestServer server([&](httplib::Server& s) {
        s.Post("/api/v1/join", [&](const httplib::Request& req, httplib::Response& res) {
            auto j = json::parse(req.body);
            res.status = j["join_code"] == "K7P3QX" ? 201 : 404;
            res.set_content(res.status == 201 ? R"({"student_token":"tok-9","student_id":1,"class":{"id":4,"name":"护理2302"}})"
                                              : R"({"error":"unknown join code"})",
                            "application/json");
        });
        s.Post("/api/v1/results", [&](const httplib::Request& req, httplib::Response& res) {
            if (req.get_header_value("Authorization") != "Bearer tok-9") {
                res.status = 401;
                return;
            }
            std::lock_guard lock(mutex);
            res.status = stored.insert(json::parse(req.body)["id"].get<std::string>()).second ? 201 : 200;
            res.set_content(req.body, "application/json");
        });
        s.Get("/api/v1/me/class", [&](const httplib::Request& req, httplib::Response& res) {
            std::lock_guard lock(mutex);
            res.status = req.get_header_value("Authorization") == "Bearer tok-9" ? 200 : 401;
            res.set_content(json{{"class", {{"id", 4}, {"name", "护理2302"}}},
                                 {"criterion", {{"met", false}, {"progress_pct", 10}, {"checks", json::array()}}},
                                 {"rank", 1},
                                 {"classes_ranked", 1},
                                 {"me", {{"finished", static_cast<int>(stored.size())}, {"total", 1}, {"mean_best", 90}}}}
                                .dump(),
                            "application/json");
        });
        s.Get("/api/v1/packs", [](const httplib::Request&, httplib::Response& res) {
            res.set_content("[]", "application/json");
        });
    });

    NetSessionConfig cfg;
    cfg.data_dir = data.path;
    cfg.server = server.url();
    cfg.backoff = {std::chrono::milliseconds(5), std::chrono::milliseconds(50)};
    std::atomic<int> wakeups{0};
    cfg.on_change = [&] { ++wakeups; };
    NetSession net(cfg);

    const ff::Pack pack = *ff::load_pack(ff::test::fixture_pack_files(), "fixture").pack;
    const std::string id = net.queue_result(*ff::make_result(pack, "rebate-likes", {1}).record);
    CHECK(ff::save::is_uuid(id));
    // Not in a class yet: kept on disk, not sent.
    REQUIRE(eventually([&] { return net.sync_status().state == SyncState::offline && net.sync_status().pending == 1; }));

    WHEN("the join code is wrong")
    {
        net.start_join("k7p3qy", "小王");
        std::optional<ApiResult<JoinOk>> r;
        REQUIRE(eventually([&] { return (r = net.take_join()).has_value(); }));
        THEN("the play stays queued") {
            CHECK_FALSE(r->ok());
            CHECK(net.sync_status().pending == 1);
        }
    }
    WHEN("the student joins with the right code")
    {
        net.start_join("k7p3qx", "小王");
        std::optional<ApiResult<JoinOk>> r;
        REQUIRE(eventually([&] { return (r = net.take_join()).has_value(); }));
        REQUIRE(r->ok());
        ff::save::Profile profile;
        apply_join(profile, *r->value);
        CHECK(profile.class_name == "护理2302");
        CHECK(profile.student_token == "tok-9");

        THEN("the queued play is sent and the class status shows it") {
            REQUIRE(eventually([&] { return net.sync_status().state == SyncState::synced; }));
            {
                std::lock_guard lock(mutex);
                CHECK(stored == std::set<std::string>{id});
            }
            CHECK(wakeups > 0); // the event loop would have been woken
            net.start_class_refresh(profile.student_token);
            std::optional<ApiResult<ClassStatus>> c;
            REQUIRE(eventually([&] { return (c = net.take_class()).has_value(); }));
            REQUIRE(c->ok());
            CHECK(c->value->class_name == "护理2302");
            CHECK(c->value->my_finished == 1);
        }
    }
}

TEST_CASE("an offline session does nothing and never blocks", "[net][session]")
{
    ff::test::TempDir data("session-offline");
    NetSessionConfig cfg;
    cfg.data_dir = data.path;
    NetSession net(cfg);
    CHECK_FALSE(net.has_server());
    net.start_join("ABC234", "x");
    CHECK_FALSE(net.join_running());
    CHECK_FALSE(net.take_join());
    CHECK(net.take_pack_updates().empty());
    REQUIRE(eventually([&] { return net.sync_status().state == SyncState::offline; }));
}
