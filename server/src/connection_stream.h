// One client connection as cpp-httplib reads and writes it: a read buffer that lives as long
// as the connection, a response sent in one system call, and answers a handler defers.
#pragma once

#include "reply_later.h"

#include <httplib.h>

#include <chrono>
#include <ctime>
#include <functional>
#include <memory>
#include <string>

namespace ff::server {

// A timeout in seconds as poll() takes it; poll() waits for ever on a negative one, so a
// negative (or zero) timeout becomes "do not wait".
int poll_timeout_ms(time_t seconds);

// Why not httplib's SocketStream: it is made anew for every request (a 4 KB buffer each time,
// and bytes of a pipelined next request lost with it), asks the kernel for the peer's and its
// own address on every request, and polls twice before each of its two writes per response.
class ConnectionStream final : public httplib::Stream {
public:
    // `answer_ready` gets each deferred answer once it is made (on the thread that made it).
    ConnectionStream(int sock, const ConnectionOptions& options, std::function<void(DeferredAnswer)> answer_ready);
    ConnectionStream(const ConnectionStream&) = delete;
    ConnectionStream& operator=(const ConnectionStream&) = delete;

    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* ptr, size_t size) override;
    ssize_t write(const char* ptr, size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    int socket() const override { return sock_; }

    // Bytes of the next request already read (a client that pipelines).
    bool has_buffered_input() const { return in_off_ < in_len_; }
    // Takes what the socket has without waiting: 1 if there are bytes to read now, 0 if
    // nothing came yet, -1 once the client has closed or the connection failed.
    int fill();

    // Around one request, on the thread serving it: `close_after` says the connection closes
    // after this answer.
    void begin_request(bool close_after);
    // Sends the request's answer, or drops what httplib wrote when the handler deferred it.
    // False when the client is gone.
    bool end_request();

    // For the handler of the current request: its answer will come from ReplyLater::send.
    std::shared_ptr<ReplyLater> defer(const httplib::Request& req);
    // Formats and sends a deferred answer at once or not at all (a client that does not read has its
    // connection shut; it will resend, and submissions are idempotent), and logs the request.
    // True when delivered.
    bool send_deferred(const DeferredAnswer& answer);
    // The deferral of the current request is undone: the handler answers now after all.
    void cancel_defer() { deferred_now_ = false; }
    bool deferred() const { return deferred_now_; }
    std::chrono::steady_clock::time_point request_started() const { return started_; }

    // The connection whose request this thread is serving, if any.
    static ConnectionStream* current();

private:
    bool send_all(const char* p, size_t n);

    int sock_;
    const ConnectionOptions& options_;
    std::function<void(DeferredAnswer)> answer_ready_;
    std::string deferred_log_prefix_; // "POST /api/v1/results", empty when not logging
    std::unique_ptr<char[]> in_; // bytes [in_off_, in_len_) are read but not yet taken
    size_t in_off_ = 0, in_len_ = 0;
    std::string out_;
    bool close_after_ = false;
    bool deferred_now_ = false;
    bool got_eof_ = false;
    std::chrono::steady_clock::time_point started_;
    mutable std::string remote_ip_, local_ip_;
    mutable int remote_port_ = -1, local_port_ = -1;
};

} // namespace ff::server
