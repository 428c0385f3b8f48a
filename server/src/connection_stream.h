// One client connection as cpp-httplib reads and writes it: a read buffer that lives as long
// as the connection, a response sent in one system call, and answers a handler defers.
#pragma once

#include "reply_later.h"

#include <httplib.h>

#include <chrono>
#include <ctime>
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
    ConnectionStream(int sock, const ConnectionOptions& options);
    ConnectionStream(const ConnectionStream&) = delete;
    ConnectionStream& operator=(const ConnectionStream&) = delete;
    ~ConnectionStream() override;

    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* ptr, size_t size) override;
    ssize_t write(const char* ptr, size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    int socket() const override { return sock_; }

    // Bytes of the next request already read (a client that pipelines).
    bool has_buffered_input() const { return in_off_ < in_len_; }

    // Around one request: `close_after` says the connection closes after this answer.
    void begin_request(bool close_after);
    // Sends the request's answer, or drops what httplib wrote when the handler deferred it.
    // False when the client is gone.
    bool end_request();
    // Waits until a deferred answer, if any, has gone out (before writing or closing).
    void wait_for_deferred();

    // For the handler of the current request: its answer will come from ReplyLater::send.
    std::shared_ptr<ReplyLater> defer(const httplib::Request& req);
    // The deferral of the current request is undone: the handler answers now after all.
    void cancel_defer();
    bool deferred() const { return deferred_now_; }
    std::chrono::steady_clock::time_point request_started() const { return started_; }

    // The connection this thread is serving, set for the life of a connection loop.
    static ConnectionStream* current();

private:
    bool send_all(const char* p, size_t n);

    int sock_;
    const ConnectionOptions& options_;
    std::unique_ptr<char[]> in_; // bytes [in_off_, in_len_) are read but not yet taken
    size_t in_off_ = 0, in_len_ = 0;
    std::string out_;
    bool close_after_ = false;
    bool deferred_now_ = false;
    std::shared_ptr<ReplyLater> last_deferred_;
    std::shared_ptr<ReplyLater> previous_deferred_; // until the current request's deferral holds
    std::chrono::steady_clock::time_point started_;
    mutable std::string remote_ip_, local_ip_;
    mutable int remote_port_ = -1, local_port_ = -1;
    ConnectionStream* outer_; // what current() returned before this one
};

} // namespace ff::server
