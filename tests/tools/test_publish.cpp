// `fraudfree-pack publish` against a small cpp-httplib server on 127.0.0.1 that records the
// request and answers with each status of the contract (docs/pack-format.md). This is the
// client's side of the contract; the real server is tested end-to-end elsewhere.
#include "support/tool_process.h"

#include "fraudfree/loader.h"
#include "fraudfree/pack_files.h"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <mutex>
#include <thread>

using ff::test::run_tool;
using nlohmann::json;

namespace {

struct Recorded {
    std::string path, authorization, content_type, body;
};

// Answers every POST under `prefix`/api/v1/packs with the configured status and body.
class ContractServer {
public:
    ContractServer(int status, std::string reply, const std::string& prefix = "") : status_(status), reply_(std::move(reply)) {
        server_.Post(prefix + "/api/v1/packs", [this](const httplib::Request& req, httplib::Response& res) {
            std::lock_guard<std::mutex> lock(mutex_);
            requests_.push_back(Recorded{req.path, req.get_header_value("Authorization"),
                                         req.get_header_value("Content-Type"), req.body});
            res.status = status_;
            res.set_content(reply_, "application/json");
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        REQUIRE(port_ > 0);
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        for (int i = 0; i < 500 && !server_.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        REQUIRE(server_.is_running());
    }
    ~ContractServer() { stop(); }
    ContractServer(const ContractServer&) = delete;
    ContractServer& operator=(const ContractServer&) = delete;

    void stop() {
        server_.stop();
        if (thread_.joinable()) thread_.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    std::vector<Recorded> requests() {
        std::lock_guard<std::mutex> lock(mutex_);
        return requests_;
    }

private:
    httplib::Server server_;
    int status_;
    std::string reply_;
    int port_ = 0;
    std::thread thread_;
    std::mutex mutex_;
    std::vector<Recorded> requests_;
};

ff::test::ToolRun publish(const std::string& server, const std::string& dir = "valid") {
    return run_tool({"publish", dir, "--server", server, "--token", "tok-123"}, "", ff::test::fixtures_dir());
}

const std::string kValidHash = [] {
    return ff::pack_hash(ff::read_pack_files(ff::test::fixtures_dir() + "/valid"));
}();

} // namespace

SCENARIO("publish uploads the pack's files with the bearer token and reports acceptance") {
    const json accepted = {{"id", "test-valid"}, {"version", 3},  {"hash", kValidHash}, {"title", "测试用剧本包"},
                           {"size", 3648},       {"scenarios", 1}, {"warnings", json::array({{{"file", "scenarios/rebate.toml"},
                                                                                             {"line", 17},
                                                                                             {"column", 10},
                                                                                             {"severity", "warning"},
                                                                                             {"message", "这条消息有点长"}}})}};
    ContractServer server(201, accepted.dump());
    const auto r = publish(server.url());
    INFO(r.err);
    CHECK(r.exit_code == 0);
    const auto reqs = server.requests();
    REQUIRE(reqs.size() == 1);
    THEN("the request follows the contract") {
        CHECK(reqs[0].path == "/api/v1/packs");
        CHECK(reqs[0].authorization == "Bearer tok-123");
        CHECK(reqs[0].content_type == "application/json");
        const json body = json::parse(reqs[0].body);
        REQUIRE(body.is_object());
        CHECK(body.size() == 1);
        const ff::PackFiles files = body.at("files").get<ff::PackFiles>();
        CHECK(files == ff::read_pack_files(ff::test::fixtures_dir() + "/valid"));
        CHECK(files.count("pack.toml") == 1);
        CHECK(files.count("quiz.toml") == 1);
        CHECK(files.count("scenarios/rebate.toml") == 1);
        CHECK(ff::pack_hash(files) == kValidHash);
    }
    THEN("the verdict is in plain words, with server warnings under the folder as typed") {
        CHECK(r.out.find("发布成功：剧本包 test-valid「测试用剧本包」 版本 3，1 个剧本，hash " + kValidHash + "\n") !=
              std::string::npos);
        CHECK(r.err == "valid/scenarios/rebate.toml:17:10: warning: 这条消息有点长\n");
    }
}

SCENARIO("publish explains each refusal of the server") {
    struct Case {
        int status;
        json reply;
        int exit_code;
        std::string expected; // in stdout (ok) or stderr (refused)
    };
    const json diagnostics = {{"error", "pack has errors"},
                              {"diagnostics",
                               json::array({{{"file", "scenarios/rebate.toml"},
                                             {"line", 43},
                                             {"column", 10},
                                             {"severity", "error"},
                                             {"message", "“next” 指向的节点 “task3” 不存在"}},
                                            {{"file", "pack.toml"}, {"line", 0}, {"column", 0}, {"severity", "error"}, {"message", "版本太旧"}}})}};
    const std::vector<Case> cases = {
        {200, json{{"id", "test-valid"}, {"version", 3}, {"hash", kValidHash}}, 0,
         "服务器上已经有完全相同的剧本包（test-valid 版本 3，hash " + kValidHash + "），没有变化。\n"},
        {422, diagnostics, 1,
         "valid/scenarios/rebate.toml:43:10: error: “next” 指向的节点 “task3” 不存在\n"
         "valid/pack.toml: error: 版本太旧\n"
         "服务器拒绝了这个剧本包：检查没有通过（见上面的错误）。\n服务器说：pack has errors\n"},
        {409, json{{"error", "version 3 is not higher than 3"}}, 1,
         "服务器上已经有剧本包 test-valid 的同一版本或更高版本，你的是版本 3。请把 pack.toml 里的 version 改大（比如 4）再发布。\n"
         "服务器说：version 3 is not higher than 3\n"},
        {409, json{{"error", "not higher"}, {"current", {{"id", "test-valid"}, {"version", 7}}}}, 1,
         "服务器上已经有剧本包 test-valid 的同一版本或更高版本（服务器上是版本 7），你的是版本 3。请把 pack.toml 里的 version 改大（比如 8）再发布。\n"},
        {401, json{{"error", "missing or unknown token"}}, 1, "服务器不接受这个令牌（缺少或无效）。"},
        {403, json{{"error", "role student may not publish"}}, 1, "这个令牌没有发布剧本包的权限：需要作者（author）或管理员（admin）令牌。"},
        {413, json{{"error", "too large"}}, 1, "剧本包太大，服务器不接收。"},
        {500, json{{"error", "database is locked"}}, 1, "回复了意外的状态 HTTP 500，发布没有完成。\n服务器说：database is locked\n"},
    };
    for (const Case& c : cases) {
        ContractServer server(c.status, c.reply.dump());
        const auto r = publish(server.url());
        INFO("status " << c.status << "\nout: " << r.out << "\nerr: " << r.err);
        CHECK(server.requests().size() == 1);
        CHECK(r.exit_code == c.exit_code);
        if (c.exit_code == 0)
            CHECK(r.out.find(c.expected) != std::string::npos);
        else
            CHECK(r.err.find(c.expected) != std::string::npos);
    }
    GIVEN("a reply that is not JSON") {
        ContractServer server(502, "<html>Bad Gateway</html>");
        const auto r = publish(server.url());
        CHECK(r.exit_code == 1);
        CHECK(r.err.find("HTTP 502") != std::string::npos);
    }
}

SCENARIO("publish lints first and never uploads a pack with errors") {
    ContractServer server(201, "{}");
    const auto r = publish(server.url(), "dangling_next");
    CHECK(r.exit_code == 1);
    CHECK(server.requests().empty());
    CHECK(r.err.rfind("dangling_next/scenarios/rebate.toml:43:10: error: ", 0) == 0);
    CHECK(r.err.find("没有发布：剧本包有 1 个错误，请先改正。\n") != std::string::npos);
}

SCENARIO("publish says when the server cannot be reached") {
    ContractServer server(201, "{}");
    const std::string url = server.url();
    server.stop(); // the port is now closed: connection refused
    const auto r = publish(url);
    CHECK(r.exit_code == 1);
    CHECK(r.err.rfind("cannot reach server " + url + " (", 0) == 0);
    CHECK(r.err.find("无法连接服务器 " + url + "：请检查地址和网络") != std::string::npos);
}

SCENARIO("publish honours a path prefix in the server address and checks its command line") {
    ContractServer server(201, json{{"id", "test-valid"}, {"version", 3}, {"hash", kValidHash}, {"scenarios", 1}}.dump(),
                          "/fraudfree");
    const auto r = publish(server.url() + "/fraudfree/");
    CHECK(r.exit_code == 0);
    REQUIRE(server.requests().size() == 1);
    CHECK(server.requests()[0].path == "/fraudfree/api/v1/packs");

    const std::string dir = ff::test::fixtures_dir();
    CHECK(run_tool({"publish", "valid", "--server", server.url()}, "", dir).exit_code == 2); // no token
    CHECK(run_tool({"publish", "valid", "--token", "t"}, "", dir).exit_code == 2);          // no server
    CHECK(run_tool({"publish", "valid", "--server", "127.0.0.1:8080", "--token", "t"}, "", dir).exit_code == 2);
    CHECK(run_tool({"publish", "valid", "--server", "htp://x", "--token", "t"}, "", dir).exit_code == 2);
    CHECK(server.requests().size() == 1);
}
