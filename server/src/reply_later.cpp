// Deferred answers: formatting a response the way cpp-httplib does, and sending it from
// another thread without ever blocking that thread on a slow client.
#include "reply_later.h"

#include "futex.h"

#include <sys/socket.h>

#include <cctype>
#include <climits>
#include <cerrno>
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

bool same_name(const std::string& a, const char* b) {
    size_t i = 0;
    for (; i < a.size() && b[i]; ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return i == a.size() && !b[i];
}

} // namespace

std::string format_response(const httplib::Response& res, bool close_after, const ConnectionOptions& options) {
    std::string out;
    out.reserve(160 + res.body.size());
    out.append("HTTP/1.1 ").append(std::to_string(res.status)).append(" ").append(reason_phrase(res.status));
    out.append("\r\n");
    bool has_type = false;
    for (const auto& [name, value] : res.headers) {
        if (same_name(name, "Content-Length")) continue; // ours below is right
        if (same_name(name, "Content-Type")) has_type = true;
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

ReplyLater::ReplyLater(int sock, bool close_after, const ConnectionOptions& options, std::string log_prefix,
                       std::chrono::steady_clock::time_point started)
    : sock_(sock), close_after_(close_after), options_(options), log_prefix_(std::move(log_prefix)),
      started_(started) {}

void ReplyLater::send(const httplib::Response& res) noexcept {
    advance(kAnswering); // the data is durable: the connection's next request may be served
    bool delivered = false;
    try {
        const std::string bytes = format_response(res, close_after_, options_);
        size_t off = 0;
        while (off < bytes.size()) {
            const ssize_t n = ::send(sock_, bytes.data() + off, bytes.size() - off, MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n > 0) off += static_cast<size_t>(n);
            else if (n < 0 && errno == EINTR) continue;
            else break; // full send buffer (a client that does not read) or a closed connection
        }
        delivered = off == bytes.size();
    } catch (...) {
        // Out of memory formatting: as undelivered.
    }
    // Waiting for a slow client here would hold up every answer behind this one.
    if (!delivered) ::shutdown(sock_, SHUT_RDWR);
    if (!log_prefix_.empty() && options_.log) {
        try {
            const double ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_).count();
            char tail[48];
            std::snprintf(tail, sizeof tail, " %d %.1fms%s", res.status, ms, delivered ? "" : " (not delivered)");
            options_.log(log_prefix_ + tail);
        } catch (...) {
        }
    }
    // Last: once sent, the worker may close the socket (its number can be reused at once) and
    // the server may stop, so nothing here may touch either afterwards.
    advance(kSent);
}

void ReplyLater::abandon() noexcept {
    advance(kAnswering);
    ::shutdown(sock_, SHUT_RDWR);
    advance(kSent);
}

void ReplyLater::advance(int state) {
    state_.store(state); // sequentially consistent with waited_for_: no wake-up is missed
    if (waited_for_.load()) futex::wake(state_, INT_MAX);
}

void ReplyLater::wait_for(int state) {
    if (state_.load(std::memory_order_acquire) >= state) return;
    waited_for_.store(true);
    for (int s = state_.load(); s < state; s = state_.load()) futex::sleep_while(state_, s);
}

} // namespace ff::server
