// JSON in/out, errors as {"error": "..."}, typed fields and bearer-token checks.
#include "http_util.h"

#include "sqlite_handle.h"
#include "tokens.h"

#include <charconv>
#include <cmath>

namespace ff::server {

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    // Replace invalid UTF-8 rather than throw: stored text is validated, but never crash on output.
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                    "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& message) {
    send_json(res, status, nlohmann::json{{"error", message}});
}

void send_exception(App& app, httplib::Response& res, std::exception_ptr error) {
    try {
        std::rethrow_exception(error);
    } catch (const HttpError& e) {
        send_error(res, e.status, e.what());
    } catch (const nlohmann::json::exception& e) {
        send_error(res, 400, std::string("请求内容的格式不对：") + e.what());
    } catch (const SqliteError& e) {
        app.log(std::string("database error: ") + e.what());
        send_error(res, 503, "服务器的数据库暂时忙不过来，请稍后重试");
    } catch (const std::exception& e) {
        app.log(std::string("internal error: ") + e.what());
        send_error(res, 500, "服务器内部错误");
    } catch (...) {
        app.log("internal error");
        send_error(res, 500, "服务器内部错误");
    }
}

httplib::Server::Handler guarded(App& app, std::function<void(const httplib::Request&, httplib::Response&)> fn) {
    return [&app, fn = std::move(fn)](const httplib::Request& req, httplib::Response& res) {
        try {
            fn(req, res);
        } catch (...) {
            send_exception(app, res, std::current_exception());
        }
    };
}

nlohmann::json parse_json_body(const httplib::Request& req, std::size_t limit) {
    if (req.body.size() > limit)
        throw HttpError(413, "请求内容太大（最多 " + std::to_string(limit / 1024) + " KB）");
    auto j = nlohmann::json::parse(req.body, nullptr, false);
    if (j.is_discarded()) throw HttpError(400, "请求内容不是有效的 JSON");
    if (!j.is_object()) throw HttpError(400, "请求内容应当是一个 JSON 对象 {...}");
    return j;
}

std::optional<std::string> optional_string_field(const nlohmann::json& obj, const char* key, std::size_t max_bytes) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) throw HttpError(400, std::string("字段 ") + key + " 应当是字符串");
    auto s = it->get<std::string>();
    if (s.size() > max_bytes)
        throw HttpError(400, std::string("字段 ") + key + " 太长（最多 " + std::to_string(max_bytes) + " 字节）");
    return s;
}

std::string string_field(const nlohmann::json& obj, const char* key, std::size_t max_bytes) {
    auto s = optional_string_field(obj, key, max_bytes);
    if (!s) throw HttpError(400, std::string("缺少字段 ") + key);
    if (s->empty()) throw HttpError(400, std::string("字段 ") + key + " 不能为空");
    return *s;
}

double number_field(const nlohmann::json& obj, const char* key, double lo, double hi) {
    auto it = obj.find(key);
    if (it == obj.end()) throw HttpError(400, std::string("缺少字段 ") + key);
    if (!it->is_number()) throw HttpError(400, std::string("字段 ") + key + " 应当是数字");
    double v = it->get<double>();
    if (!std::isfinite(v) || v < lo || v > hi)
        throw HttpError(400, std::string("字段 ") + key + " 应当在 " + std::to_string(static_cast<int>(lo)) +
                                 " 到 " + std::to_string(static_cast<int>(hi)) + " 之间");
    return v;
}

bool bool_field(const nlohmann::json& obj, const char* key) {
    auto it = obj.find(key);
    if (it == obj.end()) throw HttpError(400, std::string("缺少字段 ") + key);
    if (!it->is_boolean()) throw HttpError(400, std::string("字段 ") + key + " 应当是 true 或 false");
    return it->get<bool>();
}

int64_t path_id(const httplib::Request& req, std::size_t n) {
    if (req.matches.size() <= n) throw HttpError(404, "没有这个地址");
    std::string s = req.matches[n];
    int64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || v <= 0) throw HttpError(404, "没有这个编号：" + s);
    return v;
}

Principal authenticate(App& app, const httplib::Request& req) {
    const std::string header = req.get_header_value("Authorization");
    static constexpr std::string_view kBearer = "Bearer ";
    if (header.size() <= kBearer.size() || header.compare(0, kBearer.size(), kBearer) != 0)
        throw HttpError(401, "需要登录：请在 Authorization 头里带上 Bearer 令牌");
    const std::string token = header.substr(kBearer.size());
    if (token.size() > 256) throw HttpError(401, "令牌无效");
    auto who = app.storage.principal_by_token_hash(token_hash(token));
    if (!who) throw HttpError(401, "令牌无效或已被撤销");
    return *who;
}

Principal require_role(App& app, const httplib::Request& req, std::initializer_list<Role> roles) {
    Principal who = authenticate(app, req);
    for (Role r : roles)
        if (who.role == r) return who;
    throw HttpError(403, std::string("这个操作不对 ") + to_string(who.role) + " 角色开放");
}

} // namespace ff::server
