// Switching or leaving a class: results already sent stay with the old class, results not
// sent yet still go to the class they were played in, later ones to the new class (or wait
// on the PC until the next join). A real httplib server on 127.0.0.1 plays the server.
#include "test_net_server.h"

#include "net/net_session.h"
#include "net/rejected_results.h"

#include "fraudfree/loader.h"
#include "save/result_queue.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <map>
#include <mutex>
#include <set>

using namespace ff::net;
using ff::test::eventually;
using nlohmann::json;

namespace {

// Two classes: join code AAAAAA gives tok-a (甲班), BBBBBB gives tok-b (乙班). Results are
// stored per token; while `accepting` is false the server answers 503 so results stay queued.
struct TwoClasses {
    std::mutex mutex;
    std::map<std::string, std::set<std::string>> stored; // token -> result ids
    std::atomic<bool> accepting{false};
    std::atomic<bool> a_removed{false}; // the counsellor removed the student from 甲班
    ff::test::TestServer server{[this](httplib::Server& s) {
        s.Post("/api/v1/join", [](const httplib::Request& req, httplib::Response& res) {
            const auto code = json::parse(req.body)["join_code"].get<std::string>();
            const char* token = code == "AAAAAA" ? "tok-a" : code == "BBBBBB" ? "tok-b" : nullptr;
            res.status = token ? 201 : 404;
            res.set_content(token ? json{{"student_token", token}, {"student_id", 1},
                                         {"class", {{"id", 1}, {"name", code == "AAAAAA" ? "甲班" : "乙班"}}}}
                                        .dump()
                                  : R"({"error":"unknown join code"})",
                            "application/json");
        });
        s.Post("/api/v1/results", [this](const httplib::Request& req, httplib::Response& res) {
            std::string auth = req.get_header_value("Authorization");
            const std::string token = auth.rfind("Bearer ", 0) == 0 ? auth.substr(7) : "";
            if ((token != "tok-a" && token != "tok-b") || (token == "tok-a" && a_removed)) {
                res.status = 401;
                return;
            }
            if (!accepting) {
                res.status = 503;
                return;
            }
            std::lock_guard lock(mutex);
            res.status = stored[token].insert(json::parse(req.body)["id"].get<std::string>()).second ? 201 : 200;
            res.set_content(req.body, "application/json");
        });
        s.Get("/api/v1/packs", [](const httplib::Request&, httplib::Response& res) { res.set_content("[]", "application/json"); });
    }};

    std::set<std::string> of(const std::string& token) {
        std::lock_guard lock(mutex);
        return stored[token];
    }
};

NetSessionConfig config_for(const std::filesystem::path& data, const ServerUrl& url, const std::string& token) {
    NetSessionConfig cfg;
    cfg.data_dir = data;
    cfg.server = url;
    cfg.student_token = token;
    cfg.backoff = {std::chrono::milliseconds(5), std::chrono::milliseconds(50)};
    return cfg;
}

// A finished play of the fixture pack; each queue_result gives it a fresh id.
ff::ResultRecord a_play() {
    static const ff::Pack pack = *ff::load_pack(ff::test::fixture_pack_files(), "fixture").pack;
    auto r = ff::make_result(pack, "rebate-likes", {1});
    REQUIRE(r.record);
    return *r.record;
}

void join(NetSession& net, const std::string& code) {
    net.start_join(code, "小王");
    std::optional<ApiResult<JoinOk>> r;
    REQUIRE(eventually([&] { return (r = net.take_join()).has_value(); }));
    REQUIRE(r->ok());
}

} // namespace

SCENARIO("a student switches class while a result is still unsent", "[net][class-switch]") {
    ff::test::TempDir data("switch");
    TwoClasses classes;
    NetSession net(config_for(data.path, classes.server.url(), "tok-a"));

    GIVEN("one play in 甲班 that the server could not take yet") {
        const std::string in_a = net.queue_result(a_play());
        REQUIRE(eventually([&] { return net.sync_status().state == SyncState::waiting; }));
        CHECK(net.unsent_results() == 1);

        WHEN("the student joins 乙班 and plays once more there") {
            join(net, "BBBBBB");
            CHECK(net.unsent_results() == 0); // the 甲班 play is no longer 乙班's business
            const std::string in_b = net.queue_result(a_play());
            CHECK(net.unsent_results() == 1);
            classes.accepting = true;
            net.result_queued();
            THEN("each play reaches the class it was played in") {
                REQUIRE(eventually([&] { return net.sync_status().state == SyncState::synced; }));
                CHECK(classes.of("tok-a") == std::set<std::string>{in_a});
                CHECK(classes.of("tok-b") == std::set<std::string>{in_b});
                CHECK(ff::save::result_queue::list(ff::save::result_queue::dir_in(data.path)).empty());
            }
        }
        WHEN("the student joins 乙班 but 甲班's counsellor has removed them meanwhile") {
            join(net, "BBBBBB");
            const std::string in_b = net.queue_result(a_play());
            classes.a_removed = true;
            classes.accepting = true;
            net.result_queued();
            THEN("the 甲班 play is set aside with the reason and the 乙班 play is not held up") {
                REQUIRE(eventually([&] { return classes.of("tok-b").count(in_b) == 1; }));
                REQUIRE(eventually([&] { return net.sync_status().pending == 0; }));
                CHECK(std::filesystem::exists(rejected_dir_in(data.path) / (in_a + ".json")));
                CHECK(classes.of("tok-a").empty());
            }
        }
    }
}

SCENARIO("a student leaves their class", "[net][class-switch]") {
    ff::test::TempDir data("leave");
    TwoClasses classes;
    NetSession net(config_for(data.path, classes.server.url(), "tok-a"));
    const std::string in_a = net.queue_result(a_play());
    REQUIRE(eventually([&] { return net.sync_status().state == SyncState::waiting; }));

    WHEN("they leave 甲班 and play again without a class") {
        net.leave_class();
        ff::save::Profile profile;
        profile.student_token = "tok-a";
        profile.class_name = "甲班";
        apply_leave(profile);
        CHECK(profile.student_token.empty());
        CHECK(profile.class_name.empty());
        const std::string outside = net.queue_result(a_play());
        classes.accepting = true;
        net.result_queued();
        THEN("the 甲班 play still reaches 甲班 and the new one waits on the PC") {
            REQUIRE(eventually([&] { return classes.of("tok-a").count(in_a) == 1; }));
            REQUIRE(eventually([&] { return net.sync_status().state == SyncState::offline && net.sync_status().pending == 1; }));
            CHECK(net.unsent_results() == 1);
            AND_WHEN("they join 乙班 later") {
                join(net, "BBBBBB");
                THEN("the play made without a class goes to 乙班") {
                    REQUIRE(eventually([&] { return net.sync_status().state == SyncState::synced; }));
                    CHECK(classes.of("tok-b") == std::set<std::string>{outside});
                    CHECK(classes.of("tok-a") == std::set<std::string>{in_a});
                }
            }
        }
    }
}
