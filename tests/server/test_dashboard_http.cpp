// The dashboard over HTTP against the real binary: sign in by form, the cookie's flags,
// create a class, projector and report pages with real results, CSV export, refusals
// (signed out, other counsellor, author token, cross-site POST), and a <script> nickname
// rendered harmless in every page that shows it.
#include "dashboard_session.h"
#include "occurrences.h"
#include "server_process.h"

#include "fraudfree/loader.h"
#include "fraudfree/runner.h"

#include <catch2/catch.hpp>

#include <regex>

using namespace ff::test;

namespace {

const std::string kHostileNick = "<script>alert(1)</script>";

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string out;
    for (const auto& [k, v] : fields) {
        if (!out.empty()) out += '&';
        out += httplib::detail::encode_query_param(k) + "=" + httplib::detail::encode_query_param(v);
    }
    return out;
}

// A browser-like client: keeps the dashboard cookie, sends forms, never follows redirects.
struct Browser {
    explicit Browser(const ServerProcess& server) : client(server.client()), host("127.0.0.1:" + std::to_string(server.port())) {}

    httplib::Headers headers(bool with_origin) const {
        httplib::Headers h;
        if (!cookie.empty()) h.emplace("Cookie", cookie);
        if (with_origin) h.emplace("Origin", "http://" + host);
        return h;
    }
    httplib::Result get(const std::string& path) { return client.Get(path.c_str(), headers(false)); }
    httplib::Result post(const std::string& path, const std::vector<std::pair<std::string, std::string>>& fields,
                         bool with_origin = true) {
        auto r = client.Post(path.c_str(), headers(with_origin), form_encode(fields),
                             "application/x-www-form-urlencoded");
        if (r && r->has_header("Set-Cookie")) {
            std::string set = r->get_header_value("Set-Cookie");
            cookie = set.substr(0, set.find(';'));
            if (cookie == std::string(ff::web::kSessionCookie) + "=") cookie.clear();
        }
        return r;
    }

    httplib::Client client;
    std::string host;
    std::string cookie;
};

// A complete choice path of a campus-core scenario, and the pack's hash, from core itself.
struct Play {
    std::string pack_hash;
    size_t scenarios = 0;
    std::string scenario_id;
    std::vector<int> choices;
};
Play first_play_of_campus_core() {
    auto loaded = ff::load_pack_dir(std::string(FRAUDFREE_SOURCE_DIR) + "/content/campus-core");
    REQUIRE(loaded.pack);
    const auto& s = loaded.pack->scenarios.front();
    auto paths = ff::all_paths(s);
    REQUIRE(!paths.empty());
    return {loaded.pack->hash, loaded.pack->scenarios.size(), s.id, paths.front()};
}

} // namespace

