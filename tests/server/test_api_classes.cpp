// Counsellor routes over HTTP: create/list classes, progress with the 无诈班级 criterion,
// CSV report, join-code rotation, removing a student, and every cross-role/cross-class refusal.
#include "api_fixture.h"

#include <set>

using namespace ff::test;
using namespace ff;

SCENARIO("a counsellor creates a class and sees only own classes") {
    Api api;
    auto c = api.client();
    auto cls = api.create_class(api.counsellor, "软件工程 2301 班", {"campus-core", "outreach"},
                                {{"min_finished_pct", 80}, {"min_mean_best", 70}});
    CHECK(cls["name"] == "软件工程 2301 班");
    CHECK(cls["packs"] == nlohmann::json({"campus-core", "outreach"}));
    CHECK(cls["criterion"]["min_finished_pct"] == 80);
    CHECK(cls["criterion"]["allow_scammed"] == false);
    const std::string code = cls["join_code"];
    REQUIRE(code.size() == 6);
    for (char ch : code) CHECK(std::string("ABCDEFGHJKMNPQRSTUVWXYZ23456789").find(ch) != std::string::npos);

    api.create_class(api.other_counsellor, "别人的班");

    auto mine = body_json(get_with(c, "/api/v1/classes", api.counsellor));
    REQUIRE(mine.size() == 1);
    CHECK(mine[0]["name"] == "软件工程 2301 班");
    CHECK(mine[0]["students"] == 0);
    CHECK(mine[0]["goal_met"] == false);
    CHECK(mine[0].contains("progress_pct"));
    CHECK(body_json(get_with(c, "/api/v1/classes", api.admin)).size() == 2);

    WHEN("someone without the right role tries") {
        auto student = api.join(code, "小王");
        THEN("authors and students cannot create or list classes; no token is 401") {
            nlohmann::json body{{"name", "x"}, {"packs", {"campus-core"}}};
            CHECK(status_of(post_json(c, "/api/v1/classes", body, api.author)) == 403);
            CHECK(status_of(post_json(c, "/api/v1/classes", body, student.token)) == 403);
            CHECK(status_of(post_json(c, "/api/v1/classes", body)) == 401);
            CHECK(status_of(post_json(c, "/api/v1/classes", body, "not-a-token")) == 401);
            CHECK(status_of(get_with(c, "/api/v1/classes", api.author)) == 403);
            CHECK(status_of(get_with(c, "/api/v1/classes", student.token)) == 403);
        }
        AND_THEN("another counsellor and students cannot touch the class") {
            const std::string id = std::to_string(cls["id"].get<int64_t>());
            for (const auto& path : {"/api/v1/classes/" + id + "/progress", "/api/v1/classes/" + id + "/report.csv"}) {
                CHECK(status_of(get_with(c, path, api.other_counsellor)) == 403);
                CHECK(status_of(get_with(c, path, student.token)) == 403);
                CHECK(status_of(get_with(c, path, api.author)) == 403);
                CHECK(status_of(get_with(c, path)) == 401);
                CHECK(status_of(get_with(c, path, api.admin)) == 200);
            }
            CHECK(status_of(post_json(c, "/api/v1/classes/" + id + "/join-code", {}, api.other_counsellor)) == 403);
            CHECK(status_of(delete_with(c, "/api/v1/classes/" + id + "/students/" + std::to_string(student.id),
                                        api.other_counsellor)) == 403);
            CHECK(status_of(delete_with(c, "/api/v1/classes/" + id + "/students/" + std::to_string(student.id),
                                        student.token)) == 403);
            CHECK(status_of(get_with(c, "/api/v1/classes/9999/progress", api.counsellor)) == 404);
        }
    }
}

SCENARIO("class creation rejects bad input with 400/422 and a message") {
    Api api;
    auto c = api.client();
    auto expect = [&](const nlohmann::json& body, int status) {
        auto r = post_json(c, "/api/v1/classes", body, api.counsellor);
        REQUIRE(r);
        INFO(body.dump() << " -> " << r->body);
        CHECK(r->status == status);
        CHECK(body_json(r)["error"].is_string());
    };
    expect({{"packs", {"campus-core"}}}, 400);
    expect({{"name", ""}, {"packs", {"campus-core"}}}, 400);
    expect({{"name", 42}, {"packs", {"campus-core"}}}, 400);
    expect({{"name", "a"}, {"packs", "campus-core"}}, 400);
    expect({{"name", "a"}, {"packs", nlohmann::json::array()}}, 400);
    expect({{"name", "a"}, {"packs", {1}}}, 400);
    expect({{"name", "a"}, {"packs", {"no-such-pack"}}}, 422);
    expect({{"name", "a"}, {"packs", {"campus-core"}}, {"criterion", {{"min_mean_best", 120}}}}, 400);
    expect({{"name", "a"}, {"packs", {"campus-core"}}, {"criterion", {{"min_mean_best", "80"}}}}, 400);
    expect({{"name", "a"}, {"packs", {"campus-core"}}, {"criterion", {{"allow_scamed", true}}}}, 400);
    expect({{"name", std::string(200, 'x')}, {"packs", {"campus-core"}}}, 400);
}

