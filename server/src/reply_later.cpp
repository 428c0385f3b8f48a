// Deferred answers: formatting a response the way cpp-httplib does, and handing it to the worker that sends it.
#include "reply_later.h"

#include "header_name.h"

#include <cstdio>

namespace ff::server {
namespace {

const char* reason_phrase(int status) {
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return status < 400 ? "OK" : "Error";
    }
}

} // namespace

std::string format_response(const httplib::Response& res, bool close_after, const ConnectionOptions& options) {
    std::string out;
    out.reserve(160 + res.body.size());
    out.append("HTTP/1.1 ").append(std::to_string(res.status)).append(" ").append(reason_phrase(res.status));
    out.append("\r\n");
    bool has_type = false;
    for (const auto& [name, value] : res.headers) {
        if (same_header_name(name, "Content-Length")) continue; // ours below is right
        if (same_header_name(name, "Content-Type")) has_type = true;
        out.append(name).append(": ").append(value).append("\r\n");
    }
    if (!has_type && !res.body.empty()) out.append("Content-Type: text/plain\r\n");
    if (close_after) {
        out.append("Connection: close\r\n");
    } else {
        out.append("Keep-Alive: timeout=")
            .append(std::to_string(options.keep_alive_timeout_s))
            .append(", max=")
            .append(std::to_string(options.keep_alive_max))
            .append("\r\n");
    }
    out.append("Content-Length: ").append(std::to_string(res.body.size())).append("\r\n\r\n");
    out.append(res.body);
    return out;
}

ReplyLater::ReplyLater(bool close_after, std::function<void(DeferredAnswer)> ready)
    : close_after_(close_after), ready_(std::move(ready)) {}

void ReplyLater::send(httplib::Response res) noexcept {
    ready_(DeferredAnswer{std::move(res), close_after_, true});
}

void ReplyLater::abandon() noexcept { ready_(DeferredAnswer{}); }

} // namespace ff::server
