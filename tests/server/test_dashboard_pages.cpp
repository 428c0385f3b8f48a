// The dashboard's page renderers: what each page shows, and that hostile text (a nickname
// or class name carrying markup) comes out inert in every page.
#include "dashboard_assets.h"
#include "dashboard_paths.h"
#include "dashboard_views.h"
#include "html_escape.h"
#include "occurrences.h"

#include <catch2/catch.hpp>

#include <string>

using namespace ff::web;

namespace {

const std::string kHostile = "<script>alert(1)</script>\"'&<img src=x onerror=alert(2)>";
const std::string kHostileEscaped =
    "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;&lt;img src=x onerror=alert(2)&gt;";

// The only <script> in any page is the dashboard's own script file, and no hostile tag survives.
void require_inert(const std::string& html) {
    CHECK(ff::test::occurrences(html, "<script") == 1);
    CHECK(html.find("<script src=\"" + paths::js + "\" defer></script>") != std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("alert(1)</script>") == std::string::npos);
    CHECK(html.find(kHostileEscaped) != std::string::npos);
}

ProjectorView sample_projector() {
    ProjectorView v;
    v.class_id = 7;
    v.class_name = "2026级计算机1班";
    v.join_code = "K7P2QX";
    v.progress_pct = 42;
    v.students = 3;
    v.checks = {{"完成全部剧本的同学", false, "2 名同学还没完成「奖助学金」"}, {"最近一次没有被骗", true, ""}};
    v.categories = {{"scholarship", "奖助学金", 33.3, 70, true}, {"rebate", "刷单返利", 100, 90, false}};
    v.finished = {"小李"};
    return v;
}

ReportView sample_report() {
    ReportView v;
    v.class_id = 7;
    v.class_name = "2026级计算机1班";
    v.join_code = "K7P2QX";
    v.progress_pct = 42;
    v.mean_best = 76.25;
    v.checks = {{"班级最好成绩平均分", false, "还差 3.8 分"}};
    v.weak_categories = {{"scholarship", "奖助学金", 33.3, 61.5, true}, {"rebate", "刷单返利", 100, 90, false}};
    StudentLine a;
    a.id = 1;
    a.nickname = "小王";
    a.finished = 1;
    a.total = 3;
    a.mean_best = 55;
    a.latest_ending = "scammed";
    a.missing_categories = {"奖助学金", "刷单返利"};
    a.missing_titles = {"奖学金来电", "刷单点赞"};
    a.scammed_categories = {"冒充客服"};
    StudentLine b;
    b.id = 2;
    b.nickname = "小李";
    b.finished = 3;
    b.total = 3;
    b.mean_best = 97.5;
    b.latest_ending = "safe";
    v.students = {a, b};
    return v;
}

} // namespace

SCENARIO("html_escape makes text inert in element text and quoted attributes") {
    CHECK(html_escape(kHostile) == kHostileEscaped);
    CHECK(html_escape("无诈校园 ok") == "无诈校园 ok");
    CHECK(html_escape(std::string("a\x01" "b\x7f" "c\td\n", 8)) == "abc\td\n");
    CHECK(html_escape("") == "");
}

SCENARIO("format_number and ending_label give the short forms the pages show") {
    CHECK(format_number(80) == "80");
    CHECK(format_number(72.25) == "72.3");
    CHECK(format_number(0.04) == "0");
    CHECK(format_number(99.95) == "100");
    CHECK(ending_label(std::nullopt) == "—");
    CHECK(ending_label(std::string("safe")) == "安全");
    CHECK(ending_label(std::string("partial")) == "止损");
    CHECK(ending_label(std::string("scammed")) == "被骗");
}

SCENARIO("the sign-in page posts the token in a form body, never in a URL") {
    auto html = render_sign_in({});
    CHECK(html.find("<form method=\"post\" action=\"" + paths::login + "\"") != std::string::npos);
    CHECK(html.find("type=\"password\"") != std::string::npos);
    CHECK(html.find("name=\"token\"") != std::string::npos);
    CHECK(html.find("method=\"get\"") == std::string::npos);
    CHECK(html.find("lang=\"zh-CN\"") != std::string::npos);
    CHECK(html.find("class=\"error\"") == std::string::npos);

    auto failed = render_sign_in({"令牌无效" + kHostile});
    CHECK(failed.find("class=\"error\"") != std::string::npos);
    require_inert(failed);
}

