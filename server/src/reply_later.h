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
class ReplyLater {
public:
    ReplyLater(int sock, bool close_after, const ConnectionOptions& options, std::string log_prefix,
               std::chrono::steady_clock::time_point started);

    // Sends `res` (status, headers, body) as httplib would have, then logs the request. Call once.
    // Never blocks: a client whose receive window cannot take the answer at once (it stopped
    // reading) has its connection shut; it will resend, and submissions are idempotent.
    void send(const httplib::Response& res) noexcept;

    bool sent() const { return state_.load(std::memory_order_acquire) == kSent; }
    void wait_until_sent();

private:
    enum : int { kPending = 0, kWaitedFor = 1, kSent = 2 };
    void mark_sent(); // idempotent
    int sock_;
    bool close_after_;
    const ConnectionOptions& options_;
    std::string log_prefix_; // "POST /api/v1/results", empty when not logging
    std::chrono::steady_clock::time_point started_;
    std::atomic<int> state_{kPending};
};

// The bytes httplib would write for `res` (status line, headers, body); `close_after` picks
// "Connection: close" over the keep-alive header.
std::string format_response(const httplib::Response& res, bool close_after, const ConnectionOptions& options);

} // namespace ff::server
