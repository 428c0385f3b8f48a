// One HTTP connection setting to the companion server, with explicit timeouts and a body
// cap. Replies are values: a status and body, or a network error in plain words.
#pragma once

#include "net/server_url.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

namespace httplib { class Client; }

namespace ff::net {

struct ClientOptions {
    std::chrono::milliseconds connect_timeout{3000};
    std::chrono::milliseconds read_timeout{8000};
    std::chrono::milliseconds write_timeout{8000};
    std::size_t max_body = 16 * 1024 * 1024; // larger replies are treated as an error
};

struct HttpReply {
    bool network_error = false; // no HTTP answer at all (refused, timeout, cut, too large)
    int status = 0;
    std::string body;
    std::string error;          // plain Chinese for network errors; the server's "error" text otherwise

    bool ok() const { return !network_error && status >= 200 && status < 300; }
};

// The "error" field of a JSON error body, or a short generic text for the status.
std::string error_text(int status, const std::string& body);

class HttpClient {
public:
    explicit HttpClient(ServerUrl url, ClientOptions options = {});
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // `path` is relative to the server's base path, e.g. "/api/v1/packs". An empty token
    // sends no Authorization header.
    HttpReply get(const std::string& path, const std::string& token = {});
    HttpReply post_json(const std::string& path, const nlohmann::json& body, const std::string& token = {});

    // Thread-safe: aborts a request in flight (its reply becomes a network error) so a
    // worker thread can be joined at once on shutdown.
    void cancel();

    const ServerUrl& url() const { return url_; }

private:
    ServerUrl url_;
    ClientOptions options_;
    std::unique_ptr<httplib::Client> client_;
    std::mutex request_mutex_; // one request at a time per client
};

} // namespace ff::net
