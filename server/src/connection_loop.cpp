// Serving every connection from a few workers that wait on one epoll set, in place of
// cpp-httplib 0.11's thread per connection: a worker takes whichever connection has a request,
// answers it and takes the next, without sleeping while there is work (with a thread per
// connection every request cost a sleep and a wake-up, and 256 threads' caches went cold).
// A connection is in the epoll set only while it waits, one-shot, so one worker at a time has it.
#include "http_server.h"

#include "request_framing.h"

#include <nlohmann/json.hpp>

#include <pthread.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <thread>
#include <vector>

namespace ff::server {
namespace {

constexpr int kSweepEveryMs = 1000;

int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

struct ConnectionServer::Connection {
    Connection(int s, ConnectionServer& server)
        : sock(s), stream(s, server.options,
                          [&server, this](DeferredAnswer a) { server.answer_ready(this, std::move(a)); }),
          left(server.options.keep_alive_max > 0 ? server.options.keep_alive_max : 1) {}

    const int sock;
    ConnectionStream stream;
    size_t left; // requests it may still send before it is closed
    // While it waits in the epoll set: when it is given up (ms), else 0.
    std::atomic<int64_t> deadline{0};
    bool sending = false;          // an answer is only partly sent: waiting to be writable
    bool continue_sent = false;    // "100 Continue" went out for the request now arriving
    int64_t drain_until = 0;       // refused: what the client still sends is dropped until then
    // A deferred answer: the worker and the answer's sender each count down; the last one on
    // carries on with the connection (close it, or serve or park it).
    std::atomic<int> owners{0};
    // Close once the answer now under way (deferred, or partly sent) has gone out. For a deferred
    // answer it is the worker's verdict, written before its count-down.
    bool close_after_answer = false;
    bool delivered = true;           // the sender's, likewise
    DeferredAnswer answer;           // made by the committer, sent by a worker
    Connection* next_answer = nullptr;
};

ConnectionServer::ConnectionServer()
    : epoll_fd_(::epoll_create1(EPOLL_CLOEXEC)), stop_fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)),
      answers_fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
    if (epoll_fd_ < 0 || stop_fd_ < 0 || answers_fd_ < 0) throw std::runtime_error("epoll/eventfd failed");
    // Both level-triggered: the stop is never read, so every worker sees it; answers wake
    // workers one after the other while any wait.
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.ptr = nullptr;
    epoll_event answers{};
    answers.events = EPOLLIN;
    answers.data.ptr = &answers_fd_;
    if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, stop_fd_, &ev) != 0 ||
        ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, answers_fd_, &answers) != 0)
        throw std::runtime_error("epoll_ctl failed");
}

ConnectionServer::~ConnectionServer() {
    close_all();
    ::close(answers_fd_);
    ::close(stop_fd_);
    ::close(epoll_fd_);
}

bool ConnectionServer::widen_backlog(int backlog) {
    socket_t sock = svr_sock_;
    return sock != INVALID_SOCKET && ::listen(sock, backlog) == 0; // Linux: listen() again updates the backlog
}

void ConnectionServer::serve(size_t workers) {
    std::vector<std::thread> threads;
    auto stop_workers = [&] {
        stopping_ = true;
        const uint64_t one = 1;
        [[maybe_unused]] ssize_t n = ::write(stop_fd_, &one, sizeof one);
        for (auto& t : threads) t.join();
    };
    try {
        for (size_t i = 0; i < workers; ++i) threads.emplace_back([this, i] { work(i == 0); });
        listen_after_bind();
    } catch (...) {
        stop_workers(); // a std::thread destroyed unjoined would end the process
        throw;
    }
    stop_workers();
    // Answers still owed come from the committer, which outlives the server; they are sent
    // from here now.
    for (;;) {
        while (Connection* c = take_answer()) deliver(c);
        std::unique_lock lock(connections_mutex_);
        bool owed = false;
        for (const auto& [key, c] : connections_) owed = owed || c->owners.load() > 0;
        if (!owed) break;
        connection_closed_.wait_for(lock, std::chrono::milliseconds(10));
    }
    // Answers half-sent to slow readers (a pack download) are finished, all within one write timeout.
    {
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(options.write_timeout_s);
        std::lock_guard lock(connections_mutex_);
        for (const auto& [key, c] : connections_)
            if (c->sending) c->stream.send_rest_waiting(until);
    }
    close_all();
}

void ConnectionServer::stop_all() {
    // httplib ignores a stop() that comes before its listen loop runs (the caller tries again)
    // and asserts on a second one while its workers finish.
    if (!is_running() || svr_sock_ == INVALID_SOCKET) return;
    stop();
}