SCENARIO("the class list links each class to its projector and report") {
    PageChrome chrome{"我的班级", "张老师", false};
    GIVEN("no classes") {
        auto html = render_class_list(chrome, {});
        CHECK(html.find("还没有班级") != std::string::npos);
        CHECK(html.find("href=\"" + paths::new_class + "\"") != std::string::npos);
        CHECK(html.find("已登录：张老师") != std::string::npos);
        CHECK(html.find("action=\"" + paths::logout + "\"") != std::string::npos);
    }
    GIVEN("two classes, one with a hostile name") {
        ClassListView v;
        v.classes = {{3, "计算机1班", "K7P2QX", 31, 64, false, 71.5}, {4, kHostile, "ABCDEF", 2, 100, true, 90}};
        auto html = render_class_list(chrome, v);
        CHECK(html.find("K7P2QX") != std::string::npos);
        CHECK(html.find("href=\"/dashboard/classes/3/projector\"") != std::string::npos);
        CHECK(html.find("href=\"/dashboard/classes/4/report\"") != std::string::npos);
        CHECK(html.find("value=\"64\"") != std::string::npos);
        CHECK(html.find("进度 64%") != std::string::npos);
        CHECK(html.find("已达成无诈班级") != std::string::npos);
        CHECK(html.find("71.5") != std::string::npos);
        require_inert(html);
    }
}

SCENARIO("the create-class form offers the catalogue's packs and keeps what was typed") {
    CreateClassView v;
    v.packs = {{"campus-core", "校园反诈核心", 3, 14, true}, {"outreach", kHostile, 1, 5, false}};
    v.name = kHostile;
    v.min_finished_pct = 85;
    v.min_mean_best = 75.5;
    v.allow_scammed = true;
    v.error = "请至少选一个题包";
    auto html = render_create_class({"创建班级", "张老师", false}, v);
    CHECK(html.find("action=\"" + paths::classes + "\"") != std::string::npos);
    CHECK(html.find("name=\"packs\" value=\"campus-core\" checked") != std::string::npos);
    CHECK(html.find("name=\"packs\" value=\"outreach\">") != std::string::npos);
    CHECK(html.find("14 个剧本") != std::string::npos);
    CHECK(html.find("value=\"85\"") != std::string::npos);
    CHECK(html.find("value=\"75.5\"") != std::string::npos);
    CHECK(html.find("name=\"allow_scammed\" value=\"1\" checked") != std::string::npos);
    CHECK(html.find("请至少选一个题包") != std::string::npos);
    CHECK(html.find("value=\"" + kHostileEscaped + "\"") != std::string::npos);
    require_inert(html);
}

SCENARIO("the projector view shows the join code huge, the goal bar, categories and who finished") {
    auto v = sample_projector();
    auto html = render_projector(v);
    CHECK(html.find("<body class=\"projector\" data-refresh-url=\"/dashboard/classes/7/projector.json\" "
                    "data-refresh-seconds=\"3\">") != std::string::npos);
    CHECK(html.find("<p class=\"join-code\" id=\"p-code\">K7P2QX</p>") != std::string::npos);
    CHECK(html.find("id=\"p-goal\" max=\"100\" value=\"42\"") != std::string::npos);
    CHECK(html.find("<p class=\"goal-met\" id=\"p-goal-met\" hidden>") != std::string::npos);
    CHECK(html.find("<span class=\"missing\"><span class=\"nowrap\">2 名同学</span>还没完成<span "
                    "class=\"nowrap\">「奖助学金」</span></span>") != std::string::npos);
    CHECK(html.find("奖助学金</span><progress max=\"100\" value=\"33\"") != std::string::npos);
    CHECK(html.find("<li>小李</li>") != std::string::npos);
    CHECK(html.find("<span id=\"p-done-count\">1</span> / <span id=\"p-students\">3</span>") != std::string::npos);
    CHECK(html.find("<header") == std::string::npos); // nothing but the class on the wall

    WHEN("the goal is met") {
        v.goal_met = true;
        v.progress_pct = 100;
        auto met = render_projector(v);
        CHECK(met.find("<p class=\"goal-met\" id=\"p-goal-met\">") != std::string::npos);
    }
    WHEN("a nickname and the class name carry markup") {
        v.finished.push_back(kHostile);
        v.class_name = kHostile;
        require_inert(render_projector(v));
    }
}

