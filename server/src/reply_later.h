// An answer that a handler leaves to another thread (the result committer sends each
// submission's answer once it is durable), and the response bytes httplib would write.
#pragma once

#include <httplib.h>

#include <chrono>
#include <ctime>
#include <functional>
#include <string>

namespace ff::server {

struct ConnectionOptions {
    time_t read_timeout_s = 5;
    time_t write_timeout_s = 5;
    time_t keep_alive_timeout_s = 5;
    size_t keep_alive_max = 100;
    size_t max_head = 64 * 1024; // a request head longer than this is handed to httplib to reject
    size_t max_body = 8 << 20;   // likewise a longer body (httplib's payload limit)
    // One line per request; empty: no request log.
    std::function<void(const std::string&)> log;
};

// A deferred answer as made by the thread that has it; `made` false when none could be made
// (the connection is then shut).
struct DeferredAnswer {
    httplib::Response response;
    bool close_after = false;
    bool made = false;
};

// An answer made after the handler returned, by whichever thread has it (the result committer,
// once the result is durable). That thread only hands it over: a worker formats and sends it, so
// the committer goes on with the next batch instead of making a system call per answer.
class ReplyLater {
public:
    // `ready` gets the answer once, from send() or abandon(); it must not throw.
    ReplyLater(bool close_after, std::function<void(DeferredAnswer)> ready);

    // Hands `res` (status, headers, body) on to be sent. Call once (or abandon()), from the
    // thread that made the answer's data durable: the connection's next request is served
    // only after the answer went out, so it sees that data.
    void send(httplib::Response res) noexcept;
    // No answer can be made: the connection is shut instead (the client will resend).
    void abandon() noexcept;

private:
    bool close_after_;
    std::function<void(DeferredAnswer)> ready_;
};

// The bytes httplib would write for `res` (status line, headers, body); `close_after` picks
// "Connection: close" over the keep-alive header.
std::string format_response(const httplib::Response& res, bool close_after, const ConnectionOptions& options);

} // namespace ff::server
