// Each connection's keep-alive loop, in place of cpp-httplib 0.11's: one poll() for the next
// request (0.11 polls 10 ms, sleeps 1 ms and polls again, so every idle connection woke ~90
// times a second), a stream kept for the whole connection, answers a handler defers, and a
// stop that wakes idle connections at once.
#include "http_server.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <stdexcept>

namespace ff::server {

ConnectionServer::ConnectionServer() : stop_fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
    if (stop_fd_ < 0) throw std::runtime_error("eventfd failed");
}

ConnectionServer::~ConnectionServer() { ::close(stop_fd_); }

bool ConnectionServer::widen_backlog(int backlog) {
    socket_t sock = svr_sock_;
    return sock != INVALID_SOCKET && ::listen(sock, backlog) == 0; // Linux: listen() again updates the backlog
}

void ConnectionServer::stop_all() {
    // httplib ignores a stop() that comes before its listen loop runs (the caller tries again)
    // and asserts on a second one while its workers finish.
    if (!is_running() || svr_sock_ == INVALID_SOCKET) return;
    stop(); // first: a woken connection must find the server stopped
    const uint64_t one = 1;
    [[maybe_unused]] ssize_t n = ::write(stop_fd_, &one, sizeof one); // stays readable: never read
}

bool ConnectionServer::wait_for_request(int sock) {
    const int ms = poll_timeout_ms(options.keep_alive_timeout_s);
    pollfd p[2] = {{sock, POLLIN, 0}, {stop_fd_, POLLIN, 0}};
    for (;;) {
        const int r = ::poll(p, 2, ms);
        if (r < 0 && errno == EINTR) continue;
        // A request that arrived with the stop is still served: it was sent before we stopped.
        return r > 0 && (p[0].revents & POLLIN);
    }
}

bool ConnectionServer::process_and_close_socket(socket_t sock) {
    bool ok = false;
    {
        ConnectionStream strm(sock, options);
        size_t left = options.keep_alive_max > 0 ? options.keep_alive_max : 1;
        while (svr_sock_ != INVALID_SOCKET && left > 0 && (strm.has_buffered_input() || wait_for_request(sock))) {
            const bool close_after = left == 1;
            bool client_closes = false;
            strm.begin_request(close_after);
            ok = process_request(strm, close_after, client_closes, nullptr);
            if (!strm.end_request()) ok = false;
            if (!ok || client_closes) break;
            --left;
        }
    } // the stream waits for a deferred answer before the socket closes
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return ok;
}

} // namespace ff::server