bool ConnectionServer::process_and_close_socket(socket_t sock) {
    Connection* c = nullptr;
    try {
        auto made = std::make_unique<Connection>(sock, *this);
        c = made.get();
        std::lock_guard lock(connections_mutex_);
        connections_.emplace(c, std::move(made));
    } catch (...) {
        ::close(sock);
        return false;
    }
    park(c, EPOLLIN, options.keep_alive_timeout_s);
    return true;
}

void ConnectionServer::work(bool sweeps) {
    pthread_setname_np(pthread_self(), "ff-http");
    epoll_event ev{};
    for (;;) {
        const int n = ::epoll_wait(epoll_fd_, &ev, 1, sweeps ? kSweepEveryMs : -1);
        if (n < 0 && errno != EINTR) return;
        if (stopping_) return;
        if (now_ms() >= next_sweep_ms_.load(std::memory_order_relaxed)) sweep_idle();
        if (n != 1 || !ev.data.ptr) continue;
        if (ev.data.ptr != &answers_fd_) serve_ready(static_cast<Connection*>(ev.data.ptr));
        else
            while (Connection* c = take_answer()) deliver(c); // oldest first, each waited a batch
    }
}

void ConnectionServer::serve_ready(Connection* c) {
    c->deadline = 0;
    if (c->drain_until) {
        if (!c->stream.discard_input() || now_ms() >= c->drain_until) return close_connection(c);
        return arm(c, EPOLLIN, c->drain_until);
    }
    if (c->sending) { // an answer the socket could not take at once
        const auto sent = c->stream.send_rest();
        if (sent == ConnectionStream::Sent::failed) return close_connection(c);
        if (sent == ConnectionStream::Sent::partly) return park(c, EPOLLOUT, options.write_timeout_s);
        c->sending = false;
        if (c->close_after_answer) return close_connection(c);
    }
    for (;;) {
        // A client that closed its sending side may still have whole requests here to answer.
        const bool client_done = c->stream.fill() < 0;
        const Framing framing = request_framing(c->stream.pending(), options.max_head, options.max_body);
        if (stopping_ || (client_done && framing != Framing::complete)) return close_connection(c);
        switch (framing) {
        case Framing::incomplete: // a half-sent request costs a worker nothing while it waits
            return park(c, EPOLLIN,
                        c->stream.has_buffered_input() ? options.read_timeout_s : options.keep_alive_timeout_s);
        case Framing::expects_continue:
            if (!c->continue_sent && !c->stream.send_continue()) return close_connection(c);
            c->continue_sent = true;
            return park(c, EPOLLIN, options.read_timeout_s);
        case Framing::head_too_large: return refuse(c, 431, "请求头太长");
        case Framing::body_too_large:
            return refuse(c, 413, "请求内容太大（最多 " + std::to_string(options.max_body / 1024) + " KB）");
        case Framing::invalid: return refuse(c, 400, "请求的长度信息不对（Content-Length / Transfer-Encoding）");
        case Framing::complete: break;
        }
        c->continue_sent = false;

        const bool close_after = c->left == 1;
        bool client_closes = false;
        c->owners.store(2, std::memory_order_relaxed); // in case the handler defers its answer
        c->stream.begin_request(close_after);
        const bool ok = process_request(c->stream, close_after, client_closes, nullptr);
        const bool deferred = c->stream.deferred();
        const auto sent = c->stream.end_request();
        --c->left;
        // After running dry the rest of that request may still come: it must not pass for the next.
        const bool last = !ok || client_closes || c->left == 0 || c->stream.ran_dry() ||
                          sent == ConnectionStream::Sent::failed;
        if (deferred) {
            // The answer is owed by another thread: whichever of us is done last carries on.
            c->close_after_answer = last;
            if (!handed_over(c)) return;
            if (c->close_after_answer || !c->delivered) return close_connection(c);
        } else {
            c->owners.store(0, std::memory_order_relaxed);
            if (sent == ConnectionStream::Sent::partly) {
                c->sending = true;
                c->close_after_answer = last;
                return park(c, EPOLLOUT, options.write_timeout_s);
            }
            if (last) return close_connection(c);
        }
        // A client that waits for each answer has not sent its next request yet: wait in the
        // epoll set rather than try to read. Bytes already here are a pipelined request.
        if (!c->stream.has_buffered_input()) return park(c, EPOLLIN, options.keep_alive_timeout_s);
    }
}

