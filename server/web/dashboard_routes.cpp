// The counsellor dashboard's routes under /dashboard: sign in/out, class list, create a
// class, projector view (+ its refresh JSON), report (+ CSV), new join code, remove a
// student. Pages are rendered by dashboard_pages.cpp from view models (dashboard_model.cpp).
#include "class_access.h"
#include "class_progress.h"
#include "csv_report.h"
#include "dashboard_assets.h"
#include "dashboard_model.h"
#include "dashboard_paths.h"
#include "dashboard_session.h"
#include "dashboard_views.h"
#include "http_util.h"
#include "leaderboard.h"
#include "routes.h"
#include "sqlite_handle.h"
#include "text_checks.h"
#include "tokens.h"

#include <charconv>
#include <cmath>
#include <functional>

namespace ff::server {
namespace {

using namespace ff::web;
using Req = httplib::Request;
using Res = httplib::Response;

void security_headers(Res& res) {
    res.set_header("Content-Security-Policy", kContentSecurityPolicy);
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on our own forms.
    res.set_header("Referrer-Policy", "same-origin");
}

void send_html(Res& res, int status, const std::string& html) {
    security_headers(res);
    res.set_header("Cache-Control", "no-store");
    res.status = status;
    res.set_content(html, "text/html; charset=utf-8");
}

void redirect(Res& res, const std::string& to) {
    security_headers(res);
    res.status = 303;
    res.set_header("Location", to);
}

std::optional<Principal> signed_in(App& app, const Req& req) {
    auto token = cookie_value(req.get_header_value("Cookie"), kSessionCookie);
    if (!token || !plausible_token(*token)) return std::nullopt;
    auto who = app.storage.principal_by_token_hash(token_hash(*token));
    if (!who || (who->role != Role::counsellor && who->role != Role::admin)) return std::nullopt;
    return who;
}

PageChrome chrome_for(const Principal& who, const std::string& title) { return PageChrome{title, who.name, false}; }

enum class Kind { page, data }; // data: JSON/CSV fetched by script or link, answered 401 not redirected

using Handler = std::function<void(const Req&, Res&, const Principal&)>;

// Signed-in check, same-origin check for POSTs, and errors shown as a page (or JSON for data).
httplib::Server::Handler dashboard(App& app, Kind kind, Handler fn) {
    return [&app, kind, fn = std::move(fn)](const Req& req, Res& res) {
        std::optional<Principal> who;
        auto fail = [&](int status, const std::string& text) {
            if (kind == Kind::data) {
                security_headers(res);
                send_error(res, status, text);
            } else {
                PageChrome chrome{"出错了", who ? who->name : "", false};
                send_html(res, status, render_message(chrome, "出错了", text));
            }
        };
        try {
            if (req.method == "POST" && !same_origin(req.get_header_value("Origin"), req.get_header_value("Host")))
                return fail(403, "这个请求不是从本站页面发出的，已拒绝");
            who = signed_in(app, req);
            if (!who) {
                if (kind == Kind::data) return fail(401, "请先登录辅导员后台");
                return redirect(res, paths::login);
            }
            fn(req, res, *who);
        } catch (const HttpError& e) {
            fail(e.status, e.what());
        } catch (const SqliteError& e) {
            app.log(std::string("database error: ") + e.what());
            fail(503, "服务器的数据库暂时忙不过来，请稍后刷新");
        } catch (const std::exception& e) {
            app.log(std::string("internal error: ") + e.what());
            fail(500, "服务器内部错误");
        }
    };
}

ClassInfo class_of(App& app, const Req& req, const Principal& who) {
    return require_class_access(app, who, path_id(req, 1));
}

std::optional<double> parse_percent(const std::string& text) {
    double v = 0;
    const char* b = text.data();
    const char* e = b + text.size();
    while (b < e && *b == ' ') ++b;
    auto [p, ec] = std::from_chars(b, e, v);
    if (ec != std::errc() || p != e || !std::isfinite(v) || v < 0 || v > 100) return std::nullopt;
    return v;
}

// Reads the create-class form; on a user mistake fills `form.error` and returns nullopt.
std::optional<ClassInfo> read_class_form(App& app, const Req& req, const Principal& who, CreateClassView& form) {
    std::vector<std::string> chosen;
    auto [from, to] = req.params.equal_range("packs");
    for (auto it = from; it != to; ++it)
        if (std::find(chosen.begin(), chosen.end(), it->second) == chosen.end()) chosen.push_back(it->second);
    const auto catalogue = app.storage.latest_packs();
    form.packs = pack_choices(catalogue, chosen);
    form.name = req.get_param_value("name");
    form.allow_scammed = req.has_param("allow_scammed");
    auto finished = parse_percent(req.get_param_value("min_finished_pct"));
    auto mean = parse_percent(req.get_param_value("min_mean_best"));
    if (finished) form.min_finished_pct = *finished;
    if (mean) form.min_mean_best = *mean;

    ClassInfo c;
    c.owner_id = who.id;
    try {
        c.name = display_text_field(nlohmann::json{{"name", form.name}}, "name", 60);
    } catch (const HttpError&) {
        form.error = "请填写班级名称（1 到 60 个字，不能有控制字符）";
        return std::nullopt;
    }
    if (chosen.empty()) {
        form.error = "请至少选一个题包";
        return std::nullopt;
    }
    if (chosen.size() > 20) {
        form.error = "一个班级最多指定 20 个题包";
        return std::nullopt;
    }
    for (const auto& id : chosen) {
        bool known = std::any_of(catalogue.begin(), catalogue.end(), [&](const PackSummary& p) { return p.id == id; });
        if (!known) {
            form.error = "服务器上没有题包 “" + id + "”";
            return std::nullopt;
        }
    }
    if (!finished || !mean) {
        form.error = "标准里的百分比和分数应当是 0 到 100 之间的数字";
        return std::nullopt;
    }
    c.packs = chosen;
    c.criterion = Criterion{*finished, *mean, form.allow_scammed};
    return c;
}

void add_session_routes(httplib::Server& http, App& app) {
    http.Get("/", [](const Req&, Res& res) { redirect(res, paths::home); });

    http.Get(paths::login, [&app](const Req& req, Res& res) {
        if (signed_in(app, req)) return redirect(res, paths::home);
        send_html(res, 200, render_sign_in({}));
    });

    http.Post(paths::login, [&app](const Req& req, Res& res) {
        if (!same_origin(req.get_header_value("Origin"), req.get_header_value("Host")))
            return send_html(res, 403, render_sign_in({"这个请求不是从本站页面发出的，已拒绝"}));
        std::string token = req.get_param_value("token");
        while (!token.empty() && std::isspace(static_cast<unsigned char>(token.back()))) token.pop_back();
        while (!token.empty() && std::isspace(static_cast<unsigned char>(token.front()))) token.erase(0, 1);
        std::optional<Principal> who;
        try {
            if (plausible_token(token)) who = app.storage.principal_by_token_hash(token_hash(token));
        } catch (const std::exception& e) {
            app.log(std::string("database error: ") + e.what());
            return send_html(res, 503, render_sign_in({"服务器的数据库暂时忙不过来，请稍后再试"}));
        }
        if (!who) return send_html(res, 401, render_sign_in({"令牌不对，或者已被撤销。请检查后重新粘贴。"}));
        if (who->role != Role::counsellor && who->role != Role::admin)
            return send_html(res, 403, render_sign_in({"这个令牌不是辅导员令牌，不能登录后台"}));
        res.set_header("Set-Cookie", session_cookie(token));
        redirect(res, paths::home);
    });

    http.Post(paths::logout, [](const Req&, Res& res) {
        res.set_header("Set-Cookie", cleared_session_cookie());
        redirect(res, paths::login);
    });

    http.Get(paths::css, [](const Req&, Res& res) {
        security_headers(res);
        res.set_header("Cache-Control", "max-age=300");
        res.set_content(std::string(dashboard_css()), "text/css; charset=utf-8");
    });
    http.Get(paths::js, [](const Req&, Res& res) {
        security_headers(res);
        res.set_header("Cache-Control", "max-age=300");
        res.set_content(std::string(dashboard_js()), "text/javascript; charset=utf-8");
    });
}

void add_class_pages(httplib::Server& http, App& app) {
    http.Get(paths::home, dashboard(app, Kind::page, [&app](const Req& req, Res& res, const Principal& who) {
                 ClassListView v;
                 auto list = app.storage.classes(who.role == Role::admin ? std::nullopt : std::optional(who.id));
                 for (const auto& c : list) v.classes.push_back(class_row(load_class_progress(app.storage, app.packs, c)));
                 if (req.has_param("created")) {
                     for (const auto& c : list)
                         if (std::to_string(c.id) == req.get_param_value("created"))
                             v.notice = "班级「" + c.name + "」已创建，加入码 " + c.join_code + "。点“投影”把加入码投到屏幕上。";
                 }
                 send_html(res, 200, render_class_list(chrome_for(who, "我的班级"), v));
             }));

    http.Get(paths::new_class, dashboard(app, Kind::page, [&app](const Req&, Res& res, const Principal& who) {
                 CreateClassView v;
                 auto catalogue = app.storage.latest_packs();
                 // The first pack is ticked so the usual case is one click.
                 v.packs = pack_choices(catalogue, catalogue.empty() ? std::vector<std::string>{}
                                                                     : std::vector<std::string>{catalogue.front().id});
                 send_html(res, 200, render_create_class(chrome_for(who, "创建班级"), v));
             }));

    http.Post(paths::classes, dashboard(app, Kind::page, [&app](const Req& req, Res& res, const Principal& who) {
                  CreateClassView form;
                  auto c = read_class_form(app, req, who, form);
                  if (!c) return send_html(res, 400, render_create_class(chrome_for(who, "创建班级"), form));
                  const ClassInfo made = create_class_with_join_code(app, std::move(*c));
                  redirect(res, paths::home + "?created=" + std::to_string(made.id));
              }));

    http.Get(R"(/dashboard/classes/(\d+)/projector)",
             dashboard(app, Kind::page, [&app](const Req& req, Res& res, const Principal& who) {
                 auto c = class_of(app, req, who);
                 send_html(res, 200, render_projector(projector_view(load_class_progress(app.storage, app.packs, c))));
             }));

    http.Get(R"(/dashboard/classes/(\d+)/projector\.json)",
             dashboard(app, Kind::data, [&app](const Req& req, Res& res, const Principal& who) {
                 auto c = class_of(app, req, who);
                 security_headers(res);
                 res.set_header("Cache-Control", "no-store");
                 send_json(res, 200, projector_json(projector_view(load_class_progress(app.storage, app.packs, c))));
             }));

    http.Get(R"(/dashboard/classes/(\d+)/report)",
             dashboard(app, Kind::page, [&app](const Req& req, Res& res, const Principal& who) {
                 auto c = class_of(app, req, who);
                 send_html(res, 200,
                           render_report(chrome_for(who, c.name + " · 报告"),
                                         report_view(load_class_progress(app.storage, app.packs, c))));
             }));

    http.Post(R"(/dashboard/classes/(\d+)/join-code)",
              dashboard(app, Kind::page, [&app](const Req& req, Res& res, const Principal& who) {
                  auto c = class_of(app, req, who);
                  rotate_join_code(app, c.id);
                  redirect(res, paths::report(c.id));
              }));

    http.Post(R"(/dashboard/classes/(\d+)/students/(\d+)/remove)",
              dashboard(app, Kind::page, [&app](const Req& req, Res& res, const Principal& who) {
                  auto c = class_of(app, req, who);
                  if (!app.storage.remove_student(c.id, path_id(req, 2))) throw HttpError(404, "这个班级里没有这名同学");
                  app.leaderboard.invalidate();
                  redirect(res, paths::report(c.id));
              }));

    http.Get(R"(/dashboard/classes/(\d+)/report\.csv)",
             dashboard(app, Kind::data, [&app](const Req& req, Res& res, const Principal& who) {
                 auto c = class_of(app, req, who);
                 security_headers(res);
                 res.set_header("Cache-Control", "no-store");
                 res.set_header("Content-Disposition",
                                "attachment; filename=\"class-" + std::to_string(c.id) + "-report.csv\"");
                 res.status = 200;
                 res.set_content(class_report_csv(load_class_progress(app.storage, app.packs, c)),
                                 "text/csv; charset=utf-8");
             }));
}

} // namespace

void add_web_routes(httplib::Server& http, App& app) {
    add_session_routes(http, app);
    add_class_pages(http, app);
}

} // namespace ff::server
