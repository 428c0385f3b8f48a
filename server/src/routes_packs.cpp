// The pack catalogue: list, download by id (latest) or by hash (any stored version), and
// upload by authors through the same core validator as `fraudfree-pack lint`.
#include "http_util.h"
#include "pack_cache.h"
#include "routes.h"

#include "fraudfree/diagnostics.h"
#include "fraudfree/loader.h"

namespace ff::server {
namespace {

constexpr size_t kMaxFiles = 300;

nlohmann::json summary_json(const PackSummary& p) {
    return {{"id", p.id}, {"title", p.title}, {"version", p.version}, {"hash", p.hash},
            {"size", p.size}, {"scenarios", p.scenarios}};
}

nlohmann::json diagnostic_json(const Diagnostic& d) {
    return {{"file", d.file},
            {"line", d.line},
            {"column", d.column},
            {"severity", d.severity == Severity::error ? "error" : "warning"},
            {"message", d.message},
            {"text", format_diagnostic(d)}};
}

void send_pack(httplib::Response& res, const StoredPack& p) {
    nlohmann::json out = summary_json(p.summary);
    out["files"] = nlohmann::json::parse(p.files_json);
    send_json(res, 200, out);
}

// {"files": {"pack.toml": "...", ...}}: paths are checked before anything reads them.
PackFiles read_upload(const nlohmann::json& body, std::vector<Diagnostic>& bad_paths) {
    auto it = body.find("files");
    if (it == body.end()) throw HttpError(400, "缺少字段 files（{\"pack.toml\": \"...\", \"scenarios/a.toml\": \"...\"}）");
    if (!it->is_object()) throw HttpError(400, "字段 files 应当是一个对象：文件路径 -> 文件内容");
    if (it->size() > kMaxFiles) throw HttpError(400, "文件太多（最多 300 个）");
    PackFiles files;
    for (auto f = it->begin(); f != it->end(); ++f) {
        if (!f.value().is_string()) throw HttpError(400, "文件 " + f.key() + " 的内容应当是文本字符串");
        if (!is_pack_file_path(f.key())) {
            bad_paths.push_back(Diagnostic{Severity::error, f.key(), 0, 0,
                                           "不允许的文件路径：只能是 pack.toml、quiz.toml 或 scenarios/名字.toml，"
                                           "不能有 ..、绝对路径或其他文件"});
            continue;
        }
        files[f.key()] = f.value().get<std::string>();
    }
    return files;
}

} // namespace

void add_pack_routes(httplib::Server& http, App& app) {
    http.Get("/api/v1/packs", guarded(app, [&app](const httplib::Request&, httplib::Response& res) {
                 nlohmann::json out = nlohmann::json::array();
                 for (const auto& p : app.storage.latest_packs()) out.push_back(summary_json(p));
                 send_json(res, 200, out);
             }));

    http.Get(R"(/api/v1/packs/([a-z0-9-]{1,64}))", guarded(app, [&app](const httplib::Request& req, httplib::Response& res) {
                 auto p = app.storage.latest_pack(req.matches[1]);
                 if (!p) throw HttpError(404, "没有这个题包");
                 send_pack(res, *p);
             }));

    http.Get(R"(/api/v1/packs/([a-z0-9-]{1,64})/([0-9a-f]{64}))",
             guarded(app, [&app](const httplib::Request& req, httplib::Response& res) {
                 auto p = app.storage.pack_by_hash(req.matches[2]);
                 if (!p || p->summary.id != req.matches[1].str()) throw HttpError(404, "没有这个题包版本");
                 send_pack(res, *p);
             }));

    http.Post("/api/v1/packs", guarded(app, [&app](const httplib::Request& req, httplib::Response& res) {
                  require_role(app, req, {Role::author, Role::admin});
                  auto body = parse_json_body(req, app.config.upload_limit);
                  std::vector<Diagnostic> bad_paths;
                  PackFiles files = read_upload(body, bad_paths);
                  if (!bad_paths.empty()) {
                      nlohmann::json ds = nlohmann::json::array();
                      for (const auto& d : bad_paths) ds.push_back(diagnostic_json(d));
                      send_json(res, 422, {{"error", "上传里有不属于题包的文件"}, {"diagnostics", ds}});
                      return;
                  }
                  LoadResult loaded = load_pack(files, "");
                  nlohmann::json diags = nlohmann::json::array(), warnings = nlohmann::json::array();
                  for (const auto& d : loaded.diagnostics) {
                      diags.push_back(diagnostic_json(d));
                      if (d.severity == Severity::warning) warnings.push_back(diagnostic_json(d));
                  }
                  if (!loaded.pack) {
                      send_json(res, 422, {{"error", "题包有 " + std::to_string(count(loaded.diagnostics, Severity::error)) +
                                                         " 个错误，没有发布"},
                                           {"diagnostics", diags}});
                      return;
                  }
                  auto outcome = app.storage.put_pack(make_stored_pack(*loaded.pack, files), false);
                  nlohmann::json out = summary_json(outcome.current);
                  out["warnings"] = warnings;
                  switch (outcome.status) {
                  case PutPackStatus::created:
                      app.packs.remember(std::make_shared<const Pack>(std::move(*loaded.pack)));
                      app.leaderboard.invalidate();
                      send_json(res, 201, out);
                      return;
                  case PutPackStatus::unchanged: send_json(res, 200, out); return;
                  case PutPackStatus::not_higher:
                      send_json(res, 409,
                                {{"error", "服务器上已有题包 " + outcome.current.id + " 的版本 " +
                                               std::to_string(outcome.current.version) +
                                               "：请把 pack.toml 里的 version 改成更大的数字再发布"},
                                 {"current", summary_json(outcome.current)}});
                      return;
                  }
              }));
}

} // namespace ff::server
