// Reading and writing one client connection for cpp-httplib (see connection_stream.h).
#include "connection_stream.h"

#include "reply_later.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>

namespace ff::server {
namespace {

constexpr size_t kReadChunk = 16 * 1024;

thread_local ConnectionStream* this_thread_connection = nullptr;


// Waits until `sock` is ready for `events`; false on timeout or error.
bool wait_ready(int sock, short events, time_t timeout_s) {
    pollfd p{sock, events, 0};
    for (;;) {
        const int r = ::poll(&p, 1, poll_timeout_ms(timeout_s));
        if (r < 0 && errno == EINTR) continue;
        return r > 0;
    }
}

// The address `name_of` (getpeername or getsockname) gives for `sock`, as text and port.
void address_of(int sock, int (*name_of)(int, sockaddr*, socklen_t*), std::string& ip, int& port) {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    char text[INET6_ADDRSTRLEN] = "";
    port = 0;
    if (name_of(sock, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    } else if (addr.ss_family == AF_INET) {
        const auto& a = reinterpret_cast<const sockaddr_in&>(addr);
        inet_ntop(AF_INET, &a.sin_addr, text, sizeof text);
        port = ntohs(a.sin_port);
    } else if (addr.ss_family == AF_INET6) {
        const auto& a = reinterpret_cast<const sockaddr_in6&>(addr);
        inet_ntop(AF_INET6, &a.sin6_addr, text, sizeof text);
        port = ntohs(a.sin6_port);
    }
    ip = text;
}

} // namespace

int poll_timeout_ms(time_t seconds) {
    if (seconds <= 0) return 0;
    return seconds > INT_MAX / 1000 ? INT_MAX : static_cast<int>(seconds) * 1000;
}

ConnectionStream::ConnectionStream(int sock, const ConnectionOptions& options,
                                   std::function<void(DeferredAnswer)> answer_ready)
    : sock_(sock), options_(options), answer_ready_(std::move(answer_ready)) {}

ConnectionStream* ConnectionStream::current() { return this_thread_connection; }

bool ConnectionStream::is_readable() const {
    return has_buffered_input() || wait_ready(sock_, POLLIN, options_.read_timeout_s);
}

bool ConnectionStream::is_writable() const { return true; } // written bytes are only collected

ssize_t ConnectionStream::read(char* ptr, size_t size) {
    // Never waits for the client: a worker would be stuck with it. The worker loop hands
    // httplib only whole requests, so running dry means httplib wanted more than the framing
    // said there is (a POST without a length reads to the end): it gets "end of stream",
    // and the connection closes after this answer.
    if (!has_buffered_input() && fill() != 1) {
        ran_dry_ = true;
        return 0;
    }
    const size_t n = std::min(size, in_.size() - in_off_);
    std::memcpy(ptr, in_.data() + in_off_, n);
    in_off_ += n;
    return static_cast<ssize_t>(n);
}

int ConnectionStream::fill() {
    if (in_.size() - in_off_ > options_.max_head + options_.max_body) return 0; // enough for any request
    if (in_off_ == in_.size()) {
        in_.clear();
        in_off_ = 0;
        if (in_.capacity() > 4 * kReadChunk) in_.shrink_to_fit(); // after a pack upload
    } else if (in_off_ > 0) {
        in_.erase(0, in_off_); // keep the start of an unfinished request
        in_off_ = 0;
    }
    int got = 0;
    for (;;) {
        const size_t had = in_.size();
        in_.resize(had + kReadChunk);
        const ssize_t n = ::recv(sock_, in_.data() + had, kReadChunk, MSG_DONTWAIT);
        in_.resize(had + (n > 0 ? static_cast<size_t>(n) : 0));
        if (n > 0) {
            got = 1;
            if (static_cast<size_t>(n) < kReadChunk) return got; // the socket is empty now
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return got;
        // Closed by the client (or failed). A request that came with the close is still
        // answered if it is whole; the next call reports the close.
        return got ? 1 : -1;
    }
}

bool ConnectionStream::discard_input() {
    in_.clear();
    in_off_ = 0;
    char scratch[16 * 1024];
    for (;;) {
        const ssize_t n = ::recv(sock_, scratch, sizeof scratch, MSG_DONTWAIT);
        if (n > 0) continue;
        if (n < 0 && errno == EINTR) continue;
        return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
    }
}

bool ConnectionStream::send_continue() {
    static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
    return ::send(sock_, kContinue.data(), kContinue.size(), MSG_NOSIGNAL | MSG_DONTWAIT) ==
           static_cast<ssize_t>(kContinue.size());
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
    if (deferred_now_) return static_cast<ssize_t>(size); // httplib's placeholder: never sent
    // httplib's own "100 Continue" comes when the whole body is here already: too late to be
    // of use, and for a deferred answer it could even go out after the answer.
    if (std::string_view(ptr, size).rfind("HTTP/1.1 100 ", 0) == 0) return static_cast<ssize_t>(size);
    out_.append(ptr, size);
    return static_cast<ssize_t>(size);
}

ConnectionStream::Sent ConnectionStream::send_rest() {
    while (out_off_ < out_.size()) {
        const ssize_t n = ::send(sock_, out_.data() + out_off_, out_.size() - out_off_, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0) out_off_ += static_cast<size_t>(n);
        else if (n < 0 && errno == EINTR) continue;
        else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return Sent::partly;
        else return Sent::failed;
    }
    out_.clear();
    out_off_ = 0;
    if (out_.capacity() > 4 * kReadChunk) out_.shrink_to_fit(); // after a pack download
    return Sent::all;
}

bool ConnectionStream::send_rest_waiting(std::chrono::steady_clock::time_point until) {
    for (;;) {
        const Sent sent = send_rest();
        if (sent != Sent::partly) return sent == Sent::all;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
        pollfd p{sock_, POLLOUT, 0};
        if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    }
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
    if (remote_port_ < 0) address_of(sock_, ::getpeername, remote_ip_, remote_port_);
    ip = remote_ip_;
    port = remote_port_;
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
    if (local_port_ < 0) address_of(sock_, ::getsockname, local_ip_, local_port_);
    ip = local_ip_;
    port = local_port_;
}

void ConnectionStream::begin_request(bool close_after) {
    close_after_ = close_after;
    ran_dry_ = false;
    deferred_now_ = false;
    started_ = std::chrono::steady_clock::now();
    this_thread_connection = this;
}

ConnectionStream::Sent ConnectionStream::end_request() {
    this_thread_connection = nullptr;
    if (deferred_now_) return Sent::all; // its answer comes from ReplyLater
    return send_rest();
}

std::shared_ptr<ReplyLater> ConnectionStream::defer(const httplib::Request& req) {
    const bool close_after = close_after_ || req.get_header_value("Connection") == "close" ||
                             (req.version == "HTTP/1.0" && req.get_header_value("Connection") != "Keep-Alive");
    auto later = std::make_shared<ReplyLater>(close_after, answer_ready_);
    deferred_log_prefix_.clear();
    if (options_.log) deferred_log_prefix_.append(req.method).append(" ").append(req.path);
    deferred_now_ = true;
    return later;
}

bool ConnectionStream::send_deferred(const DeferredAnswer& answer) {
    bool delivered = false;
    try {
        if (answer.made) {
            const std::string bytes = format_response(answer.response, answer.close_after, options_);
            size_t off = 0;
            while (off < bytes.size()) {
                const ssize_t n = ::send(sock_, bytes.data() + off, bytes.size() - off, MSG_NOSIGNAL | MSG_DONTWAIT);
                if (n > 0) off += static_cast<size_t>(n);
                else if (n < 0 && errno == EINTR) continue;
                else break; // full send buffer (a client that does not read) or a closed connection
            }
            delivered = off == bytes.size();
        }
    } catch (...) {
        // Out of memory formatting: as not delivered.
    }
    if (!delivered) ::shutdown(sock_, SHUT_RDWR); // half an answer must not be followed by the next
    if (!deferred_log_prefix_.empty() && options_.log) {
        try {
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_).count();
            char tail[48];
            std::snprintf(tail, sizeof tail, " %d %.1fms%s", answer.response.status, ms, delivered ? "" : " (not delivered)");
            options_.log(deferred_log_prefix_ + tail);
        } catch (...) {
        }
    }
    return delivered;
}

} // namespace ff::server
