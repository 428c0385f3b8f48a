// Test helper: a real httplib::Server on 127.0.0.1 (a free port) running in a thread,
// serving whatever crafted answers a test installs, plus a few pack helpers.
#pragma once

#include "net/server_url.h"

#include "fraudfree/pack_files.h"

#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <random>
#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>

namespace ff::test {

class TestServer {
public:
    explicit TestServer(const std::function<void(httplib::Server&)>& routes)
    {
        routes(server_);
        server_.set_keep_alive_max_count(1);
        port_ = server_.bind_to_any_port("127.0.0.1");
        if (port_ <= 0) throw std::runtime_error("cannot bind a test port on 127.0.0.1");
        thread_ = std::thread([this] {
            server_.listen_after_bind();
            listen_returned_ = true;
        });
        for (int i = 0; i < 500 && !server_.is_running(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ~TestServer() { stop(); }
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    // httplib's stop() does nothing until the listen thread has entered its loop, so one
    // call that comes too early would leave join() waiting forever: repeat it until listen
    // has returned.
    void stop()
    {
        while (thread_.joinable() && !listen_returned_) {
            server_.stop();
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        if (thread_.joinable()) thread_.join();
    }
    int port() const { return port_; }
    ff::net::ServerUrl url() const { return ff::net::ServerUrl{"http", "127.0.0.1", port_, ""}; }

private:
    httplib::Server server_;
    int port_ = 0;
    std::atomic<bool> listen_returned_{false};
    std::thread thread_;
};

// A 127.0.0.1 port where nothing listens (connections are refused).
inline int closed_port()
{
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
        throw std::runtime_error("cannot find a free port on 127.0.0.1");
    ::close(fd); // bound but never listening: nothing will accept there
    return ntohs(addr.sin_port);
}

// Waits (bounded) until `done` holds; returns whether it did. A failure bound, not a timing test.
template <class F>
bool eventually(F done, std::chrono::milliseconds limit = std::chrono::seconds(20))
{
    const auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return done();
}

inline std::filesystem::path fresh_temp_dir(const std::string& tag)
{
    std::random_device rd;
    auto dir = std::filesystem::temp_directory_path() /
               ("ff-net-" + tag + "-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

// Removes the folder at the end of a test.
struct TempDir {
    explicit TempDir(const std::string& tag) : path(fresh_temp_dir(tag)) {}
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::filesystem::path path;
};

inline ff::PackFiles fixture_pack_files()
{
    return ff::read_pack_files(std::string(FRAUDFREE_SOURCE_DIR) + "/tests/fixtures/valid");
}

inline std::string replace_once(std::string s, const std::string& from, const std::string& to)
{
    auto at = s.find(from);
    if (at == std::string::npos) throw std::runtime_error("test pack text not found: " + from);
    return s.replace(at, from.size(), to);
}

// The fixture pack one version up, with one more scenario ("rebate-likes-2").
inline ff::PackFiles fixture_pack_next_version()
{
    ff::PackFiles f = fixture_pack_files();
    f["pack.toml"] = replace_once(f["pack.toml"], "version = 3", "version = 4");
    f["scenarios/rebate2.toml"] =
        replace_once(f["scenarios/rebate.toml"], "id = \"rebate-likes\"", "id = \"rebate-likes-2\"");
    return f;
}

} // namespace ff::test
