// The HTTP front: cpp-httplib with explicit limits (workers, keep-alive, timeouts, body size),
// one log line per request, JSON errors for every failure, and all routes registered.
#pragma once

#include "app.h"
#include "connection_stream.h"

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace ff::server {

// cpp-httplib's server with our own connection handling (connection_loop.cpp): a few workers
// wait on one epoll set for whichever connection has a request, instead of a thread per
// connection. httplib still accepts, parses requests, routes and writes responses.
class ConnectionServer : public httplib::Server {
public:
    ConnectionServer();
    ~ConnectionServer() override;
    ConnectionServer(const ConnectionServer&) = delete;
    ConnectionServer& operator=(const ConnectionServer&) = delete;

    // httplib listens with a backlog of 5; many clients connecting at once (a class logging
    // in, a load test) would see dropped SYNs and one-second retransmits.
    bool widen_backlog(int backlog);
    // Serves: starts `workers` threads, runs httplib's accept loop until stop_all(), then lets
    // each worker finish the request it is in, waits for answers other threads still owe
    // (results being committed) and closes every connection.
    void serve(size_t workers);
    // Stops accepting and wakes the workers, so a stop does not wait out the keep-alive
    // timeout of an idle browser. Does nothing before the listen loop runs or once stopped:
    // call it again until serve() returns.
    void stop_all();

    ConnectionOptions options; // set before serving

private:
    struct Connection;
    bool process_and_close_socket(socket_t sock) override; // on accept: joins the epoll set
    void work(bool sweeps);
    void serve_ready(Connection* c);
    void refuse(Connection* c, int status, const std::string& message);
    // Back into the epoll set until `events` or the deadline (then the sweep shuts it).
    void park(Connection* c, uint32_t events, time_t timeout_s);
    void arm(Connection* c, uint32_t events, int64_t deadline_ms);
    void close_connection(Connection* c);
    void answer_ready(Connection* c, DeferredAnswer answer); // on the thread that made it
    Connection* take_answer();
    void deliver(Connection* c); // a worker sends a deferred answer
    bool handed_over(Connection* c); // true for whichever of worker and answer comes last
    void sweep_idle();
    void close_all();

    int epoll_fd_;
    int stop_fd_; // an eventfd in the epoll set, readable once stopping
    int answers_fd_; // an eventfd in the epoll set, readable while answers wait to be sent
    std::mutex answers_mutex_;
    Connection* answers_head_ = nullptr; // connections whose deferred answer waits, oldest first
    Connection* answers_tail_ = nullptr;
    std::atomic<bool> stopping_{false};
    std::atomic<int64_t> next_sweep_ms_{0};
    std::mutex connections_mutex_;
    std::condition_variable connection_closed_;
    std::unordered_map<const Connection*, std::unique_ptr<Connection>> connections_;
};

class HttpServer {
public:
    explicit HttpServer(App& app);

    // Binds; returns the port (useful with port 0). Throws std::runtime_error on failure.
    int bind(const std::string& host, int port);
    // Serves until stop(); requests in flight finish before it returns.
    void listen();
    void stop();
    bool is_running() const { return http_.is_running(); }

private:
    App& app_;
    ConnectionServer http_;
};

} // namespace ff::server
