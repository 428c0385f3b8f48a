// An answer that a handler leaves to another thread (the result committer sends each
// submission's answer once it is durable), and the response bytes httplib would write.
#pragma once

#include <httplib.h>

#include <atomic>
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
    // One line per request; empty: no request log.
    std::function<void(const std::string&)> log;
};

// An answer sent after the handler returned, by whichever thread has it (the result committer).
// Lifetime: the connection waits (wait_until_sent) before it closes the socket, and the server
// does not stop before its connections have, so `options` and the socket outlive every send().
class ReplyLater {
public:
    ReplyLater(int sock, bool close_after, const ConnectionOptions& options, std::string log_prefix,
               std::chrono::steady_clock::time_point started);

    // Sends `res` (status, headers, body) as httplib would have, and logs the request. Call once
    // (or abandon()), from the thread that made the answer's data durable: the connection's next
    // request is served only after this call began, so it sees that data.
    // Never blocks: a client whose receive window cannot take the answer at once (it stopped
    // reading) has its connection shut; it will resend, and submissions are idempotent.
    void send(const httplib::Response& res) noexcept;
    // No answer can be made (out of memory building it): the connection is shut instead, so
    // the worker waiting for this answer is not left waiting for ever.
    void abandon() noexcept;

    // For the worker: before it serves the connection's next request, and before it writes or
    // closes the socket. Both return at once unless the client sent on without the answer.
    void wait_until_answering() { wait_for(kAnswering); }
    void wait_until_sent() { wait_for(kSent); }

private:
    enum : int { kPending = 0, kAnswering = 1, kSent = 2 };
    void advance(int state);
    void wait_for(int state);

    int sock_;
    bool close_after_;
    const ConnectionOptions& options_;
    std::string log_prefix_; // "POST /api/v1/results", empty when not logging
    std::chrono::steady_clock::time_point started_;
    std::atomic<int> state_{kPending};
    std::atomic<bool> waited_for_{false};
};

// The bytes httplib would write for `res` (status line, headers, body); `close_after` picks
// "Connection: close" over the keep-alive header.
std::string format_response(const httplib::Response& res, bool close_after, const ConnectionOptions& options);

} // namespace ff::server
