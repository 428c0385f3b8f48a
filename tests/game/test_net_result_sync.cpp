// The result sender: exactly-once delivery through an intermittently failing server, a
// queue that survives a server outage and a restart of the game, permanent rejections
// moved aside, and a stale token kept waiting for a rejoin.
#include "test_net_server.h"

#include "net/rejected_results.h"
#include "net/result_sync.h"

#include "fraudfree/loader.h"
#include "save/atomic_file.h"
#include "save/result_queue.h"

#include <catch2/catch.hpp>

#include <map>
#include <mutex>
#include <set>

using namespace ff::net;
using ff::test::TestServer;
using ff::test::eventually;
using nlohmann::json;
namespace q = ff::save::result_queue;

namespace {

ff::ResultRecord played_record()
{
    static const ff::Pack pack = *ff::load_pack(ff::test::fixture_pack_files(), "fixture").pack;
    return *ff::make_result(pack, "rebate-likes", {1}).record;
}

std::vector<std::string> enqueue_plays(const std::filesystem::path& queue_dir, int n)
{
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i) ids.push_back(q::enqueue(queue_dir, played_record()));
    return ids;
}

// An idempotent results endpoint like the real server's, with a fault plan per request.
struct ResultsServer {
    enum class Fault { none, fail_500, store_then_500, store_then_hang, refuse_422, unauthorized };
    std::mutex mutex;
    std::map<std::string, json> stored;          // id -> record, once per id
    int posts = 0;
    std::set<std::string> posted_ids;
    std::string valid_token = "tok-1";
    std::function<Fault(int post_number, const json& body)> plan = [](int, const json&) { return Fault::none; };

    TestServer server{[this](httplib::Server& s) {
        s.Post("/api/v1/results", [this](const httplib::Request& req, httplib::Response& res) {
            auto body = json::parse(req.body);
            Fault f;
            {
                std::lock_guard lock(mutex);
                ++posts;
                posted_ids.insert(body["id"].get<std::string>());
                f = req.get_header_value("Authorization") == "Bearer " + valid_token ? plan(posts, body)
                                                                                     : Fault::unauthorized;
            }
            auto store = [&] {
                std::lock_guard lock(mutex);
                bool fresh = stored.emplace(body["id"].get<std::string>(), body).second;
                return fresh;
            };
            switch (f) {
            case Fault::unauthorized:
                res.status = 401;
                res.set_content(R"({"error":"unknown token"})", "application/json");
                return;
            case Fault::fail_500:
                res.status = 500;
                return;
            case Fault::store_then_500:
                store();
                res.status = 500;
                return;
            case Fault::store_then_hang:
                store();
                std::this_thread::sleep_for(std::chrono::milliseconds(600)); // beyond the client's read timeout
                res.status = 201;
                return;
            case Fault::refuse_422:
                res.status = 422;
                res.set_content(R"({"error":"choice 9 does not exist at node hello"})", "application/json");
                return;
            case Fault::none:
                break;
            }
            res.status = store() ? 201 : 200;
            res.set_content(req.body, "application/json");
        });
    }};
};

ResultSyncConfig config_for(const std::filesystem::path& data, std::optional<ServerUrl> url)
{
    ResultSyncConfig c;
    c.queue_dir = q::dir_in(data);
    c.rejected_dir = rejected_dir_in(data);
    c.server = std::move(url);
    c.token = "tok-1";
    c.client.connect_timeout = std::chrono::milliseconds(300);
    c.client.read_timeout = std::chrono::milliseconds(250);
    c.client.write_timeout = std::chrono::milliseconds(250);
    c.backoff = {std::chrono::milliseconds(5), std::chrono::milliseconds(40)};
    c.rescan = std::chrono::milliseconds(200);
    return c;
}

} // namespace

SCENARIO("every queued result reaches a flaky server exactly once", "[net][sync]")
{
    ff::test::TempDir data("sync-flaky");
    ResultsServer rs;
    // Every fourth request is lost before storing, every fourth stored but the answer
    // lost (500), every fourth stored but answered too late (timeout).
    rs.plan = [](int n, const json&) {
        switch (n % 4) {
        case 1: return ResultsServer::Fault::fail_500;
        case 2: return ResultsServer::Fault::store_then_500;
        case 3: return ResultsServer::Fault::store_then_hang;
        default: return ResultsServer::Fault::none;
        }
    };
    auto ids = enqueue_plays(q::dir_in(data.path), 12);

    ResultSync sync(config_for(data.path, rs.server.url()));
    REQUIRE(eventually([&] { return sync.status().state == SyncState::synced; }, std::chrono::seconds(60)));
    THEN("the server holds each result once, and the queue is empty")
    {
        std::lock_guard lock(rs.mutex);
        CHECK(rs.stored.size() == ids.size());
        for (const auto& id : ids) {
            INFO(id);
            REQUIRE(rs.stored.contains(id));
            CHECK(rs.stored[id]["choices"] == json::array({1}));
            CHECK_FALSE(rs.stored[id].contains("score"));
        }
        CHECK(rs.posted_ids == std::set<std::string>(ids.begin(), ids.end()));
        CHECK(rs.posts > static_cast<int>(ids.size())); // the faults really happened
    }
    CHECK(q::list(q::dir_in(data.path)).empty());
    CHECK(sync.status().pending == 0);
    CHECK(sync.status().sent == static_cast<int>(ids.size()));

    AND_THEN("a result finished later is sent on notify, once")
    {
        auto later = q::enqueue(q::dir_in(data.path), played_record());
        sync.notify();
        REQUIRE(eventually([&] {
            std::lock_guard lock(rs.mutex);
            return rs.stored.contains(later);
        }));
        REQUIRE(eventually([&] { return q::list(q::dir_in(data.path)).empty(); }));
        std::lock_guard lock(rs.mutex);
        CHECK(rs.stored.size() == ids.size() + 1);
    }
}

