// The dashboard's HTML. Rule: any value that did not come from a literal in this file goes
// through esc() (html_escape) or is a number formatted here; nothing else is concatenated.
#include "dashboard_paths.h"
#include "dashboard_phrases.h"
#include "dashboard_views.h"
#include "html_escape.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ff::web {
namespace {

std::string esc(std::string_view s) { return html_escape(s); }

std::string num(int64_t v) { return std::to_string(v); }

int clamp_pct(double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 100.0))); }

std::string document(const PageChrome& chrome, const std::string& body_attrs, const std::string& body) {
    std::string h;
    h.reserve(body.size() + 1024);
    h += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>";
    h += esc(chrome.title.empty() ? "无诈校园" : "无诈校园 · " + chrome.title);
    h += "</title>\n<link rel=\"stylesheet\" href=\"";
    h += esc(paths::css);
    h += "\">\n<script src=\"";
    h += esc(paths::js);
    h += "\" defer></script>\n</head>\n<body";
    h += chrome.projector ? " class=\"projector\"" : "";
    h += body_attrs;
    h += ">\n";
    if (!chrome.projector) {
        h += "<header class=\"top\"><a class=\"brand\" href=\"";
        h += esc(paths::home);
        h += "\">无诈校园 <span>辅导员后台</span></a>";
        if (!chrome.signed_in_as.empty()) {
            h += "<form class=\"who\" method=\"post\" action=\"";
            h += esc(paths::logout);
            h += "\"><span>已登录：";
            h += esc(chrome.signed_in_as);
            h += "</span><button type=\"submit\" class=\"link\">退出登录</button></form>";
        }
        h += "</header>\n<main class=\"page\">\n";
    }
    h += body;
    if (!chrome.projector) h += "</main>\n";
    h += "</body>\n</html>\n";
    return h;
}

std::string error_box(const std::string& error) {
    if (error.empty()) return {};
    return "<p class=\"error\" role=\"alert\">" + esc(error) + "</p>\n";
}

std::string progress_bar(const std::string& id, double pct, const std::string& label) {
    std::string h = "<progress";
    if (!id.empty()) h += " id=\"" + esc(id) + "\"";
    h += " max=\"100\" value=\"" + num(clamp_pct(pct)) + "\" aria-label=\"" + esc(label) + "\"></progress>";
    return h;
}

std::string check_list(const std::vector<CheckLine>& checks, const std::string& id) {
    std::string h = "<ul class=\"checks\"";
    if (!id.empty()) h += " id=\"" + esc(id) + "\"";
    h += ">\n";
    for (const auto& c : checks) {
        h += "<li class=\"";
        h += c.met ? "met" : "unmet";
        h += "\"><span class=\"badge\">";
        h += c.met ? "已达成" : "未达成";
        h += "</span><span class=\"label\">" + esc(c.label) + "</span>";
        if (!c.missing.empty()) h += "<span class=\"missing\">" + phrases_html(c.missing) + "</span>";
        h += "</li>\n";
    }
    h += "</ul>\n";
    return h;
}

std::string goal_badge(bool met, int pct) {
    if (met) return "<span class=\"goal yes\">已达成无诈班级</span>";
    return "<span class=\"goal no\">进度 " + num(pct) + "%</span>";
}

std::string join_titles(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) {
        if (!out.empty()) out += "、";
        out += s;
    }
    return out;
}

// A POST button; the dashboard script asks `question` first (without script it just posts).
std::string confirm_button(const std::string& action, const std::string& question, const std::string& label,
                           const std::string& button_class) {
    return "<form class=\"inline\" method=\"post\" action=\"" + esc(action) + "\" data-confirm=\"" + esc(question) +
           "\"><button type=\"submit\" class=\"" + esc(button_class) + "\">" + esc(label) + "</button></form>";
}

// Categories at a glance; the scenario titles fold out (no script needed).
std::string missing_cell(const StudentLine& s) {
    if (s.missing_titles.empty()) return "—";
    std::string h = nowrap_list_html(s.missing_categories);
    h += "<details><summary>" + num(static_cast<int64_t>(s.missing_titles.size())) + " 个剧本</summary>" +
         esc(join_titles(s.missing_titles)) + "</details>";
    return h;
}

} // namespace

