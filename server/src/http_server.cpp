// Limits, logging and error shaping around cpp-httplib, and the route table.
#include "http_server.h"

#include "http_util.h"
#include "routes.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace ff::server {
namespace {

const char* status_text(int status) {
    switch (status) {
    case 400: return "请求格式不对";
    case 401: return "需要登录";
    case 403: return "没有权限";
    case 404: return "没有这个地址";
    case 405: return "不支持这个请求方法";
    case 413: return "请求内容太大";
    case 414: return "地址太长";
    default: return "请求出错";
    }
}

} // namespace

HttpServer::HttpServer(App& app) : app_(app) {
    const auto& cfg = app.config;
    // httplib's own pool only hands each accepted connection to ours (ConnectionServer::serve).
    // httplib takes ownership of the queue it gets from this factory (its API wants a raw pointer).
    http_.new_task_queue = [] { return new httplib::ThreadPool(1); };
    http_.set_keep_alive_max_count(static_cast<size_t>(cfg.keep_alive_max));
    http_.set_keep_alive_timeout(cfg.keep_alive_timeout_s);
    http_.set_read_timeout(cfg.read_timeout_s, 0);
    http_.set_write_timeout(cfg.write_timeout_s, 0);
    http_.set_payload_max_length(std::max(cfg.upload_limit, cfg.json_limit));
    http_.set_tcp_nodelay(true);
    http_.options.read_timeout_s = cfg.read_timeout_s;
    http_.options.write_timeout_s = cfg.write_timeout_s;
    http_.options.keep_alive_timeout_s = cfg.keep_alive_timeout_s;
    http_.options.keep_alive_max = static_cast<size_t>(cfg.keep_alive_max);
    http_.options.max_body = std::max(cfg.upload_limit, cfg.json_limit);
    if (!cfg.quiet) http_.options.log = [this](const std::string& line) { app_.log(line); };

    // Fill in a JSON body for errors httplib raises itself (404 route, 413 body, 400 parse).
    http_.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        send_error(res, res.status, status_text(res.status));
        return httplib::Server::HandlerResponse::Handled;
    }));
    http_.set_exception_handler([this](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        try {
            if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            app_.log(std::string("internal error: ") + e.what());
        } catch (...) {
            app_.log("internal error");
        }
        send_error(res, 500, "服务器内部错误");
    });
    if (!cfg.quiet) {
        // Method, path (no query string: it could carry a secret), status, milliseconds.
        // A deferred answer is logged when it is sent (ReplyLater), not here.
        http_.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
            const ConnectionStream* conn = ConnectionStream::current();
            if (conn && conn->deferred()) return;
            const auto started = conn ? conn->request_started() : std::chrono::steady_clock::now();
            const double ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
            char tail[48];
            std::snprintf(tail, sizeof tail, " %d %.1fms", res.status, ms);
            std::string line;
            line.reserve(req.method.size() + 1 + req.path.size() + sizeof tail);
            line.append(req.method).append(" ").append(req.path).append(tail);
            app_.log(line);
        });
    }

    // httplib tries a method's routes in the order they were added, each a std::regex match:
    // the two that carry the load (the probe and result submissions) go first.
    add_health_routes(http_, app);
    add_student_routes(http_, app);
    add_class_routes(http_, app);
    add_pack_routes(http_, app);
    add_public_routes(http_, app);
#ifdef FRAUDFREE_SERVER_HAS_WEB
    add_web_routes(http_, app);
#endif
}

int HttpServer::bind(const std::string& host, int port) {
    int bound = port;
    if (port == 0) {
        bound = http_.bind_to_any_port(host);
        if (bound <= 0) throw std::runtime_error("无法在 " + host + " 上打开端口");
    } else if (!http_.bind_to_port(host, port)) {
        throw std::runtime_error("无法监听 " + host + ":" + std::to_string(port) + "（端口被占用或地址不对？）");
    }
    if (!http_.widen_backlog(SOMAXCONN)) app_.log("warning: could not widen the listen backlog");
    return bound;
}

void HttpServer::listen() { http_.serve(static_cast<size_t>(app_.config.threads)); }

void HttpServer::stop() { http_.stop_all(); }

} // namespace ff::server
