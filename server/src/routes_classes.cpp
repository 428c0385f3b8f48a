// Counsellor routes: create and list classes, class progress, CSV report, rotate the join
// code, remove a student. A counsellor sees only own classes; admins see all.
#include "class_access.h"
#include "class_progress.h"
#include "csv_report.h"
#include "http_util.h"
#include "leaderboard.h"
#include "routes.h"
#include "text_checks.h"

#include <algorithm>
#include <set>

namespace ff::server {
namespace {

constexpr size_t kMaxPacksPerClass = 20;

Criterion read_criterion(const nlohmann::json& body) {
    Criterion c;
    auto it = body.find("criterion");
    if (it == body.end() || it->is_null()) return c;
    if (!it->is_object()) throw HttpError(400, "字段 criterion 应当是一个对象");
    const auto& o = *it;
    if (o.contains("min_finished_pct")) c.min_finished_pct = number_field(o, "min_finished_pct", 0, 100);
    if (o.contains("min_mean_best")) c.min_mean_best = number_field(o, "min_mean_best", 0, 100);
    if (o.contains("allow_scammed")) c.allow_scammed = bool_field(o, "allow_scammed");
    for (auto f = o.begin(); f != o.end(); ++f)
        if (f.key() != "min_finished_pct" && f.key() != "min_mean_best" && f.key() != "allow_scammed")
            throw HttpError(400, "criterion 里不认识的字段 " + f.key());
    return c;
}

std::vector<std::string> read_packs(App& app, const nlohmann::json& body) {
    auto it = body.find("packs");
    if (it == body.end()) throw HttpError(400, "缺少字段 packs（班级要练习的题包 id 列表）");
    if (!it->is_array() || it->empty()) throw HttpError(400, "字段 packs 应当是非空的字符串数组");
    if (it->size() > kMaxPacksPerClass) throw HttpError(400, "一个班级最多指定 20 个题包");
    std::set<std::string> known;
    for (const auto& p : app.storage.latest_packs()) known.insert(p.id);
    std::vector<std::string> packs;
    for (const auto& p : *it) {
        if (!p.is_string()) throw HttpError(400, "字段 packs 应当是字符串数组");
        auto id = p.get<std::string>();
        if (!known.count(id)) throw HttpError(422, "服务器上没有题包 “" + id + "”");
        if (std::find(packs.begin(), packs.end(), id) == packs.end()) packs.push_back(id);
    }
    return packs;
}

} // namespace

void add_class_routes(httplib::Server& http, App& app) {
    http.Post("/api/v1/classes", guarded(app, [&app](const httplib::Request& req, httplib::Response& res) {
                  Principal who = require_role(app, req, {Role::counsellor, Role::admin});
                  auto body = parse_json_body(req, app.config.json_limit);
                  ClassInfo c;
                  c.owner_id = who.id;
                  c.name = display_text_field(body, "name", 60);
                  c.packs = read_packs(app, body);
                  c.criterion = read_criterion(body);
                  send_json(res, 201, class_json(create_class_with_join_code(app, std::move(c))));
              }));

    http.Get("/api/v1/classes", guarded(app, [&app](const httplib::Request& req, httplib::Response& res) {
                 Principal who = require_role(app, req, {Role::counsellor, Role::admin});
                 auto list = app.storage.classes(who.role == Role::admin ? std::nullopt : std::optional(who.id));
                 nlohmann::json out = nlohmann::json::array();
                 for (const auto& c : list) {
                     auto p = load_class_progress(app.storage, app.packs, c);
                     auto j = class_json(c);
                     j["progress_pct"] = p.criterion.progress_pct;
                     j["goal_met"] = p.criterion.met;
                     j["mean_best"] = round1(p.mean_best);
                     out.push_back(std::move(j));
                 }
                 send_json(res, 200, out);
             }));

    http.Get(R"(/api/v1/classes/(\d+)/progress)",
             guarded(app, [&app](const httplib::Request& req, httplib::Response& res) {
                 Principal who = require_role(app, req, {Role::counsellor, Role::admin});
                 ClassInfo c = require_class_access(app, who, path_id(req, 1));
                 send_json(res, 200, progress_json(load_class_progress(app.storage, app.packs, c)));
             }));

    http.Get(R"(/api/v1/classes/(\d+)/report\.csv)",
             guarded(app, [&app](const httplib::Request& req, httplib::Response& res) {
                 Principal who = require_role(app, req, {Role::counsellor, Role::admin});
                 ClassInfo c = require_class_access(app, who, path_id(req, 1));
                 res.status = 200;
                 res.set_header("Content-Disposition",
                                "attachment; filename=\"class-" + std::to_string(c.id) + "-report.csv\"");
                 res.set_content(class_report_csv(load_class_progress(app.storage, app.packs, c)),
                                 "text/csv; charset=utf-8");
             }));

    http.Post(R"(/api/v1/classes/(\d+)/join-code)",
              guarded(app, [&app](const httplib::Request& req, httplib::Response& res) {
                  Principal who = require_role(app, req, {Role::counsellor, Role::admin});
                  ClassInfo c = require_class_access(app, who, path_id(req, 1));
                  send_json(res, 200, {{"join_code", rotate_join_code(app, c.id)}});
              }));

    http.Delete(R"(/api/v1/classes/(\d+)/students/(\d+))",
                guarded(app, [&app](const httplib::Request& req, httplib::Response& res) {
                    Principal who = require_role(app, req, {Role::counsellor, Role::admin});
                    ClassInfo c = require_class_access(app, who, path_id(req, 1));
                    if (!app.storage.remove_student(c.id, path_id(req, 2)))
                        throw HttpError(404, "这个班级里没有这名同学");
                    app.leaderboard.invalidate();
                    res.status = 204;
                }));
}

} // namespace ff::server
