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
#include <string_view>

namespace ff::server {

// A timeout in seconds as poll() takes it; poll() waits for ever on a negative one, so a
// negative (or zero) timeout becomes "do not wait".
int poll_timeout_ms(time_t seconds);

// Why not httplib's SocketStream: it is made anew for every request (a 4 KB buffer each time,
// and bytes of a pipelined next request lost with it), reads and writes by waiting on the
// socket, asks the kernel for the peer's address on every request, and polls twice before each
// of its two writes per response. This one never waits on the client when used as the worker
// loop does: a request is handed over only once all of it is here, and an answer the socket
// cannot take at once is kept and sent on when the socket is writable.
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

    // Reads what the socket has without waiting: 1 if bytes came, 0 if none yet, -1 once the
    // client has closed (and nothing came before the close) or the connection failed.
    int fill();
    // Bytes read and not yet taken: the start of the next request (a client that pipelines).
    std::string_view pending() const { return std::string_view(in_).substr(in_off_); }
    bool has_buffered_input() const { return in_off_ < in_.size(); }
    // Reads and drops whatever the socket has; false once the client has closed (or failed).
    bool discard_input();
    // Sends "100 Continue" for a request that asked for it, and drops httplib's own later.
    bool send_continue();
    // httplib read past the end of what was here during the last request (see read()).
    bool ran_dry() const { return ran_dry_; }

    // Around one request, on the thread serving it: `close_after` says the connection closes
    // after this answer.
    void begin_request(bool close_after);
    enum class Sent { all, partly, failed };
    // Sends the request's answer as far as the socket takes it now, or drops what httplib
    // wrote when the handler deferred it.
    Sent end_request();
    // Sends on what end_request() could not (when the socket is writable again).
    Sent send_rest();
    // The same, waiting for the socket until `until` at most (at shutdown).
    bool send_rest_waiting(std::chrono::steady_clock::time_point until);

    // For the handler of the current request: its answer will come from ReplyLater::send.
    std::shared_ptr<ReplyLater> defer(const httplib::Request& req);
    // Formats and sends a deferred answer at once or not at all (a client that does not read
    // has its connection shut; it will resend, and submissions are idempotent), and logs the
    // request. True when delivered.
    bool send_deferred(const DeferredAnswer& answer);
    // The deferral of the current request is undone: the handler answers now after all.
    void cancel_defer() { deferred_now_ = false; }
    bool deferred() const { return deferred_now_; }
    std::chrono::steady_clock::time_point request_started() const { return started_; }

    // The connection whose request this thread is serving, if any.
    static ConnectionStream* current();

private:
    int sock_;
    const ConnectionOptions& options_;
    std::function<void(DeferredAnswer)> answer_ready_;
    std::string in_; // bytes from in_off_ on are read but not yet taken
    size_t in_off_ = 0;
    std::string out_; // bytes from out_off_ on are written by httplib but not yet sent
    size_t out_off_ = 0;
    bool close_after_ = false;
    bool deferred_now_ = false;
    bool ran_dry_ = false;
    std::string deferred_log_prefix_; // "POST /api/v1/results", empty when not logging
    std::chrono::steady_clock::time_point started_;
    mutable std::string remote_ip_, local_ip_;
    mutable int remote_port_ = -1, local_port_ = -1;
};

} // namespace ff::server