std::string format_number(double v) {
    if (!std::isfinite(v)) return "0";
    char buf[32];
    double r = std::round(v * 10) / 10;
    if (r == std::floor(r))
        std::snprintf(buf, sizeof buf, "%.0f", r);
    else
        std::snprintf(buf, sizeof buf, "%.1f", r);
    return buf;
}

std::string ending_label(const std::optional<std::string>& kind) {
    if (!kind) return "—";
    if (*kind == "safe") return "安全";
    if (*kind == "partial") return "止损";
    if (*kind == "scammed") return "被骗";
    return *kind;
}

std::string render_sign_in(const SignInView& v) {
    PageChrome chrome{"登录", "", false};
    std::string b = "<section class=\"card narrow\">\n<h1>辅导员登录</h1>\n";
    b += error_box(v.error);
    b += "<form method=\"post\" action=\"" + esc(paths::login) + "\" class=\"stack\">\n"
         "<label for=\"token\">登录令牌</label>\n"
         "<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"off\" required "
         "maxlength=\"200\" autofocus>\n"
         "<button type=\"submit\">登录</button>\n</form>\n"
         "<p class=\"hint\">令牌由管理员在服务器上生成：<code>fraudfree-server token create --role counsellor "
         "--name 你的姓名</code>。登录后令牌只保存在本浏览器的会话 Cookie 中，关闭浏览器即失效。</p>\n"
         "</section>\n";
    return document(chrome, "", b);
}

std::string render_class_list(const PageChrome& chrome, const ClassListView& v) {
    std::string b = "<div class=\"titlebar\"><h1>我的班级</h1><a class=\"button\" href=\"" + esc(paths::new_class) +
                    "\">创建班级</a></div>\n";
    if (!v.notice.empty()) b += "<p class=\"notice\">" + esc(v.notice) + "</p>\n";
    if (v.classes.empty()) {
        b += "<p class=\"empty\">还没有班级。创建一个班级，把加入码投到屏幕上，同学们在游戏里输入加入码就能加入。</p>\n";
        return document(chrome, "", b);
    }
    b += "<table class=\"grid\">\n<thead><tr><th>班级</th><th>加入码</th><th>人数</th><th>无诈班级进度</th>"
         "<th>平均最好成绩</th><th></th></tr></thead>\n<tbody>\n";
    for (const auto& c : v.classes) {
        b += "<tr><td>" + esc(c.name) + "</td><td class=\"code\">" + esc(c.join_code) + "</td><td>" +
             num(c.students) + "</td><td class=\"bar\">" + progress_bar("", c.progress_pct, "无诈班级进度") + " " +
             goal_badge(c.goal_met, c.progress_pct) + "</td><td>" + esc(format_number(c.mean_best)) +
             "</td><td class=\"actions\"><a href=\"" + esc(paths::projector(c.id)) + "\">投影</a> <a href=\"" +
             esc(paths::report(c.id)) + "\">报告</a></td></tr>\n";
    }
    b += "</tbody>\n</table>\n";
    return document(chrome, "", b);
}

std::string render_create_class(const PageChrome& chrome, const CreateClassView& v) {
    std::string b = "<section class=\"card\">\n<h1>创建班级</h1>\n";
    b += error_box(v.error);
    b += "<form method=\"post\" action=\"" + esc(paths::classes) + "\" class=\"stack\">\n";
    b += "<label for=\"name\">班级名称</label>\n<input id=\"name\" name=\"name\" required maxlength=\"60\" "
         "placeholder=\"例如：2026级计算机1班\" value=\"" +
         esc(v.name) + "\">\n";
    b += "<fieldset>\n<legend>要练习的题包</legend>\n";
    if (v.packs.empty()) b += "<p class=\"empty\">服务器上还没有题包。</p>\n";
    for (const auto& p : v.packs) {
        b += "<label class=\"check\"><input type=\"checkbox\" name=\"packs\" value=\"" + esc(p.id) + "\"";
        if (p.checked) b += " checked";
        b += "> <span>" + esc(p.title) + "</span> <small>" + esc(p.id) + " · 第 " + num(p.version) + " 版 · " +
             num(p.scenarios) + " 个剧本</small></label>\n";
    }
    b += "</fieldset>\n<fieldset>\n<legend>无诈班级的标准</legend>\n"
         "<label for=\"min_finished_pct\">完成全部剧本的同学至少占（%）</label>\n"
         "<input id=\"min_finished_pct\" name=\"min_finished_pct\" type=\"number\" min=\"0\" max=\"100\" "
         "step=\"1\" required value=\"" +
         esc(format_number(v.min_finished_pct)) +
         "\">\n"
         "<label for=\"min_mean_best\">班级最好成绩平均分至少</label>\n"
         "<input id=\"min_mean_best\" name=\"min_mean_best\" type=\"number\" min=\"0\" max=\"100\" step=\"1\" "
         "required value=\"" +
         esc(format_number(v.min_mean_best)) + "\">\n";
    b += "<label class=\"check\"><input type=\"checkbox\" name=\"allow_scammed\" value=\"1\"";
    if (v.allow_scammed) b += " checked";
    b += "> <span>允许有同学最近一次被骗（默认不允许：每个人最近一次都不能以“被骗”结束）</span></label>\n"
         "</fieldset>\n<button type=\"submit\">创建班级</button>\n</form>\n</section>\n";
    return document(chrome, "", b);
}