SCENARIO("a counsellor signs in, creates a class and watches it on the projector and in the report") {
    TempDir dir;
    const std::string db = dir.path() + "/ff.db";
    const std::string teacher = create_token(db, "counsellor", "张老师");
    const std::string other = create_token(db, "counsellor", "李老师");
    const std::string author = create_token(db, "author", "派出所");
    ServerProcess server(db, {"--quiet"});
    Browser b(server);

    WHEN("signed out") {
        auto home = b.get("/dashboard");
        REQUIRE(home);
        CHECK(home->status == 303);
        CHECK(home->get_header_value("Location") == "/dashboard/login");
        auto login = b.get("/dashboard/login");
        REQUIRE(login);
        CHECK(login->status == 200);
        CHECK(login->get_header_value("Content-Security-Policy").find("script-src 'self'") != std::string::npos);
        CHECK(login->body.find("辅导员登录") != std::string::npos);
        auto data = b.get("/dashboard/classes/1/projector.json");
        REQUIRE(data);
        CHECK(data->status == 401);
        auto css = b.get("/dashboard/assets/dashboard.css");
        REQUIRE(css);
        CHECK(css->status == 200);
        CHECK(css->get_header_value("Content-Type").find("text/css") == 0);
    }

    WHEN("the token is wrong, belongs to an author, or the form comes from another site") {
        auto wrong = b.post("/dashboard/login", {{"token", std::string(64, 'a')}});
        REQUIRE(wrong);
        CHECK(wrong->status == 401);
        CHECK(wrong->body.find("令牌不对") != std::string::npos);
        CHECK(b.cookie.empty());
        auto by_author = b.post("/dashboard/login", {{"token", author}});
        REQUIRE(by_author);
        CHECK(by_author->status == 403);
        CHECK(b.cookie.empty());
        auto forged = b.client.Post("/dashboard/login", {{"Origin", "http://evil.example"}},
                                    form_encode({{"token", teacher}}), "application/x-www-form-urlencoded");
        REQUIRE(forged);
        CHECK(forged->status == 403);
        CHECK(!forged->has_header("Set-Cookie"));
    }

    WHEN("signed in with the counsellor token") {
        auto in = b.post("/dashboard/login", {{"token", " " + teacher + "\n"}});
        REQUIRE(in);
        CHECK(in->status == 303);
        CHECK(in->get_header_value("Location") == "/dashboard");
        const std::string set_cookie = in->get_header_value("Set-Cookie");
        CHECK(set_cookie.find("HttpOnly") != std::string::npos);
        CHECK(set_cookie.find("SameSite=Strict") != std::string::npos);
        CHECK(set_cookie.find("Path=/dashboard") != std::string::npos);
        CHECK(in->get_header_value("Location").find(teacher) == std::string::npos);

        auto home = b.get("/dashboard");
        REQUIRE(home);
        CHECK(home->status == 200);
        CHECK(home->body.find("已登录：张老师") != std::string::npos);
        CHECK(home->body.find("还没有班级") != std::string::npos);

        auto form = b.get("/dashboard/classes/new");
        REQUIRE(form);
        CHECK(form->body.find("value=\"campus-core\"") != std::string::npos);
        CHECK(form->body.find("value=\"outreach\"") != std::string::npos);

        THEN("a form with mistakes comes back with the values and a message") {
            auto bad = b.post("/dashboard/classes", {{"name", "计算机1班"}, {"min_finished_pct", "90"}, {"min_mean_best", "80"}});
            REQUIRE(bad);
            CHECK(bad->status == 400);
            CHECK(bad->body.find("请至少选一个题包") != std::string::npos);
            CHECK(bad->body.find("value=\"计算机1班\"") != std::string::npos);
            auto bad_pct = b.post("/dashboard/classes", {{"name", "x"}, {"packs", "campus-core"},
                                                          {"min_finished_pct", "120"}, {"min_mean_best", "80"}});
            REQUIRE(bad_pct);
            CHECK(bad_pct->status == 400);
            CHECK(bad_pct->body.find("0 到 100") != std::string::npos);
            auto unknown = b.post("/dashboard/classes", {{"name", "x"}, {"packs", "no-such-pack"},
                                                          {"min_finished_pct", "90"}, {"min_mean_best", "80"}});
            REQUIRE(unknown);
            CHECK(unknown->status == 400);
            CHECK(unknown->body.find("no-such-pack") != std::string::npos);
            auto forged = b.client.Post("/dashboard/classes", {{"Cookie", b.cookie}, {"Origin", "http://evil.example"}},
                                        form_encode({{"name", "x"}, {"packs", "campus-core"}, {"min_finished_pct", "90"},
                                                     {"min_mean_best", "80"}}),
                                        "application/x-www-form-urlencoded");
            REQUIRE(forged);
            CHECK(forged->status == 403);
        }

        THEN("a class is created and shows on the projector, the report and in the CSV") {
            auto made = b.post("/dashboard/classes", {{"name", "2026级计算机1班"},
                                                      {"packs", "campus-core"},
                                                      {"min_finished_pct", "90"},
                                                      {"min_mean_best", "80"}});
            REQUIRE(made);
            CHECK(made->status == 303);
            const std::string location = made->get_header_value("Location");
            std::smatch m;
            REQUIRE(std::regex_match(location, m, std::regex(R"(/dashboard\?created=(\d+))")));
            const std::string id = m[1];

            auto home = b.get("/dashboard?created=" + id);
            REQUIRE(home);
            CHECK(home->body.find("班级「2026级计算机1班」已创建") != std::string::npos);

            // The same class through the JSON API: the join code the projector shows.
            auto api = server.client();
            auto classes = body_json(get_with(api, "/api/v1/classes", teacher));
            REQUIRE(classes.size() == 1);
            const std::string code = classes[0]["join_code"];
            CHECK(home->body.find(code) != std::string::npos);

            // Two students join; one with a script nickname plays a scenario.
            auto joined = post_json(api, "/api/v1/join", {{"join_code", code}, {"nickname", kHostileNick}});
            REQUIRE(joined);
            REQUIRE(joined->status == 201);
            const std::string student = body_json(joined)["student_token"];
            REQUIRE(post_json(api, "/api/v1/join", {{"join_code", code}, {"nickname", "小李"}})->status == 201);
            Play play = first_play_of_campus_core();
            auto sent = post_json(api, "/api/v1/results",
                                  {{"id", "6f1c2a5e-0000-4000-8000-000000000001"}, {"pack_id", "campus-core"},
                                   {"pack_hash", play.pack_hash}, {"scenario_id", play.scenario_id},
                                   {"choices", play.choices}},
                                  student);
            REQUIRE(sent);
            REQUIRE(sent->status == 201);

            auto projector = b.get("/dashboard/classes/" + id + "/projector");
            REQUIRE(projector);
            CHECK(projector->status == 200);
            CHECK(projector->body.find("<p class=\"join-code\" id=\"p-code\">" + code + "</p>") != std::string::npos);
            CHECK(projector->body.find("data-refresh-url=\"/dashboard/classes/" + id + "/projector.json\"") !=
                  std::string::npos);
            CHECK(projector->body.find("<span id=\"p-students\">2</span>") != std::string::npos);
            CHECK(projector->body.find("刷单返利") != std::string::npos);

            auto refresh = b.get("/dashboard/classes/" + id + "/projector.json");
            REQUIRE(refresh);
            CHECK(refresh->status == 200);
            auto j = body_json(refresh);
            CHECK(j["join_code"] == code);
            CHECK(j["students"] == 2);
            CHECK(j["categories"].size() >= 5);
            CHECK(j["checks"].size() == 3);

            auto report = b.get("/dashboard/classes/" + id + "/report");
            REQUIRE(report);
            CHECK(report->status == 200);
            CHECK(report->body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
            CHECK(report->body.find(kHostileNick) == std::string::npos);
            CHECK(ff::test::occurrences(report->body, "<script") == 1);
            const std::string total = std::to_string(play.scenarios);
            CHECK(report->body.find(">1 / " + total + "<") != std::string::npos);
            CHECK(report->body.find(">0 / " + total + "<") != std::string::npos);
            CHECK(report->body.find("report.csv") != std::string::npos);

            auto csv = b.get("/dashboard/classes/" + id + "/report.csv");
            REQUIRE(csv);
            CHECK(csv->status == 200);
            CHECK(csv->get_header_value("Content-Type").find("text/csv") == 0);
            CHECK(csv->body.rfind("\xEF\xBB\xBF", 0) == 0);
            CHECK(csv->body.find("小李") != std::string::npos);

            AND_THEN("a new join code replaces the old one, and a removed student no longer counts") {
                auto rotated = b.post("/dashboard/classes/" + id + "/join-code", {});
                REQUIRE(rotated);
                CHECK(rotated->status == 303);
                CHECK(rotated->get_header_value("Location") == "/dashboard/classes/" + id + "/report");
                auto after = body_json(get_with(api, "/api/v1/classes", teacher));
                const std::string new_code = after[0]["join_code"];
                CHECK(new_code != code);
                CHECK(post_json(api, "/api/v1/join", {{"join_code", code}, {"nickname", "晚到"}})->status == 404);

                const auto student_id = body_json(joined)["student_id"].get<int64_t>();
                auto removed = b.post("/dashboard/classes/" + id + "/students/" + std::to_string(student_id) + "/remove", {});
                REQUIRE(removed);
                CHECK(removed->status == 303);
                auto page = b.get("/dashboard/classes/" + id + "/report");
                REQUIRE(page);
                CHECK(page->body.find("&lt;script&gt;") == std::string::npos);
                CHECK(page->body.find(new_code) != std::string::npos);
                CHECK(get_with(api, "/api/v1/me/results", student)->status == 401);
                auto again = b.post("/dashboard/classes/" + id + "/students/" + std::to_string(student_id) + "/remove", {});
                REQUIRE(again);
                CHECK(again->status == 404);
            }
            AND_THEN("another counsellor can neither see nor download it") {
                Browser b2(server);
                REQUIRE(b2.post("/dashboard/login", {{"token", other}})->status == 303);
                auto list = b2.get("/dashboard");
                REQUIRE(list);
                CHECK(list->body.find("2026级计算机1班") == std::string::npos);
                CHECK(b2.get("/dashboard/classes/" + id + "/projector")->status == 403);
                CHECK(b2.get("/dashboard/classes/" + id + "/report")->status == 403);
                CHECK(b2.get("/dashboard/classes/" + id + "/report.csv")->status == 403);
                CHECK(b2.get("/dashboard/classes/" + id + "/projector.json")->status == 403);
                CHECK(b2.get("/dashboard/classes/999/report")->status == 404);
                CHECK(b2.post("/dashboard/classes/" + id + "/join-code", {})->status == 403);
                CHECK(b2.post("/dashboard/classes/" + id + "/students/1/remove", {})->status == 403);
            }
            AND_THEN("after signing out the cookie no longer opens anything") {
                auto out = b.post("/dashboard/logout", {});
                REQUIRE(out);
                CHECK(out->status == 303);
                CHECK(out->get_header_value("Set-Cookie").find("Max-Age=0") != std::string::npos);
                CHECK(b.get("/dashboard/classes/" + id + "/report")->status == 303);
            }
        }
    }
}

SCENARIO("dashboard cookies and origins are parsed strictly") {
    using namespace ff::web;
    CHECK(cookie_value("a=1; ff_dash=abc; b=2", "ff_dash") == std::optional<std::string>("abc"));
    CHECK(cookie_value("ff_dash=x", "ff_dash") == std::optional<std::string>("x"));
    CHECK(!cookie_value("xff_dash=1; other=2", "ff_dash"));
    CHECK(!cookie_value("", "ff_dash"));
    CHECK(plausible_token(std::string(64, 'f')));
    CHECK(!plausible_token("short"));
    CHECK(!plausible_token(std::string(40, 'a') + ";Path=/"));
    CHECK(same_origin("", "127.0.0.1:8080"));
    CHECK(same_origin("http://127.0.0.1:8080", "127.0.0.1:8080"));
    CHECK(!same_origin("http://evil.example", "127.0.0.1:8080"));
    CHECK(!same_origin("null", "127.0.0.1:8080"));
    CHECK(session_cookie("abc").find("HttpOnly; SameSite=Strict") != std::string::npos);
}
