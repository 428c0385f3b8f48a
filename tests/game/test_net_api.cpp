// The typed server calls against a real httplib::Server on 127.0.0.1 with crafted answers.
#include "test_net_server.h"

#include "net/api.h"

#include <catch2/catch.hpp>

#include <atomic>

using namespace ff::net;
using ff::test::TestServer;
using nlohmann::json;

namespace {

ClientOptions short_timeouts()
{
    ClientOptions o;
    o.connect_timeout = std::chrono::milliseconds(500);
    o.read_timeout = std::chrono::milliseconds(300);
    o.write_timeout = std::chrono::milliseconds(300);
    return o;
}

} // namespace

SCENARIO("joining a class sends the normalised code and keeps the token", "[net][api]")
{
    std::string seen_body;
    TestServer server([&](httplib::Server& s) {
        s.Post("/api/v1/join", [&](const httplib::Request& req, httplib::Response& res) {
            seen_body = req.body;
            auto j = json::parse(req.body);
            if (j["join_code"] != "ABC234") {
                res.status = 404;
                res.set_content(R"({"error":"unknown join code"})", "application/json");
                return;
            }
            res.status = 201;
            res.set_content(R"({"student_token":"tok-1","student_id":7,"class":{"id":3,"name":"软件2301"}})",
                            "application/json");
        });
    });
    HttpClient http(server.url(), short_timeouts());

    WHEN("the code is typed in lower case with spaces")
    {
        auto r = join_class(http, "  abc234 ", " 小李 ");
        THEN("the server gets it upper-cased and the answer is kept") {
            REQUIRE(r.ok());
            CHECK(json::parse(seen_body) == json{{"join_code", "ABC234"}, {"nickname", "小李"}});
            CHECK(r.value->student_token == "tok-1");
            CHECK(r.value->student_id == 7);
            CHECK(r.value->class_id == 3);
            CHECK(r.value->class_name == "软件2301");
        }
    }
    WHEN("the code is wrong")
    {
        auto r = join_class(http, "ZZZ999", "小李");
        THEN("the player reads why") {
            REQUIRE_FALSE(r.ok());
            CHECK(r.error.status == 404);
            CHECK(r.error.message.find("邀请码") != std::string::npos);
        }
    }
    WHEN("the nickname is empty")
    {
        seen_body.clear();
        auto r = join_class(http, "ABC234", "  ");
        THEN("nothing is sent") {
            CHECK_FALSE(r.ok());
            CHECK(seen_body.empty());
        }
    }
}

TEST_CASE("submit statuses are sorted into accept, reject for good, rejoin, retry", "[net][api]")
{
    CHECK(classify_submit_status(201) == SubmitOutcome::accepted);
    CHECK(classify_submit_status(200) == SubmitOutcome::accepted);
    CHECK(classify_submit_status(422) == SubmitOutcome::rejected);
    CHECK(classify_submit_status(404) == SubmitOutcome::rejected);
    CHECK(classify_submit_status(400) == SubmitOutcome::rejected);
    CHECK(classify_submit_status(401) == SubmitOutcome::auth_failed);
    CHECK(classify_submit_status(403) == SubmitOutcome::auth_failed);
    CHECK(classify_submit_status(429) == SubmitOutcome::retry_later);
    CHECK(classify_submit_status(408) == SubmitOutcome::retry_later);
    CHECK(classify_submit_status(500) == SubmitOutcome::retry_later);
    CHECK(classify_submit_status(503) == SubmitOutcome::retry_later);
}

TEST_CASE("a submitted result carries the token and never a score", "[net][api]")
{
    std::string auth, body;
    TestServer server([&](httplib::Server& s) {
        s.Post("/api/v1/results", [&](const httplib::Request& req, httplib::Response& res) {
            auth = req.get_header_value("Authorization");
            body = req.body;
            auto j = json::parse(req.body);
            j["score"] = 80; // the server's own score
            j["pack_version"] = 3;
            j["category"] = "rebate";
            j["ending_id"] = "end-safe";
            j["ending_kind"] = "safe";
            res.status = 201;
            res.set_content(j.dump(), "application/json");
        });
    });
    HttpClient http(server.url(), short_timeouts());
    ff::ResultRecord r;
    r.id = "0b7e6a52-3f7c-4d8e-9a1b-2c3d4e5f6a7b";
    r.pack_id = "test-valid";
    r.pack_hash = "abc";
    r.scenario_id = "rebate-likes";
    r.choices = {1, 2};
    r.score = 100;
    auto reply = submit_result(http, "tok-1", r);
    CHECK(reply.outcome == SubmitOutcome::accepted);
    CHECK(auth == "Bearer tok-1");
    auto sent = json::parse(body);
    CHECK_FALSE(sent.contains("score"));
    CHECK(sent["choices"] == json::array({1, 2}));
    CHECK(sent["id"] == r.id);
}

