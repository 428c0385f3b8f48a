// `fraudfree-pack publish DIR --server URL --token T`: lint locally, upload the pack's files
// to POST /api/v1/packs (docs/pack-format.md), and say in plain words what the server decided.
#include "args.h"
#include "commands.h"
#include "server_url.h"

#include "fraudfree/loader.h"
#include "fraudfree/pack_files.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <ostream>

namespace ff::pack {
namespace {

using nlohmann::json;

// Server diagnostics name files relative to the pack; show them under the folder as typed,
// the same way lint does, so an editor can jump to them.
std::string under_dir(const std::string& dir, const std::string& rel) {
    std::string d = dir;
    while (d.size() > 1 && d.back() == '/') d.pop_back();
    return d.empty() ? rel : d + "/" + rel;
}

void print_server_diagnostics(const json& list, const std::string& dir, std::ostream& err) {
    if (!list.is_array()) return;
    for (const json& j : list) {
        if (!j.is_object()) continue;
        Diagnostic d;
        d.severity = j.value("severity", std::string("error")) == "warning" ? Severity::warning : Severity::error;
        d.file = under_dir(dir, j.value("file", std::string()));
        d.line = j.value("line", 0);
        d.column = j.value("column", 0);
        d.message = j.value("message", std::string());
        err << format_diagnostic(d) << '\n';
    }
}

// The server's own words, when it sent {"error": "..."}.
std::string server_error(const json& body) {
    if (body.is_object() && body.contains("error") && body["error"].is_string()) return body["error"].get<std::string>();
    return "";
}

int report_verdict(int status, const json& body, const std::string& dir, const Pack& pack, const ServerUrl& url,
                   std::ostream& out, std::ostream& err) {
    const std::string why = server_error(body);
    const std::string why_suffix = why.empty() ? "" : "\n服务器说：" + why;
    switch (status) {
    case 201: {
        out << "发布成功：剧本包 " << body.value("id", pack.id) << "「" << body.value("title", pack.title) << "」 版本 "
            << body.value("version", pack.version) << "，" << body.value("scenarios", 0) << " 个剧本，hash "
            << body.value("hash", std::string()) << '\n';
        out << "各校园电脑下次检查更新时就会下载这个版本。\n";
        if (body.contains("warnings")) print_server_diagnostics(body["warnings"], dir, err);
        return kExitOk;
    }
    case 200:
        out << "服务器上已经有完全相同的剧本包（" << body.value("id", pack.id) << " 版本 " << body.value("version", pack.version)
            << "，hash " << body.value("hash", pack.hash) << "），没有变化。\n";
        return kExitOk;
    case 422:
        if (body.is_object() && body.contains("diagnostics")) print_server_diagnostics(body["diagnostics"], dir, err);
        err << "服务器拒绝了这个剧本包：检查没有通过（见上面的错误）。" << why_suffix << '\n';
        return kExitFailed;
    case 409: {
        // The server may say which version it has; suggest one above that.
        int server_version = pack.version;
        if (body.is_object() && body.contains("current") && body["current"].is_object())
            server_version = std::max(server_version, body["current"].value("version", pack.version));
        err << "服务器上已经有剧本包 " << pack.id << " 的同一版本或更高版本";
        if (server_version > pack.version) err << "（服务器上是版本 " << server_version << "）";
        err << "，你的是版本 " << pack.version << "。请把 pack.toml 里的 version 改大（比如 " << server_version + 1
            << "）再发布。" << why_suffix << '\n';
        return kExitFailed;
    }
    case 401:
        err << "服务器不接受这个令牌（缺少或无效）。请检查 --token，或向服务器管理员要一个作者令牌。" << why_suffix << '\n';
        return kExitFailed;
    case 403:
        err << "这个令牌没有发布剧本包的权限：需要作者（author）或管理员（admin）令牌。" << why_suffix << '\n';
        return kExitFailed;
    case 413:
        err << "剧本包太大，服务器不接收。请删掉不需要的内容，或请管理员调高上限。" << why_suffix << '\n';
        return kExitFailed;
    default:
        err << "服务器 " << url.as_typed << " 回复了意外的状态 HTTP " << status << "，发布没有完成。" << why_suffix << '\n';
        return kExitFailed;
    }
}

} // namespace

int publish_command(const Args& args, std::ostream& out, std::ostream& err) {
    const ParsedArgs a = parse_args(args, {"--server", "--token"}, {});
    if (a.positional.size() != 1) throw UsageError("publish needs exactly one pack folder (请写出一个剧本包文件夹)");
    const std::string& dir = a.positional[0];
    const std::string& server = a.required("--server");
    // The token may come from the environment so it does not show in the shell history.
    std::string token;
    if (const std::string* t = a.optional("--token")) token = *t;
    else if (const char* env = std::getenv("FRAUDFREE_TOKEN")) token = env;
    if (token.empty()) throw UsageError("missing --token (缺少 --token，也可以用环境变量 FRAUDFREE_TOKEN)");
    const auto url = parse_server_url(server);
    if (!url) throw UsageError("--server must be an address like http://192.168.1.10:8080 (--server 要写成 http://地址:端口)");

    // Lint first: a pack with errors never leaves the machine.
    const LoadResult loaded = load_pack_dir(dir);
    for (const Diagnostic& d : loaded.diagnostics) err << format_diagnostic(d) << '\n';
    if (!loaded.pack) {
        err << "没有发布：剧本包有 " << count(loaded.diagnostics, Severity::error) << " 个错误，请先改正。\n";
        return kExitFailed;
    }
    const PackFiles files = read_pack_files(dir);
    json body = {{"files", json::object()}};
    for (const auto& [rel, bytes] : files) body["files"][rel] = bytes;

    httplib::Client client(url->origin);
    client.set_connection_timeout(10);
    client.set_read_timeout(60);
    client.set_write_timeout(60);
    client.set_bearer_token_auth(token);
    out << "正在上传 " << loaded.pack->id << " 版本 " << loaded.pack->version << " 到 " << url->as_typed << " …\n"
        << std::flush;
    const auto res = client.Post(url->base_path + "/api/v1/packs",
                                 body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
    if (!res) {
        err << "cannot reach server " << url->as_typed << " (" << httplib::to_string(res.error()) << ")\n"
            << "无法连接服务器 " << url->as_typed << "：请检查地址和网络，以及服务器是否已经启动。\n";
        return kExitFailed;
    }
    const json reply = json::parse(res->body, nullptr, false); // discarded value when not JSON
    return report_verdict(res->status, reply, dir, *loaded.pack, *url, out, err);
}

} // namespace ff::pack
