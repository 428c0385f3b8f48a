// The server address field in the settings: what is accepted and stored, and the line that
// says which server the game uses (--server > settings.json > fraudfree.toml next to the game).
#include "screens/server_setting.h"

#include "save/settings.h"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace ff::game;
using ff::net::resolve_server;

SCENARIO("the server field accepts http(s)://host:port and empty, and refuses the rest", "[screens][server-setting]") {
    CHECK(check_server_field("http://192.168.1.10:8080").value == "http://192.168.1.10:8080");
    CHECK(check_server_field("  http://192.168.1.10:8080 ").value == "http://192.168.1.10:8080");
    CHECK(check_server_field("192.168.1.10:8080").value == "http://192.168.1.10:8080"); // http is assumed
    CHECK(check_server_field("https://ff.example.edu.cn/fraudfree").ok);
    const auto empty = check_server_field("   ");
    CHECK(empty.ok);
    CHECK(empty.value.empty());
    for (const char* bad : {"http://", "ftp://host:21", "http://host:99999", "http://user@host:8080", "http://host:80?x=1",
                            "http://主机 地址"}) {
        INFO(bad);
        const auto c = check_server_field(bad);
        CHECK_FALSE(c.ok);
        CHECK_FALSE(c.error.empty());
    }
    GIVEN("a checked address saved into the settings") {
        ff::save::Settings s;
        s.server_url = check_server_field("192.168.1.10:8080").value;
        THEN("it is persisted with the other settings") {
            CHECK(ff::save::settings_from_json(ff::save::to_json(s)).server_url == "http://192.168.1.10:8080");
        }
    }
}

SCENARIO("the note under the field follows the documented precedence", "[screens][server-setting]") {
    const fs::path exe_dir = fs::temp_directory_path() / ("ff-server-setting-" + std::to_string(::getpid()));
    fs::create_directories(exe_dir);
    std::ofstream(exe_dir / "fraudfree.toml") << "server = \"http://10.0.0.5:8080\"\n";
    const ff::net::ServerUrl campus{"http", "10.0.0.5", 8080, ""};
    const ff::net::ServerUrl saved{"http", "192.168.1.10", 8080, ""};

    WHEN("--server is given") {
        const auto choice = resolve_server(std::string("http://127.0.0.1:9000"), "http://192.168.1.10:8080", exe_dir);
        THEN("it wins over the settings, and the note says so") {
            CHECK(server_note(choice, choice.url) ==
                  "命令行 --server 优先于这里：本次使用 http://127.0.0.1:9000。");
        }
    }
    WHEN("the settings name a server the game already talks to") {
        const auto choice = resolve_server(std::nullopt, "http://192.168.1.10:8080", exe_dir);
        THEN("it wins over fraudfree.toml and is in use") { CHECK(server_note(choice, saved) == "正在使用这个地址。"); }
    }
    WHEN("the settings name a new server while the game talks to the campus one") {
        const auto choice = resolve_server(std::nullopt, "http://192.168.1.10:8080", exe_dir);
        THEN("the note says it is used from the next start") {
            CHECK(server_note(choice, campus) == "已保存。重新启动游戏后连接 http://192.168.1.10:8080。");
        }
    }
    WHEN("the settings are empty") {
        const auto choice = resolve_server(std::nullopt, "", exe_dir);
        THEN("fraudfree.toml next to the game is used") {
            CHECK(server_note(choice, campus) == "这里留空时，使用程序旁 fraudfree.toml 里的 http://10.0.0.5:8080。");
        }
    }
    WHEN("nothing names a server") {
        const auto choice = resolve_server(std::nullopt, "", fs::path());
        THEN("the game is offline") {
            CHECK(server_note(choice, std::nullopt) == "没有设置服务器：成绩只保存在本机。");
            CHECK(server_note(choice, saved) == "已清空。重新启动游戏后只在本机练习。");
        }
    }
    fs::remove_all(exe_dir);
}
