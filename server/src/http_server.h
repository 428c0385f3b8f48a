// The HTTP front: cpp-httplib with explicit limits (workers, keep-alive, timeouts, body size),
// one log line per request, JSON errors for every failure, and all routes registered.
#pragma once

#include "app.h"
#include "connection_stream.h"

#include <httplib.h>

#include <string>

namespace ff::server {

// cpp-httplib's server with our own loop over each connection's requests (connection_loop.cpp)
// and a wider listen backlog. httplib still parses requests, routes and writes responses.
class ConnectionServer : public httplib::Server {
public:
    ConnectionServer();
    ~ConnectionServer() override;
    ConnectionServer(const ConnectionServer&) = delete;
    ConnectionServer& operator=(const ConnectionServer&) = delete;

    // httplib listens with a backlog of 5; many clients connecting at once (a class logging
    // in, a load test) would see dropped SYNs and one-second retransmits.
    bool widen_backlog(int backlog);
    // Stops listening and wakes every connection waiting for its next request, so a stop
    // does not wait out the keep-alive timeout of an idle browser. Does nothing before the
    // listen loop runs or once stopped: call it again until listen() returns.
    void stop_all();

    ConnectionOptions options; // set before listening

private:
    bool process_and_close_socket(socket_t sock) override;
    // Until the connection's next request arrives: false on timeout, hang-up or stop.
    bool wait_for_request(int sock);

    int stop_fd_; // an eventfd, readable once stopping
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