std::string render_projector(const ProjectorView& v) {
    PageChrome chrome{v.class_name + " · 投影", "", true};
    const std::string attrs = " data-refresh-url=\"" + esc(paths::projector_json(v.class_id)) +
                              "\" data-refresh-seconds=\"" + num(v.refresh_seconds) + "\"";
    std::string b = "<main class=\"proj\">\n<section class=\"proj-join\">\n";
    b += "<p class=\"proj-class\" id=\"p-class\">" + esc(v.class_name) + "</p>\n";
    b += "<p class=\"proj-hint\">打开「无诈校园」→ 加入班级 → 输入加入码</p>\n";
    b += "<p class=\"join-code\" id=\"p-code\">" + esc(v.join_code) + "</p>\n";
    b += "<h2>距离「无诈班级」</h2>\n<div class=\"goal-row\">" + progress_bar("p-goal", v.progress_pct, "无诈班级进度") +
         "<span class=\"big-pct\" id=\"p-goal-pct\">" + num(clamp_pct(v.progress_pct)) + "%</span></div>\n";
    b += "<p class=\"goal-met\" id=\"p-goal-met\"";
    if (!v.goal_met) b += " hidden";
    b += ">已达成无诈班级！</p>\n";
    b += check_list(v.checks, "p-checks");
    b += "</section>\n<section class=\"proj-side\">\n<h2>各类诈骗：全部完成的同学</h2>\n<ul class=\"cats\" id=\"p-cats\">\n";
    for (const auto& c : v.categories) {
        b += "<li><span class=\"cat-name\">" + esc(c.name) + "</span>" + progress_bar("", c.finished_pct, c.name) +
             "<span class=\"cat-pct\">" + num(clamp_pct(c.finished_pct)) + "%</span></li>\n";
    }
    b += "</ul>\n<h2>已全部完成 <span class=\"count\"><span id=\"p-done-count\">" + num(static_cast<int64_t>(v.finished.size())) +
         "</span> / <span id=\"p-students\">" + num(v.students) + "</span> 人</span></h2>\n<ul class=\"names\" id=\"p-done\">\n";
    for (const auto& n : v.finished) b += "<li>" + esc(n) + "</li>\n";
    b += "</ul>\n</section>\n";
    b += "<p class=\"status\" id=\"p-status\">每 " + num(v.refresh_seconds) + " 秒自动刷新</p>\n</main>\n";
    return document(chrome, attrs, b);
}