SCENARIO("the queue survives a server outage and a restart of the game", "[net][sync]")
{
    ff::test::TempDir data("sync-outage");
    auto ids = enqueue_plays(q::dir_in(data.path), 3);

    GIVEN("no server answers")
    {
        {
            ResultSync sync(config_for(data.path, ServerUrl{"http", "127.0.0.1", ff::test::closed_port(), ""}));
            REQUIRE(eventually([&] { return sync.status().state == SyncState::waiting; }));
            CHECK(sync.status().pending == 3);
            CHECK_FALSE(sync.status().message.empty());
        } // the game quits while waiting
        THEN("every result is still on disk")
        {
            CHECK(q::list(q::dir_in(data.path)).size() == 3);
        }
        WHEN("the game starts again and the server is back")
        {
            ResultsServer rs;
            ResultSync sync(config_for(data.path, rs.server.url()));
            REQUIRE(eventually([&] { return sync.status().state == SyncState::synced; }));
            THEN("each arrives once")
            {
                std::lock_guard lock(rs.mutex);
                CHECK(rs.stored.size() == 3);
                CHECK(rs.posts == 3);
                CHECK(q::list(q::dir_in(data.path)).empty());
            }
        }
    }
}

TEST_CASE("without a server or a token nothing is sent and the status says offline", "[net][sync]")
{
    ff::test::TempDir data("sync-offline");
    enqueue_plays(q::dir_in(data.path), 2);
    {
        ResultSync sync(config_for(data.path, std::nullopt));
        REQUIRE(eventually([&] { return sync.status().state == SyncState::offline; }));
        CHECK(sync.status().pending == 2);
    }
    ResultsServer rs;
    auto cfg = config_for(data.path, rs.server.url());
    cfg.token.clear();
    ResultSync sync(cfg);
    REQUIRE(eventually([&] { return sync.status().state == SyncState::offline && sync.status().pending == 2; }));
    CHECK(rs.posts == 0);
    sync.set_token("tok-1"); // the student joins a class
    REQUIRE(eventually([&] { return sync.status().state == SyncState::synced; }));
    std::lock_guard lock(rs.mutex);
    CHECK(rs.stored.size() == 2);
}

TEST_CASE("a result refused for good is moved aside with the reason; the rest go through", "[net][sync]")
{
    ff::test::TempDir data("sync-reject");
    ResultsServer rs;
    auto bad = played_record();
    bad.choices = {9};
    const std::string bad_id = q::enqueue(q::dir_in(data.path), bad);
    auto good = enqueue_plays(q::dir_in(data.path), 2);
    rs.plan = [](int, const json& body) {
        return body["choices"] == json::array({9}) ? ResultsServer::Fault::refuse_422 : ResultsServer::Fault::none;
    };
    ResultSync sync(config_for(data.path, rs.server.url()));
    REQUIRE(eventually([&] { return sync.status().pending == 0 && sync.status().rejected == 1; }));
    CHECK(sync.status().state == SyncState::error);
    CHECK(sync.status().message.find("choice 9") != std::string::npos);
    CHECK(q::list(q::dir_in(data.path)).empty());

    auto aside = ff::save::read_file(rejected_dir_in(data.path) / (bad_id + ".json"));
    REQUIRE(aside);
    auto j = json::parse(*aside);
    CHECK(j["status"] == 422);
    CHECK(j["reason"] == "choice 9 does not exist at node hello");
    CHECK(j["record"]["id"] == bad_id);
    std::lock_guard lock(rs.mutex);
    CHECK(rs.stored.size() == 2);
}

TEST_CASE("a stale token keeps the results queued until the student rejoins", "[net][sync]")
{
    ff::test::TempDir data("sync-auth");
    ResultsServer rs;
    rs.valid_token = "tok-new";
    enqueue_plays(q::dir_in(data.path), 2);
    ResultSync sync(config_for(data.path, rs.server.url()));
    REQUIRE(eventually([&] { return sync.status().state == SyncState::error; }));
    CHECK(sync.status().pending == 2);
    CHECK(sync.status().message.find("重新加入") != std::string::npos);
    CHECK(q::list(q::dir_in(data.path)).size() == 2);

    sync.set_token("tok-new");
    REQUIRE(eventually([&] { return sync.status().state == SyncState::synced; }));
    std::lock_guard lock(rs.mutex);
    CHECK(rs.stored.size() == 2);
}
