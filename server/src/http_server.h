// The HTTP front: cpp-httplib with explicit limits (workers, keep-alive, timeouts, body size),
// one log line per request, JSON errors for every failure, and all routes registered.
#pragma once

#include "app.h"

#include <httplib.h>

#include <string>

namespace ff::server {

// httplib listens with a backlog of 5; many clients connecting at once (a class logging in,
// a load test) would see dropped SYNs and one-second retransmits. This widens it after bind.
class BacklogServer : public httplib::Server {
public:
    bool widen_backlog(int backlog);
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
    BacklogServer http_;
};

} // namespace ff::server
