// Student routes over HTTP: joining (with the rate limit), results re-scored by core and
// stored once per client id, own results, own class standing, and the public leaderboard.
#include "api_fixture.h"

using namespace ff::test;
using namespace ff;

SCENARIO("a student joins, submits results and the server keeps its own score") {
    Api api;
    auto c = api.client();
    auto cls = api.create_class(api.counsellor, "结果班");
    std::string code = cls["join_code"];
    for (auto& ch : code) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    auto r = post_json(c, "/api/v1/join", {{"join_code", code.substr(0, 3) + "-" + code.substr(3)}, {"nickname", "  小李  "}});
    REQUIRE(status_of(r) == 201); // typed in lower case with a dash: still accepted
    auto joined = body_json(r);
    CHECK(joined["class"]["name"] == "结果班");
    CHECK(joined["nickname"] == "小李");
    Student s{joined["student_token"], joined["student_id"]};

    auto body = api.result_body("7d5a2e1c-1111-4aaa-8bbb-000000000001", 0);
    const auto expected = api.expected(body);

    WHEN("the client claims a score it did not earn") {
        body["score"] = expected.score == 100 ? 0 : 100;
        body["ending_kind"] = "safe";
        auto first = post_json(c, "/api/v1/results", body, s.token);
        REQUIRE(status_of(first) == 201);
        auto rec = body_json(first);
        THEN("the stored record is core's, with the client's id") {
            CHECK(rec["id"] == body["id"]);
            CHECK(rec["score"] == expected.score);
            CHECK(rec["ending_id"] == expected.ending_id);
            CHECK(rec["pack_hash"] == api.core.hash);
            CHECK(rec["choices"] == body["choices"]);
        }
        AND_WHEN("the same id is sent again") {
            auto again = post_json(c, "/api/v1/results", body, s.token);
            THEN("it answers 200 with the stored record and counts once") {
                REQUIRE(status_of(again) == 200);
                CHECK(body_json(again) == rec);
                auto mine = body_json(get_with(c, "/api/v1/me/results", s.token));
                REQUIRE(mine.size() == 1);
                CHECK(mine[0] == rec);
            }
        }
        AND_WHEN("the same id comes back with another path through the scenario") {
            auto other_play = api.result_body(body["id"], 0, 1);
            REQUIRE(other_play["choices"] != body["choices"]);
            auto again = post_json(c, "/api/v1/results", other_play, s.token);
            THEN("it answers 200 with the first play's record, replayed from what was stored") {
                REQUIRE(status_of(again) == 200);
                CHECK(body_json(again) == rec);
                CHECK_FALSE(rec["score_items"].empty());
            }
        }
        AND_WHEN("another student reuses that id") {
            auto other = api.join(cls["join_code"], "小偷");
            THEN("it is refused and does not reveal the record") {
                auto stolen = post_json(c, "/api/v1/results", body, other.token);
                CHECK(status_of(stolen) == 409);
                CHECK_FALSE(body_json(stolen).contains("score"));
                CHECK(body_json(get_with(c, "/api/v1/me/results", other.token)).empty());
            }
        }
    }

    WHEN("the path, pack or hash are wrong") {
        auto impossible = body;
        impossible["choices"] = {9, 9, 9};
        auto unfinished = body;
        unfinished["choices"] = nlohmann::json::array();
        auto unknown_hash = body;
        unknown_hash["pack_hash"] = std::string(64, '0');
        auto wrong_pack = body;
        wrong_pack["pack_id"] = "outreach";
        auto unknown_scenario = body;
        unknown_scenario["scenario_id"] = "no-such-scenario";
        THEN("each gets a clear 4xx and nothing is stored") {
            auto r1 = post_json(c, "/api/v1/results", impossible, s.token);
            CHECK(status_of(r1) == 422);
            CHECK(body_json(r1)["error"].get<std::string>().find("选项") != std::string::npos);
            CHECK(status_of(post_json(c, "/api/v1/results", unfinished, s.token)) == 422);
            CHECK(status_of(post_json(c, "/api/v1/results", unknown_hash, s.token)) == 404);
            CHECK(status_of(post_json(c, "/api/v1/results", wrong_pack, s.token)) == 404);
            CHECK(status_of(post_json(c, "/api/v1/results", unknown_scenario, s.token)) == 404);
            CHECK(body_json(get_with(c, "/api/v1/me/results", s.token)).empty());
        }
    }

    WHEN("someone other than a student submits") {
        THEN("counsellors, authors and anonymous callers are refused") {
            CHECK(status_of(post_json(c, "/api/v1/results", body, api.counsellor)) == 403);
            CHECK(status_of(post_json(c, "/api/v1/results", body, api.author)) == 403);
            CHECK(status_of(post_json(c, "/api/v1/results", body)) == 401);
            CHECK(status_of(get_with(c, "/api/v1/me/results", api.counsellor)) == 403);
            CHECK(status_of(get_with(c, "/api/v1/me/class")) == 401);
        }
    }
}