std::string render_report(const PageChrome& chrome, const ReportView& v) {
    std::string b = "<div class=\"titlebar\"><h1>" + esc(v.class_name) + " · 班级报告</h1><span>" +
                    "<a class=\"button secondary\" href=\"" + esc(paths::projector(v.class_id)) +
                    "\">投影</a> <a class=\"button\" href=\"" + esc(paths::report_csv(v.class_id)) +
                    "\" download>导出 CSV（Excel 可打开）</a></span></div>\n";
    // A <div>, not a <p>: a <form> inside a <p> would close the paragraph early.
    b += "<div class=\"summary\">加入码 <span class=\"code\">" + esc(v.join_code) + "</span> " +
         confirm_button(paths::rotate_join_code(v.class_id), "换码后旧加入码立即失效（已加入的同学不受影响）。确定换一个吗？",
                        "换一个加入码", "small secondary") +
         " · " +
         "<span class=\"nowrap\">" + num(static_cast<int64_t>(v.students.size())) + " 名同学</span> · 平均最好成绩 " +
         "<span class=\"nowrap\">" + esc(format_number(v.mean_best)) + " 分</span> · " + goal_badge(v.goal_met, v.progress_pct) + "</div>\n";
    b += "<section class=\"card\">\n<h2>无诈班级标准</h2>\n" + check_list(v.checks, "") + "</section>\n";

    b += "<section class=\"card\">\n<h2>薄弱类别</h2>\n";
    if (v.weak_categories.empty()) {
        b += "<p class=\"empty\">还没有成绩，暂时看不出薄弱类别。</p>\n";
    } else {
        b += "<table class=\"grid\">\n<thead><tr><th>诈骗类别</th><th>平均最好成绩</th><th>全部完成的同学</th><th></th></tr>"
             "</thead>\n<tbody>\n";
        for (const auto& c : v.weak_categories) {
            b += "<tr";
            if (c.weak) b += " class=\"weak\"";
            b += "><td>" + esc(c.name) + "</td><td>" + esc(format_number(c.mean_best)) + " 分</td><td class=\"bar\">" +
                 progress_bar("", c.finished_pct, c.name) + " " + num(clamp_pct(c.finished_pct)) + "%</td><td>";
            if (c.weak) b += "<span class=\"tag\">低于目标 " + esc(format_number(v.target_mean_best)) + " 分</span>";
            b += "</td></tr>\n";
        }
        b += "</tbody>\n</table>\n";
    }
    b += "</section>\n";

    b += "<section class=\"card\">\n<h2>同学</h2>\n";
    if (v.students.empty()) {
        b += "<p class=\"empty\">还没有同学加入。</p>\n";
    } else {
        b += "<table class=\"grid\">\n<thead><tr><th>昵称</th><th>完成</th><th>平均最好成绩</th><th>最近结局</th>"
             "<th>还没完成的类别</th><th>最近一次被骗</th><th></th></tr></thead>\n<tbody>\n";
        for (const auto& s : v.students) {
            const bool done = s.total > 0 && s.finished >= s.total;
            b += "<tr";
            if (!done) b += " class=\"todo\"";
            b += "><td class=\"nick\">" + esc(s.nickname) + "</td><td class=\"num\">" + num(s.finished) + " / " +
                 num(s.total) + "</td><td class=\"num\">" + esc(format_number(s.mean_best)) +
                 "</td><td class=\"ending " + esc(s.latest_ending.value_or("none")) + "\">" +
                 esc(ending_label(s.latest_ending)) + "</td><td>" + missing_cell(s) + "</td><td>" +
                 (s.scammed_categories.empty() ? std::string("—") : nowrap_list_html(s.scammed_categories)) +
                 "</td><td>" +
                 confirm_button(paths::remove_student(v.class_id, s.id),
                                "确定把「" + s.nickname + "」移出班级吗？移出后 TA 的令牌失效，成绩不再计入班级。", "移出",
                                "small danger") +
                 "</td></tr>\n";
        }
        b += "</tbody>\n</table>\n";
    }
    b += "</section>\n";
    return document(chrome, "", b);
}

std::string render_message(const PageChrome& chrome, const std::string& heading, const std::string& text) {
    std::string b = "<section class=\"card narrow\">\n<h1>" + esc(heading) + "</h1>\n<p>" + esc(text) +
                    "</p>\n<p><a href=\"" + esc(paths::home) + "\">返回我的班级</a></p>\n</section>\n";
    return document(chrome, "", b);
}

nlohmann::json projector_json(const ProjectorView& v) {
    nlohmann::json checks = nlohmann::json::array();
    for (const auto& c : v.checks)
        checks.push_back(
            {{"label", c.label}, {"met", c.met}, {"missing", c.missing}, {"missing_parts", phrases_json(c.missing)}});
    nlohmann::json cats = nlohmann::json::array();
    for (const auto& c : v.categories)
        cats.push_back({{"id", c.id}, {"name", c.name}, {"finished_pct", clamp_pct(c.finished_pct)}});
    return {{"class_id", v.class_id},       {"class_name", v.class_name}, {"join_code", v.join_code},
            {"progress_pct", clamp_pct(v.progress_pct)}, {"goal_met", v.goal_met}, {"students", v.students},
            {"checks", checks},             {"categories", cats},         {"finished", v.finished}};
}

} // namespace ff::web