SCENARIO("progress shows members, categories and what is missing for 无诈班级") {
    Api api;
    auto c = api.client();
    // Small criterion so one scenario pack can reach it: the outreach pack.
    auto cls = api.create_class(api.counsellor, "测试班", {"outreach"});
    const std::string id = std::to_string(cls["id"].get<int64_t>());
    auto a = api.join(cls["join_code"], "小李");
    api.join(cls["join_code"], "小张");

    auto p = body_json(get_with(c, "/api/v1/classes/" + id + "/progress", api.counsellor));
    REQUIRE(p["students"].size() == 2);
    CHECK(p["students"][0]["nickname"] == "小李");
    CHECK(p["students"][0]["finished"] == 0);
    CHECK(p["students"][0]["total"].get<int>() > 0);
    CHECK(p["students"][0]["latest_ending"].is_null());
    CHECK(p["criterion"]["met"] == false);
    REQUIRE(p["criterion"]["checks"].size() == 3);
    auto finished = p["criterion"]["checks"][0];
    CHECK(finished["id"] == "finished");
    const std::string missing = finished["missing"];
    INFO(missing);
    CHECK(missing.find("2 名同学还没完成「") != std::string::npos);
    CHECK(p["categories"].size() > 0);
    CHECK(p["categories"][0].contains("finished_pct"));
    CHECK(p["categories"][0].contains("mean_best"));

    WHEN("a student plays a scenario and is scammed") {
        auto outreach = load_pack_dir(std::string(FRAUDFREE_SOURCE_DIR) + "/content/outreach");
        REQUIRE(outreach.pack);
        const auto& s = outreach.pack->scenarios.at(0);
        std::vector<int> scammed_path;
        for (const auto& path : all_paths(s)) {
            auto made = make_result(*outreach.pack, s.id, path);
            if (made.record && made.record->ending_kind == ff::EndingKind::scammed) scammed_path = path;
        }
        REQUIRE_FALSE(scammed_path.empty());
        auto r = post_json(c, "/api/v1/results",
                           {{"id", "3f1c2d4e-0000-4000-8000-000000000001"},
                            {"pack_id", "outreach"},
                            {"pack_hash", outreach.pack->hash},
                            {"scenario_id", s.id},
                            {"choices", scammed_path}},
                           a.token);
        REQUIRE(status_of(r) == 201);
        THEN("the member's latest ending and the no_scammed check say so") {
            p = body_json(get_with(c, "/api/v1/classes/" + id + "/progress", api.counsellor));
            CHECK(p["students"][0]["finished"] == 1);
            CHECK(p["students"][0]["latest_ending"] == "scammed");
            auto no_scammed = p["criterion"]["checks"][2];
            CHECK(no_scammed["id"] == "no_scammed");
            CHECK(no_scammed["met"] == false);
            CHECK(no_scammed["value"] == 1);
            CHECK(no_scammed["missing"].get<std::string>().find("1 名同学") != std::string::npos);
        }
    }
}

SCENARIO("the CSV report opens in Excel and cannot smuggle formulas") {
    Api api;
    auto c = api.client();
    auto cls = api.create_class(api.counsellor, "报表班");
    api.join(cls["join_code"], "=HYPERLINK(\"x\")");
    api.join(cls["join_code"], "小,明");
    auto r = get_with(c, "/api/v1/classes/" + std::to_string(cls["id"].get<int64_t>()) + "/report.csv", api.counsellor);
    REQUIRE(status_of(r) == 200);
    CHECK(r->get_header_value("Content-Type").find("text/csv") == 0);
    CHECK(r->body.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(r->body.find("昵称") != std::string::npos);
    CHECK(r->body.find("\"'=HYPERLINK(\"\"x\"\")\"") != std::string::npos);
    CHECK(r->body.find("\"小,明\"") != std::string::npos);
}

SCENARIO("rotating the join code retires the old one; a removed student loses access") {
    Api api;
    auto c = api.client();
    auto cls = api.create_class(api.counsellor, "轮换班");
    const std::string id = std::to_string(cls["id"].get<int64_t>());
    const std::string old_code = cls["join_code"];
    auto s = api.join(old_code, "小赵");

    auto r = post_json(c, "/api/v1/classes/" + id + "/join-code", nlohmann::json::object(), api.counsellor);
    REQUIRE(status_of(r) == 200);
    const std::string fresh = body_json(r)["join_code"];
    CHECK(fresh != old_code);
    CHECK(fresh.size() == 6);
    CHECK(status_of(post_json(c, "/api/v1/join", {{"join_code", old_code}, {"nickname", "迟到"}})) == 404);
    api.join(fresh, "迟到");

    CHECK(status_of(get_with(c, "/api/v1/me/class", s.token)) == 200);
    CHECK(status_of(delete_with(c, "/api/v1/classes/" + id + "/students/" + std::to_string(s.id), api.counsellor)) == 204);
    CHECK(status_of(delete_with(c, "/api/v1/classes/" + id + "/students/" + std::to_string(s.id), api.counsellor)) == 404);
    CHECK(status_of(get_with(c, "/api/v1/me/class", s.token)) == 401);
    auto p = body_json(get_with(c, "/api/v1/classes/" + id + "/progress", api.counsellor));
    REQUIRE(p["students"].size() == 1);
    CHECK(p["students"][0]["nickname"] == "迟到");
}
