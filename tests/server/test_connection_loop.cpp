// The server's own loop over a connection's requests (server/src/connection_loop.cpp): idle
// kept-alive connections cost nothing, answers come back in request order even when a result's
// answer is sent later by the committer, "Connection: close" is honoured on such an answer,
// and a stop does not wait for idle connections to time out.
#include "api_fixture.h"

#include <arpa/inet.h>
#include <chrono>
#include <dirent.h>
#include <fstream>
#include <iterator>
#include <sstream>
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

struct RawAnswer {
    std::string status_line; // "" when the connection ended first
    std::string head;        // status line and headers
    std::string body;
};

// A raw HTTP/1.1 connection: what it sends is sent as is (several requests in one write if
// wanted), and answers are read one by one by their Content-Length.
class RawConnection {
public:
    explicit RawConnection(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connected_ = fd_ >= 0 && ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
        timeval tv{10, 0};
        if (connected_) setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    }
    ~RawConnection() {
        if (fd_ >= 0) ::close(fd_);
    }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    bool send(const std::string& bytes) {
        return connected_ && ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size());
    }

    RawAnswer answer() {
        RawAnswer a;
        size_t end;
        while ((end = buf_.find("\r\n\r\n")) == std::string::npos)
            if (!fill()) return a;
        a.head = buf_.substr(0, end);
        a.status_line = a.head.substr(0, a.head.find("\r\n"));
        size_t length = 0;
        const auto at = lower(a.head).find("\r\ncontent-length:");
        if (at != std::string::npos) length = std::stoul(a.head.substr(at + 17));
        buf_.erase(0, end + 4);
        while (buf_.size() < length)
            if (!fill()) return RawAnswer{};
        a.body = buf_.substr(0, length);
        buf_.erase(0, length);
        return a;
    }

    // Says the client will send nothing more (a half-close), as `nc -N` and some scripts do.
    void stop_sending() { ::shutdown(fd_, SHUT_WR); }

    // True when the server closed the connection (nothing more to read).
    bool closed_by_server() {
        char c;
        return buf_.empty() && ::recv(fd_, &c, 1, 0) == 0;
    }

    std::string healthz() {
        if (!send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")) return "";
        return answer().status_line;
    }

private:
    static std::string lower(std::string s) {
        for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    }
    bool fill() {
        char chunk[4096];
        const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
        if (n <= 0) return false;
        buf_.append(chunk, static_cast<size_t>(n));
        return true;
    }

    int fd_;
    bool connected_ = false;
    std::string buf_;
};

std::string post_result(const std::string& token, const nlohmann::json& body, const std::string& extra_headers = "") {
    const std::string json = body.dump();
    return "POST /api/v1/results HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
           "\r\nContent-Type: application/json\r\n" + extra_headers +
           "Content-Length: " + std::to_string(json.size()) + "\r\n\r\n" + json;
}

// `n` pipelined requests for the whole campus-core pack (~300 KB each): more than the
// socket buffers hold when the client does not read.
std::string pack_downloads(int n) {
    std::string requests;
    for (int i = 0; i < n; ++i) requests += "GET /api/v1/packs/campus-core HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    return requests;
}

