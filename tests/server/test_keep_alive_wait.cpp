// Kept-alive connections that wait for their next request cost the server nothing: its
// workers sleep in one poll() instead of cpp-httplib 0.11's 10 ms poll / 1 ms sleep loop
// (server/src/keep_alive_wait.cpp), and a request after a long pause is still answered.
#include "server_process.h"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <chrono>
#include <dirent.h>
#include <fstream>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace ff::test;

namespace {

// Voluntary context switches of every thread of `pid` so far: each wake-up from a sleep is one.
long voluntary_switches(pid_t pid) {
    const std::string tasks = "/proc/" + std::to_string(pid) + "/task";
    long sum = 0;
    DIR* dir = opendir(tasks.c_str());
    if (!dir) return -1;
    while (dirent* e = readdir(dir)) {
        if (e->d_name[0] == '.') continue;
        std::ifstream status(tasks + "/" + e->d_name + "/status");
        for (std::string line; std::getline(status, line);)
            if (line.rfind("voluntary_ctxt_switches:", 0) == 0) sum += std::stol(line.substr(24));
    }
    closedir(dir);
    return sum;
}

// A raw keep-alive connection: sends a GET, reads the whole short answer, stays open.
class RawConnection {
public:
    explicit RawConnection(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connected_ = fd_ >= 0 && ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
        timeval tv{5, 0};
        if (connected_) setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    }
    ~RawConnection() {
        if (fd_ >= 0) ::close(fd_);
    }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    // The status line of the answer to GET /healthz, or "" when there was none.
    std::string healthz() {
        if (!connected_) return "";
        const std::string req = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        if (::send(fd_, req.data(), req.size(), 0) != static_cast<ssize_t>(req.size())) return "";
        std::string got;
        char buf[1024];
        // "ok" is the whole body: the answer is complete once it ends with it.
        while (got.size() < 2 || got.compare(got.size() - 2, 2, "ok") != 0) {
            const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
            if (n <= 0) return "";
            got.append(buf, static_cast<size_t>(n));
        }
        return got.substr(0, got.find("\r\n"));
    }

private:
    int fd_;
    bool connected_ = false;
};

} // namespace

SCENARIO("idle kept-alive connections do not wake the server") {
    GIVEN("a server with ten connections that have each had one answer and now wait") {
        TempDir dir;
        ServerProcess server(dir.path() + "/ff.db", {"--quiet"});
        std::vector<std::unique_ptr<RawConnection>> idle;
        for (int i = 0; i < 10; ++i) {
            idle.push_back(std::make_unique<RawConnection>(server.port()));
            REQUIRE(idle.back()->healthz() == "HTTP/1.1 200 OK");
        }

        WHEN("they stay quiet for a second and a half") {
            const long before = voluntary_switches(server.pid());
            std::this_thread::sleep_for(std::chrono::milliseconds(1500));
            const long woke = voluntary_switches(server.pid()) - before;
            REQUIRE(before >= 0);

            THEN("the server's threads hardly woke (httplib's own loop: ~90 wake-ups a second each)") {
                // The WAL checkpointer and the like may wake a few times; ten polling
                // workers would add well over a thousand.
                CHECK(woke < 100);
            }
            AND_THEN("each connection is still open and answered") {
                for (auto& c : idle) CHECK(c->healthz() == "HTTP/1.1 200 OK");
            }
        }
    }
}