SCENARIO("a student sees their class standing and rank but never other students' scores") {
    Api api;
    auto c = api.client();
    auto cls = api.create_class(api.counsellor, "排名班");
    auto weak = api.create_class(api.other_counsellor, "另一个班");
    auto me = api.join(cls["join_code"], "我自己");
    auto classmate = api.join(cls["join_code"], "同桌秘密昵称");
    api.join(weak["join_code"], "别班同学");

    REQUIRE(status_of(post_json(c, "/api/v1/results", api.result_body("a-1", 0), me.token)) == 201);
    REQUIRE(status_of(post_json(c, "/api/v1/results", api.result_body("a-2", 1), me.token)) == 201);
    REQUIRE(status_of(post_json(c, "/api/v1/results", api.result_body("b-1", 2), classmate.token)) == 201);

    auto r = get_with(c, "/api/v1/me/class", me.token);
    REQUIRE(status_of(r) == 200);
    auto j = body_json(r);
    CHECK(j["class"]["name"] == "排名班");
    CHECK(j["rank"] == 1);
    CHECK(j["classes_ranked"] == 2);
    CHECK(j["me"]["finished"] == 2);
    CHECK(j["me"]["total"] == static_cast<int>(api.core.scenarios.size()));
    CHECK(j["me"]["missing"].size() == api.core.scenarios.size() - 2);
    CHECK(j["criterion"]["checks"].size() == 3);
    CHECK(r->body.find("同桌秘密昵称") == std::string::npos);

    auto board = get_with(c, "/api/v1/leaderboard");
    REQUIRE(status_of(board) == 200);
    auto b = body_json(board);
    REQUIRE(b.size() == 2);
    CHECK(b[0]["name"] == "排名班");
    CHECK(b[0]["rank"] == 1);
    CHECK(b[0]["students"] == 2);
    CHECK(b[0]["progress_pct"].get<int>() > b[1]["progress_pct"].get<int>());
    CHECK(b[1]["goal_met"] == false);
    CHECK(board->body.find("我自己") == std::string::npos);
    CHECK(board->body.find("同桌秘密昵称") == std::string::npos);
}

SCENARIO("a class reaches 无诈班级 when every member finishes safely with high scores") {
    Api api;
    auto c = api.client();
    auto outreach = load_pack_dir(std::string(FRAUDFREE_SOURCE_DIR) + "/content/outreach");
    REQUIRE(outreach.pack);
    auto cls = api.create_class(api.counsellor, "满分班", {"outreach"});
    auto s = api.join(cls["join_code"], "学霸");
    int n = 0;
    for (const auto& scenario : outreach.pack->scenarios) {
        std::vector<int> best;
        int best_score = -1;
        for (const auto& path : all_paths(scenario)) {
            auto made = make_result(*outreach.pack, scenario.id, path);
            if (made.record && made.record->score > best_score) {
                best_score = made.record->score;
                best = path;
            }
        }
        auto r = post_json(c, "/api/v1/results",
                           {{"id", "best-" + std::to_string(++n)},
                            {"pack_id", "outreach"},
                            {"pack_hash", outreach.pack->hash},
                            {"scenario_id", scenario.id},
                            {"choices", best}},
                           s.token);
        REQUIRE(status_of(r) == 201);
    }
    auto p = body_json(get_with(c, "/api/v1/classes/" + std::to_string(cls["id"].get<int64_t>()) + "/progress",
                                api.counsellor));
    INFO(p.dump(2));
    CHECK(p["criterion"]["met"] == true);
    CHECK(p["criterion"]["progress_pct"] == 100);
    for (const auto& check : p["criterion"]["checks"]) CHECK(check["missing"] == "");
    auto board = body_json(get_with(c, "/api/v1/leaderboard"));
    CHECK(board[0]["goal_met"] == true);
}

SCENARIO("joining is rate-limited per address and wrong codes are refused") {
    Api api({"--join-limit", "5"});
    auto c = api.client();
    auto cls = api.create_class(api.counsellor, "限流班");
    int accepted = 0, wrong = 0, limited = 0;
    for (int i = 0; i < 12; ++i) {
        nlohmann::json body{{"join_code", i % 2 ? std::string(cls["join_code"]) : std::string("ZZZZZZ")},
                            {"nickname", "同学" + std::to_string(i)}};
        auto r = post_json(c, "/api/v1/join", body);
        int st = status_of(r);
        if (st == 201) ++accepted;
        if (st == 404) ++wrong;
        if (st == 429) {
            ++limited;
            CHECK(body_json(r)["error"].is_string());
        }
    }
    CHECK(accepted + wrong == 5);
    CHECK(limited == 7);
}