TEST_CASE("no answer, a timeout and a 500 are network-level or retryable failures", "[net][api]")
{
    SECTION("connection refused")
    {
        HttpClient http(ServerUrl{"http", "127.0.0.1", ff::test::closed_port(), ""}, short_timeouts());
        auto r = list_packs(http);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error.network_error);
        CHECK_FALSE(r.error.message.empty());
        ff::ResultRecord rec;
        rec.id = "0b7e6a52-3f7c-4d8e-9a1b-2c3d4e5f6a7b";
        CHECK(submit_result(http, "t", rec).outcome == SubmitOutcome::retry_later);
    }
    SECTION("a server that answers too late")
    {
        TestServer server([&](httplib::Server& s) {
            s.Get("/api/v1/packs", [](const httplib::Request&, httplib::Response& res) {
                std::this_thread::sleep_for(std::chrono::milliseconds(900));
                res.set_content("[]", "application/json");
            });
        });
        HttpClient http(server.url(), short_timeouts());
        auto r = list_packs(http);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error.network_error);
    }
    SECTION("an internal server error with a JSON message")
    {
        TestServer server([&](httplib::Server& s) {
            s.Get("/api/v1/packs", [](const httplib::Request&, httplib::Response& res) {
                res.status = 500;
                res.set_content(R"({"error":"database is locked"})", "application/json");
            });
        });
        HttpClient http(server.url(), short_timeouts());
        auto r = list_packs(http);
        REQUIRE_FALSE(r.ok());
        CHECK_FALSE(r.error.network_error);
        CHECK(r.error.status == 500);
        CHECK(r.error.message == "database is locked");
    }
}

TEST_CASE("the own class status is read leniently and shows no other student", "[net][api]")
{
    TestServer server([&](httplib::Server& s) {
        s.Get("/api/v1/me/class", [](const httplib::Request& req, httplib::Response& res) {
            if (req.get_header_value("Authorization") != "Bearer tok-1") {
                res.status = 401;
                res.set_content(R"({"error":"bad token"})", "application/json");
                return;
            }
            res.set_content(R"({"class":{"id":3,"name":"软件2301"},
                "criterion":{"met":false,"progress_pct":63,"checks":[
                  {"id":"finished","met":false,"value":40,"target":90,"missing":"6 名同学还没完成「奖助学金」"},
                  {"id":"mean_best","met":true,"value":84.3,"target":80,"missing":""}]},
                "rank":2,"classes_ranked":5,
                "me":{"finished":3,"total":12,"mean_best":71.5,"missing":["点赞赚钱，日结200-500"]}})",
                            "application/json");
        });
    });
    HttpClient http(server.url(), short_timeouts());
    auto r = my_class(http, "tok-1");
    REQUIRE(r.ok());
    const ClassStatus& c = *r.value;
    CHECK(c.class_name == "软件2301");
    CHECK(c.progress_pct == 63);
    CHECK_FALSE(c.goal_met);
    REQUIRE(c.checks.size() == 2);
    CHECK(c.checks[0].missing == "6 名同学还没完成「奖助学金」");
    CHECK(c.checks[0].value == "40");
    CHECK(c.checks[1].value == "84.3");
    REQUIRE(c.rank);
    CHECK(*c.rank == 2);
    CHECK(c.classes_ranked == 5);
    CHECK(c.my_finished == 3);
    CHECK(c.my_total == 12);
    CHECK(c.my_missing == std::vector<std::string>{"点赞赚钱，日结200-500"});

    auto denied = my_class(http, "stale");
    REQUIRE_FALSE(denied.ok());
    CHECK(denied.error.status == 401);
    CHECK(denied.error.message.find("重新加入") != std::string::npos);

    CHECK(class_status_from_json(json::parse(R"({"rank":null})")).rank == std::nullopt);
    CHECK_THROWS_AS(class_status_from_json(json::array()), std::invalid_argument);
}
