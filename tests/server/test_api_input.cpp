// Hostile and broken input over HTTP: malformed JSON and wrong types get 400 with a message
// (never 500), oversized bodies 413, SQL metacharacters are stored verbatim, and the server
// is still healthy afterwards.
#include "api_fixture.h"

using namespace ff::test;

SCENARIO("malformed bodies and wrong types are answered with 400 and a message") {
    Api api;
    auto c = api.client();
    auto cls = api.create_class(api.counsellor, "输入班");
    auto s = api.join(cls["join_code"], "小测");
    const httplib::Headers student{{"Authorization", "Bearer " + s.token}};
    const httplib::Headers counsellor{{"Authorization", "Bearer " + api.counsellor}};

    struct Case {
        std::string path;
        httplib::Headers headers;
        std::string body;
    };
    const std::vector<Case> cases = {
        {"/api/v1/join", {}, "{not json"},
        {"/api/v1/join", {}, "[1,2,3]"},
        {"/api/v1/join", {}, ""},
        {"/api/v1/join", {}, R"({"join_code": 123456, "nickname": "x"})"},
        {"/api/v1/join", {}, R"({"join_code": "ABCDEF", "nickname": ["x"]})"},
        {"/api/v1/join", {}, R"({"join_code": "ABCDEF", "nickname": "a\u0007b"})"},
        {"/api/v1/join", {}, "{\"join_code\": \"ABCDEF\", \"nickname\": \"\xff\xfe\"}"},
        {"/api/v1/results", student, "{\"id\": \"x\""},
        {"/api/v1/results", student, R"({"id": 5, "pack_id": "a", "pack_hash": "b", "scenario_id": "c", "choices": [1]})"},
        {"/api/v1/results", student, R"({"id": "x", "pack_id": "a", "pack_hash": "b", "scenario_id": "c", "choices": "1,2"})"},
        {"/api/v1/results", student, R"({"id": "x", "pack_id": "a", "pack_hash": "b", "scenario_id": "c", "choices": [1.5]})"},
        {"/api/v1/results", student, R"({"id": "x", "pack_id": "a", "pack_hash": "b", "scenario_id": "c", "choices": [true]})"},
        {"/api/v1/results", student, R"({"id": "x y z", "pack_id": "a", "pack_hash": "b", "scenario_id": "c", "choices": [1]})"},
        {"/api/v1/results", student, R"({"pack_id": "a", "pack_hash": "b", "scenario_id": "c", "choices": [1]})"},
        {"/api/v1/classes", counsellor, R"({"name": null, "packs": ["campus-core"]})"},
        {"/api/v1/classes", counsellor, R"({"name": "a", "packs": ["campus-core"], "criterion": 5})"},
        {"/api/v1/classes", counsellor, "nul\0l"},
    };
    for (const auto& k : cases) {
        auto r = c.Post(k.path.c_str(), k.headers, k.body, "application/json");
        REQUIRE(r);
        INFO(k.path << " " << k.body << " -> " << r->status << " " << r->body);
        CHECK(r->status == 400);
        auto j = body_json(r);
        CHECK(j.is_object());
        CHECK(j["error"].is_string());
    }
    CHECK(status_of(c.Get("/healthz")) == 200);
}

SCENARIO("oversized bodies are refused with 413") {
    Api api;
    auto c = api.client();
    auto cls = api.create_class(api.counsellor, "大包班");
    nlohmann::json big{{"join_code", cls["join_code"]}, {"nickname", std::string(200 * 1024, 'a')}};
    CHECK(status_of(post_json(c, "/api/v1/join", big)) == 413);
    nlohmann::json huge_pack{{"files", {{"pack.toml", std::string(5 * 1024 * 1024, 'a')}}}};
    CHECK(status_of(post_json(c, "/api/v1/packs", huge_pack, api.author)) == 413);
    CHECK(status_of(c.Get("/healthz")) == 200);
}

SCENARIO("SQL metacharacters and markup are stored and returned verbatim") {
    Api api;
    auto c = api.client();
    const std::string name = "Robert'); DROP TABLE classes;-- \"班\" <b>";
    auto cls = api.create_class(api.counsellor, name);
    CHECK(cls["name"] == name);
    const std::string nick = "x' OR '1'='1 <script>x</script>";
    auto s = api.join(cls["join_code"], nick);
    auto p = body_json(get_with(c, "/api/v1/classes/" + std::to_string(cls["id"].get<int64_t>()) + "/progress",
                                api.counsellor));
    CHECK(p["class"]["name"] == name);
    REQUIRE(p["students"].size() == 1);
    CHECK(p["students"][0]["nickname"] == nick);
    auto board = body_json(get_with(c, "/api/v1/leaderboard"));
    REQUIRE(board.size() == 1);
    CHECK(board[0]["name"] == name);
    auto mine = body_json(get_with(c, "/api/v1/classes", api.counsellor));
    CHECK(mine.size() == 1);
}