SCENARIO("the projector's refresh JSON carries the same figures as the page") {
    auto v = sample_projector();
    v.finished.push_back(kHostile);
    auto j = projector_json(v);
    CHECK(j["class_id"] == 7);
    CHECK(j["join_code"] == "K7P2QX");
    CHECK(j["progress_pct"] == 42);
    CHECK(j["goal_met"] == false);
    CHECK(j["students"] == 3);
    CHECK(j["categories"].size() == 2);
    CHECK(j["categories"][0]["finished_pct"] == 33);
    CHECK(j["checks"][0]["missing"] == "2 名同学还没完成「奖助学金」");
    CHECK(j["checks"][0]["missing_parts"] == nlohmann::json::parse(R"([{"text": "2 名同学", "nowrap": true},
        {"text": "还没完成", "nowrap": false}, {"text": "「奖助学金」", "nowrap": true}])"));
    CHECK(j["checks"][1]["missing_parts"].empty());
    CHECK(j["finished"][1] == kHostile); // raw in JSON; the script sets it with textContent
}

SCENARIO("the report page lists weak categories, unfinished students and the CSV export") {
    auto v = sample_report();
    auto html = render_report({"报告", "张老师", false}, v);
    CHECK(html.find("href=\"/dashboard/classes/7/report.csv\" download") != std::string::npos);
    CHECK(html.find("href=\"/dashboard/classes/7/projector\"") != std::string::npos);
    CHECK(html.find("<span class=\"nowrap\">2 名同学</span> · 平均最好成绩 <span class=\"nowrap\">76.3 分</span>") !=
          std::string::npos);
    CHECK(html.find("<tr class=\"weak\"><td>奖助学金</td><td>61.5 分</td>") != std::string::npos);
    CHECK(html.find("低于目标 80 分") != std::string::npos);
    CHECK(html.find("<tr class=\"todo\"><td class=\"nick\">小王</td><td class=\"num\">1 / 3</td>") != std::string::npos);
    CHECK(html.find("<span class=\"nowrap\">奖助学金</span>、<span class=\"nowrap\">刷单返利</span><details><summary>2 个剧本</summary>奖学金来电、刷单点赞</details>") !=
          std::string::npos);
    CHECK(html.find("<td class=\"ending scammed\">被骗</td>") != std::string::npos);
    CHECK(html.find("<tr><td class=\"nick\">小李</td><td class=\"num\">3 / 3</td>") != std::string::npos);
    CHECK(html.find("还差 <span class=\"nowrap\">3.8 分</span>") != std::string::npos);

    CHECK(html.find("<form class=\"inline\" method=\"post\" action=\"/dashboard/classes/7/join-code\" data-confirm=") !=
          std::string::npos);
    CHECK(html.find("action=\"/dashboard/classes/7/students/1/remove\" data-confirm=\"确定把「小王」移出班级吗？") !=
          std::string::npos);

    WHEN("students carry markup in nickname and missing titles") {
        v.students[0].nickname = kHostile;
        v.students[1].missing_titles = {kHostile};
        v.students[1].missing_categories = {kHostile};
        v.students[1].scammed_categories = {kHostile};
        v.checks[0].missing = "3 名同学还没完成「" + kHostile + "」";
        v.class_name = kHostile;
        require_inert(render_report({"报告", "张老师", false}, v));
    }
    WHEN("nobody has joined yet") {
        v.students.clear();
        v.weak_categories.clear();
        auto empty = render_report({"报告", "张老师", false}, v);
        CHECK(empty.find("还没有同学加入") != std::string::npos);
        CHECK(empty.find("暂时看不出薄弱类别") != std::string::npos);
    }
}

SCENARIO("the embedded stylesheet and script fetch nothing from elsewhere") {
    const std::string css(dashboard_css());
    const std::string js(dashboard_js());
    CHECK(css.find("join-code") != std::string::npos);
    CHECK(js.find("textContent") != std::string::npos);
    for (const std::string* s : {&css, &js}) {
        CHECK(s->find("http://") == std::string::npos);
        CHECK(s->find("https://") == std::string::npos);
        CHECK(s->find("@import") == std::string::npos);
        CHECK(s->find("innerHTML") == std::string::npos);
    }
}