bool has_header(const RawAnswer& a, const std::string& line) {
    return (a.head + "\r\n").find("\r\n" + line + "\r\n") != std::string::npos;
}

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

            THEN("the server's threads hardly woke (httplib 0.11's own loop: ~90 wake-ups a second each)") {
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

SCENARIO("answers on one connection come back in the order of its requests") {
    Api api;
    auto cls = api.create_class(api.counsellor, "顺序班");
    auto s = api.join(cls["join_code"], "流水线");
    const auto first = api.result_body("order-1", 0);
    const auto second = api.result_body("order-2", 1);

    GIVEN("a client that sends two results, a health check and the first result again in one go") {
        RawConnection conn(api.server->port());
        REQUIRE(conn.send(post_result(s.token, first) + post_result(s.token, second) +
                          "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + post_result(s.token, first)));

        THEN("it gets four answers in that order, the repeat recognised as already stored") {
            auto a1 = conn.answer();
            auto a2 = conn.answer();
            auto a3 = conn.answer();
            auto a4 = conn.answer();
            CHECK(a1.status_line == "HTTP/1.1 201 Created");
            CHECK(nlohmann::json::parse(a1.body)["id"] == "order-1");
            CHECK(a2.status_line == "HTTP/1.1 201 Created");
            CHECK(nlohmann::json::parse(a2.body)["id"] == "order-2");
            CHECK(a3.status_line == "HTTP/1.1 200 OK");
            CHECK(a3.body == "ok");
            CHECK(a4.status_line == "HTTP/1.1 200 OK");
            CHECK(nlohmann::json::parse(a4.body)["id"] == "order-1");
            AND_THEN("the answers are complete HTTP answers and the connection stays open") {
                CHECK(has_header(a1, "Content-Type: application/json; charset=utf-8"));
                CHECK(has_header(a1, "Keep-Alive: timeout=5, max=100"));
                CHECK(conn.healthz() == "HTTP/1.1 200 OK");
            }
        }
    }
}

SCENARIO("a request sent before the answer to a result still sees that result") {
    Api api;
    auto cls = api.create_class(api.counsellor, "先写后读班");
    auto s = api.join(cls["join_code"], "急性子");
    RawConnection conn(api.server->port());
    REQUIRE(conn.send(post_result(s.token, api.result_body("ryw-1", 5)) + "GET /api/v1/me/results HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + s.token + "\r\n\r\n"));
    CHECK(conn.answer().status_line == "HTTP/1.1 201 Created");
    auto mine = conn.answer();
    REQUIRE(mine.status_line == "HTTP/1.1 200 OK");
    auto list = nlohmann::json::parse(mine.body);
    REQUIRE(list.size() == 1);
    CHECK(list[0]["id"] == "ryw-1");
}

SCENARIO("a result sent with Connection: close is answered, then the connection closes") {
    Api api;
    auto cls = api.create_class(api.counsellor, "关闭班");
    auto s = api.join(cls["join_code"], "一次性");
    RawConnection conn(api.server->port());
    REQUIRE(conn.send(post_result(s.token, api.result_body("close-1", 2), "Connection: close\r\n")));
    auto a = conn.answer();
    CHECK(a.status_line == "HTTP/1.1 201 Created");
    CHECK(has_header(a, "Connection: close"));
    CHECK(conn.closed_by_server());
}

SCENARIO("a client that asks to continue gets its 100 Continue before it sends the body") {
    Api api;
    auto cls = api.create_class(api.counsellor, "继续班");
    auto s = api.join(cls["join_code"], "等一下");
    const std::string request = post_result(s.token, api.result_body("continue-1", 4), "Expect: 100-continue\r\n");
    const size_t head_end = request.find("\r\n\r\n") + 4;
    RawConnection conn(api.server->port());
    REQUIRE(conn.send(request.substr(0, head_end)));
    CHECK(conn.answer().status_line == "HTTP/1.1 100 Continue");
    REQUIRE(conn.send(request.substr(head_end)));
    CHECK(conn.answer().status_line == "HTTP/1.1 201 Created");
}

SCENARIO("the request log has each result's real status, sent once it is durable") {
    Api api; // not --quiet: the log is what is under test
    auto cls = api.create_class(api.counsellor, "日志班");
    auto s = api.join(cls["join_code"], "记一笔");
    auto c = api.client();
    REQUIRE(post_json(c, "/api/v1/results", api.result_body("log-1", 3), s.token)->status == 201);
    REQUIRE(post_json(c, "/api/v1/results", api.result_body("log-1", 3), s.token)->status == 200);
    auto forged = api.result_body("log-2", 3);
    forged["choices"] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    REQUIRE(post_json(c, "/api/v1/results", forged, s.token)->status == 422);

    // The lines are written after the answers; give the committer a moment.
    std::string log;
    for (int i = 0; i < 100 && log.find("POST /api/v1/results 422") == std::string::npos; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        log = api.server->log();
    }
    CHECK(log.find("POST /api/v1/results 201 ") != std::string::npos);
    CHECK(log.find("POST /api/v1/results 200 ") != std::string::npos);
    CHECK(log.find("POST /api/v1/results 422 ") != std::string::npos);
    CHECK(log.find(s.token) == std::string::npos);
}

SCENARIO("SIGTERM right after start-up stops the server cleanly") {
    // The signal can land between the "listening on" line and httplib's listen loop, where
    // httplib ignores a stop, so serve.cpp repeats it until listen() returns. That window is
    // microseconds wide and rarely hit here; this mainly checks that an early SIGTERM exits 0.
    TempDir dir;
    for (int i = 0; i < 5; ++i) {
        ServerProcess server(dir.path() + "/ff.db", {"--quiet"});
        CHECK(server.terminate() == 0);
    }
}

SCENARIO("a stop does not wait for idle kept-alive connections to time out") {
    GIVEN("a server with a browser-like connection open and idle (keep-alive timeout: 5 s)") {
        TempDir dir;
        ServerProcess server(dir.path() + "/ff.db", {"--quiet"});
        RawConnection idle(server.port());
        REQUIRE(idle.healthz() == "HTTP/1.1 200 OK");

        WHEN("it is sent SIGTERM") {
            const auto t0 = std::chrono::steady_clock::now();
            const int code = server.terminate();
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            THEN("it exits cleanly without waiting out the keep-alive timeout, and the connection is closed") {
                CHECK(code == 0);
                // httplib's own loop took the full 5 s here; the margin is for a busy machine.
                CHECK(seconds < 4.5);
                CHECK(idle.closed_by_server());
            }
        }
    }
}

SCENARIO("clients that send half a request do not hold up anyone else") {
    GIVEN("a server with a single worker and five clients that stopped half-way through a request") {
        TempDir dir;
        ServerProcess server(dir.path() + "/ff.db", {"--quiet", "--threads", "1"});
        std::vector<std::unique_ptr<RawConnection>> stalled;
        for (int i = 0; i < 3; ++i) {
            stalled.push_back(std::make_unique<RawConnection>(server.port()));
            REQUIRE(stalled.back()->send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
        }
        const std::string join = R"({"join_code":"ZZZZZZ","nickname":"慢慢"})";
        stalled.push_back(std::make_unique<RawConnection>(server.port()));
        REQUIRE(stalled.back()->send("POST /api/v1/join HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " +
                                     std::to_string(join.size()) + "\r\n\r\n" + join.substr(0, 6)));
        stalled.push_back(std::make_unique<RawConnection>(server.port()));
        REQUIRE(stalled.back()->send("POST /api/v1/join HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n6\r\n{\"join"));
        std::this_thread::sleep_for(std::chrono::milliseconds(200)); // the server has read them

        WHEN("another client asks for something") {
            const auto t0 = std::chrono::steady_clock::now();
            RawConnection other(server.port());
            const std::string status = other.healthz();
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            THEN("it is answered without waiting for their read timeout (5 s)") {
                CHECK(status == "HTTP/1.1 200 OK");
                CHECK(seconds < 4.0); // a worker blocked on each half request would take 5 s here
            }
        }
        WHEN("the stalled clients finish their requests") {
            for (int i = 0; i < 3; ++i) REQUIRE(stalled[i]->send("\r\n"));
            REQUIRE(stalled[3]->send(join.substr(6)));
            REQUIRE(stalled[4]->send("\r\n0\r\n\r\n"));
            THEN("each gets its answer") {
                for (int i = 0; i < 3; ++i) CHECK(stalled[i]->answer().status_line == "HTTP/1.1 200 OK");
                // A wrong join code (404) or a body httplib will not take chunked (400): answered.
                CHECK(stalled[3]->answer().status_line == "HTTP/1.1 404 Not Found");
                CHECK_FALSE(stalled[4]->answer().status_line.empty());
            }
        }
    }
}

SCENARIO("a client that does not read a large answer does not hold up anyone else") {
    GIVEN("a server with a single worker and a client that asks for a whole pack many times over and reads nothing") {
        TempDir dir;
        ServerProcess server(dir.path() + "/ff.db", {"--quiet", "--threads", "1"});
        RawConnection greedy(server.port());
        REQUIRE(greedy.send(pack_downloads(40)));
        std::this_thread::sleep_for(std::chrono::milliseconds(300)); // its answers fill the socket buffers

        WHEN("another client asks for something") {
            RawConnection other(server.port());
            const auto t0 = std::chrono::steady_clock::now();
            const std::string status = other.healthz();
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            THEN("it is answered without waiting for the write timeout (5 s)") {
                CHECK(status == "HTTP/1.1 200 OK");
                CHECK(seconds < 4.0);
            }
            AND_THEN("the greedy client, once it reads, gets whole answers in order") {
                for (int i = 0; i < 3; ++i) {
                    const RawAnswer a = greedy.answer();
                    CHECK(a.status_line == "HTTP/1.1 200 OK");
                    CHECK(a.body.size() > 100000);
                    CHECK(a.body.rfind("{", 0) == 0);
                }
            }
        }
    }
}

SCENARIO("a client that closes its side right after its request still gets the answer") {
    GIVEN("a server") {
        TempDir dir;
        ServerProcess server(dir.path() + "/ff.db", {"--quiet"});
        WHEN("a client sends two requests and at once says it will send nothing more") {
            RawConnection client(server.port());
            REQUIRE(client.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                                "GET /api/v1/packs HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
            client.stop_sending();
            THEN("both are answered, then the server closes the connection") {
                CHECK(client.answer().status_line == "HTTP/1.1 200 OK");
                CHECK(client.answer().status_line == "HTTP/1.1 200 OK");
                CHECK(client.closed_by_server());
            }
        }
    }
}

SCENARIO("requests whose length is too large or untrustworthy are refused without holding a worker") {
    GIVEN("a server with a single worker") {
        TempDir dir;
        ServerProcess server(dir.path() + "/ff.db", {"--quiet", "--threads", "1"});
        WHEN("a client announces a body of 100 MB and sends none of it") {
            RawConnection big(server.port());
            REQUIRE(big.send("POST /api/v1/join HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000000\r\n\r\n"));
            THEN("it is told 413 at once and the connection closes, and others are served") {
                const RawAnswer a = big.answer();
                CHECK(a.status_line == "HTTP/1.1 413 Payload Too Large");
                CHECK(a.body.find("请求内容太大") != std::string::npos);
                CHECK(big.closed_by_server());
                RawConnection other(server.port());
                CHECK(other.healthz() == "HTTP/1.1 200 OK");
            }
        }
        WHEN("a client sends a transfer coding httplib would not de-chunk") {
            RawConnection odd(server.port());
            REQUIRE(odd.send("POST /api/v1/join HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"));
            THEN("it is told 400 and the connection closes") {
                CHECK(odd.answer().status_line == "HTTP/1.1 400 Bad Request");
                CHECK(odd.closed_by_server());
            }
        }
        WHEN("a client sends a DELETE without any length, as curl -X DELETE does") {
            RawConnection client(server.port());
            REQUIRE(client.send("DELETE /api/v1/classes/1/students/2 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
            THEN("it is answered (here: not signed in) without waiting for a body") {
                CHECK(client.answer().status_line == "HTTP/1.1 401 Unauthorized");
            }
        }
    }
}

namespace {

// User plus system CPU time of `pid` so far, in clock ticks.
long cpu_ticks(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    std::istringstream fields(text.substr(text.rfind(')') + 2));
    std::string field;
    long utime = 0, stime = 0;
    for (int i = 3; fields >> field; ++i) {
        if (i == 14) utime = std::stol(field);
        if (i == 15) {
            stime = std::stol(field);
            break;
        }
    }
    return utime + stime;
}

} // namespace

SCENARIO("a client that closes its side and never reads its large answers costs nothing while it waits") {
    GIVEN("a server with a single worker and such a client") {
        TempDir dir;
        ServerProcess server(dir.path() + "/ff.db", {"--quiet", "--threads", "1"});
        RawConnection greedy(server.port());
        REQUIRE(greedy.send(pack_downloads(40)));
        greedy.stop_sending();
        // Its answers fill the socket buffers; until then (long under a sanitizer) the server works.
        for (int i = 0; i < 100; ++i) {
            const long before = cpu_ticks(server.pid());
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            if (cpu_ticks(server.pid()) - before <= 2) break;
        }

        WHEN("a second passes") {
            const long before = cpu_ticks(server.pid());
            std::this_thread::sleep_for(std::chrono::seconds(1));
            const long used = cpu_ticks(server.pid()) - before;
            THEN("the server hardly used the CPU (a worker woken again and again would use all of it)") {
                CHECK(used < 30); // ticks of 10 ms: under 0.3 s of the second
                RawConnection other(server.port());
                CHECK(other.healthz() == "HTTP/1.1 200 OK");
            }
        }
    }
}