// A request we will not hand to httplib: answered here, in the server's JSON error format, and
// the connection closed, since what follows on it cannot be framed. Closed gently: what the
// client is still sending (the rest of a too large upload) is read and dropped for up to the
// read timeout, because closing with unread bytes resets the connection, and a reset can
// destroy the answer before the client has read it.
void ConnectionServer::refuse(Connection* c, int status, const std::string& message) {
    try {
        httplib::Response res;
        res.status = status;
        res.set_content(nlohmann::json{{"error", message}}.dump(), "application/json; charset=utf-8");
        const std::string bytes = format_response(res, true, options);
        [[maybe_unused]] ssize_t n = ::send(c->sock, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (options.log) options.log("(request not read) " + std::to_string(status));
    } catch (...) {
        // Out of memory: the close alone says it.
    }
    ::shutdown(c->sock, SHUT_WR);
    c->drain_until = now_ms() + static_cast<int64_t>(options.read_timeout_s > 0 ? options.read_timeout_s : 1) * 1000;
    if (!c->stream.discard_input()) return close_connection(c);
    arm(c, EPOLLIN, c->drain_until);
}

bool ConnectionServer::handed_over(Connection* c) { return c->owners.fetch_sub(1, std::memory_order_acq_rel) == 1; }

void ConnectionServer::answer_ready(Connection* c, DeferredAnswer answer) {
    c->answer = std::move(answer);
    std::lock_guard lock(answers_mutex_);
    c->next_answer = nullptr;
    if (answers_tail_) {
        answers_tail_->next_answer = c;
    } else {
        answers_head_ = c;
        const uint64_t one = 1;
        [[maybe_unused]] ssize_t n = ::write(answers_fd_, &one, sizeof one);
    }
    answers_tail_ = c;
    connection_closed_.notify_all(); // a stopping server sends it itself
}

ConnectionServer::Connection* ConnectionServer::take_answer() {
    std::lock_guard lock(answers_mutex_);
    Connection* c = answers_head_;
    if (c) answers_head_ = c->next_answer;
    if (!answers_head_) {
        answers_tail_ = nullptr;
        uint64_t count;
        [[maybe_unused]] ssize_t n = ::read(answers_fd_, &count, sizeof count); // none left: not readable
    }
    return c;
}

void ConnectionServer::deliver(Connection* c) {
    c->delivered = c->stream.send_deferred(c->answer);
    c->answer = DeferredAnswer{};
    if (!handed_over(c)) return; // the worker is still in the handler; it carries on
    if (!c->delivered || c->close_after_answer || stopping_) return close_connection(c);
    if (c->stream.has_buffered_input()) return serve_ready(c); // a pipelined request
    park(c, EPOLLIN, options.keep_alive_timeout_s);
}

void ConnectionServer::park(Connection* c, uint32_t events, time_t timeout_s) {
    arm(c, events, now_ms() + static_cast<int64_t>(timeout_s > 0 ? timeout_s : 0) * 1000);
}

void ConnectionServer::arm(Connection* c, uint32_t events, int64_t deadline_ms) {
    c->deadline = deadline_ms;
    epoll_event ev{};
    // Waiting to write, a client that closed its sending side would report "hang-up" again and
    // again (errors and full hang-ups still come).
    ev.events = events | ((events & EPOLLIN) ? uint32_t{EPOLLRDHUP} : 0u) | uint32_t{EPOLLONESHOT};
    ev.data.ptr = c;
    if (::epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, c->sock, &ev) == 0) return;
    if (errno == ENOENT && ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, c->sock, &ev) == 0) return;
    close_connection(c);
}

void ConnectionServer::close_connection(Connection* c) {
    std::unique_ptr<Connection> gone;
    {
        std::lock_guard lock(connections_mutex_);
        auto it = connections_.find(c);
        if (it == connections_.end()) return;
        gone = std::move(it->second);
        connections_.erase(it);
    }
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, c->sock, nullptr);
    ::shutdown(c->sock, SHUT_RDWR);
    ::close(c->sock);
    connection_closed_.notify_all();
}

// Connections that waited past their time (keep-alive, or the rest of a request, or room for
// an answer) are shut; the worker that gets the resulting hang-up closes them (only the
// connection's current holder may free it).
void ConnectionServer::sweep_idle() {
    const int64_t now = now_ms();
    next_sweep_ms_ = now + kSweepEveryMs;
    std::lock_guard lock(connections_mutex_);
    for (const auto& [key, c] : connections_) {
        const int64_t deadline = c->deadline.load();
        if (deadline > 0 && now >= deadline) ::shutdown(c->sock, SHUT_RDWR);
    }
}

void ConnectionServer::close_all() {
    std::lock_guard lock(connections_mutex_);
    for (const auto& [key, c] : connections_) {
        ::shutdown(c->sock, SHUT_RDWR);
        ::close(c->sock);
    }
    connections_.clear();
}

} // namespace ff::server
